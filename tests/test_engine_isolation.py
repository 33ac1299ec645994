"""The engine imports and scores with only the standard library available."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import sys
for name in ("pydantic", "pydantic_core", "yaml", "jinja2", "mkdocs", "markdown", "icalendar",
             "generators"):
    sys.modules[name] = None  # any import of these now fails
import json
import assessments
from assessments.bridge import score_json
spec = open("tests/engine/specs/team-model-selector.json", encoding="utf-8").read()
result = json.loads(score_json(spec, json.dumps({"company-size": "employees-1-100"})))
print(result["overall"]["id"])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in (
    "pydantic", "yaml", "jinja2", "mkdocs", "generators") and sys.modules[m] is not None)
print(loaded)
"""


def test_engine_needs_only_the_standard_library() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["distributed", "[]"]


def test_engine_sources_use_only_the_standard_library() -> None:
    allowed = set(sys.stdlib_module_names) | {"assessments", "__future__"}
    for path in (ROOT / "assessments").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]):
                assert words[1].split(".")[0] in allowed, f"{path.name}: {line}"
