"""The engine's tests, run again inside real Pyodide (Python 3.14) under Node."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tests.engine.fixtures import sample_results

RUNNER = ROOT / "tests/pyodide/run_engine_tests.cjs"


def _engine_test_count() -> int:
    count = 0
    for path in (ROOT / "tests/engine").glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        count += sum(1 for node in tree.body
                     if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))
    return count


def test_engine_tests_pass_in_pyodide() -> None:
    node = shutil.which("node")
    pyodide = ROOT / "node_modules/pyodide/pyodide.js"
    if node is None or not pyodide.is_file():
        message = "node or the pyodide npm package is missing: run 'make setup'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, str(RUNNER)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^python 3\.1[4-9]", result.stdout, re.M), result.stdout
    expected = _engine_test_count()
    assert expected >= 40
    assert f"{expected} passed, 0 failed" in result.stdout.splitlines()
    # The same specs and answers give byte for byte the same results in both Pythons.
    text = json.dumps(sample_results(), sort_keys=True, ensure_ascii=False)
    assert f"results {hashlib.sha256(text.encode()).hexdigest()}" in result.stdout.splitlines()
