import assert from "node:assert/strict";
import { test } from "node:test";

import {
  cardFileName, cardKey, debriefFileName, emptyCard, normaliseCard, readCard, slug, writeCard,
} from "../../assessments/web/modules/scorecard-card.js";
import { MemoryStorage, blockedStorage } from "./memory-storage.js";

const KEY = cardKey("2026-Q4", "candidate-scorecard");
const CARD = { candidate: "Robin Example", round: "Panel", interviewer: "Sam",
               ratings: { "sales-acumen": "excellent" }, notes: { "Strengths (1)": "Research" } };

test("the key names the playbook version and the scorecard", () => {
  assert.equal(KEY, "pbk:scorecard:2026-Q4:candidate-scorecard");
});

test("a kept card reads back as it was written; an empty one removes the record", () => {
  const storage = new MemoryStorage();
  assert.equal(writeCard(storage, KEY, CARD), true);
  assert.deepEqual(readCard(storage, KEY), { status: "ok", card: CARD });
  assert.equal(writeCard(storage, KEY, emptyCard()), true);
  assert.deepEqual(readCard(storage, KEY), { status: "none" });
  assert.deepEqual(readCard(null, KEY), { status: "blocked" });
  assert.equal(writeCard(blockedStorage, KEY, CARD), false);
});

test("an unreadable card is set aside, never lost", () => {
  const now = new Date("2026-11-30T10:00:00.000Z");
  for (const raw of ["{not json", JSON.stringify({ ratings: { a: 4 } }), "[]"]) {
    const storage = new MemoryStorage({ [KEY]: raw });
    const found = readCard(storage, KEY, now);
    assert.deepEqual(found, { status: "corrupt", backup: KEY + ":corrupt:" + now.toISOString() });
    assert.equal(storage.getItem(found.backup), raw);
    assert.equal(storage.getItem(KEY), null);
  }
  // Too full to set it aside: the value stays where it is, and the caller is told.
  const raw = "{not json";
  const full = new MemoryStorage({ [KEY]: raw }, KEY.length + raw.length);
  assert.deepEqual(readCard(full, KEY, now), { status: "stuck" });
  assert.equal(full.getItem(KEY), raw);
});

test("a card keeps only text fields, ratings and notes", () => {
  assert.deepEqual(normaliseCard({ candidate: "A" }), { ...emptyCard(), candidate: "A" });
  assert.equal(normaliseCard({ candidate: 3 }), null);
  assert.equal(normaliseCard({ notes: ["x"] }), null);
  assert.equal(normaliseCard(null), null);
});

test("file names are slugged from candidate, round and interviewer", () => {
  assert.equal(slug("  Zoë O'Brien — Panel  "), "zoe-o-brien-panel");
  assert.equal(cardFileName(CARD), "scorecard-robin-example-panel-sam.json");
  assert.equal(cardFileName({ candidate: "Ana", round: "???", interviewer: "Li" }),
               "scorecard-ana-li.json");
  assert.equal(debriefFileName("Robin Example", "csv"), "debrief-robin-example.csv");
  assert.equal(debriefFileName("", "json"), "debrief.json");
});
