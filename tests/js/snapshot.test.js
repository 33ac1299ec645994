import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { gunzipped, readSnapshot, snapshotWanted } from "../../assessments/web/modules/snapshot.js";

const now = () => performance.now();

test("a snapshot that is in, or failed, is judged at once", async () => {
  assert.equal(await snapshotWanted({ done: true, failed: false }), true);
  assert.equal(await snapshotWanted({ done: false, failed: true }), false);
});

test("the rest must come within 1.2 s at the rate seen so far", async () => {
  const seen = { asked: now() - 500, first: now() - 200, size: 6_000_000, done: false,
                 failed: false };
  // 1 MB in 200 ms: 5 MB more take 1 s.
  assert.equal(await snapshotWanted({ ...seen, got: 1_000_000 }), true);
  // 0.5 MB in 200 ms: 5.5 MB more take 2.2 s.
  assert.equal(await snapshotWanted({ ...seen, got: 500_000 }), false);
});

test("the rate is judged on 150 ms of bytes at least, and no bytes at 400 ms is a no", async () => {
  const state = { asked: now(), first: now(), got: 10, size: 6_000_000, done: false,
                  failed: false };
  const started = now();
  const judged = snapshotWanted(state);
  setTimeout(() => { state.got = 6_000_000; state.done = true; }, 60);
  assert.equal(await judged, true); // it waited, and saw it come in
  assert.ok(now() - started >= 55);
  const silent = { asked: now(), first: 0, got: 0, size: 6_000_000, done: false, failed: false };
  const waited = now();
  assert.equal(await snapshotWanted(silent), false);
  assert.ok(now() - waited >= 390);
  // Without a size, the rest cannot be judged.
  const unsized = { asked: now() - 500, first: now() - 200, got: 10, size: 0, done: false,
                    failed: false };
  assert.equal(await snapshotWanted(unsized), false);
});

test("gzip bytes are unpacked; bytes a host already unpacked are kept", async () => {
  const memory = new Uint8Array([0, 97, 115, 109, 1, 2, 3]);
  assert.deepEqual(await gunzipped(gzipSync(memory)), memory);
  assert.deepEqual(await gunzipped(memory.buffer), memory);
  await assert.rejects(() => gunzipped(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2])));
});

test("the reader counts what arrives, and unpacks it", async (t) => {
  const memory = new Uint8Array(100_000).map((_, i) => i % 251);
  const packed = gzipSync(memory);
  t.mock.method(globalThis, "fetch", async () => new Response(packed, {
    headers: { "Content-Length": String(packed.length) } }));
  const state = readSnapshot("https://example.test/engine.snapshot");
  assert.deepEqual(await state.bytes, memory);
  assert.equal(state.done, true);
  assert.equal(state.got, packed.length);
  assert.equal(state.size, packed.length);
  assert.equal(await snapshotWanted(state), true);
});

test("a snapshot the host does not have fails, and is not wanted", async (t) => {
  t.mock.method(globalThis, "fetch", async () => new Response("gone", { status: 404 }));
  const state = readSnapshot("https://example.test/engine.snapshot");
  await assert.rejects(state.bytes, /answered HTTP 404/);
  assert.equal(state.failed, true);
  assert.equal(await snapshotWanted(state), false);
});

test("dropping it stops the download", async (t) => {
  let signal = null;
  t.mock.method(globalThis, "fetch", (url, options) => {
    signal = options.signal;
    return new Promise((resolve, reject) => {
      options.signal.addEventListener("abort", () => reject(new Error("aborted")));
    });
  });
  const state = readSnapshot("https://example.test/engine.snapshot");
  state.drop();
  assert.equal(signal.aborted, true);
  await assert.rejects(state.bytes, /aborted/);
  assert.equal(state.failed, true);
});
