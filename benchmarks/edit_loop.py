"""Time the edit loop of `playbook serve`: from saving a YAML file to the updated page
in Debian's Chromium.

    python benchmarks/edit_loop.py [--size N] [--engine mkdocs|zensical] [--runs N]

Copies a playbook (the default one, or a synthetic one of about N entities) and the
project's mkdocs.yml into a temporary project, starts `playbook serve` there, opens a
metric's page in Chromium, then, run after run, rewrites how that metric is measured
with a new word and measures the time until the page shows it (the page reloads by
itself). Prints the median, minimum and maximum, and each phase the server reported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_playbook import make_playbook  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PLAYBOOK_COMMAND = str(Path(sys.executable).parent / "playbook")


def _project(size: int | None, work: Path) -> tuple[Path, Path]:
    """A project folder with a playbook and mkdocs.yml; and the metric file to edit."""
    project = work / "project"
    project.mkdir()
    if size:
        make_playbook(size, project / "playbook")
    else:
        shutil.copytree(ROOT / "playbook", project / "playbook")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    metric = next(path for path in sorted((project / "playbook/metrics").glob("*.yml"))
                  if "\nmeasured_by: " in (text := path.read_text(encoding="utf-8"))
                  and "\nmeasured_by: >" not in text and "\nmeasured_by: |" not in text)
    return project, metric


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_server(url: str, seconds: float) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def measure(size: int | None, engine: str, runs: int) -> list[float]:
    """Seconds from each save to the page showing the change."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        project, metric = _project(size, Path(tmp))
        port = _free_port()
        server = subprocess.Popen([PLAYBOOK_COMMAND, "serve", "--engine", engine, "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            page_path = f"metrics/{metric.stem}/"
            url = f"http://127.0.0.1:{port}/{page_path}"
            _wait_for_server(url, 300)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                time.sleep(1.0)  # let the server settle after its first build
                original = metric.read_text(encoding="utf-8")
                seconds = []
                for run in range(runs):
                    word = f"edited{run}x{int(time.time())}"
                    metric.write_text(original.replace("\nmeasured_by: ",
                                                       f"\nmeasured_by: {word} ", 1),
                                      encoding="utf-8")
                    saved = time.perf_counter()
                    page.wait_for_function(
                        f"document.body && document.body.innerText.includes('{word}')",
                        timeout=60_000, polling=20)
                    seconds.append(time.perf_counter() - saved)
                    print(f"  run {run + 1}: {seconds[-1]:.3f} s", file=sys.stderr)
                    time.sleep(0.8)
                browser.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=0,
                        help="entities of a synthetic playbook (default: the default playbook)")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    seconds = measure(args.size or None, args.engine, args.runs)
    what = f"{args.size} entities" if args.size else "default playbook"
    print(f"edit loop, {what}, {args.engine}: median {statistics.median(seconds):.3f} s, "
          f"min {min(seconds):.3f} s, max {max(seconds):.3f} s ({len(seconds)} runs)")


if __name__ == "__main__":
    main()
