"""The zip of an offline copy: where it may be written, which names it may hold, and how
it is written (under a temporary name beside it, put in place only once complete).

The site goes into `site/`; the launcher and how to start it go beside that folder.
"""

from __future__ import annotations

import os
import re
import secrets
import time
import zipfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import IO

from generators.errors import UserError, display_path

#: Inside the zip: the folder the launcher serves, and the launcher.
SITE_FOLDER = "site/"
LAUNCHER = "serve.py"
#: Files that are compressed already: stored as they are.
STORED = frozenset({".zip", ".whl", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff",
                    ".woff2", ".ico"})
#: Below this many bytes, a bundle is written without progress lines.
QUIET_BELOW = 4_000_000

#: Characters that no file name in the zip may hold: those that would not unzip to the
#: same name everywhere (a drive, a path separator of another system, a control).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f\\:*?"<>|]')

Progress = Callable[[str], None]


class BundleRefused(UserError):
    """The offline copy cannot be written as asked; the message says why and what to do."""


def check_out(out: Path, force: bool) -> None:
    """Refuse a zip name that would replace a folder, a link or anything but a file, or a
    file without `force`."""
    shown = display_path(out)
    if os.path.islink(out):
        raise BundleRefused(f"{shown} is a symbolic link; give the name of a new zip file")
    if out.is_dir():
        raise BundleRefused(f"{shown} is a folder; give the name of a zip file to write, such "
                            "as playbook.zip")
    if os.path.lexists(out) and not out.is_file():
        raise BundleRefused(f"{shown} is not a regular file; give the name of a new zip file")
    if out.is_file() and not force:
        raise BundleRefused(f"{shown} exists; replace it with --force, or give another name")
    for parent in out.parents:
        if os.path.lexists(parent) and not parent.is_dir():
            raise BundleRefused(f"{display_path(parent)} is a file, but a folder is needed "
                                f"there to hold {shown}; choose another place")


def safe_name(name: str) -> bool:
    """Whether `name` is a relative path that unzips inside the target folder, to the
    same name, on every system."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8 in the source
        return False
    return bool(name) and all(
        part not in ("", ".", "..") and not _UNSAFE.search(part) and part[-1] not in ". "
        for part in name.split("/"))


def megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


class ZipWriter:
    """Writes the zip under a temporary name beside `out` and puts it in place when the
    block ends without an error (without `force`, never over a file that appeared
    meanwhile); on an error the temporary file is removed and `out` is as it was."""

    def __init__(self, out: Path, *, force: bool, total: int,
                 progress: Progress | None = None) -> None:
        self.out, self.force, self.total = out, force, total
        self.files = 0
        self._progress, self._done, self._shown = progress, 0, 0
        self._temp = out.parent / f".{out.name}.{secrets.token_hex(4)}.part"
        self._zip: zipfile.ZipFile | None = None

    def __enter__(self) -> ZipWriter:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        # Created new, with the permissions a new file gets here (mkstemp's are private).
        os.close(os.open(self._temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        self._zip = zipfile.ZipFile(self._temp, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        assert self._zip is not None
        try:
            self._zip.close()
            if kind is None:
                self._place()
        finally:
            if os.path.lexists(self._temp):
                os.unlink(self._temp)

    def expect(self, more: int) -> None:
        """Count `more` bytes into the total the progress lines are reckoned against."""
        self.total += more

    def add(self, name: str, data: bytes, *, mtime: float, mode: int = 0o644) -> None:
        """Add a file with these bytes."""
        with self._open(name, len(data), mtime, mode) as sink:
            sink.write(data)
        self._count(len(data))

    def add_stream(self, name: str, size: int, fill: Callable[[IO[bytes]], object], *,
                   mtime: float) -> None:
        """Add a file of `size` bytes that `fill` writes into the sink it is given."""
        with self._open(name, size, mtime, 0o644) as sink:
            fill(sink)
        self._count(size)

    def add_file(self, name: str, path: Path) -> None:
        """Add a file from the disk."""
        stat = path.stat()
        with path.open("rb") as source, self._open(name, stat.st_size, stat.st_mtime,
                                                   0o644) as sink:
            while piece := source.read(1024 * 1024):
                sink.write(piece)
        self._count(stat.st_size)

    def _open(self, name: str, size: int, mtime: float, mode: int) -> IO[bytes]:
        assert self._zip is not None and safe_name(name), name
        info = zipfile.ZipInfo(name, time.localtime(max(mtime, 315_532_800))[:6])
        info.external_attr = (0o100000 | mode) << 16
        info.file_size = size
        suffix = os.path.splitext(name)[1].lower()
        info.compress_type = zipfile.ZIP_STORED if suffix in STORED else zipfile.ZIP_DEFLATED
        self.files += 1
        return self._zip.open(info, "w")

    def _count(self, size: int) -> None:
        self._done += size
        if self._progress is None or self.total < QUIET_BELOW:
            return
        tenths = min(10, self._done * 10 // max(self.total, 1))
        if tenths > self._shown:
            self._shown = tenths
            self._progress(f"  {tenths * 10}% of {megabytes(self.total)} written")

    def _place(self) -> None:
        """Rename the finished zip into place."""
        if self.force:
            check_out(self.out, force=True)  # still a file, or nothing
            os.replace(self._temp, self.out)
            return
        try:
            os.link(self._temp, self.out)  # fails, rather than replace, if it exists now
        except FileExistsError:
            raise BundleRefused(f"{display_path(self.out)} appeared while the bundle was "
                                "written; replace it with --force, or give another name"
                                ) from None
        except OSError:  # a file system without hard links
            check_out(self.out, force=False)
            os.replace(self._temp, self.out)


def add_launcher(writer: ZipWriter, description: str) -> None:
    """The launcher, a README on how to start it, and a starter for each kind of system."""
    now = time.time()
    code = resources.files("generators.offline").joinpath("launcher.py").read_bytes()
    writer.add(LAUNCHER, code, mtime=now, mode=0o755)
    writer.add("README.txt", readme(description).encode("utf-8"), mtime=now)
    writer.add("start.sh", b'#!/bin/sh\ncd "$(dirname "$0")" && exec python3 serve.py "$@"\n',
               mtime=now, mode=0o755)
    writer.add("start.bat", b'@echo off\r\ncd /d "%~dp0"\r\nwhere py >nul 2>nul\r\n'
               b"if %errorlevel%==0 (py -3 serve.py %*) else (python serve.py %*)\r\npause\r\n",
               mtime=now)


def readme(description: str) -> str:
    """How to start the offline copy, in one line."""
    return (f"{description}: to read it, run \"python3 serve.py\" in this folder (on Windows "
            "\"py serve.py\", or open start.bat); it serves the site on this computer only, "
            "opens it in your browser and stops with Ctrl-C. It needs Python 3.8 or newer and "
            "nothing else; the self-assessments do not run from pages opened as files.\n")
