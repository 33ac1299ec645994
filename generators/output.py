"""The site folder: what a build may replace, and how it is replaced.

A build deletes or replaces only a folder an earlier build wrote, known by the
marker file every built site carries, or an empty one. It never touches the
file-system root, the home folder, the current folder, the project folder, the
playbook or the docs folder, or any folder holding one of them, even when
forced. The new site is built beside the old one and swapped in with renames
only once it is complete; the old one is removed last, and put back if the swap
fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generators.errors import UserError, display_path, os_error_message

#: Written into every built site: a later build may replace a folder holding it.
MARKER = ".playbook-site"
MARKER_TEXT = ("This folder is a site built by the playbook compiler. `playbook build` "
               "replaces it as a whole; do not keep other files here.\n")


class SiteDirRefused(UserError):
    """The site may not be written where asked; the message says why and what to do."""


class SiteError(UserError):
    """The site could not be written; the message says why."""


def write_error(site_dir: Path, exc: OSError) -> SiteError:
    """A failure to write the site (full disk, read-only folder...), named by the site
    folder, not by whichever file was being copied when it happened."""
    exc.filename = None
    return SiteError(f"{display_path(site_dir)}: the site could not be written: "
                     f"{os_error_message(exc)}; the previous site is unchanged")


@dataclass(frozen=True)
class Protected:
    """Folders a build must never replace, nor any folder holding them."""

    playbook: Path
    project: Path
    docs: Path | None = None
    build_area: Path | None = None

    def places(self) -> list[tuple[str, Path]]:
        """Every protected place with the words that name it, the ones a site may not
        even sit inside first."""
        places = [("the playbook folder", self.playbook)]
        if self.docs is not None:
            places.append(("the docs folder", self.docs))
        places += [("the file-system root", Path(os.sep)), ("your home folder", Path.home()),
                   ("the current folder", Path.cwd()), ("the project folder", self.project)]
        if self.build_area is not None:
            places.append(("the compiler's build area", self.build_area))
        return places


def check_site_dir(site_dir: Path, protected: Protected, *, force: bool = False) -> None:
    """Refuse, with `SiteDirRefused`, a site folder a build may not replace."""
    shown = display_path(site_dir)
    real = Path(os.path.realpath(site_dir))
    places = [(name, Path(os.path.realpath(place))) for name, place in protected.places()]
    for name, place in places:
        if real == place:
            raise SiteDirRefused(f"{shown} is {name}; a build replaces its site folder as a "
                                 "whole: choose a new folder such as ./site")
    for name, place in places:
        if _within(place, real):
            raise SiteDirRefused(f"{shown} contains {name}; a build replaces its site folder "
                                 "as a whole: choose a new folder such as ./site")
    inside_refused = ("the playbook folder", "the docs folder", "the compiler's build area")
    for name, place in places:
        if name in inside_refused and _within(real, place):
            raise SiteDirRefused(f"{shown} is inside {name}; choose a folder outside it, such "
                                 "as ./site")
    for parent in reversed(site_dir.parents):
        if os.path.lexists(parent) and not parent.is_dir():
            raise SiteDirRefused(f"{display_path(parent)} is a file, but a folder is needed "
                                 f"there to hold {shown}; choose another place")
    if not os.path.lexists(site_dir):
        return
    if os.path.islink(site_dir):
        raise SiteDirRefused(f"{shown} is a symbolic link; give the real folder to build into, "
                             "or a new folder")
    if not site_dir.is_dir():
        raise SiteDirRefused(f"{shown} is not a folder; give a new folder to build into, such "
                             "as ./site")
    if is_built_site(site_dir) or not any(site_dir.iterdir()):
        return
    if not force:
        raise SiteDirRefused(f"{shown} is not empty and is not a site built by playbook; "
                             "choose a new folder, or replace it and everything in it with "
                             "--force")


def _within(inner: Path, outer: Path) -> bool:
    """Whether `inner` lies strictly inside `outer` (both already real paths)."""
    return inner != outer and inner.is_relative_to(outer)


def is_built_site(folder: Path) -> bool:
    """Whether `folder` holds the marker a build writes into every site."""
    marker = folder / MARKER
    return marker.is_file() and not marker.is_symlink()


def mark_site(folder: Path) -> None:
    """Write the marker into a freshly built site."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def staging_dir(site_dir: Path) -> Path:
    """A new empty folder beside `site_dir` to build into, on the same file system."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-",
                                 dir=os.path.abspath(site_dir.parent)))


def swap_in(staging: Path, site_dir: Path, trash: Path | None = None) -> None:
    """Put the finished build at `staging` in place of `site_dir`, with renames only.

    The old site moves to a new hidden name first (never one that exists already);
    when the new one cannot take its place, it moves back, so a failure leaves the
    folder as it was. It is removed only once the new site is in place: moved into
    `trash` (a folder of the compiler's own, emptied while the next build runs) when
    that is on the same file system, else deleted at once.
    """
    old: Path | None = None
    if os.path.lexists(site_dir):
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        try:
            os.replace(site_dir, old)  # an empty folder is replaced in one step
        except BaseException:
            old.rmdir()
            raise
    try:
        os.replace(staging, site_dir)
    except BaseException:
        if old is not None:
            os.replace(old, site_dir)
        raise
    if old is not None:
        try:
            if trash is None:
                raise OSError("no trash")
            trash.mkdir(parents=True, exist_ok=True)
            os.replace(old, trash / old.name)
        except OSError:
            shutil.rmtree(old, ignore_errors=True)


def empty_trash(trash: Path) -> None:
    """Delete what earlier builds put in the trash (old sites of ours)."""
    if trash.is_dir() and not trash.is_symlink():
        for entry in trash.iterdir():
            shutil.rmtree(entry, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a build that did not finish."""
    shutil.rmtree(staging, ignore_errors=True)
