"""A reader goes from a role to a play it runs and back, in a real Chromium."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_role_leads_to_the_plays_it_runs_and_a_play_back_to_its_roles(
        page: Any, site_url: str) -> None:
    page.goto(site_url + "roles/absm-data-analyst/")
    page.get_by_role("heading", name="Plays you run").wait_for()
    # The section's list is the one after its heading; follow its link to the play.
    page.locator("article h2:has-text('Plays you run') + ul a",
                 has_text="Content-consumption story analysis").click()
    _arrive(page, site_url + "plays/content-consumption-story-analysis/",
            "Content-consumption story analysis")
    assert page.get_by_role("heading", name="Step 6: Plan monthly improvements").is_visible()
    # Who runs it: the same role, one link away.
    page.locator("article tr", has_text="Who runs it").get_by_role(
        "link", name="ABSM Data Analyst").click()
    _arrive(page, site_url + "roles/absm-data-analyst/", "ABSM Data Analyst")


def test_a_play_is_reached_from_its_meeting_by_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "meetings/top-insights-refresh/")
    link = page.locator("article a", has_text="Repurpose and recycle the top 10%")
    link.focus()
    page.keyboard.press("Enter")
    _arrive(page, site_url + "plays/repurpose-top-insights/",
            "Repurpose and recycle the top 10%")
    assert page.locator("article tr", has_text="When").get_by_role(
        "link", name="Top Insights Refresh").is_visible()


def _arrive(page: Any, url: str, title: str) -> None:
    """Wait until the page at `url` shows, with `title` as its heading (instant
    navigation changes the address before it swaps the content)."""
    page.wait_for_url(url)
    page.locator("article h1", has_text=title).wait_for()
    assert str(page.locator("article h1").inner_text()).rstrip("¶").strip() == title
