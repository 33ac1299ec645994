import assert from "node:assert/strict";
import { File } from "node:buffer";
import { test } from "node:test";

import { MAX_FILES, MAX_FILE_BYTES, readFiles } from "../../assessments/web/modules/files.js";

/** A File whose reading is counted, so a test can see what was read. */
function counted(name, text, reads) {
  const file = new File([text], name, { type: "application/json" });
  return {
    name: file.name, size: file.size,
    text: () => { reads.push(name); return file.text(); },
    slice: (start, end) => { reads.push(name + ":slice"); return file.slice(start, end); },
  };
}

test("every chosen file is read as its name and text, in the order chosen", async () => {
  const reads = [];
  const files = await readFiles([counted("b.json", "{\"x\":1}", reads), counted("a.json", "[]", reads)]);
  assert.deepEqual(files, [{ name: "b.json", text: "{\"x\":1}" }, { name: "a.json", text: "[]" }]);
});

test("more files than the engine takes are not read at all", async () => {
  const reads = [];
  const many = Array.from({ length: MAX_FILES + 1 }, (_, i) => counted(`f${i}.json`, "{}", reads));
  const files = await readFiles(many);
  assert.equal(files.length, MAX_FILES + 1);
  assert.ok(files.every((f) => f.text === ""));
  assert.deepEqual(reads, []);
});

test("of a file too large, only enough is read for the engine to say so", async () => {
  const reads = [];
  const big = "x".repeat(MAX_FILE_BYTES + 1000);
  const files = await readFiles([counted("big.json", big, reads)]);
  assert.equal(files[0].text.length, MAX_FILE_BYTES + 1);
  assert.deepEqual(reads, ["big.json:slice"]);
});

test("no files give an empty list", async () => {
  assert.deepEqual(await readFiles(null), []);
  assert.deepEqual(await readFiles([]), []);
});
