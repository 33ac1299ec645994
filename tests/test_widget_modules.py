"""The assessment widget's page-free ES modules (storage, import, history, comparison,
CSV) pass their unit tests under Node's own test runner (`node --test tests/js/`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

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


# The modules that draw a result, and the only words of their own they may hold: headings,
# column heads and controls around the engine's sentences, and the words of a comparison
# of saved results (and of a result saved before the engine worded it). A result's own
# sentences come from the engine: a new sentence written here fails this test.
RESULT_MODULES = ("result.js", "plan.js", "chart.js", "history.js", "saved.js", "words.js")
WIDGET_WORDS = {
    "Your development plan", "Priority", "Skill", "Your rating", "Target", "Gap",
    "Resources and links", "Read:", "Why this result", "What to do next", "Note",
    "Go to the first unanswered question",
    "Overall", "Verdict", "no change", "no result", "not answered",
    "Saved results", "Saved", "Version", "Result", "Compare", "Compare two saved results",
    "Section", "Change", "Saved result", "compared with saved result",
    "No saved results yet. Save this result to compare it with a later one.",
    "Pick two different saved results to compare.",
}


def _words_in(path: Path) -> set[str]:
    """The string literals of a module that read as words: with a space between words, or
    a capitalised word (class names and SVG attribute values are not words)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    literals = re.findall(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`", text)
    found = set()
    for literal in ("".join(parts) for parts in literals):
        if re.match(r"\s*pb-|xMinYMin", literal) or not re.search(r"[A-Za-z]{2}", literal):
            continue
        if re.search(r"[A-Za-z] +[A-Za-z]", literal) or re.match(r"\s*[A-Z][a-z]", literal):
            found.add(literal.strip())
    return found


def test_the_result_is_worded_by_the_engine_not_the_widget() -> None:
    found = {name: _words_in(MODULES / name) - WIDGET_WORDS for name in RESULT_MODULES}
    assert {name: sorted(words) for name, words in found.items() if words} == {}
    # The test reads what it should: a sentence of a result, written in a module, is seen.
    assert _words_in(MODULES / "result.js") >= {"What to do next", "Note"}


def test_an_assessment_page_preloads_what_it_runs_and_not_the_tools() -> None:
    from generators.render.assets import WIDGET_DIR, preloaded_uris

    names = {uri.removeprefix(WIDGET_DIR) for uri in preloaded_uris()}
    assert {"main.js", "widget.js", "loader.js", "result.js", "share.js"} <= names
    assert all((MODULES / name).is_file() for name in names)
    # The scorecard and debrief are imported only on their own page.
    assert not names & {"scorecard.js", "debrief.js"}
    tools = (MODULES / "tools.js").read_text(encoding="utf-8")
    assert 'import("./scorecard.js")' in tools and 'import("./debrief.js")' in tools
    # Every module a preloaded one imports statically is preloaded too.
    for name in names:
        imported = re.findall(r'from\s+"\./([\w.-]+\.js)"', (MODULES / name).read_text("utf-8"))
        assert set(imported) <= names, name


def test_the_views_of_several_files_are_drawn_by_modules_loaded_when_first_needed() -> None:
    from generators.render.assets import WIDGET_DIR, preloaded_uris

    names = {uri.removeprefix(WIDGET_DIR) for uri in preloaded_uris()}
    assert {"team.js", "calibration.js", "share.js"} <= names  # their controls show at once
    assert not names & {"team-view.js", "range-chart.js", "calibration-view.js"}
