"""The assessment widget's page-free ES modules (storage, import, history, comparison,
CSV) pass their unit tests under Node's own test runner (`node --test tests/js/`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

MODULES = ROOT / "assessments/web/modules"


def test_widget_modules_pass_their_node_tests() -> None:
    node = shutil.which("node")
    if node is None:
        message = "node is missing: run 'make setup'"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert passed and int(passed.group(1)) >= 20, result.stdout
    assert re.search(r"^# fail 0$", result.stdout, re.M), result.stdout


def test_widget_modules_are_small() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines())
             for path in MODULES.glob("*.js")}
    assert "main.js" in sizes
    assert {name: lines for name, lines in sizes.items() if lines > 300} == {}
