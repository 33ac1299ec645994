"""Shareable results in Chromium: "Copy a link to this result" puts the answers in the
address's fragment; the link opens a read-only view scored by the engine, which can be
added to the reader's history; a link from another version is read as an import is; and
printing the view keeps its charts, within the page."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_assessments import _cli_result, _open

pytestmark = pytest.mark.browser

SKILLS = "skills-self-assessment"


def _answer_all(page: Any, form: Any, assessment: str, pick: int = 1) -> dict[str, str]:
    """Answer every question with its `pick`-th choice (the last when there are fewer)."""
    answers = {}
    for box in form.locator("fieldset.pb-question").all():
        radios = box.locator("input[type=radio]")
        radio = radios.nth(min(pick, radios.count() - 1))
        answers[box.get_attribute("data-question")] = radio.get_attribute("value")
    before = int(form.get_attribute("data-scored") or 0)
    page.evaluate("""([assessment, answers]) => {
        for (const [q, a] of Object.entries(answers)) {
            const input = `input[name='${assessment}--${q}'][value='${a}']`;
            document.querySelector(input).checked = true;
        }
        document.querySelector('form.pb-assessment').dispatchEvent(new Event('change'));
    }""", [assessment, answers])
    page.wait_for_function(f"Number(document.querySelector('form.pb-assessment')"
                           f".dataset.scored || 0) > {before}")
    return answers


def _copy_link(page: Any) -> str:
    page.get_by_role("button", name="Copy a link to this result").click()
    field = page.locator(".pb-share-link")
    field.wait_for()
    return str(field.input_value())


def _fragment(data: dict[str, Any]) -> str:
    raw = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return "#result=" + raw


def test_a_shared_link_opens_a_read_only_result_that_can_join_the_history(
        page: Any, site_url: str, tmp_path: Path) -> None:
    form = _open(page, site_url, SKILLS)
    page.select_option(f"#{SKILLS}--role", "social-selling-specialist")
    answers = _answer_all(page, form, SKILLS, pick=2)
    link = _copy_link(page)
    assert link.startswith(f"{site_url}assessments/{SKILLS}/#result=")
    assert "?" not in link

    # Someone else opens it: a browser that has none of the sender's answers.
    page.evaluate("localStorage.clear()")
    page.goto("about:blank")
    page.goto(link)
    shared = page.locator(".pb-shared")
    shared.get_by_role("button", name="Add to my history").wait_for(timeout=120_000)
    expected = _cli_result(tmp_path, SKILLS, answers, role="social-selling-specialist")
    text = shared.inner_text()
    assert "Shown read-only" in text
    assert expected["headline"]["label"] in text
    for section in expected["sections"]:
        if section.get("result_text"):
            assert section["result_text"] in text
    assert shared.locator("svg").count() >= 1
    # The reader's own form is untouched, and nothing was saved for them yet.
    assert form.locator("input[type=radio]:checked").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pbk:')).length") == 0
    assert page.locator(".pb-history").inner_text().startswith("No saved results")

    shared.get_by_role("button", name="Add to my history").click()
    page.get_by_text("Added to your saved results").wait_for()
    history = page.locator(".pb-history table")
    assert history.locator("tbody tr").count() == 1
    stored = page.evaluate("""() => Object.entries(localStorage)
        .filter(([k]) => k.startsWith('pbk:assessment:'))
        .map(([, v]) => JSON.parse(v))""")
    assert len(stored) == 1 and stored[0]["history"][0]["answers"] == answers
    assert stored[0]["history"][0]["role"] == "social-selling-specialist"

    shared.get_by_role("button", name="Close the shared result").click()
    assert page.locator(".pb-shared").count() == 0
    assert "#result=" not in page.url


def test_a_link_from_another_version_keeps_what_still_matches(page: Any, site_url: str,
                                                              tmp_path: Path) -> None:
    form = _open(page, site_url, "team-health")
    answers = _answer_all(page, form, "team-health", pick=0)
    kept = dict(list(answers.items())[:5])
    data = {"k": "pbr1", "a": "team-health", "v": "2025-Q1", "r": None,
            "x": {**kept, "a-question-renamed-since": "agree"}}
    page.goto("about:blank")
    page.goto(f"{site_url}assessments/team-health/{_fragment(data)}")
    note = page.locator(".pb-shared-note")
    page.wait_for_function("document.querySelector('.pb-shared-note')"
                           " && document.querySelector('.pb-shared-note').textContent"
                           ".includes('read-only')", timeout=120_000)
    assert "playbook version 2025-Q1" in note.inner_text()
    assert "1 answer no longer matches a question of this version" in note.inner_text()
    expected = _cli_result(tmp_path, "team-health", kept)
    assert expected["progress"] in page.locator(".pb-shared").inner_text()


def test_a_link_that_cannot_be_read_says_so_and_shows_nothing(page: Any, site_url: str) -> None:
    _open(page, site_url, "team-health")
    page.goto("about:blank")
    page.goto(f"{site_url}assessments/team-health/#result=eyJrIjoicGJyMSIsImEiOiJ0ZWFt")
    note = page.locator(".pb-shared-note")
    note.wait_for(timeout=120_000)
    assert "cannot be read" in note.inner_text()
    assert page.locator(".pb-shared .pb-result-body").count() == 0
    other = _fragment({"k": "pbr1", "a": "team-maturity", "v": None, "r": None, "x": {}})
    page.goto("about:blank")
    page.goto(f"{site_url}assessments/team-health/{other}")
    page.wait_for_function("document.querySelector('.pb-shared-note')"
                           " && document.querySelector('.pb-shared-note').textContent"
                           ".includes('team-maturity')", timeout=120_000)


def test_printing_a_result_keeps_its_charts_within_the_page(page: Any, site_url: str,
                                                             tmp_path: Path) -> None:
    form = _open(page, site_url, SKILLS)
    page.select_option(f"#{SKILLS}--role", "social-selling-specialist")
    _answer_all(page, form, SKILLS, pick=1)
    link = _copy_link(page)
    page.goto("about:blank")
    page.goto(link)
    page.locator(".pb-shared svg").first.wait_for(timeout=120_000)
    page.emulate_media(media="print")
    # A4 at 96 px an inch, less the print margins: the charts must fit across it.
    page.set_viewport_size({"width": 794, "height": 1123})
    for chart in [*page.locator(".pb-shared svg").all(), *page.locator(".pb-results svg").all()]:
        box = chart.bounding_box()
        assert box is not None and box["width"] > 100 and box["height"] > 20
        assert box["x"] >= 0 and box["x"] + box["width"] <= 794
    assert not page.get_by_role("button", name="Add to my history").is_visible()
    assert not page.get_by_role("button", name="Copy a link to this result").is_visible()
    links = page.locator(".pb-shared a[href]")
    assert links.count() >= 1 and links.first.is_visible()
    whole = page.pdf(format="A4")
    # "Print" on the shared view prints it alone, under the page's title.
    page.evaluate("window.print = () => {}")  # the dialog itself is the browser's
    page.emulate_media(media="screen")
    page.locator(".pb-shared").get_by_role("button", name="Print").click()
    page.emulate_media(media="print")
    assert not page.locator("form.pb-assessment").is_visible()
    assert not page.locator(".pb-results").is_visible()
    assert page.locator(".pb-shared svg").first.is_visible()
    assert page.locator("h1").is_visible()
    alone = page.pdf(format="A4")
    assert alone.startswith(b"%PDF") and len(alone) > 20_000
    assert 1 <= _pages(alone) < _pages(whole)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("form.pb-assessment").is_visible()


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
