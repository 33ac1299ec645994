"""Check a playbook: load and validate every file, then resolve references and lint.

The first step of the pipeline (`generators/pipeline.py`); the later ones start from
the `Checked` result of `check()`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generators.errors import ContentError, Problem, Severity
from generators.resolve import resolve
from generators.validate import FileCache, Playbook, load_playbook


@dataclass
class Checked:
    """A playbook and every problem found in it."""

    playbook: Playbook
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def check(root: Path, cache: FileCache | None = None) -> Checked:
    """Read, validate and cross-check the playbook at `root`; never raises on bad content.

    With `cache`, only the files that changed since it last saw them are read again.
    """
    with collector_paused():
        # 1. Load and validate: every file parsed with positions and checked against its model.
        playbook, problems = load_playbook(root, cache)
        # 2. Resolve: cross-references and lint rules, only over entities that validated,
        #    so one broken file does not produce a cascade of follow-on errors.
        problems += resolve(playbook)
    return Checked(playbook, sorted(set(problems)))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while many objects are made and none dropped.

    Loading a playbook makes hundreds of thousands of small objects that all stay
    alive; each full collection pass walks all of them again, which cost a third of
    the time of loading a thousand files.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def compile_playbook(root: Path, cache: FileCache | None = None) -> Checked:
    """Like `check()`, but raise `ContentError` when there is any error."""
    checked = check(root, cache)
    if not checked.ok:
        raise ContentError(checked.problems)
    return checked
