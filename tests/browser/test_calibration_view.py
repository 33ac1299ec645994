"""Rating someone else's skills and calibrating two ratings, in Chromium: the someone-else
answers are kept apart from the reader's own, exported under their own name, and with the
person's own file give the calibration agenda `playbook assess --compare` gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assessments.together import export
from generators import assess
from tests.browser.test_accessibility import _violations
from tests.browser.test_assessments import READY, _answer, _open
from tests.browser.test_team_view import _export, only_this_host  # noqa: F401 (a fixture)
from tests.conftest import DEFAULT_PLAYBOOK

pytestmark = pytest.mark.browser

SKILLS = "skills-self-assessment"
ROLE = "social-selling-specialist"
MINE = {"linkedin-platform-proficiency": "basic", "crm-utilization": "competent",
        "relationship-building": "proficient", "roi-analysis": "novice"}
THEIRS = {"linkedin-platform-proficiency": "proficient", "crm-utilization": "competent",
          "relationship-building": "basic", "roi-analysis": "basic"}


def _rate(page: Any, mode: str) -> None:
    page.locator(f"input[name='{SKILLS}--rating'][value='{mode}']").check()
    page.wait_for_function(f"document.querySelector('form.pb-assessment').dataset.rating"
                           f" === '{mode}'")


def _checked(page: Any) -> dict[str, str]:
    return dict(page.evaluate("""() => Object.fromEntries(Array.from(
        document.querySelectorAll('fieldset.pb-question input[type=radio]:checked'),
        r => [r.closest('fieldset').dataset.question, r.value]))"""))


def _rated_someone_else(page: Any, site_url: str, tmp_path: Path) -> Path:
    """Answer as oneself, rate someone else and export that rating: its file."""
    form = _open(page, site_url, SKILLS)
    page.select_option(f"#{SKILLS}--role", ROLE)
    _answer(page, form, SKILLS, MINE)
    _rate(page, "someone-else")
    assert _checked(page) == {}, "the someone-else rating starts empty"
    assert page.locator(".pb-results-title").inner_text() == "Your rating of someone else"
    page.select_option(f"#{SKILLS}--role", ROLE)
    _answer(page, form, SKILLS, THEIRS)
    with page.expect_download() as info:
        page.locator(".pb-panel").get_by_role("button", name="Export JSON").click()
    assert info.value.suggested_filename == f"{SKILLS}-rating-of-someone.json"
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == THEIRS
    return path


def test_rating_someone_else_keeps_the_readers_own_answers(page: Any, site_url: str,
                                                           tmp_path: Path) -> None:
    _rated_someone_else(page, site_url, tmp_path)
    _rate(page, "own")
    assert _checked(page) == MINE
    assert page.locator(".pb-results-title").inner_text() == "Your result"
    page.wait_for_function(f"window.__playbookLastResult['{SKILLS}'].answered === 4")
    # The page opens on the reader's own answers; the other rating is still there.
    page.reload()
    page.wait_for_function(READY, timeout=120_000)
    assert _checked(page) == MINE
    _rate(page, "someone-else")
    assert _checked(page) == THEIRS
    # Assessments that do not rate skills offer neither choice nor calibration.
    _open(page, site_url, "team-health")
    assert page.locator(".pb-rater").count() == 0
    assert not page.locator(".pb-calibration").is_visible()
    assert page.get_by_role("heading", name="Team view").is_visible()


def test_two_ratings_give_the_calibration_agenda_of_the_cli(page: Any, site_url: str,
                                                            tmp_path: Path) -> None:
    theirs = _rated_someone_else(page, site_url, tmp_path)
    mine = _export(tmp_path / f"{SKILLS}-answers.json", SKILLS, MINE, ROLE)
    tools = page.locator(".pb-calibration")
    for label, path in (("The person's own ratings\u2026", mine),
                        ("Your rating of them\u2026", theirs)):
        with page.expect_file_chooser() as chooser:
            tools.get_by_role("button", name=label).click()
        chooser.value.set_files(str(path))
    tools.locator(".pb-calibration-view").wait_for(timeout=60_000)
    assert tools.locator("select").input_value() == ROLE  # the role of the person's file

    cli = assess.calibration(DEFAULT_PLAYBOOK, SKILLS, mine, theirs)
    agenda = tools.locator("ol.pb-agenda > li").evaluate_all(
        "items => items.map(li => li.dataset.question)")
    assert agenda == cli["agenda"] and agenda
    flagged = [r for r in cli["rows"] if r["flagged"]]
    assert {r["question"] for r in flagged} == {"linkedin-platform-proficiency",
                                                "relationship-building"}
    for row in flagged:
        item = tools.locator(f"ol.pb-agenda > li[data-question='{row['question']}']")
        assert f"Flagged: {row['flag_text']}" in item.inner_text()
        assert "Flagged" in tools.locator(
            f"tr[data-question='{row['question']}']").inner_text()
    assert cli["flagged_text"] in tools.inner_text()
    # The chart: a circle per own rating, a diamond per other, labelled with the agenda's
    # words; a flagged competency is marked in its label.
    chart = tools.locator("svg.pb-cal-chart[role=img]")
    label = chart.get_attribute("aria-label") or ""
    assert all(f"{r['name']}: {r['agenda_text']}" in label for r in flagged)
    # (and one of each in the key)
    assert chart.locator("circle.pb-cal-own").count() == sum(
        1 for r in cli["rows"] if r["own"]) + 1
    assert chart.locator("path.pb-cal-other").count() == sum(
        1 for r in cli["rows"] if r["other"]) + 1
    assert chart.locator("text", has_text="\u2691").count() == len(flagged)

    # Printed alone, the chart is kept and fits an A4 page; the controls are not printed.
    page.evaluate("window.print = () => {}")
    tools.get_by_role("button", name="Print").click()
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["x"] + box["width"] <= 794
    assert not page.locator("form.pb-assessment").is_visible()
    assert not tools.get_by_role("button", name="Export Markdown").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})

    with page.expect_download() as info:
        tools.get_by_role("button", name="Export Markdown").click()
    assert info.value.suggested_filename == f"{SKILLS}-calibration.md"
    saved = tmp_path / "calibration.md"
    info.value.save_as(saved)
    assert saved.read_bytes().decode("utf-8") == export(cli, "markdown")

    # Another role's targets: the engine's view for that role.
    other = assess.calibration(DEFAULT_PLAYBOOK, SKILLS, mine, theirs, "sdr-absm")
    page.select_option(f"#{SKILLS}--calibration-role", "sdr-absm")
    page.wait_for_function("text => document.querySelector('.pb-calibration-view')"
                           ".textContent.includes(text)", arg=other["role_text"])
    agenda = tools.locator("ol.pb-agenda > li").evaluate_all(
        "items => items.map(li => li.dataset.question)")
    assert agenda == other["agenda"]
    assert _violations(page) == []
