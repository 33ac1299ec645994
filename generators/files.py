"""Read only what the user handed over, and write only where they asked.

Every file the compiler reads for a playbook goes through `read_bytes`: it must be
a regular file that lies (after following links) inside the folder it belongs to,
the playbook folder or the project folder. A link to elsewhere, a link loop, a
FIFO, a socket or a device is reported by name without being opened, so nothing
outside can leak into the site and nothing can make a build hang.

`write_new_file` and `write_file` never write through a symbolic link and never
leave a half-written file behind.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators.errors import Problem, UserError, display_path


class FileRefused(UserError):
    """A file may not be read or written; `problem` says which and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem

    def lines(self) -> list[str]:
        return [self.problem.render()]


def refused(path: Path, message: str, hint: str = "") -> FileRefused:
    return FileRefused(Problem(display_path(path), 1, 1, "", message, hint))


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, after following every link, lies inside `folder` (or is it)."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def why_unreadable(path: Path, folder: Path | None,
                   folder_name: str = "the playbook folder") -> tuple[str, str] | None:
    """Why `path` may not be read as part of `folder`: (message, hint), or None when it may.

    Looks at the file without opening it. With no `folder` (a file named on the command
    line, such as an answers file), the file may lie anywhere.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        relink = "point the link at a real file, or remove it"
        if exc.errno == errno.ELOOP:
            return "file is a symbolic link loop", relink
        if os.path.islink(path):
            return "file is a symbolic link to nothing", relink
        if exc.errno == errno.ENOENT:
            return "file not found", ""
        return f"file cannot be read: {(exc.strerror or str(exc)).lower()}", ""
    if folder is not None and not inside(path, folder):
        return (f"file is a link to outside {folder_name}",
                f"copy the file into {folder_name} instead")
    if stat.S_ISDIR(info.st_mode):
        return "this is a folder, not a file", "a file is needed here"
    if not stat.S_ISREG(info.st_mode):
        return (f"file is {_special_kind(info.st_mode)}, not a regular file",
                "only regular files are read; remove it")
    return None


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_bytes(path: Path, folder: Path | None, *, limit: int,
               folder_name: str = "the playbook folder") -> bytes:
    """The bytes of a regular file inside `folder`, at most `limit` of them.

    Raises `FileRefused` for anything else, naming the file.
    """
    why = why_unreadable(path, folder, folder_name)
    if why is not None:
        raise refused(path, *why)
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open() still
        # returns at once and fstat() below refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise refused(path, f"file cannot be read: {(exc.strerror or str(exc)).lower()}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise refused(path, f"file is {_special_kind(info.st_mode)}, not a regular file",
                          "only regular files are read; remove it")
        if info.st_size > limit:
            raise refused(path, f"file is larger than {_size(limit)}",
                          "split it into smaller files")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise refused(path, f"file is larger than {_size(limit)}", "split it into smaller files")
    return data


def read_json(path: Path, *, limit: int, folder: Path | None = None) -> Any:
    """The JSON document in a regular file of at most `limit` bytes."""
    return parse_json(read_bytes(path, folder, limit=limit), display_path(path))


def parse_json(data: bytes | str, where: str,
               hint: str = "export the file again, or fix it in an editor") -> Any:
    """A JSON document, or `FileRefused` placed at the line and column that is wrong.

    Refuses what Python's reader would take but JSON does not mean: NaN and Infinity,
    and numbers too long to convert; and documents nested too deeply to walk.
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise FileRefused(Problem(where, exc.lineno, exc.colno, "", f"not valid JSON: {exc.msg}",
                                  hint)) from None
    except UnicodeDecodeError:
        raise FileRefused(Problem(where, 1, 1, "", "file is not UTF-8 text",
                                  "JSON files are UTF-8 text")) from None
    except RecursionError:
        raise FileRefused(Problem(where, 1, 1, "", "JSON is nested too deeply to read",
                                  "this is not a file the tool wrote")) from None
    except ValueError as exc:  # a number with thousands of digits, NaN, Infinity
        message = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise FileRefused(Problem(where, 1, 1, "", f"not valid JSON: {message}",
                                  "this is not a file the tool wrote")) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _size(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else f"{limit // 1024} KiB"


def check_no_links(path: Path, folder: Path) -> None:
    """Refuse when `path` or any folder between `folder` and it is a symbolic link, or when
    `path` is not inside `folder`: what is written must land exactly where it says."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    except ValueError:
        raise refused(path, f"is outside {display_path(folder)}",
                      "write new files inside the playbook folder") from None
    current = folder
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            raise refused(current, "is a symbolic link; nothing is written through a link",
                          "replace the link with a real folder or file")


def write_new_file(path: Path, text: str, folder: Path) -> None:
    """Create `path` (inside `folder`) with `text`; never replaces or follows anything."""
    check_no_links(path, folder)
    for parent in reversed(path.parents):
        if os.path.lexists(parent) and not parent.is_dir():
            raise refused(parent, "this is a file, but a folder is needed here",
                          "move the file away")
    path.parent.mkdir(parents=True, exist_ok=True)
    check_no_links(path, folder)  # the folders just made are real ones
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        raise refused(path, "already exists", "choose another id, or edit that file") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except BaseException as exc:
        path.unlink(missing_ok=True)  # no half-written file stays behind
        _name(exc, path)
        raise


def write_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (a temporary file renamed over it), so a
    failure leaves the old file whole. A link at `path` is refused, not followed."""
    if path.is_symlink():
        raise refused(path, "is a symbolic link; nothing is written through a link",
                      "replace the link with a real file")
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    except OSError as exc:
        _name(exc, path)
        raise
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        _name(exc, path)
        raise


def _name(exc: BaseException, path: Path) -> None:
    """Name the file the user asked for in an error of the machine (a full disk says
    nothing of which file it stopped), not a temporary one."""
    if isinstance(exc, OSError):
        exc.filename = str(path)


@dataclass(frozen=True)
class SiteFile:
    """A file of the site source: a docs-relative path and its content, or the file it
    is copied from (Pyodide's runtime, a hand-written page)."""

    uri: str
    content: str | bytes | None = None
    source: Path | None = None

    def data(self) -> bytes:
        """The file's bytes."""
        if self.source is not None:
            return self.source.read_bytes()
        content = self.content or b""
        return content.encode("utf-8") if isinstance(content, str) else content


def digest(data: str | bytes) -> str:
    """A short, stable digest (the same in every run)."""
    return hashlib.blake2b(data.encode("utf-8") if isinstance(data, str) else data,
                           digest_size=16).hexdigest()


@functools.lru_cache(maxsize=1)
def compiler_digest() -> str:
    """A digest of the compiler's own code, templates and site assets, and of the scoring
    engine with its browser files: what another version of the compiler made is never
    taken for this one's."""
    package = Path(__file__).resolve().parent
    parts = sorted(path for folder in (package, package.parent / "assessments")
                   for path in folder.rglob("*")
                   if path.suffix in (".py", ".j2", ".css", ".js", ".html") and path.is_file())
    return digest(b"".join(path.relative_to(package.parent).as_posix().encode()
                           + path.read_bytes() for path in parts))
