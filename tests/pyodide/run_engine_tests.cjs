// Run the scoring engine's tests inside real Pyodide under Node, offline.
//
//   node tests/pyodide/run_engine_tests.cjs
//
// Copies assessments/*.py and tests/engine/ (tests and spec fixtures) into
// Pyodide's file system, runs every test_* function, prints the line
// "results <digest>" (a digest of every fixture scored with fixed answers, to compare
// with CPython's), and ends with the line "N passed, N failed". Exits 1 on any failure.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const { loadPyodide } = require(path.join(ROOT, "node_modules", "pyodide", "pyodide.js"));

function copyTree(py, from, to, keep) {
  py.FS.mkdirTree(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = `${to}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== "__pycache__") copyTree(py, source, target, keep);
    } else if (keep(entry.name)) {
      py.FS.writeFile(target, fs.readFileSync(source));
    }
  }
}

const RUNNER = `
import importlib, pathlib, sys, traceback
sys.path.insert(0, "/work")
print("python", sys.version.split()[0], "on", sys.platform)
passed = failed = 0
for path in sorted(pathlib.Path("/work/tests/engine").glob("test_*.py")):
    module = importlib.import_module("tests.engine." + path.stem)
    for name in sorted(n for n in dir(module) if n.startswith("test_")):
        try:
            getattr(module, name)()
            passed += 1
        except Exception:
            failed += 1
            print("FAILED", path.stem + "::" + name)
            traceback.print_exc()
import hashlib, json
from tests.engine.fixtures import sample_results
text = json.dumps(sample_results(), sort_keys=True, ensure_ascii=False)
print("results", hashlib.sha256(text.encode()).hexdigest())
print(f"{passed} passed, {failed} failed")
failed
`;

(async () => {
  const py = await loadPyodide();
  const isSource = (name) => name.endsWith(".py") || name.endsWith(".json");
  copyTree(py, path.join(ROOT, "assessments"), "/work/assessments", (n) => n.endsWith(".py"));
  py.FS.mkdirTree("/work/tests");
  py.FS.writeFile("/work/tests/__init__.py", "");
  copyTree(py, path.join(ROOT, "tests", "engine"), "/work/tests/engine", isSource);
  const failed = py.runPython(RUNNER);
  process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
