import assert from "node:assert/strict";
import { test } from "node:test";

import { pieces } from "../../assessments/web/modules/words.js";

const joined = (parts) => parts.map((p) => p.text).join("");

test("a sentence is cut where its marks are, and joins back as it was", () => {
  const link = { text: "Forming", url: "models/forming/" };
  const parts = pieces("Stage: Forming (stage 1 of 5)", [link]);
  assert.deepEqual(parts, [
    { text: "Stage: ", mark: null }, { text: "Forming", mark: link },
    { text: " (stage 1 of 5)", mark: null },
  ]);
});

test("marks are found in order, each after the one before, or from where it says", () => {
  const a = { text: "Pod" }, b = { text: "Hybrid" };
  assert.deepEqual(pieces("Pod and Hybrid fit equally", [a, b]).map((p) => p.mark),
                   [a, null, b, null]);
  // "Stage" the name, not "Stage" the label before it.
  const name = { text: "Stage", from: 7 };
  assert.deepEqual(pieces("Stage: Stage (stage 1 of 5)", [name]).map((p) => p.text),
                   ["Stage: ", "Stage", " (stage 1 of 5)"]);
});

test("a mark the sentence does not hold is skipped; the sentence is never changed", () => {
  for (const [text, marks] of [
    ["Average 2.5 of 5: Watch, amber", [{ text: "Sustain" }, { text: "Watch, amber" }]],
    ["Answered 3 of 10 questions.", []],
    ["", [{ text: "x" }]],
    ["Averages: A 1 \u00b7 B 2", [{ text: "A" }, { text: "1" }, { text: "B" }, { text: "" }, null]],
  ]) {
    assert.equal(joined(pieces(text, marks)), text);
  }
});
