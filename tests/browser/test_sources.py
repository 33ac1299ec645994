"""A page's sources and its notes for editors, as a reader meets them in Chromium: the
sources' titles lead to the source register, the notes stay folded until opened (by
mouse or keyboard), and paper gets the sources without the notes."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGE = "metrics/bookings-attributed-to-social/"


def test_notes_for_editors_stay_folded_until_opened_from_the_keyboard(page: Any,
                                                                      site_url: str) -> None:
    page.goto(site_url + PAGE)
    editors = page.locator("article details", has=page.locator("summary",
                                                                has_text="For editors"))
    assert editors.count() == 1
    note = editors.locator("li").first
    assert not note.is_visible()
    editors.locator("summary").focus()
    page.keyboard.press("Enter")
    assert note.is_visible()
    assert editors.evaluate("el => el.open") is True


def test_a_source_title_leads_to_its_page_which_leads_back(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    line = page.locator("article p", has_text=re.compile(r"^Sources?: "))
    assert line.is_visible()
    line.get_by_role("link", name="Social Selling Mastery").click()
    page.wait_for_url(re.compile(r"/sources/social-selling-mastery/$"))
    # Instant navigation changes the address before it swaps the content in.
    page.locator("article h1", has_text="Social Selling Mastery").wait_for()
    assert "Jamie Shanks" in page.locator("article").inner_text()
    page.locator("article").get_by_role("link", name="Bookings Attributed to Social").click()
    page.wait_for_url(re.compile(r"/metrics/bookings-attributed-to-social/$"))


def test_paper_gets_the_sources_without_the_notes(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    printed = context.new_page()
    printed.emulate_media(media="print")
    printed.goto(site_url + PAGE)
    text = printed.evaluate("() => document.querySelector('article').innerText")
    context.close()
    assert "Social Selling Mastery (Jamie Shanks, Sales for Life)" in text
    assert "For editors" not in text
