"""A memory snapshot of Pyodide with the scoring engine already imported.

Python's own start takes most of an assessment page's start-up (about 1.7 s of 2 s on a
two-core machine). Pyodide can start from a copy of its memory instead, taken once
Python is up and the engine imported: then it is up in about a tenth of that time. The
build makes that copy with Node, which runs the same Pyodide files the site ships, and
writes it gzip-compressed beside the engine's wheel (about 6 MB; 31 MB unpacked); the
page's early loader fetches it alongside the runtime and starts from it when it comes
fast enough to pay for itself, and starts Python the usual way when it does not, or is
missing, unreadable or refused (`generators/assets/early-loader.js`).

A build without Node on PATH (a compiler installed with pip alone) makes none: its
pages start Python the usual way. A snapshot belongs to one engine wheel and one Pyodide
build; it is kept in the user's cache under a key of both, so it is made once per engine
change.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import TextIO

from generators.pyodide import cache_root, version_of

#: The folder of the user's cache that keeps snapshots, and how many it keeps.
SNAPSHOT_DIR = "snapshots"
KEEP = 4
TIMEOUT = 300


def snapshot_name(wheel_name: str, pyodide_version: str) -> str:
    """The snapshot's file name beside the wheel: the wheel's, with the Pyodide version."""
    return f"{wheel_name.removesuffix('.whl')}.pyodide-{pyodide_version}.snapshot"


def engine_snapshot(pyodide_dir: Path, wheel: tuple[str, bytes], *,
                    progress: TextIO | None = sys.stderr) -> bytes | None:
    """The gzip-compressed snapshot for `wheel` under the runtime in `pyodide_dir`, made
    with Node (or taken from the user's cache); None without Node, or when Node could
    not make it (said in one line on `progress`)."""
    node = shutil.which("node")
    if node is None or not (pyodide_dir / "pyodide.js").is_file():
        return None  # (a runtime that is not whole is reported as the build copies it)
    wasm = pyodide_dir / "pyodide.asm.wasm"
    script = resources.files("generators").joinpath("pyodide/snapshot.cjs")
    # Made again for another engine, another runtime, or another way of making it.
    key = hashlib.sha256(b"\0".join([
        wheel[1], version_of(pyodide_dir).encode(),
        str(wasm.stat().st_size if wasm.is_file() else 0).encode(),
        script.read_bytes()])).hexdigest()[:24]
    folder = cache_root() / SNAPSHOT_DIR
    cached = folder / f"{key}.snapshot"
    if cached.is_file():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory(prefix="playbook-snapshot-") as tmp:
        wheel_path = Path(tmp) / wheel[0]
        wheel_path.write_bytes(wheel[1])
        out = Path(tmp) / "memory"
        try:
            made = subprocess.run([node, str(script), str(pyodide_dir), str(wheel_path),
                                   str(out)], capture_output=True, text=True,
                                  timeout=TIMEOUT, check=False)
            failure = (made.stderr.strip().splitlines() or [f"exit status {made.returncode}"]
                       )[-1] if made.returncode != 0 or not out.is_file() else ""
        except (OSError, subprocess.TimeoutExpired) as exc:
            failure = str(exc)
        if failure:
            if progress is not None:
                print(f"playbook: note: no Python snapshot for the assessment pages (they "
                      f"start Python the usual way): Node could not make one: {failure}",
                      file=progress)
            return None
        data = gzip.compress(out.read_bytes(), compresslevel=6, mtime=0)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{key}.{os.getpid()}.part"
    partial.write_bytes(data)
    partial.replace(cached)
    _prune(folder)
    return data


def _prune(folder: Path) -> None:
    """Keeps the newest `KEEP` snapshots of the cache."""
    kept = sorted(folder.glob("*.snapshot"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)
