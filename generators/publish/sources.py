"""What `playbook diff` compares: a bundle file, a playbook folder, a published version
(read from the pages branch), or a git ref (the playbook folder at that commit)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from generators.check import compile_playbook
from generators.publish import git
from generators.versions.bundle import BundleError, check_bundle, make_bundle, read_bundle

PAGES_BRANCH = "gh-pages"


def load_source(source: str, *, playbook_folder: str = "playbook", branch: str = PAGES_BRANCH,
                cwd: Path | None = None) -> dict[str, Any]:
    """The bundle of whatever `source` names, tried in the order above."""
    where = cwd or Path.cwd()
    path = Path(source)
    if os.path.lexists(path) and not path.is_dir():
        return read_bundle(path)  # refuses a FIFO, a device or a link loop by name
    if path.is_dir():
        return make_bundle(compile_playbook(path).playbook)
    published = git.read_json(branch, f"{source}/playbook.json", where) if _in_repo(where) \
        else None
    if published is not None:
        return check_bundle(published, f"{branch}:{source}/playbook.json")
    if _in_repo(where) and git.is_commit(source, where):
        root = git.repo_root(where)
        folder = (where / playbook_folder).resolve().relative_to(root).as_posix()
        exported = git.export_folder(source, folder, root)
        try:
            return make_bundle(compile_playbook(exported).playbook)
        finally:
            shutil.rmtree(exported.parent, ignore_errors=True)
    raise BundleError(f"'{source}' is not a bundle file, a playbook folder, a published "
                      f"version on {branch} or a git ref")


def _in_repo(where: Path) -> bool:
    try:
        git.repo_root(where)
    except git.GitError:
        return False
    return True
