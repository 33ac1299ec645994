"""What readers do in the site, in a real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.browser.conftest import search_site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"


def test_new_hire_ticks_an_onboarding_item_and_it_survives_reload(page: Any,
                                                                   site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Browse the roles").click()
    page.wait_for_url(re.compile(r"/roles/$"))
    page.get_by_role("link", name="Social Selling Specialist (sales role)").first.click()
    page.wait_for_url(re.compile(r"/roles/social-selling-specialist/$"))
    page.locator("article").get_by_role(
        "link", name="First 90 Days as a Social Selling Specialist").first.click()
    page.wait_for_url(re.compile(r"/onboarding/social-selling-specialist-90-day/$"))

    first = page.locator("ul.pb-checklist input[type=checkbox]").first
    label = page.locator(f"label[for='{first.get_attribute('id')}']").inner_text()
    first.focus()
    page.keyboard.press("Space")  # operable from the keyboard
    assert first.is_checked()
    status = page.locator(".pb-checklist-status")
    assert re.fullmatch(r"1 of \d+ items done", status.inner_text())

    page.reload()
    box = page.get_by_label(label, exact=True)
    assert box.is_checked()
    assert re.fullmatch(r"1 of \d+ items done", status.inner_text())


def test_search_finds_a_competency_and_reaches_its_page(page: Any, site_url: str) -> None:
    page.goto(site_url)
    search_site(page, "Buyer Journey Mapping").click()
    page.wait_for_url(re.compile(r"/competencies/buyer-journey-mapping/"))
    # Instant navigation changes the address before it swaps the content in.
    heading = page.locator("article.md-content__inner > h1", has_text="Buyer Journey Mapping")
    heading.wait_for()
    assert heading.inner_text().rstrip("¶") == "Buyer Journey Mapping"


def test_meeting_calendar_downloads_and_parses(page: Any, site_url: str,
                                               tmp_path: Path) -> None:
    page.goto(site_url + "meetings/weekly-team-meeting/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Add to your calendar (.ics)").click()
    saved = tmp_path / "meeting.ics"
    info.value.save_as(saved)
    event = next(iter(Calendar.from_ical(saved.read_bytes()).walk("VEVENT")))
    assert str(event["summary"]) == "Weekly Team Meeting (day and time to be agreed)"


@pytest.mark.parametrize("path", ["", "roles/sdr-absm/", "hiring/kits/social-selling-specialist/",
                                  "onboarding/general-90-day/"])
def test_no_serious_accessibility_violation(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations
          .filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    assert violations == [], "\n".join(violations)


def test_hiring_kit_prints_without_site_chrome(page: Any, site_url: str) -> None:
    page.goto(site_url + "hiring/kits/social-selling-specialist/")
    assert page.locator("button.pb-print").first.is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator("button.pb-print").first.is_visible()
    assert page.locator(".pb-scorecard table").first.is_visible()


def test_search_works_on_an_assessment_page_while_python_loads(page: Any, site_url: str) -> None:
    """An assessment page starts the theme's search worker only once Python is up, or at
    once when the reader goes to the search field: searching works either way."""
    page.goto(site_url + "assessments/transformation-level/")
    search_site(page, "Buyer Journey Mapping").click()
    page.wait_for_url(re.compile(r"/competencies/buyer-journey-mapping/"))
