"""The page head's early loader keeps its own copy of the snapshot's reader and judge (it
runs before any module can); the widget's loader imports them from `snapshot.js`. The two
copies must stay the same code."""

from __future__ import annotations

import re

from tests.conftest import ROOT

EARLY = ROOT / "generators/assets/early-loader.js"
MODULE = ROOT / "assessments/web/modules/snapshot.js"


def _function(text: str, name: str) -> list[str]:
    """The lines of function `name`, without their indentation."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if re.match(rf"\s*(export )?function {name}\(", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next(i for i in range(start + 1, len(lines))
               if lines[i].rstrip() == " " * indent + "}")
    return [line.strip().removeprefix("export ") for line in lines[start:end + 1]]


def test_the_early_loader_and_the_module_have_the_same_functions() -> None:
    early, module = EARLY.read_text(), MODULE.read_text()
    for name in ("readSnapshot", "startPython", "snapshotWanted", "gunzipped"):
        assert _function(early, name) == _function(module, name), name
