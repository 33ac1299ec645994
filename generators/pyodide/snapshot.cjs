/* Makes a memory snapshot of Pyodide with the scoring engine imported (see snapshot.py):
 *
 *   node snapshot.cjs PYODIDE_DIR WHEEL OUT
 *
 * PYODIDE_DIR is the runtime the site ships; WHEEL the engine's wheel; the snapshot's
 * bytes are written to OUT. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

(async function () {
  const [dir, wheel, out] = process.argv.slice(2);
  // Python's argv[0] and its environment's "_" come from this process's arguments: keep
  // the builder's paths (this script's, the runtime's) out of a file that gets published.
  process.argv = [process.argv[0], "playbook"];
  const { loadPyodide } = require(path.resolve(dir, "pyodide.js"));
  const pyodide = await loadPyodide({ indexURL: path.resolve(dir) + path.sep,
                                      _makeSnapshot: true, stdout: function () {} });
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(wheel)), "wheel");
  pyodide.runPython("import assessments.bridge");
  fs.writeFileSync(out, pyodide.makeMemorySnapshot());
})().catch(function (err) {
  process.stderr.write(String((err && err.message) || err).split("\n").slice(-1)[0] + "\n");
  process.exit(1);
});
