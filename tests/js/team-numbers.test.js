import assert from "node:assert/strict";
import { test } from "node:test";

import { answerGroups, chartRows, place, sectionScale, ticks, topCount }
  from "../../assessments/web/modules/team-numbers.js";

const likert = { questions: [{ options: [1, 2, 3, 4, 5].map((value) => ({ value })) }] };
const dimension = (id, min, max) => ({ id, label: id, median: (min + max) / 2, min, max,
                                       q1: min, q3: max, text: id });

test("a rated section's chart runs from its lowest option to its highest", () => {
  const section = { rule: "dimension-mean", most: 5, dimensions: [dimension("a", 2, 4)] };
  assert.deepEqual(sectionScale(likert, section), { lo: 1, hi: 5 });
});

test("any other section runs from 0 to the most it scores, and holds every value", () => {
  const ladder = { rule: "cumulative-stages", title: "Ladder", most: 4, median: 2, min: 1,
                   max: 6, dimensions: [] };
  assert.deepEqual(sectionScale(null, ladder), { lo: 0, hi: 6 });
  assert.equal(chartRows(ladder)[0].label, "Ladder");
});

test("a section nobody has a number in draws no chart rows", () => {
  assert.deepEqual(chartRows({ median: null, dimensions: [{ median: null }] }), []);
});

test("values sit on the scale, clamped to its ends", () => {
  const scale = { lo: 1, hi: 5 };
  assert.equal(place(3, scale, 0, 400), 200);
  assert.equal(place(9, scale, 0, 400), 400);
  assert.equal(place(-2, scale, 10, 400), 10);
  assert.deepEqual(ticks(scale), [1, 2, 3, 4, 5]);
  assert.deepEqual(ticks({ lo: 0, hi: 100 }), [0, 100]);
});

test("questions with the same options share a table, in the view's order", () => {
  const q = (id, labels, counts) => ({ id, counts: labels.map((label, i) => ({ label, count: counts[i] })) });
  const groups = answerGroups([q("a", ["Yes", "No"], [2, 1]), q("b", ["Yes", "No"], [0, 3]),
                               q("c", ["Low", "High"], [1, 1]), q("d", ["Yes", "No"], [1, 0])]);
  assert.deepEqual(groups.map((g) => g.questions.map((x) => x.id)), [["a", "b"], ["c"], ["d"]]);
  assert.deepEqual(groups[1].labels, ["Low", "High"]);
  assert.equal(topCount(groups[0].questions[1]), 3);
  assert.equal(topCount({ counts: [] }), 0);
});
