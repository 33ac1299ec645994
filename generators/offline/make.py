"""The verbs of `playbook bundle`: an offline copy of a new build, of a site an earlier
build wrote, or of versions published on the pages branch.

Each checks the zip's name before any work, writes the zip under a temporary name and
puts it in place only once it is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generators import output, pipeline
from generators.errors import display_path
from generators.files import inside
from generators.offline import archive, branch
from generators.offline.archive import SITE_FOLDER, BundleRefused, Progress, ZipWriter
from generators.publish import git


@dataclass
class Bundled:
    """What a bundle holds."""

    out: Path
    files: int
    size: int
    """Bytes of the zip."""
    versions: list[str] = field(default_factory=list)
    """The published versions in it; none for a plain build."""
    notes: list[str] = field(default_factory=list)
    """What the user should know: build warnings, files left out."""


def from_build(options: pipeline.Options, out: Path, *, engine_name: str = "mkdocs",
               force: bool = False, progress: Progress | None = None) -> Bundled:
    """Build the playbook, as `playbook build` does, into a temporary folder, and bundle
    that site."""
    archive.check_out(out, force)
    work = Path(tempfile.mkdtemp(prefix="playbook-bundle-"))
    try:
        built = pipeline.build(options, work / "site", engine_name=engine_name)
        bundled = from_site(work / "site", out, force=force, progress=progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bundled.notes[:0] = built.warnings
    return bundled


def from_site(site: Path, out: Path, *, force: bool = False,
              progress: Progress | None = None) -> Bundled:
    """Bundle a site folder that a build wrote (it holds the build's marker)."""
    archive.check_out(out, force)
    shown = display_path(site)
    if not site.is_dir() or site.is_symlink() or not output.is_built_site(site):
        raise BundleRefused(f"{shown} is not a site built by playbook (it has no "
                            f"{output.MARKER} file): build one with 'playbook build', or "
                            "leave out --site to build one now")
    if inside(out, site):
        raise BundleRefused(f"{display_path(out)} is inside the site folder {shown}; write "
                            "the zip somewhere else")
    found, skipped = _site_files(site)
    total = sum(path.stat().st_size for _name, path in found)
    with ZipWriter(out, force=force, total=total, progress=progress) as writer:
        for name, path in found:
            writer.add_file(SITE_FOLDER + name, path)
        archive.add_launcher(writer, "An offline copy of the playbook site")
    return Bundled(out, writer.files, out.stat().st_size, notes=_skipped(skipped))


def _site_files(site: Path) -> tuple[list[tuple[str, Path]], list[str]]:
    """The site's files by their names in it, and the names left out (links, anything
    but a file, names that would not unzip safely)."""
    found, skipped = [], []
    for folder, folders, names in os.walk(site):
        folders.sort()
        for name in sorted(names + [f for f in folders if os.path.islink(Path(folder, f))]):
            path = Path(folder, name)
            relative = path.relative_to(site).as_posix()
            if relative == output.MARKER:
                continue
            if path.is_symlink() or not path.is_file() or not archive.safe_name(relative):
                skipped.append(relative)
            else:
                found.append((relative, path))
    return found, skipped


def from_branch(out: Path, versions: list[str] | None, *, branch_name: str = "gh-pages",
                cwd: Path | None = None, force: bool = False,
                progress: Progress | None = None) -> Bundled:
    """Bundle published versions (`versions`, by label or alias; None: all of them) read
    from the pages branch, with the root folders they load files from, `versions.json`
    and the root page."""
    archive.check_out(out, force)
    selection = branch.select(cwd or Path.cwd(), branch_name, versions)
    repo = selection.repo
    when = git.commit_time(branch_name, repo)
    references = branch.References(list(selection.shared))
    total = sum(entry.size for entry in selection.own)
    if progress is not None:
        progress(f"bundling {', '.join(selection.labels)} from {branch_name} ...")
    with git.BlobReader(repo) as blobs, ZipWriter(out, force=force, total=total,
                                                 progress=progress) as writer:
        for entry in selection.own:
            _copy(writer, blobs, entry, when, references)
        shared = references.entries(selection.shared)
        writer.expect(sum(entry.size for entry in shared))
        for entry in shared:
            _copy(writer, blobs, entry, when, None)
        original = blobs.read(selection.root["versions.json"].sha)
        writer.add(SITE_FOLDER + "versions.json", branch.versions_json(selection, original),
                   mtime=when)
        index = selection.root.get("index.html")
        writer.add(SITE_FOLDER + "index.html",
                   branch.root_page(selection, blobs.read(index.sha) if index else None),
                   mtime=when)
        for name in ("404.html", branch.CACHE_WORKER):
            if name in selection.root:
                writer.add(SITE_FOLDER + name, blobs.read(selection.root[name].sha),
                           mtime=when)
        archive.add_launcher(writer, "An offline copy of the playbook site, version"
                             + ("s " if len(selection.labels) > 1 else " ")
                             + ", ".join(selection.labels))
    return Bundled(out, writer.files, out.stat().st_size, selection.labels,
                   _skipped(selection.skipped))


def _copy(writer: ZipWriter, blobs: git.BlobReader, entry: git.TreeEntry, when: int,
          references: branch.References | None) -> None:
    """One file of the branch into the zip; its text read for references when asked."""
    name = SITE_FOLDER + entry.path
    if references is not None and entry.path.lower().endswith(branch.TEXT_SUFFIXES):
        data = blobs.read(entry.sha)
        references.scan(entry.path, data)
        writer.add(name, data, mtime=when)
    else:
        writer.add_stream(name, entry.size, lambda sink: blobs.copy(entry.sha, sink),
                          mtime=when)


def _skipped(names: list[str]) -> list[str]:
    if not names:
        return []
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return [f"left out {len(names)} file{'s' if len(names) > 1 else ''} that cannot be "
            f"copied safely (links or unusual names): {shown}"]
