"""The runtime cache in Chromium: a second visit, and a switch to another published
version, download no Pyodide and no engine wheel; pages, search and the version list
still come from the host, fresh, and the theme's instant navigation keeps working.

Two versions share the runtime at the root of the pages branch; the server counts what it
sends, so the service worker's own requests are counted too. One browser profile (a
persistent context) plays one reader."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from benchmarks.runtime_cache import (
    ASSESSMENT,
    READY,
    RUNTIME,
    Sent,
    measure,
    publish_two_versions,
    serve,
    visit,
)
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.browser

Site = tuple[str, Sent, Path]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """2026-Q3 and 2026-Q4 published, the pages branch served on 127.0.0.1: its URL, the
    record of what the server sent, and the served folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = publish_two_versions(tmp_path_factory.mktemp("runtime-cache"),
                                  f"http://127.0.0.1:{port}/")
    with serve(folder, port) as (url, sent):
        yield url, sent, folder


@pytest.fixture
def launch(browser: Any) -> Iterator[Callable[[Path], Any]]:
    """Starts Chromium on a profile folder (a persistent context); all are closed after."""
    started: list[Any] = []

    def start(profile: Path) -> Any:
        context = browser.browser_type.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        started.append(context)
        return context

    yield start
    for context in started:
        context.close()


def test_a_second_visit_and_a_version_switch_download_no_runtime(
        pages: Site, launch: Callable[[Path], Any], tmp_path: Path) -> None:
    url, sent, _folder = pages
    visits = measure(launch, url, sent, tmp_path / "profile")
    first, second, switch = visits.values()
    assert first.requests >= 5 and first.bytes > 10_000_000, first
    # Nothing is downloaded twice on the first visit: the worker copies from the HTTP cache.
    assert first.requests == len({path for path, _status, _size in sent.runtime()})
    assert (second.requests, second.bytes, second.from_network) == (0, 0, 0), second
    assert (switch.requests, switch.bytes, switch.from_network) == (0, 0, 0), switch


def test_pages_stay_fresh_and_instant_navigation_works(
        pages: Site, launch: Callable[[Path], Any], tmp_path: Path) -> None:
    url, sent, folder = pages
    assessment = f"{url}2026-Q4/assessments/{ASSESSMENT}/"
    context = launch(tmp_path / "profile")
    visit(context, assessment, sent)
    page = context.new_page()
    documents: list[tuple[str, bool]] = []
    page.on("response", lambda r: documents.append((r.url, r.from_service_worker))
            if not RUNTIME.search(urlsplit(r.url).path) else None)
    page.goto(assessment)
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    # Instant navigation: the next page is fetched and swapped in, the document stays.
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Metrics", exact=True).first.click()
    page.wait_for_url(re.compile(r"/metrics/$"))
    assert page.evaluate("window.__sameDocument === true")
    # A page changed on the host (a new build) is served fresh, not from the worker.
    home = folder / "2026-Q4/index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</article>", "<p id='rebuilt'>Rebuilt.</p></article>", 1), encoding="utf-8")
    page.goto(f"{url}2026-Q4/")
    page.locator("#rebuilt").wait_for()
    # Pages, the version list, search and the site's own files all come from the host.
    assert [address for address, worker in documents if worker] == []
    assert any(address.endswith("/versions.json") for address, _worker in documents)


def test_the_worker_registers_only_after_the_first_result(
        pages: Site, launch: Callable[[Path], Any], tmp_path: Path) -> None:
    """The worker's start copies megabytes into its cache: it waits until the first result
    is drawn, then a second more, so it never competes with Pyodide's start or the draw."""
    url, _sent, _folder = pages
    page = launch(tmp_path / "profile").new_page()
    page.goto(f"{url}2026-Q4/assessments/{ASSESSMENT}/")
    page.wait_for_function(READY, timeout=120_000)
    registered = "navigator.serviceWorker.getRegistrations().then(r => r.length)"
    assert page.evaluate(registered) == 0
    for _ in range(150):  # then it registers, within fifteen seconds
        page.wait_for_timeout(100)
        if page.evaluate(registered) == 1:
            break
    assert page.evaluate(registered) == 1


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_built_site_keeps_its_runtime_with_either_engine(
        engine: str, launch: Callable[[Path], Any], tmp_path: Path) -> None:
    """A plain build: the worker at the site's root, registered with the root's scope."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = tmp_path / "site"
    built = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build", "--engine",
                            engine, "--site-url", f"http://127.0.0.1:{port}/", "--site-dir",
                            str(site)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                           check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stderr
    assert (site / "playbook-sw.js").is_file()
    with serve(site, port) as (url, sent):
        assessment = f"{url}assessments/{ASSESSMENT}/"
        context = launch(tmp_path / "profile")
        first = visit(context, assessment, sent)
        context.close()
        second = visit(launch(tmp_path / "profile"), assessment, sent)
    assert first.bytes > 10_000_000, first
    assert (second.requests, second.bytes, second.from_network) == (0, 0, 0), second
