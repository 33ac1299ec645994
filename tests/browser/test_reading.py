"""Pages that read right on a phone and lead somewhere, in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest

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
