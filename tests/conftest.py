"""Shared fixtures: a small valid playbook to break, and helpers to read results."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generators.check import check


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*/expected from the current compiler")


ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
DEFAULT_PLAYBOOK = ROOT / "playbook"


@pytest.fixture
def playbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the minimal valid playbook at ./playbook, with cwd set to its parent.

    Problems are then reported as `playbook/<kind>/<file>.yml:line:col`, as users see them.
    """
    shutil.copytree(CASES / "minimal", tmp_path / "playbook")
    monkeypatch.chdir(tmp_path)
    return Path("playbook")


def copy_project(target: Path) -> Path:
    """A copy of the project's default playbook, docs and mkdocs.yml at `target`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DEFAULT_PLAYBOOK, target / "playbook")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (default playbook, docs, mkdocs.yml) in a temporary folder."""
    return copy_project(tmp_path)


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must occur exactly once) with `new` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def rendered(root: Path) -> list[str]:
    """Every problem of the playbook at `root`, as the CLI prints it."""
    return [problem.render() for problem in check(root).problems]


def edit_line(path: Path, number: int, old: str, new: str) -> None:
    """Replace `old` with `new` on line `number` (1-based) of a file."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[number - 1], f"{old!r} is not on line {number} of {path}"
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` command."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(Path(sys.executable).parent / "mkdocs"), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` of the project's default playbook, into a temporary folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


# Browser fixtures live here, once, so every test folder shares one Playwright session.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".ics": "text/calendar"}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on now (a site is built for its address first)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(folder: Path, port: int) -> Iterator[str]:
    """`folder` served on `port` of 127.0.0.1 while the block runs; its address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run 'make setup' (installs Debian's chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


