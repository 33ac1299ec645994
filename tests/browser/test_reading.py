"""Pages that read right on a phone and lead somewhere, in a real Chromium."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_project

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}


@pytest.mark.parametrize("path", ["competencies/by-role/", "team-models/"])
def test_a_wide_table_on_a_phone_scrolls_in_its_box_and_shows_it(page: Any, site_url: str,
                                                                  path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    wrap = page.locator("article .pb-wide-table .md-typeset__scrollwrap").first
    wrap.wait_for()
    page.wait_for_function("document.querySelector('[data-pb-scroll]') !== null")
    # The page itself never scrolls sideways; the table does, in its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")
    hint = page.locator(".pb-scroll-hint").first
    assert hint.is_visible() and "Scroll sideways" in hint.inner_text()
    assert "pb-more-right" in (wrap.get_attribute("class") or "")
    assert wrap.evaluate("w => getComputedStyle(w).maskImage") != "none"
    assert wrap.get_attribute("tabindex") == "0"  # scrolls from the keyboard too
    # Scrolled to the end: the fade moves to the side that now has more to show, and the
    # first column (what each row is about) stays in view.
    first = page.locator("article .pb-wide-table tbody tr td:first-child").first
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; w.dispatchEvent(new Event('scroll')); }")
    page.wait_for_function("!document.querySelector('[data-pb-scroll]')"
                           ".classList.contains('pb-more-right')")
    assert "pb-more-left" in (wrap.get_attribute("class") or "")
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] / 2


def test_a_table_that_fits_says_nothing_about_scrolling(page: Any, site_url: str) -> None:
    page.goto(site_url + "team-models/")
    page.wait_for_function("document.querySelector('[data-pb-scroll]') !== null")
    wrap = page.locator("article .pb-wide-table .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")
    assert not page.locator(".pb-scroll-hint").first.is_visible()
    assert wrap.evaluate("w => getComputedStyle(w).maskImage") == "none"
    assert wrap.get_attribute("tabindex") is None


def _instant(browser: Any, url: str, link: str, lands: str) -> bool:
    """Whether following `link` from `url` swaps the page in place (Material's instant
    navigation) rather than loading a new document."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("window.__stayed = true")
        page.locator("article").get_by_role("link", name=link).first.click()
        page.wait_for_url(re.compile(lands))
        page.locator("article h1").first.wait_for()
        return bool(page.evaluate("window.__stayed === true"))
    finally:
        context.close()


@pytest.fixture(scope="module")
def local_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as it ships (no site_url in mkdocs.yml), built with `playbook build`."""
    project = copy_project(tmp_path_factory.mktemp("local"))
    built = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build",
                            "--site-dir", "site"], cwd=project, capture_output=True,
                           text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr  # a local build is what it is for
    return project


def test_a_plain_http_server_of_a_local_build_navigates_instantly(browser: Any,
                                                                  local_project: Path) -> None:
    # `python -m http.server -d site` serves on port 8000 unless told otherwise.
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", 8000))
        except OSError:
            pytest.skip("port 8000 is taken on this machine")
    server = subprocess.Popen([sys.executable, "-m", "http.server", "8000", "--bind",
                               "127.0.0.1", "-d", str(local_project / "site")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for("http://127.0.0.1:8000/") and server.poll() is None
        assert _instant(browser, "http://127.0.0.1:8000/", "Browse the roles", r"/roles/$")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_playbook_serve_navigates_instantly(browser: Any, local_project: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).parent / "playbook"), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=local_project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/", 90)
        assert _instant(browser, f"http://127.0.0.1:{port}/", "Browse the roles", r"/roles/$")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url: str, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - localhost only
                return True
        except OSError:
            time.sleep(0.2)
    return False
