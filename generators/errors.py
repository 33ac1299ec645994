"""Problems found in a playbook, and the one error type every user-facing failure shares.

Every step of the pipeline reports what is wrong with the content as `Problem`
values: a file, a line and column, the dotted path of the field, a message and a
hint. A step that cannot go on raises `ContentError` holding all of them, so a
run reports every problem at once instead of stopping at the first.

Anything else the user can fix (a bad argument, a folder in the way, a file that
is not what it should be) raises a `UserError` too, so the command line and the
MkDocs plugin catch one type and a new failure cannot slip past as a traceback.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
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
        """Format as `file:line:col: [warning: ]path: message (hint)`, on one line, with any
        control character from the input shown as an escape."""
        where = f"{self.file}:{self.line}:{self.column}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            text += f" ({self.hint})"
        return printable(where + text)

    def to_json(self) -> dict[str, object]:
        """The problem as a plain dict for `--format json`."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class UserError(Exception):
    """Something the user can fix; the message says what and how, naming the file.

    The command line prints `lines()` and exits 1, without a traceback.
    """

    def lines(self) -> list[str]:
        """What to print, one problem per line, safe for a terminal."""
        return [f"playbook: error: {printable(line)}" for line in str(self).splitlines() or [""]]


class ContentError(UserError):
    """The playbook content is invalid; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.render() for p in self.problems))

    def lines(self) -> list[str]:
        return [problem.render() for problem in self.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def display_path(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it.

    The file itself is not followed when it is a link: a link's own name is shown.
    """
    if not path.is_absolute():
        return str(path)
    try:
        cwd = os.path.realpath(os.getcwd())
        # realpath, unlike Path.resolve() on Python 3.11, never raises on a link loop.
        folder = os.path.realpath(os.path.dirname(path))
    except OSError:
        return str(path)
    candidate = os.path.join(folder, os.path.basename(path))
    if candidate == cwd or candidate.startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.relpath(candidate, cwd)
    return str(path)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known choice, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


#: C0 controls but tab and newline, DEL, C1 controls, and the marks that reorder text
#: on screen (a file name must not be able to move or recolour what a terminal shows).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, one_line: bool = True) -> str:
    """`text` with every control character written as an escape such as `\\x1b`.

    With `one_line`, newlines and tabs are escaped too, so one problem stays one line.
    """
    text = _CONTROL.sub(_escape_char, text)
    if one_line:
        text = text.replace("\n", "\\n").replace("\t", "\\t")
    return text


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: What to do about the operating system errors a user can meet.
_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and run again",
    errno.EDQUOT: "the disk quota is used up: free some space and run again",
    errno.EROFS: "the file system is read-only: choose a folder you can write to",
    errno.EACCES: "permission denied: choose a place you may write to, or fix its permissions",
    errno.EPERM: "not permitted: choose a place you may write to, or fix its permissions",
    errno.ENAMETOOLONG: "the name is too long for the file system: choose a shorter one",
    errno.EISDIR: "this is a folder, but a file is needed here",
    errno.ENOTDIR: "part of this path is a file, but a folder is needed here",
    errno.ENOENT: "no such file or folder",
    errno.ELOOP: "a symbolic link here points to itself",
    errno.EEXIST: "something of that name is already there",
}


def os_error_message(exc: OSError) -> str:
    """One line for an error of the machine (full disk, read-only folder...)."""
    name = exc.filename if isinstance(exc.filename, str | os.PathLike) else None
    what = _OS_HINTS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return f"{display_path(Path(name))}: {what}" if name else what
