"""What an offline copy takes from the pages branch: the chosen versions, the folders at
the branch's root that they load files from (a runtime they share), `versions.json`
listing only those versions, and a root page that leads to one of them.

The branch is read from git's object store (`ls-tree`, `cat-file`): nothing is checked
out and the working tree is not touched. An alias that mike wrote as a symbolic link is
left out: the launcher redirects it to its version, as `versions.json` lists it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from generators.errors import UserError, did_you_mean
from generators.offline.archive import safe_name
from generators.publish import git
from generators.publish.publish import published_versions
from generators.render.assets import CACHE_WORKER

#: Files at the branch's root that the copy reads (versions.json may be written anew, the
#: root page too), and the runtime cache's worker that versions sharing a runtime register.
ROOT_FILES = ("versions.json", "index.html", "404.html", CACHE_WORKER)
#: Files whose text may name a folder at the branch's root.
TEXT_SUFFIXES = (".html", ".htm", ".js", ".mjs", ".cjs", ".json", ".css", ".webmanifest")

REDIRECT = """<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>Redirecting</title>
  <noscript>
    <meta http-equiv="refresh" content="1; url={target}" />
  </noscript>
  <script>
    window.location.replace({script} + window.location.search + window.location.hash);
  </script>
</head>
<body>
  Redirecting to <a href="{target}">{target}</a>...
</body>
</html>
"""


class BranchError(UserError):
    """The pages branch does not hold what was asked for; the message says what it holds."""


@dataclass
class Selection:
    """The versions chosen from the pages branch and the files that make them."""

    branch: str
    repo: Path
    versions: list[dict[str, Any]]
    """The chosen items of versions.json, newest first."""
    everything: bool
    """Every published version is chosen."""
    own: list[git.TreeEntry] = field(default_factory=list)
    """The files of the chosen versions (and of their aliases written as folders)."""
    shared: dict[str, list[git.TreeEntry]] = field(default_factory=dict)
    """Other folders at the root, by name: taken only where a chosen version names them."""
    root: dict[str, git.TreeEntry] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [str(item["version"]) for item in self.versions]


def select(cwd: Path, branch: str, wanted: list[str] | None) -> Selection:
    """The versions `wanted` (labels or aliases; None: all) on `branch` of the repository
    holding `cwd`, and their files."""
    try:
        repo = git.repo_root(cwd)
    except git.GitError:
        raise BranchError(f"{cwd.resolve()} is not inside a git repository: "
                          "--version and --all-versions read the versions published on its "
                          "pages branch; run this in the repository you publish from") from None
    if not git.is_commit(branch, repo):
        raise BranchError(f"this repository has no branch '{branch}': publish a version first "
                          "with 'playbook publish VERSION', or name the pages branch with "
                          "--branch")
    published = published_versions(repo, branch)
    if not published:
        raise BranchError(f"{branch} lists no published versions (it has no versions.json): "
                          "publish one with 'playbook publish VERSION'")
    chosen = published if wanted is None else _chosen(published, wanted, branch)
    selection = Selection(branch, repo, chosen, len(chosen) == len(published))
    _sort(selection, published, git.list_tree(branch, repo))
    return selection


def _chosen(published: list[dict[str, Any]], wanted: list[str],
            branch: str) -> list[dict[str, Any]]:
    names = {str(item["version"]): item for item in published}
    names |= {str(alias): item for item in published for alias in item.get("aliases", [])}
    unknown = [label for label in wanted if label not in names]
    if unknown:
        listed = ", ".join(str(item["version"]) + (f" ({', '.join(item['aliases'])})"
                                                   if item.get("aliases") else "")
                           for item in published)
        lines = []
        for label in unknown:
            hint = did_you_mean(label, names)
            lines.append(f"no version '{label}' on {branch} (published: {listed})"
                         + (f"; {hint}" if hint else ""))
        raise BranchError("\n".join(lines))
    picked = {id(names[label]) for label in wanted}
    return [item for item in published if id(item) in picked]


def _sort(selection: Selection, published: list[dict[str, Any]],
          tree: list[git.TreeEntry]) -> None:
    """Share out the branch's files: the chosen versions', the other root folders', the
    root files; the rest (other versions, links, unsafe names) is left out."""
    own = {str(item["version"]) for item in selection.versions}
    own |= {str(alias) for item in selection.versions for alias in item.get("aliases", [])}
    others = {str(item["version"]) for item in published}
    others |= {str(alias) for item in published for alias in item.get("aliases", [])}
    found = set()
    for entry in tree:
        top, _, rest = entry.path.partition("/")
        if not rest:
            if entry.path in ROOT_FILES and not entry.is_link and entry.kind == "blob":
                selection.root[entry.path] = entry
            continue  # an alias written as a link, versions.json, .nojekyll...
        if top in others and top not in own:
            continue
        usable = not entry.is_link and entry.kind == "blob" and safe_name(entry.path)
        if top in own:
            found.add(top)
            if usable:
                selection.own.append(entry)
            else:
                selection.skipped.append(entry.path)
        elif usable:
            selection.shared.setdefault(top, []).append(entry)
    for label in selection.labels:
        if label not in found:
            raise BranchError(f"{selection.branch}: versions.json lists {label}, but the "
                              f"branch has no folder {label}/; restore it from the branch's "
                              "history, or publish it again")


class References:
    """Which of the branch's root folders (and which folders in them) the text of the
    chosen versions names, as in `../_runtime/pyodide-0.27/pyodide.js`."""

    def __init__(self, folders: list[str]) -> None:
        names = b"|".join(re.escape(name.encode("utf-8"))
                          for name in sorted(folders, key=len, reverse=True))
        self._pattern = re.compile(rb"(?<![\w.-])(" + names + rb")/([^/\"'\s?#)<>\\`]*)"
                                   ) if folders else None
        self.found: dict[str, set[str]] = {}

    def scan(self, name: str, data: bytes) -> None:
        """Note the folders the file `name` names, when it is text."""
        if self._pattern is None or not name.lower().endswith(TEXT_SUFFIXES):
            return
        for match in self._pattern.finditer(data):
            folder = match.group(1).decode("utf-8")
            self.found.setdefault(folder, set()).add(match.group(2).decode("utf-8", "replace"))

    def entries(self, shared: dict[str, list[git.TreeEntry]]) -> list[git.TreeEntry]:
        """The files of the shared folders that were named: only the named folders inside
        one when every name is one of its folders, else the whole of it."""
        picked = []
        for folder, children in sorted(self.found.items()):
            entries = shared[folder]
            inside = {entry.path.split("/")[1] for entry in entries
                      if entry.path.count("/") >= 2}
            if children <= inside:
                picked += [entry for entry in entries if entry.path.split("/")[1] in children]
            else:
                picked += entries
        return picked


def versions_json(selection: Selection, original: bytes) -> bytes:
    """versions.json as the branch has it, or, for some versions only, listing those."""
    if selection.everything:
        return original
    return (json.dumps(selection.versions, indent=2) + "\n").encode("utf-8")


def root_page(selection: Selection, original: bytes | None) -> bytes:
    """The branch's root page when it leads to a chosen version (or an alias of one), else
    a page that leads to the newest chosen version."""
    if original is not None:
        match = re.search(rb"url=([^\"'>\s]+)", original)
        target = match.group(1).decode("utf-8", "replace").split("/")[0] if match else None
        labels = {str(name) for item in selection.versions
                  for name in [item["version"], *item.get("aliases", [])]}
        if target in labels:
            return original
    target = quote(selection.labels[0]) + "/"
    return REDIRECT.format(target=html.escape(target), script=json.dumps(target)).encode()
