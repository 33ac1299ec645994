"""Glossary terms in a real Chromium: the definition of a term's first use shows on hover and
on keyboard focus, reads well in both schemes and on a phone, and names itself to assistive
technology."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_accessibility import THEME, ZENSICAL, _violations
from tests.conftest import copy_project, free_port, serving

pytestmark = pytest.mark.browser

PAGE = "roles/absm-director/"
TERM = "article abbr.pb-term"


def test_the_definition_shows_on_hover(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    term = page.locator(TERM).first
    tip = term.locator(".pb-term-tip")
    assert not tip.is_visible()
    term.hover()
    tip.wait_for(state="visible")
    definition = term.evaluate(
        "t => document.getElementById(t.getAttribute('aria-describedby')).textContent.trim()")
    assert tip.inner_text().strip() == definition and len(definition) > 20
    # Beside the term, within the window.
    box, term_box = tip.bounding_box(), term.bounding_box()
    assert box["y"] >= term_box["y"] + term_box["height"] - 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    # The pointer can move onto the definition (to read or select it) and it stays.
    page.mouse.move(term_box["x"] + 4, term_box["y"] + term_box["height"] - 2)
    page.mouse.move(box["x"] + 8, box["y"] + box["height"] / 2, steps=5)
    assert tip.is_visible()
    page.keyboard.press("Escape")  # dismissed without moving the pointer
    tip.wait_for(state="hidden")
    page.mouse.move(5, 880)
    term.hover()  # and back when pointed at again
    tip.wait_for(state="visible")
    page.mouse.move(5, 880)
    tip.wait_for(state="hidden")


def test_the_definition_shows_on_keyboard_focus(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    # Start where a reader would, at the page's title, and Tab forward to the first term.
    page.locator("article h1").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('abbr.pb-term')"):
            break
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("e => e.matches('abbr.pb-term')")
    tip = page.locator("abbr.pb-term:focus .pb-term-tip")
    tip.wait_for(state="visible")
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    # Assistive technology hears the definition as the term's description.
    described = focused.evaluate("e => e.getAttribute('aria-describedby')")
    assert page.locator(f"#{described}").count() == 1
    first = page.locator(f"#{described}")
    page.keyboard.press("Escape")  # dismissed while the term keeps the focus
    first.wait_for(state="hidden")
    assert focused.evaluate("e => e === document.activeElement")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back to the term: shown again
    first.wait_for(state="visible")
    page.keyboard.press("Tab")  # moving on hides it again
    first.wait_for(state="hidden")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_shown_definition_has_no_violation(browser: Any, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        page.locator(TERM).first.focus()
        page.locator("abbr.pb-term:focus .pb-term-tip").wait_for(state="visible")
        assert _violations(page, THEME) == []
        assert page.locator("abbr.pb-term:focus .pb-term-tip").is_visible()
    finally:
        context.close()


def test_on_a_phone_the_definition_stays_on_screen(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + PAGE)
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    term.focus()
    tip = term.locator(".pb-term-tip")
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_on_paper_the_definition_follows_the_term(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.emulate_media(media="print")
    term = page.locator(TERM).first
    text = term.inner_text()
    definition = term.locator(".pb-term-definition")
    assert term.locator(".pb-term-tip").is_visible()
    assert text.endswith(" " + definition.inner_text())  # in the line, after the term
    assert definition.evaluate("d => [getComputedStyle(d, '::before').content, "
                               "getComputedStyle(d, '::after').content]") == ['"("', '")"']
    assert definition.evaluate("d => getComputedStyle(d.parentElement).position") == "static"


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default playbook built with Zensical, served on a free port of 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("zensical-glossary"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    built = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build", "--engine",
                            "zensical", "--site-url", url, "--site-dir", "site"], cwd=project,
                           capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    with serving(project / "site", port):
        yield url


def test_zensical_shows_the_definition_on_hover_and_focus(browser: Any,
                                                          zensical_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(zensical_url + PAGE)
        term = page.locator(TERM).first
        tip = term.locator(".pb-term-tip")
        assert not tip.is_visible()
        term.hover()
        tip.wait_for(state="visible")
        page.mouse.move(5, 880)
        tip.wait_for(state="hidden")
        term.focus()
        tip.wait_for(state="visible")
        assert _violations(page, THEME | ZENSICAL) == []
        page.goto(zensical_url + "glossary/")
        assert page.locator("dl.pb-glossary dt#absm").inner_text() == "ABSM"
    finally:
        context.close()
