"""The one place that runs git. Failures become `GitError` with git's own message."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from generators.errors import UserError
from generators.files import parse_json

#: No file this tool writes on the pages branch comes near this.
MAX_READ_BYTES = 64 * 1024 * 1024


class GitError(UserError):
    """A git command failed; the message says which and why."""


def run(*args: str, cwd: Path | None = None, check: bool = True) -> str:
    if shutil.which("git") is None:
        raise GitError("git is not installed")
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          errors="replace", check=False)
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


def read_file(ref: str, path: str, cwd: Path, limit: int = MAX_READ_BYTES) -> bytes | None:
    """A file's bytes at `ref`, or None when the branch or the file does not exist.

    A file larger than `limit` is refused before it is read.
    """
    if not is_commit(ref, cwd):
        return None
    size = run("cat-file", "-s", f"{ref}:{path}", cwd=cwd, check=False).strip()
    if not size.isdigit():
        return None
    if int(size) > limit:
        raise GitError(f"{ref}:{path} is larger than {limit // (1024 * 1024)} MiB; it is not a "
                       "file this tool wrote")
    done = subprocess.run(["git", "show", f"{ref}:{path}"], cwd=cwd, capture_output=True,
                          check=False)
    return done.stdout if done.returncode == 0 else None


def read_json(ref: str, path: str, cwd: Path) -> Any:
    """The JSON document in a file at `ref`, None when there is no such file, or a
    `FileRefused` naming `ref:path` when it is not JSON."""
    data = read_file(ref, path, cwd)
    return None if data is None else parse_json(
        data, f"{ref}:{path}", f"restore it from the history of {ref}")


def branch_head(branch: str, cwd: Path) -> str | None:
    """The commit `branch` points at, or None when there is no such branch."""
    return run("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}", cwd=cwd,
               check=False).strip() or None


def add_missing_files(branch: str, files: dict[str, bytes], message: str,
                      cwd: Path, replace: frozenset[str] = frozenset()) -> bool:
    """Commit the `files` (by their path from the branch's root) that `branch` does not
    hold yet, creating the branch when there is none; what it holds stays as it is,
    except the paths in `replace`, which take the content given when theirs differs.
    Nothing is checked out. False when nothing changed (no commit is made)."""
    head = branch_head(branch, cwd)
    wanted: dict[str, Any] = {}
    for path, data in files.items():
        *folders, name = path.split("/")
        level = wanted
        for folder in folders:
            level = level.setdefault(folder, {})
        level[name] = data
    tree, changed = _tree_with(f"{head}^{{tree}}" if head else None, wanted, "", cwd,
                               replace)
    if not changed:
        return False
    commit = run("commit-tree", tree, *(["-p", head] if head else []), "-m", message,
                 cwd=cwd).strip()
    run("update-ref", "-m", message, f"refs/heads/{branch}", commit, head or "0" * 40,
        cwd=cwd)
    return True


def move_branch(branch: str, to: str | None, cwd: Path) -> None:
    """Point `branch` back at the commit `to` (None: delete the branch)."""
    if to is None:
        run("update-ref", "-d", f"refs/heads/{branch}", cwd=cwd)
    else:
        run("update-ref", f"refs/heads/{branch}", to, cwd=cwd)


def _tree_with(tree: str | None, wanted: dict[str, Any], where: str,
               cwd: Path, replace: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """The tree `tree` (None: an empty one) with the files of `wanted` it lacks added,
    and those whose path is in `replace` written over when they differ (`wanted` maps a
    name to the bytes of a file or to such a mapping for a folder)."""
    entries: dict[bytes, tuple[bytes, bytes, bytes]] = {}
    if tree is not None:
        for record in _git_bytes(["ls-tree", "-z", tree], None, cwd).split(b"\0"):
            if record:
                info, _, raw_name = record.partition(b"\t")
                mode, kind, oid = info.split()
                entries[raw_name] = (mode, kind, oid)
    changed = False
    for name, item in wanted.items():
        key, have = name.encode(), entries.get(name.encode())
        if isinstance(item, dict):
            if have is not None and have[1] != b"tree":
                raise GitError(f"{where}{name} is a file on the pages branch, not a folder")
            sub, sub_changed = _tree_with(have[2].decode() if have else None, item,
                                          f"{where}{name}/", cwd, replace)
            if sub_changed:
                entries[key], changed = (b"040000", b"tree", sub.encode()), True
        elif have is None or f"{where}{name}" in replace:
            if have is not None and have[1] != b"blob":
                raise GitError(f"{where}{name} is a folder on the pages branch, not a file")
            blob = _git_bytes(["hash-object", "-w", "--stdin"], item, cwd).strip()
            if have is None or have[2] != blob:
                entries[key], changed = (b"100644", b"blob", blob), True
    if not changed and tree is not None:
        return tree, False
    listing = b"".join(mode + b" " + kind + b" " + oid + b"\t" + name + b"\0"
                       for name, (mode, kind, oid) in entries.items())
    return _git_bytes(["mktree", "-z"], listing, cwd).decode().strip(), True


def _git_bytes(args: list[str], data: bytes | None, cwd: Path) -> bytes:
    """Run a git command that reads or writes bytes (file contents, raw names)."""
    if shutil.which("git") is None:
        raise GitError("git is not installed")
    done = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True,
                          check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def changed_files(paths: list[Path], cwd: Path) -> list[str]:
    """Files under `paths` that differ from the last commit or are not committed yet."""
    existing = [str(path) for path in paths if path.exists()]
    if not existing:
        return []
    out = run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *existing,
              cwd=cwd)
    entries = [entry for entry in out.split("\0") if entry]
    names: list[str] = []
    skip = False
    for entry in entries:
        if skip:  # the old name of a rename
            skip = False
            continue
        status, name = entry[:2], entry[3:]
        skip = "R" in status or "C" in status
        names.append(name)
    return names


def export_folder(ref: str, folder: str, cwd: Path) -> Path:
    """The files of `folder` at `ref`, written into a new temporary folder."""
    target = Path(tempfile.mkdtemp(prefix="playbook-ref-"))
    archive = target / "tree.tar"
    run("archive", "--format=tar", f"--output={archive}", ref, "--", folder, cwd=cwd)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()
    return target / folder


@dataclass(frozen=True)
class TreeEntry:
    """One file of a commit's tree, as `git ls-tree -r -l` lists it: a blob (mode 100644
    or 100755), a symbolic link (120000, its blob holds the target) or a submodule."""

    mode: str
    kind: str
    sha: str
    size: int
    path: str
    """As git stores it, decoded as UTF-8 (bytes that are not stay as escapes)."""

    @property
    def is_link(self) -> bool:
        return self.mode == "120000"


def list_tree(ref: str, cwd: Path) -> list[TreeEntry]:
    """Every file at `ref`, read from the object store (nothing is checked out)."""
    if shutil.which("git") is None:
        raise GitError("git is not installed")
    done = subprocess.run(["git", "ls-tree", "-r", "-l", "-z", "--full-tree", ref], cwd=cwd,
                          capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git ls-tree {ref}: {message[-1] if message else 'failed'}")
    entries = []
    for record in done.stdout.split(b"\0"):
        if not record:
            continue
        info, _, path = record.partition(b"\t")
        mode, kind, sha, size = info.decode("ascii").split()
        entries.append(TreeEntry(mode, kind, sha, int(size) if size.isdigit() else 0,
                                 path.decode("utf-8", "surrogateescape")))
    return entries


def commit_time(ref: str, cwd: Path) -> int:
    """When the commit at `ref` was made, in seconds since the epoch."""
    return int(run("show", "-s", "--format=%ct", ref, cwd=cwd).strip())


class BlobReader:
    """Reads blobs by their hash through one `git cat-file --batch` process."""

    CHUNK = 1024 * 1024

    def __init__(self, cwd: Path) -> None:
        if shutil.which("git") is None:
            raise GitError("git is not installed")
        self._process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=cwd,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)

    def copy(self, sha: str, sink: IO[bytes]) -> int:
        """Write the blob `sha` into `sink`, a piece at a time; returns its size."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(sha.encode("ascii") + b"\n")
        stdin.flush()
        header = stdout.readline().decode("ascii", "replace").split()
        if len(header) != 3 or header[1] != "blob" or not header[2].isdigit():
            raise GitError(f"git cat-file: object {sha} is missing or not a file")
        left = size = int(header[2])
        while left:
            piece = stdout.read(min(left, self.CHUNK))
            if not piece:
                raise GitError(f"git cat-file: object {sha} ended early")
            sink.write(piece)
            left -= len(piece)
        stdout.read(1)  # the newline after each object
        return size

    def read(self, sha: str) -> bytes:
        """The bytes of the blob `sha`."""
        buffer = io.BytesIO()
        self.copy(sha, buffer)
        return buffer.getvalue()

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
