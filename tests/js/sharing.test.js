import assert from "node:assert/strict";
import { test } from "node:test";

import { readFragment, resultFragment, resultLink } from "../../assessments/web/modules/sharing.js";

const FIELDS = { id: "team-health", version: "2026-Q4", role: "sdr",
                 answers: { "trust-1": "agree", "pace-2": "strongly-disagree" } };

test("a result link reads back as the answers, role, assessment and version it holds", () => {
  const read = readFragment(resultFragment(FIELDS));
  assert.deepEqual(read, { id: "team-health", version: "2026-Q4", role: "sdr",
                           answers: FIELDS.answers });
});

test("the link keeps the page's address, drops its query and fragment, and is URL-safe", () => {
  const link = resultLink("https://example.org/v/2026-Q4/assessments/team-health/?role=x#top", FIELDS);
  assert.ok(link.startsWith("https://example.org/v/2026-Q4/assessments/team-health/#result="));
  assert.match(link.split("#result=")[1], /^[A-Za-z0-9_-]+$/);
});

test("text outside ASCII survives the trip", () => {
  const read = readFragment(resultFragment({ ...FIELDS, version: "2026 – Q4 (été)" }));
  assert.equal(read.version, "2026 – Q4 (été)");
});

test("a fragment that is no result link is not one", () => {
  assert.equal(readFragment(""), null);
  assert.equal(readFragment("#top"), null);
  assert.equal(readFragment("#search=x"), null);
});

test("a cut, foreign or malformed link is a problem in words, never an exception", () => {
  const whole = resultFragment(FIELDS);
  for (const hash of [whole.slice(0, whole.length - 7), "#result=", "#result=!!!",
                      "#result=" + btoa(JSON.stringify({ k: "other" })),
                      "#result=" + btoa(JSON.stringify({ k: "pbr1", a: "x", x: { q: 1 } })),
                      "#result=" + "A".repeat(20000)]) {
    const read = readFragment(hash);
    assert.ok(read && typeof read.problem === "string", hash.slice(0, 40));
  }
});
