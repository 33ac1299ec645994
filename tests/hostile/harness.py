"""How a case of the bad-input corpus runs, and what it must show.

A case prepares a work folder (a copy of the minimal playbook at ./playbook, plus
whatever it breaks), runs one `playbook` command there in a new process, and
records its exit status, stdout and stderr. The test compares them with the
reviewed expected file, checks the time and memory the command took, and checks
byte for byte that nothing in the work folder changed except the one path the
case may write (a site it was asked to build).

Cases that need a full or read-only disk run the command in a new user and mount
namespace (`unshare -rm`) with a small tmpfs mounted at `disk/`: a real file
system that runs out of space or refuses writes, with no privileges needed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import CASES, ROOT

EXPECTED = Path(__file__).resolve().parent / "expected"
PLAYBOOK = str(Path(sys.executable).parent / "playbook")

#: Runs the `playbook` command's main() and writes its own peak memory to a file
#: (stdout and stderr stay exactly what the user sees). The peak is VmHWM, the high-water
#: mark of this process's own memory: `ru_maxrss` would carry the parent's over exec.
MEASURED = """
import sys
from generators.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status") as status, open(sys.argv[1], "w") as out:
    out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""

#: How the tmpfs at disk/ is prepared (inside the new namespace) for cases that need a
#: failing file system: a copy of the playbook on it, then filled up or made read-only.
DISKS = {
    "full": "mount -t tmpfs -o size=256k tmpfs disk && cp -r playbook disk/ "
            "&& { cat /dev/zero > disk/filler 2>/dev/null; true; }",
    "read-only": "mount -t tmpfs -o size=1m tmpfs disk && cp -r playbook disk/ "
                 "&& mount -o remount,ro disk",
}


def no_setup(work: Path) -> None:
    """The minimal playbook as it is."""


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, what to run, and what may change."""

    name: str
    args: tuple[str, ...]
    setup: Callable[[Path], None] = no_setup
    exit: int = 1
    changes: tuple[str, ...] = ()
    """The only paths under the work folder the command may change (e.g. "site")."""
    disk: str | None = None
    """"full" or "read-only": run with such a file system mounted at disk/."""
    seconds: float = 5.0
    memory_mb: int = 250
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Ran:
    """What a case's command did."""

    exit: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def transcript(self, case: Case, work: Path) -> str:
        """The reviewed form: the command, exit status, stdout and stderr."""
        text = (f"$ playbook {' '.join(case.args)}\nexit {self.exit}\n"
                f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}")
        return normalise(text, work)


def normalise(text: str, work: Path) -> str:
    """Remove what differs from run to run: temporary paths and timings."""
    text = text.replace(str(work), "<work>").replace(str(ROOT), "<project>")
    return re.sub(r" in \d+\.\d s$", " in <seconds> s", text, flags=re.M)


def prepare(case: Case, tmp: Path) -> Path:
    """The work folder of `case`: the minimal playbook, then the case's own setup."""
    work = tmp / "work"
    work.mkdir()
    shutil.copytree(CASES / "minimal", work / "playbook")
    if case.disk:
        (work / "disk").mkdir()
    case.setup(work)
    return work


def run(case: Case, work: Path) -> Ran:
    """Run the case's command in `work`, measured."""
    peak_file = work.parent / "peak-kb"
    command = [sys.executable, "-c", MEASURED, str(peak_file), *case.args]
    if case.disk:
        command = ["unshare", "-rm", "sh", "-c", DISKS[case.disk] + ' && exec "$@"', "sh",
                   *command]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HOME": str(work / "home"),
           "COLUMNS": "100", **case.env}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, env=env,
                          timeout=max(60, case.seconds * 4), check=False)
    seconds = time.perf_counter() - started
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0
    return Ran(done.returncode, done.stdout, done.stderr, seconds, peak)


def snapshot(folder: Path, allowed: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    """Every entry under `folder` (links not followed): its type and content hash,
    leaving out the `allowed` paths and what is inside them."""
    found: dict[str, tuple[str, str]] = {}
    skip = [folder / path for path in allowed]
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        for name in [*dirnames, *filenames]:
            path = here / name
            if any(path == s or s in path.parents for s in skip):
                continue
            found[path.relative_to(folder).as_posix()] = _entry(path)
    return found


def _entry(path: Path) -> tuple[str, str]:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return "link", os.readlink(path)
    if stat.S_ISREG(info.st_mode):
        return "file", hashlib.sha256(path.read_bytes()).hexdigest()
    if stat.S_ISDIR(info.st_mode):
        return "folder", ""
    return "special", oct(stat.S_IFMT(info.st_mode))


def write_file(path: Path, content: str | bytes) -> None:
    """Write `content` to `path`, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def build(work: Path, *args: str) -> None:
    """Build a site in `work` before the case runs (for cases that must keep it)."""
    done = subprocess.run([PLAYBOOK, "build", *args], cwd=work, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                          "HOME": str(work / "home")}, check=False)
    assert done.returncode == 0, done.stderr


def git(work: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=work, capture_output=True, check=True)


def git_repo(work: Path) -> None:
    """Make `work` a git repository with everything committed."""
    git(work, "init", "-q", "-b", "main")
    git(work, "config", "user.email", "enablement@example.com")
    git(work, "config", "user.name", "Enablement")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "playbook")
