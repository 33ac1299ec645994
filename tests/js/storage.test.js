import assert from "node:assert/strict";
import { test } from "node:test";

import {
  findOtherVersion, normaliseEntry, normaliseRecord, readRecord, setAside, storageKey, writeRecord,
} from "../../assessments/web/modules/storage.js";
import { MemoryStorage, blockedStorage } from "./memory-storage.js";

const KEY = storageKey("2026-Q4", "team-maturity");
const RECORD = { answers: { q1: "a" }, role: "sdr", updated: "2026-11-01T10:00:00.000Z", history: [] };

test("the key names the playbook version and the assessment", () => {
  assert.equal(KEY, "pbk:assessment:2026-Q4:team-maturity");
});

test("a saved record reads back as it was written", () => {
  const storage = new MemoryStorage();
  assert.equal(writeRecord(storage, KEY, RECORD), true);
  const found = readRecord(storage, KEY);
  assert.equal(found.status, "ok");
  assert.deepEqual(found.record, RECORD);
});

test("no record, and a blocked storage, are told apart", () => {
  assert.deepEqual(readRecord(new MemoryStorage(), KEY), { status: "none" });
  assert.deepEqual(readRecord(null, KEY), { status: "blocked" });
  assert.deepEqual(readRecord(blockedStorage, KEY), { status: "blocked" });
});

test("text that is not JSON is corrupt, and kept as it was", () => {
  const storage = new MemoryStorage({ [KEY]: "{not json" });
  assert.deepEqual(readRecord(storage, KEY), { status: "corrupt", raw: "{not json" });
});

test("JSON of another shape is corrupt", () => {
  for (const value of [[], "text", { answers: { q1: 3 } }, { answers: {}, role: 7 },
    { answers: {}, history: {} }, { answers: {}, history: [{ date: "yesterday" }] }]) {
    const storage = new MemoryStorage({ [KEY]: JSON.stringify(value) });
    assert.equal(readRecord(storage, KEY).status, "corrupt", JSON.stringify(value));
  }
});

test("a corrupt value is set aside under a dated key, and removed from its own", () => {
  const storage = new MemoryStorage({ [KEY]: "{not json" });
  const backup = setAside(storage, KEY, "{not json", new Date("2026-11-30T12:00:00Z"));
  assert.equal(backup, KEY + ":corrupt:2026-11-30T12:00:00.000Z");
  assert.equal(storage.getItem(backup), "{not json");
  assert.equal(storage.getItem(KEY), null);
});

test("a corrupt value that cannot be set aside stays where it is", () => {
  const storage = new MemoryStorage({ [KEY]: "{not json" }, 30);
  assert.equal(setAside(storage, KEY, "{not json"), null);
  assert.equal(storage.getItem(KEY), "{not json");
  assert.equal(setAside(null, KEY, "x"), null);
});

test("a full storage (QuotaExceededError) or a blocked one saves nothing and says so", () => {
  const full = new MemoryStorage({}, 10);
  assert.equal(writeRecord(full, KEY, RECORD), false);
  assert.equal(full.length, 0);
  assert.equal(writeRecord(blockedStorage, KEY, RECORD), false);
  assert.equal(writeRecord(null, KEY, RECORD), false);
});

test("the newest record of another version is found; foreign and corrupt keys are not", () => {
  const older = { ...RECORD, updated: "2026-08-01T10:00:00.000Z", answers: { q1: "old" } };
  const newer = { ...RECORD, updated: "2026-10-01T10:00:00.000Z", answers: { q1: "new" } };
  const storage = new MemoryStorage({
    "pbk:assessment:2026-Q2:team-maturity": JSON.stringify(older),
    "pbk:assessment:2026-Q3:team-maturity": JSON.stringify(newer),
    "pbk:assessment:2026-Q1:team-maturity": "{broken",
    "pbk:assessment:2026-Q3:team-maturity:corrupt:2026-10-02T00:00:00.000Z": JSON.stringify(RECORD),
    "pbk:assessment:2026-Q3:other-assessment": JSON.stringify({ ...RECORD, updated: "2026-12-01" }),
    "someone-else:team-maturity": JSON.stringify({ ...RECORD, updated: "2026-12-01" }),
    [KEY]: JSON.stringify({ ...RECORD, updated: "2026-12-01T00:00:00.000Z" }),
  });
  const found = findOtherVersion(storage, "team-maturity", "2026-Q4");
  assert.equal(found.version, "2026-Q3");
  assert.deepEqual(found.record.answers, { q1: "new" });
});

test("of two versions saved at the same time, the later version wins", () => {
  const storage = new MemoryStorage({
    "pbk:assessment:v9:a": JSON.stringify(RECORD),
    "pbk:assessment:v10:a": JSON.stringify(RECORD),
  });
  assert.equal(findOtherVersion(storage, "a", "v11").version, "v10");
});

test("no other version in an empty, missing or blocked storage", () => {
  assert.equal(findOtherVersion(new MemoryStorage(), "a", "v1"), null);
  assert.equal(findOtherVersion(null, "a", "v1"), null);
  assert.equal(findOtherVersion(blockedStorage, "a", "v1"), null);
});

test("a history entry keeps its known fields, in their types", () => {
  const entry = normaliseEntry({
    date: "2026-11-01T10:00:00.000Z", playbook_version: 3, role: null, extra: "dropped",
    summary: { overall: "Forming", verdict: 2,
               sections: [{ id: 1, score: 2, max: "5", band: "Low" }, "not a section"] },
  });
  assert.deepEqual(entry, {
    date: "2026-11-01T10:00:00.000Z", playbook_version: null, answers: {}, role: null,
    summary: { overall: "Forming", verdict: null,
               sections: [{ id: "1", title: "1", score: 2, max: null, band: "Low", stage: null }] },
  });
  assert.equal(normaliseEntry({ date: "2026-11-01", answers: { q: 1 } }), null);
  assert.equal(normaliseEntry(null), null);
  assert.equal(normaliseRecord({ answers: {}, role: 5 }), null);
});

test("a history entry keeps the engine's words for it, when it was saved with them", () => {
  const summary = { overall: null, overall_text: "no result", verdict: null,
                    sections: [{ id: "s", title: "S", score: 2, max: 5, band: "Low", stage: null,
                                 text: "2 of 5 \u00b7 Low" }] };
  const entry = normaliseEntry({ date: "2026-11-01T10:00:00.000Z", summary });
  assert.deepEqual(entry.summary, summary);
  const odd = normaliseEntry({ date: "2026-11-01T10:00:00.000Z",
                               summary: { overall_text: 3, sections: [{ id: "s", text: {} }] } });
  assert.equal("overall_text" in odd.summary, false);
  assert.equal("text" in odd.summary.sections[0], false);
});
