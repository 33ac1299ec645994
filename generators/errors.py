"""Problems found in a playbook, and the one error type that carries them.

Every step of the pipeline reports what is wrong with the content as `Problem`
values: a file, a line and column, the dotted path of the field, a message and a
hint. A step that cannot go on raises `ContentError` holding all of them, so a
run reports every problem at once instead of stopping at the first.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a problem is: errors stop the build, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def render(self) -> str:
        """Format as `file:line:col: [warning: ]path: message (hint)`."""
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        return where + text

    def to_json(self) -> dict[str, object]:
        """The problem as a plain dict for `--format json`."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class ContentError(Exception):
    """The playbook content is invalid; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.render() for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def display_path(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if path.is_absolute() and _inside_cwd(path) else str(path)
    except ValueError:  # different drive on Windows
        return str(path)


def _inside_cwd(path: Path) -> bool:
    try:
        path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return False
    return True


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known choice, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
