"""The Zensical host, Material's successor: an optional extra (`pip install .[zensical]`).

Zensical reads the site source's mkdocs.yml as it is (it runs no MkDocs plugin,
which the site source does not need) and insists that its site folder lies
inside the project, so it builds into the site source's own `site/`, which is
then moved to where the site goes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generators.hosts import HostError
from generators.source import CONFIG_FILE

OUTPUT = "site"
#: MkDocs plugins whose work Zensical does itself (checked in the browser tests).
NATIVE = {"search", "tags"}


def notes(plugins: list[str]) -> list[str]:
    """Warnings for the config's MkDocs plugins that Zensical will not run."""
    return [f"zensical runs no MkDocs plugins: '{name}' in mkdocs.yml has no effect on this "
            "build (use --engine mkdocs to have it)" for name in plugins if name not in NATIVE]


def command() -> list[str]:
    """How to run Zensical, or `HostError` when it is not installed."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    if found:
        return [found]
    raise HostError("Zensical is not installed: install it with "
                    "\"pip install '.[zensical]'\" (or 'pip install zensical==0.0.73')")


def build(source: Path, out: Path) -> None:
    """Build the site source at `source`, then move the site into the folder `out`."""
    built = source / OUTPUT
    shutil.rmtree(built, ignore_errors=True)  # inside the site source: ours
    done = subprocess.run([*command(), "build", "--config-file",
                           str((source / CONFIG_FILE).resolve())],
                          cwd=source, capture_output=True, text=True, errors="replace",
                          check=False)
    if done.returncode != 0 or not (built / "index.html").is_file():
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        raise HostError("zensical build failed:\n" + "\n".join(lines[-12:] or ["no output"]))
    for entry in built.iterdir():
        shutil.move(str(entry), str(out / entry.name))
    built.rmdir()


def serve(source: Path, dev_addr: str) -> None:
    """Serve the site source at `source` with Zensical's own live-reloading server."""
    done = subprocess.run([*command(), "serve", "--config-file",
                           str((source / CONFIG_FILE).resolve()),
                           "--dev-addr", dev_addr], cwd=source, check=False)
    if done.returncode not in (0, -2, 130):
        raise HostError(f"zensical serve stopped (exit status {done.returncode})")
