"""Printed kits and pages without JavaScript, in a real Chromium.

A round kit prints on one or two sheets of A4; no kit runs past the edge of the paper or
prints the site's chrome or the notes for editors; with JavaScript off an assessment
says how to score by hand, and no button that needs JavaScript is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_accessibility import _violations

pytestmark = pytest.mark.browser

ROUNDS = ["hiring-manager-screen", "skills-assessment", "behavioral-interview",
          "executive-interview"]
#: One role with a hiring profile (its own tools) and one with the playbook's general ones.
ROLES = ["social-selling-specialist", "sdr-absm"]
#: The printable width of A4 with the kits' page margins (210 mm less 2 x 13 mm), in CSS px.
PRINT_WIDTH = round((210 - 2 * 13) / 25.4 * 96)

KITS = [f"hiring/kits/{role}/" for role in ROLES]
ROUND_KITS = [f"hiring/kits/{role}/{round_id}/" for role in ROLES for round_id in ROUNDS]
#: Text only the editorial notes carry (the profile's and the loop's), folded away under
#: "For editors" on screen and left off paper.
NOTES = ["For editors", "000_1c4a9c2ffe1c6c8d.txt", "Derived: the four rounds",
         "Assessment Criteria Matrix"]


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF made by Chromium: its page objects, which must agree
    with the count of the page tree's root."""
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    assert counts and max(counts) == pages, (pages, counts)
    return pages


@pytest.fixture
def printed(browser: Any, site_url: str) -> Iterator[Any]:
    """A page as wide as the printable width of A4, in print media."""
    context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1100})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def _overflowing(page: Any) -> list[str]:
    """Visible elements whose box runs past the left or right edge of the paper."""
    return list(page.evaluate("""() => {
        const width = document.documentElement.clientWidth, out = [];
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (!box.width || !box.height || !el.checkVisibility()) continue;
            if (box.right > width + 0.5 || box.left < -0.5) {
                out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' +
                         Math.round(box.left) + '..' + Math.round(box.right) + ' of ' + width +
                         ': ' + (el.innerText || '').slice(0, 40));
            }
        }
        return out;
    }"""))


@pytest.mark.parametrize("path", ROUND_KITS)
def test_a_round_kit_prints_on_one_or_two_sheets(page: Any, site_url: str, path: str) -> None:
    assert page.goto(site_url + path).ok
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"{path} prints on {pages} pages"


def test_a_round_kit_holds_what_the_interviewer_fills_in(page: Any, site_url: str) -> None:
    page.goto(site_url + "hiring/kits/social-selling-specialist/behavioral-interview/")
    article = page.locator("article")
    fields = article.locator(".pb-field-label").all_inner_texts()
    assert fields[:4] == ["Candidate", "Interviewer", "Date", "Round"]
    assert "3. Behavioural Interview" in article.locator(".pb-fields").first.inner_text()
    questions = article.locator(".pb-kit-question")
    assert questions.count() == 5  # the behavioural questions, each with room for notes
    assert questions.locator(".pb-notes-box").count() == 5
    assert questions.first.inner_text().startswith("1. Relationship Building.")
    rows = article.locator("table.pb-rating tbody tr:has(td.pb-tick)")
    assert rows.count() == 12 and rows.first.locator(".pb-box").count() == 5
    decision = article.locator("ul.pb-decision > li")
    assert [t.split(" (")[0].strip() for t in decision.all_inner_texts()] == [
        "Strong Hire", "Hire with Reservations", "Not a Fit"]
    assert decision.locator(".pb-box").count() == 3


@pytest.mark.parametrize("path", KITS + ROUND_KITS)
def test_a_printed_kit_fits_the_paper_without_chrome_or_notes(printed: Any, site_url: str,
                                                             path: str) -> None:
    assert printed.goto(site_url + path).ok
    assert _overflowing(printed) == []
    text = printed.evaluate("() => document.body.innerText")
    assert [note for note in NOTES if note in text] == []
    assert "Hiring kit" in text or "Interview kit" in text  # the page itself prints
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search",
                   ".md-tags", "button", ".md-button"):
        shown = printed.locator(chrome).filter(visible=True)
        assert shown.count() == 0, f"{chrome} prints on {path}"


def test_headings_stay_with_what_follows_them_in_print(printed: Any, site_url: str) -> None:
    printed.goto(site_url + "hiring/kits/social-selling-specialist/")
    styles = printed.evaluate("""() => [...document.querySelectorAll(
            'article h2, article h3, .pb-kit-question, table.pb-rating tbody')]
        .map(el => el.tagName + ':' + getComputedStyle(el).breakAfter + ':' +
                   getComputedStyle(el).breakInside)""")
    assert styles and all(s.split(":")[1] == "avoid" for s in styles if s[0] == "H"), styles
    printed.goto(site_url + "hiring/kits/social-selling-specialist/behavioral-interview/")
    blocks = printed.evaluate("""() => [...document.querySelectorAll(
            '.pb-kit-question, table.pb-rating tbody, ul.pb-decision')]
        .map(el => getComputedStyle(el).breakInside)""")
    assert blocks and set(blocks) == {"avoid"}


def test_the_full_kit_links_every_round_kit(page: Any, site_url: str) -> None:
    page.goto(site_url + "hiring/kits/social-selling-specialist/")
    links = page.locator("article a", has_text=re.compile(r"^\d\. "))
    assert links.all_inner_texts() == ["1. Hiring Manager Screen", "2. Skills Assessment",
                                       "3. Behavioural Interview", "4. Executive Interview"]
    links.nth(2).click()
    page.wait_for_url(re.compile(r"/hiring/kits/social-selling-specialist/behavioral-interview/$"))


@pytest.fixture
def no_script(browser: Any, site_url: str) -> Iterator[Any]:
    """A page with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_an_assessment_says_how_to_score_by_hand(no_script: Any,
                                                                      site_url: str) -> None:
    no_script.goto(site_url + "assessments/scaling-readiness/")
    help_box = no_script.locator(".pb-noscript")
    assert help_box.is_visible()
    text = help_box.inner_text()
    assert text.startswith("Scoring needs JavaScript")
    assert "Where you are today: each answer points to a stage." in text
    assert ("Scaling triggers: add up the values of your answers (No = 0, Yes = 1); a question "
            "left out counts 0. The total gives: No trigger met from 0, One trigger met from 1, "
            "Several triggers met from 2.") in text
    assert "Build the case: “Scaling triggers” at least 1. Not yet: otherwise." in text
    no_script.goto(site_url + "assessments/team-health/")
    assert "for each dimension, take the average of the values of your answers" in (
        no_script.locator(".pb-noscript").inner_text())


@pytest.mark.parametrize("path", ["assessments/scaling-readiness/",
                                  "onboarding/social-selling-specialist-90-day/",
                                  "hiring/kits/social-selling-specialist/",
                                  "hiring/kits/social-selling-specialist/skills-assessment/",
                                  "hiring/scorecards/candidate-scorecard/"])
def test_without_javascript_no_button_that_needs_it_is_shown(no_script: Any, site_url: str,
                                                             path: str) -> None:
    no_script.goto(site_url + path)
    article = no_script.locator("article")
    assert article.is_visible()
    shown = article.locator("button, .md-button:not([download])").filter(visible=True)
    assert shown.all_inner_texts() == []


def test_with_javascript_the_buttons_show_and_the_help_does_not(page: Any,
                                                                site_url: str) -> None:
    page.goto(site_url + "hiring/kits/social-selling-specialist/skills-assessment/")
    assert page.get_by_role("button", name="Print this round kit").is_visible()
    page.goto(site_url + "assessments/scaling-readiness/")
    page.locator("form.pb-assessment").wait_for()
    assert not page.locator(".pb-noscript").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["hiring/kits/social-selling-specialist/behavioral-interview/",
                                  "hiring/kits/sdr-absm/hiring-manager-screen/"])
def test_a_round_kit_has_no_accessibility_violation(page: Any, site_url: str, path: str,
                                                    scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path, wait_until="networkidle")
    assert _violations(page) == []


def test_a_kit_prints_dark_on_white_in_the_dark_scheme(printed: Any, site_url: str) -> None:
    printed.emulate_media(media="print", color_scheme="dark")
    printed.goto(site_url + "hiring/kits/sdr-absm/behavioral-interview/")
    colours = printed.evaluate("""() => [getComputedStyle(document.documentElement).backgroundColor,
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('article p')).color]""")
    assert colours[:2] == ["rgb(255, 255, 255)", "rgb(255, 255, 255)"]
    assert colours[2].startswith("rgba(0, 0, 0,"), colours
