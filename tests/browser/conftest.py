"""Debian's Chromium, driven by Playwright, against the built site served on 127.0.0.1.

Without Chromium the browser tests are skipped locally, but fail under CI=true:
a missing browser must never pass for a green run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, free_port, serving


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default site, built for and served on a free port of 127.0.0.1.

    Built with that exact address as site_url: Material's instant navigation only
    follows links that match its sitemap, port included.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("served") / "site"
    result = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build",
                             "--site-dir", str(site), "--site-url", url], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    with serving(site, port):
        yield url


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    """A fresh browser context (empty storage) whose every request is recorded.

    `page.requests` holds the page's own; the runtime cache's service worker copies what
    the page loaded from the HTTP cache, and its requests are kept apart. After the test,
    every request must have gone to 127.0.0.1.
    """
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    by_worker: list[str] = []
    context.on("request", lambda request: (by_worker if request.service_worker else requests)
               .append(request.url))
    page = context.new_page()
    page.requests = requests
    yield page
    context.close()
    foreign = sorted({url for url in [*requests, *by_worker]
                      if urlsplit(url).scheme not in ("data", "blob", "about")
                      and urlsplit(url).hostname != "127.0.0.1"})
    assert foreign == [], "requests left the site's host"


def search_site(page: Any, query: str) -> Any:
    """Open Material's search, wait until its index is built, type `query`; the first result.

    The index is built by a worker after the page loads; on a busy machine that takes
    seconds, and a query typed before it is ready may never be answered. The theme reads
    the field on key-up (or on focus), so a filled-in query is followed by a key press.
    """
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        const text = meta ? meta.textContent.trim() : '';
        return text !== '' && !/^Initiali[sz]ing/.test(text);
    }""", timeout=120_000)
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")  # the theme reads the query on key-up, not on input events
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=60_000)
    return result
