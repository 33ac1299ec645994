import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MAX_IMPORT_BYTES, csvCell, csvText, exportText, importMessage, importProblem, readImport,
} from "../../assessments/web/modules/transfer.js";

const ENTRY = {
  date: "2026-11-01T10:00:00.000Z", playbook_version: "2026-Q4", answers: { q1: "a" }, role: null,
  summary: { overall: "Forming", verdict: null, sections: [
    { id: "delivery", title: "Delivery", score: 2, max: 5, band: "Low", stage: null },
    { id: "old", title: "Old, \"quoted\" part", score: null, max: null, band: null, stage: "Norming" },
  ] },
};

function exported(fields = {}) {
  return { format: "playbook-assessment", format_version: 1, assessment: "team-maturity",
           playbook_version: "2026-Q4", role: "sdr", answers: { q1: "a" }, history: [ENTRY],
           ...fields };
}

test("an export reads back as an import of the same assessment", () => {
  const text = exportText({ id: "team-maturity", version: "2026-Q4", role: "sdr",
                            answers: { q1: "a" }, history: [ENTRY] }, new Date("2026-11-30T00:00:00Z"));
  const data = JSON.parse(text);
  assert.equal(data.exported, "2026-11-30T00:00:00.000Z");
  assert.ok(text.endsWith("}\n"));
  const read = readImport(text, text.length, "team-maturity");
  assert.equal(read.problem, undefined);
  assert.deepEqual(read.entries, [ENTRY]);
  assert.equal(read.skipped, 0);
});

test("each way a file is not an export is told in words", () => {
  const not = "That file is not an export of this assessment: ";
  const cases = [
    [null, "it is not a playbook assessment export."],
    [[1, 2], "it is not a playbook assessment export."],
    [exported({ format: "other" }), "it is not a playbook assessment export."],
    [exported({ assessment: "hiring-bar" }), "it holds answers to \u201chiring-bar\u201d."],
    [exported({ answers: { q1: 2 } }), "its answers are not in the expected form."],
    [exported({ answers: [] }), "its answers are not in the expected form."],
    [exported({ role: 3 }), "its role is not in the expected form."],
    [exported({ history: "all" }), "its saved results are not in the expected form."],
  ];
  for (const [data, problem] of cases) {
    assert.equal(importProblem(data, "team-maturity"), not + problem, JSON.stringify(data));
  }
  assert.equal(importProblem(exported(), "team-maturity"), null);
  assert.equal(importProblem(exported({ history: undefined, role: null }), "team-maturity"), null);
});

test("a file that is too large, or not JSON, changes nothing", () => {
  assert.deepEqual(readImport("", MAX_IMPORT_BYTES + 1, "team-maturity"), {
    problem: "That file is too large to be an export of this assessment. Nothing was changed." });
  assert.deepEqual(readImport("{nope", 5, "team-maturity"), {
    problem: "That file is not an export of this assessment: it is not valid JSON. " +
             "Nothing was changed." });
  assert.match(readImport("{}", 2, "team-maturity").problem, /Nothing was changed\.$/);
});

test("unreadable saved results are left out and counted", () => {
  const text = JSON.stringify(exported({ history: [ENTRY, { date: "never" }, "x"] }));
  const read = readImport(text, text.length, "team-maturity");
  assert.deepEqual(read.entries, [ENTRY]);
  assert.equal(read.skipped, 2);
});

test("what an import did, in words", () => {
  const read = { data: exported(), skipped: 1 };
  assert.equal(
    importMessage("a.json", read, { matched: 3, unmatched: 2, roleMatched: false }, 1),
    "Imported 3 answers from a.json (2026-Q4). 2 answers no longer match a question of this " +
    "version and were left out. The role in the file is not a role of this version. 1 saved " +
    "result added. 1 unreadable saved result was left out.");
  assert.equal(
    importMessage("b.json", { data: exported({ playbook_version: 4 }), skipped: 0 },
                  { matched: 1, unmatched: 1, roleMatched: true }, 0),
    "Imported 1 answer from b.json. 1 answer no longer matches a question of this version " +
    "and was left out.");
});

test("CSV cells are quoted only when they must be", () => {
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("a, b"), "\"a, b\"");
  assert.equal(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  assert.equal(csvCell("two\nlines"), "\"two\nlines\"");
});

test("the CSV has a row per saved result, this version's sections first", () => {
  const later = { ...ENTRY, date: "2026-11-02T10:00:00.000Z", summary: {
    overall: null, verdict: "On track",
    sections: [{ id: "culture", title: "Culture", score: 4, max: 4, band: null, stage: null }] } };
  const text = csvText([ENTRY, later], [{ id: "culture", title: "Culture" },
                                        { id: "delivery", title: "Delivery" }]);
  assert.equal(text,
    "date,playbook_version,overall,verdict,Culture,Delivery,\"Old, \"\"quoted\"\" part\"\r\n" +
    "2026-11-01T10:00:00.000Z,2026-Q4,Forming,,,2/5,Norming\r\n" +
    "2026-11-02T10:00:00.000Z,2026-Q4,,On track,4/4,,\r\n");
  assert.equal(csvText([], []), "date,playbook_version,overall,verdict\r\n");
});
