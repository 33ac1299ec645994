"""Shared fixtures: a small valid playbook to break, and helpers to read results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
DEFAULT_PLAYBOOK = ROOT / "playbook"


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal valid playbook at ./playbook, with cwd set to its parent.

    Problems are then reported as `playbook/<kind>/<file>.yml:line:col`, as users see them.
    """
    shutil.copytree(CASES / "minimal", tmp_path / "playbook")
    monkeypatch.chdir(tmp_path)
    return Path("playbook")


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must occur exactly once) with `new` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rendered(root: Path) -> list[str]:
    """Every problem of the playbook at `root`, as the CLI prints it."""
    return [problem.render() for problem in check(root).problems]


def edit_line(path: Path, number: int, old: str, new: str) -> None:
    """Replace `old` with `new` on line `number` (1-based) of a file."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[number - 1], f"{old!r} is not on line {number} of {path}"
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
