"""Write the site source: the folder a host builds.

    <project>/.playbook/site-source/
        mkdocs.yml         the host config (see `source_config`)
        docs/              every page, calendar and asset, and each hand-written page
        overrides/         theme overrides: the user's own, and the page-head loader
        .playbook-source   marks the folder as ours

Writing is incremental: a file whose content did not change is not rewritten, so
its timestamp stays and a host's dirty rebuild skips it; a file no longer
produced is removed. Only this folder is ever written or cleaned, and only once
it is known to be ours (empty, new, or marked).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from generators.errors import UserError, display_path
from generators.files import SiteFile, write_file

BUILD_AREA = ".playbook"
SOURCE_FOLDER = "site-source"
MARKER = ".playbook-source"
CONFIG_FILE = "mkdocs.yml"
DOCS = "docs"
THEME_FOLDER = "overrides"


#: The digest of every input the site source was last written from, beside it.
INPUTS = ".playbook-inputs"


def inputs_digest(paths: list[Path], settings: str) -> str:
    """A digest of every file under `paths` (name, time, size, inode) and `settings`:
    it changes whenever anything a compile reads does."""
    parts = [settings]
    for root in paths:
        if root.is_file():
            parts.append(_file_stamp(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            parts += [_file_stamp(Path(dirpath) / name) for name in sorted(filenames)]
    return hashlib.blake2b("\n".join(parts).encode("utf-8", "surrogateescape"),
                           digest_size=16).hexdigest()


def _file_stamp(path: Path) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path}:missing"
    return f"{path}:{info.st_mtime_ns}:{info.st_size}:{info.st_ino}:{info.st_mode}"


def is_current(folder: Path, digest: str) -> int | None:
    """How many pages the site source at `folder` has, when it was written from exactly
    these inputs and is still exactly as written (no file of it changed, none added or
    removed); else None."""
    try:
        recorded = (folder / INPUTS).read_text(encoding="utf-8").split()
    except OSError:
        return None
    if len(recorded) != 3 or not recorded[2].isdigit():
        return None
    if recorded[:2] != [digest, _written_digest(folder)] or not (folder / MARKER).is_file() \
            or not (folder / CONFIG_FILE).is_file():
        return None
    return int(recorded[2])


def record_inputs(folder: Path, digest: str, pages: int) -> None:
    """Note the inputs a complete site source of `pages` pages was just written from,
    and its own state."""
    write_file(folder / INPUTS, f"{digest} {_written_digest(folder)} {pages}\n".encode())


def _written_digest(folder: Path) -> str:
    """The state of what the compiler writes in the site source (not what an engine
    keeps there, such as Zensical's cache and output)."""
    return inputs_digest([folder / DOCS, folder / THEME_FOLDER, folder / CONFIG_FILE], "")


class SourceRefused(UserError):
    """The site source folder holds something that is not ours."""


@dataclass
class Written:
    """What one write changed, by docs-relative path (`mkdocs.yml` for the config)."""

    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def source_folder(project: Path) -> Path:
    """Where the site source of the project at `project` is written."""
    return project / BUILD_AREA / SOURCE_FOLDER


def write_site_source(folder: Path, site_files: list[SiteFile], config_text: str,
                      theme: list[SiteFile] | None = None) -> Written:
    """Write the site source into `folder`: changed files only, stale ones removed."""
    _claim(folder)
    written = Written()
    for area, items in ((DOCS, site_files), (THEME_FOLDER, theme or [])):
        wanted: dict[str, SiteFile] = {}
        for item in items:
            wanted[item.uri] = item  # a later file of the same path (a docs page) wins
        prefix = "" if area == DOCS else f"{area}/"
        for uri, item in wanted.items():
            if _write(folder / area / uri, item):
                written.changed.append(prefix + uri)
        if (folder / area).is_dir():
            written.removed += [prefix + uri
                                for uri in _remove_stale(folder / area, set(wanted))]
    if _write(folder / CONFIG_FILE, SiteFile(CONFIG_FILE, config_text)):
        written.changed.append(CONFIG_FILE)
    return written


def _claim(folder: Path) -> None:
    """Make sure `folder` is ours to write and clean."""
    marker = folder / MARKER
    if folder.is_dir() and not marker.is_file() and any(folder.iterdir()):
        raise SourceRefused(f"{display_path(folder)} holds files the compiler did not write; "
                            "move them away (this folder is rewritten on every build)")
    if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
        raise SourceRefused(f"{display_path(folder)} is not a folder; move it away (the "
                            "compiler writes its site source there)")
    (folder / DOCS).mkdir(parents=True, exist_ok=True)
    if not marker.is_file():
        marker.write_text("The site source written by the playbook compiler; rewritten on "
                          "every build.\n", encoding="utf-8")


def _write(target: Path, item: SiteFile) -> bool:
    """Write one file unless it already holds the same content; whether it changed."""
    if item.source is not None:
        info = item.source.stat()
        if target.is_file() and not target.is_symlink():
            existing = target.stat()
            if existing.st_size == info.st_size and existing.st_mtime_ns == info.st_mtime_ns:
                return False
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file(target, item.source.read_bytes())
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
        return True
    data = item.data()
    if target.is_file() and not target.is_symlink() and target.stat().st_size == len(data) \
            and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, data)
    return True


def _remove_stale(docs: Path, wanted: set[str]) -> list[str]:
    removed = []
    for dirpath, dirnames, filenames in os.walk(docs, topdown=False):
        here = Path(dirpath)
        for name in filenames:
            uri = (here / name).relative_to(docs).as_posix()
            if uri not in wanted:
                (here / name).unlink()
                removed.append(uri)
        for name in dirnames:
            path = here / name
            if path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
                path.rmdir()
    return sorted(removed)
