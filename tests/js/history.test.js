import assert from "node:assert/strict";
import { test } from "node:test";

import {
  comparison, entryLabel, mergeHistories, newEntry, overallText, summarise, summaryCell,
} from "../../assessments/web/modules/history.js";

// The engine's result, with the words it gives a saved result (summary_text).
const RESULT = {
  overall: { label: "Performing" }, verdict: { label: "On track" }, summary_text: "Performing",
  sections: [
    { id: "delivery", title: "Delivery", score: 3, max: 5, band: { label: "Solid" }, stage: null,
      summary_text: "3 of 5 \u00b7 Solid" },
    { id: "culture", title: "Culture", score: null, max: 4, band: null, stage: { name: "Forming" },
      summary_text: "Forming" },
  ],
};

function entry(date, summary) {
  return { date, playbook_version: "v1", answers: {}, role: null,
           summary: { overall: null, verdict: null, sections: [], ...summary } };
}

test("a saved result keeps the labels and the words of the engine's result", () => {
  assert.deepEqual(summarise(RESULT), {
    overall: "Performing", overall_text: "Performing", verdict: "On track",
    sections: [
      { id: "delivery", title: "Delivery", score: 3, max: 5, band: "Solid", stage: null,
        text: "3 of 5 \u00b7 Solid" },
      { id: "culture", title: "Culture", score: null, max: 4, band: null, stage: "Forming",
        text: "Forming" },
    ],
  });
  assert.deepEqual(summarise({}), { overall: null, overall_text: null, verdict: null, sections: [] });
});

test("a saved result reads in the engine's words, whatever its numbers say", () => {
  const engine = { overall: null, overall_text: "Engine's words", verdict: null, sections: [] };
  assert.equal(overallText(engine), "Engine's words");
  assert.match(entryLabel({ date: "2026-01-01T00:00:00.000Z", playbook_version: "v1",
                            summary: engine }, 0), /^1\. .* \u2014 Engine's words \(v1\)$/);
  assert.equal(summaryCell({ score: 2, max: 5, band: "Low", stage: null, text: "As worded" }),
               "As worded");
  assert.equal(summaryCell({ score: null, max: null, band: null, stage: null, text: "not answered" }),
               "not answered");
});

test("a result saved before the engine worded it still reads", () => {
  assert.equal(overallText({ overall: "Forming" }), "Forming");
  assert.equal(overallText({ overall: null }), "no result");
});

test("a new entry is dated now, or just after the last one when that is not earlier", () => {
  const now = new Date("2026-11-30T12:00:00.000Z");
  const fields = { version: "v2", answers: { q: "a" }, role: "sdr" };
  const first = newEntry([], RESULT, fields, now);
  assert.equal(first.date, "2026-11-30T12:00:00.000Z");
  assert.equal(first.playbook_version, "v2");
  assert.deepEqual(first.answers, { q: "a" });
  assert.equal(first.role, "sdr");
  assert.equal(first.summary.overall, "Performing");
  assert.equal(newEntry([first], RESULT, fields, now).date, "2026-11-30T12:00:00.001Z");
});

test("merged histories are sorted by date, and the first of one date is kept", () => {
  const a = [entry("2026-03-01T00:00:00.000Z", { overall: "mine" }), entry("2026-01-01T00:00:00.000Z")];
  const b = [entry("2026-03-01T00:00:00.000Z", { overall: "imported" }), entry("2026-02-01T00:00:00.000Z")];
  const merged = mergeHistories(a, b);
  assert.deepEqual(merged.map((e) => e.date),
    ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
  assert.equal(merged[2].summary.overall, "mine");
});

test("a section in words", () => {
  assert.equal(summaryCell(null), "\u2013");
  assert.equal(summaryCell({ score: 2.5, max: 5, band: "Low", stage: null }), "2.5 of 5 \u00b7 Low");
  assert.equal(summaryCell({ score: null, max: 5, band: null, stage: "Forming" }), "Forming");
  assert.equal(summaryCell({ score: null, max: null, band: null, stage: null }), "not answered");
});

test("two saved results compared: overall, verdict, then every section of either", () => {
  const a = entry("2026-01-01T00:00:00.000Z", {
    overall: "Forming", verdict: "Behind",
    sections: [{ id: "d", title: "Delivery", score: 2, max: 5, band: "Low", stage: null },
               { id: "old", title: "Gone", score: 1, max: 2, band: null, stage: null }],
  });
  const b = entry("2026-02-01T00:00:00.000Z", {
    overall: "Performing", verdict: "Behind",
    sections: [{ id: "d", title: "Delivery", score: 3.5, max: 5, band: "Solid", stage: null },
               { id: "new", title: "Added", score: null, max: 3, band: null, stage: "Norming" }],
  });
  assert.deepEqual(comparison(a, b), [
    { label: "Overall", before: "Forming", after: "Performing", change: "Forming \u2192 Performing" },
    { label: "Verdict", before: "Behind", after: "Behind", change: "no change" },
    { label: "Delivery", before: "2 of 5 \u00b7 Low", after: "3.5 of 5 \u00b7 Solid",
      change: "+1.5, Low \u2192 Solid" },
    { label: "Gone", before: "1 of 2", after: "\u2013", change: "no change" },
    { label: "Added", before: "\u2013", after: "Norming", change: "\u2013 \u2192 Norming" },
  ]);
});

test("a comparison without verdicts has no verdict row; a fall is signed with a minus", () => {
  const section = (score) => ({ id: "d", title: "Delivery", score, max: 5, band: null, stage: null });
  const rows = comparison(entry("2026-01-01T00:00:00.000Z", { sections: [section(4)] }),
                          entry("2026-02-01T00:00:00.000Z", { sections: [section(3)] }));
  assert.deepEqual(rows.map((r) => r.label), ["Overall", "Delivery"]);
  assert.equal(rows[0].change, "no change");
  assert.equal(rows[1].change, "\u22121");
});
