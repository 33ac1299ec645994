"""The one place that runs git. Failures become `GitError` with git's own message."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any


class GitError(Exception):
    """A git command failed; the message says which and why."""


def run(*args: str, cwd: Path | None = None, check: bool = True) -> str:
    if shutil.which("git") is None:
        raise GitError("git is not installed")
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout


def repo_root(start: Path) -> Path:
    """The top folder of the git repository holding `start`."""
    try:
        return Path(run("rev-parse", "--show-toplevel", cwd=start).strip())
    except GitError:
        raise GitError(f"{start} is not inside a git repository (publishing keeps versions on "
                       "a branch of one; run 'git init' first)") from None


def is_commit(ref: str, cwd: Path) -> bool:
    return bool(run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=cwd,
                    check=False).strip())


def read_file(ref: str, path: str, cwd: Path) -> str | None:
    """A file's text at `ref`, or None when the branch or the file does not exist."""
    if not is_commit(ref, cwd):
        return None
    done = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=cwd, capture_output=True,
                          text=True, check=False)
    return done.stdout if done.returncode == 0 else None


def read_json(ref: str, path: str, cwd: Path) -> Any:
    text = read_file(ref, path, cwd)
    return None if text is None else json.loads(text)


def export_folder(ref: str, folder: str, cwd: Path) -> Path:
    """The files of `folder` at `ref`, written into a new temporary folder."""
    target = Path(tempfile.mkdtemp(prefix="playbook-ref-"))
    archive = target / "tree.tar"
    run("archive", "--format=tar", f"--output={archive}", ref, "--", folder, cwd=cwd)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()
    return target / folder
