"""Interview scorecards and the debrief in Chromium: a scorecard filled in on screen is
scored by the engine under Pyodide and exported; three interviewers' files give the
debrief the CLI gives; a bad file changes nothing. Nothing leaves the host."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from assessments import bridge, together
from generators import assess
from tests.conftest import DEFAULT_PLAYBOOK

pytestmark = pytest.mark.browser

CARD = "candidate-scorecard"
READY = ("document.querySelector('form.pb-scorecard-form')"
         " && document.querySelector('form.pb-scorecard-form').dataset.state === 'ready'")
SCORED = "Number(document.querySelector('form.pb-scorecard-form').dataset.scored || 0)"


@pytest.fixture
def local_page(page: Any) -> Iterator[Any]:
    """The page, with every request to another host than the local server refused."""
    refused: list[str] = []

    def only_here(route: Any) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_here)
    yield page
    assert refused == [], "requests left the site's host"


def _open(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}hiring/scorecards/{CARD}/on-screen/")
    page.wait_for_function(READY, timeout=120_000)


def _spec_text(site_url: str) -> str:
    with urlopen(f"{site_url}assets/scorecards/{CARD}.json", timeout=30) as answer:
        return str(answer.read().decode("utf-8"))


def _rate(page: Any, ratings: dict[str, str]) -> None:
    for criterion, level in ratings.items():
        before = page.evaluate(SCORED)
        page.locator(f"input[name='{CARD}--{criterion}'][value='{level}']").check()
        page.wait_for_function(f"{SCORED} > {before}")


def _criteria(site_url: str) -> list[str]:
    return [c["id"] for c in json.loads(_spec_text(site_url))["criteria"]]


def test_a_scorecard_filled_on_screen_is_scored_by_the_engine_and_exported(
        local_page: Any, site_url: str, tmp_path: Path) -> None:
    page = local_page
    _open(page, site_url)
    criteria = _criteria(site_url)
    ratings = {c: "above-average" for c in criteria}
    ratings[criteria[0]] = "excellent"
    page.get_by_label("Candidate").fill("Robin Example")
    page.get_by_label("Interviewer").fill("Sam")
    _rate(page, ratings)
    page.get_by_label("Strengths (1)").fill("Researches every account before a call")
    result = page.locator(".pb-card-result")
    # The round is still missing: the export says so, and nothing downloads.
    page.get_by_role("button", name="Export scorecard").click()
    assert "Fill in these fields first" in result.inner_text()
    assert "Round." in result.inner_text()
    page.get_by_label("Round", exact=True).fill("Panel")

    card = {"candidate": "Robin Example", "round": "Panel", "interviewer": "Sam",
            "ratings": ratings, "notes": {"Strengths (1)":
                                          "Researches every account before a call"}}
    expected = json.loads(bridge.scorecard_json(_spec_text(site_url), json.dumps(card)))
    view = expected["view"]
    assert view["recommendation"]["id"] == "strong-hire"  # 49 of 60
    for sentence in (view["score_text"], view["recommendation_text"],
                     view["recommendation"]["guidance"], expected["progress_text"]):
        assert sentence in result.inner_text()

    with page.expect_download() as info:
        page.get_by_role("button", name="Export scorecard").click()
    assert info.value.suggested_filename == "scorecard-robin-example-panel-sam.json"
    saved = tmp_path / "card.json"
    info.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported == expected["file"]
    assert exported["ratings"] == ratings

    # Kept in this browser across a reload; "Start a new scorecard" clears, Undo brings back.
    page.reload()
    page.wait_for_function(READY, timeout=120_000)
    assert page.get_by_label("Candidate").input_value() == "Robin Example"
    assert page.locator(f"input[name='{CARD}--{criteria[0]}'][value='excellent']").is_checked()
    page.get_by_role("button", name="Start a new scorecard").click()
    assert page.get_by_label("Candidate").input_value() == ""
    assert "0 of 12 criteria rated." in result.inner_text()
    page.get_by_role("button", name="Undo").click()
    assert page.get_by_label("Strengths (1)").input_value().startswith("Researches")
    assert view["score_text"] in result.inner_text()


def _card_file(path: Path, interviewer: str, round_: str, ratings: dict[str, int],
               notes: dict[str, str]) -> Path:
    path.write_text(json.dumps({
        "kind": "playbook-scorecard", "format_version": 1, "scorecard": CARD,
        "playbook_version": "2026-Q4", "candidate": "Robin Example", "round": round_,
        "interviewer": interviewer, "ratings": ratings, "notes": notes}), encoding="utf-8")
    return path


def _three_files(tmp_path: Path, criteria: list[str]) -> list[Path]:
    """Three interviewers; their ratings of "initiative" are 3 points apart."""
    base = {c: 4 for c in criteria}
    return [
        _card_file(tmp_path / "ana.json", "Ana", "Panel", {**base, "initiative": 2},
                   {"Strengths (1)": "Clear account plans"}),
        _card_file(tmp_path / "sam.json", "Sam", "Skills Assessment",
                   {**base, "initiative": 5, "sales-acumen": 5},
                   {"Strengths (1)": "Strong research", "Additional Comments": "Hire"}),
        _card_file(tmp_path / "lee.json", "Lee", "Executive Interview", {**base, "initiative": 4},
                   {"Concerns/Development Areas (1)": "Little forecasting"}),
    ]


def _import(page: Any, paths: list[Path], more: bool = False) -> None:
    tool = page.locator(".pb-debrief-tool")
    before = int(tool.get_attribute("data-debriefs") or 0)
    tool.locator("input[type=file]").nth(1 if more else 0).set_input_files(
        [str(p) for p in paths])
    page.wait_for_function(
        "['shown', 'problems'].includes(document.querySelector('.pb-debrief-tool')"
        ".dataset.state)", timeout=120_000)
    if tool.get_attribute("data-state") == "shown":
        assert int(tool.get_attribute("data-debriefs") or 0) > before


def test_three_interviewers_files_give_the_debrief_the_cli_gives(
        local_page: Any, site_url: str, tmp_path: Path) -> None:
    page = local_page
    _open(page, site_url)
    files = _three_files(tmp_path, _criteria(site_url))
    _import(page, files)
    cli = assess.debrief(DEFAULT_PLAYBOOK, CARD, files)
    assert cli["criteria"][0]["id"] == "initiative" and cli["criteria"][0]["flagged"]

    view = page.locator(".pb-debrief-view")
    shown = view.inner_text()
    for sentence in (cli["interviewers_text"], cli["score_text"], cli["recommendation_text"],
                     cli["recommendation"]["guidance"], cli["disagreements_text"]):
        assert sentence in shown
    heads = view.locator("table.pb-debrief-table thead th").all_inner_texts()
    assert heads == ["Criterion", "Ana (Panel)", "Lee (Executive Interview)",
                     "Sam (Skills Assessment)", "Mean", "Spread"]
    first = view.locator("table.pb-debrief-table tbody tr").first
    assert first.get_attribute("data-criterion") == "initiative"
    assert "pb-flagged" in (first.get_attribute("class") or "")
    cells = first.locator("td").all_inner_texts()
    assert cells == ["2", "4", "5", "3.67", "3"]
    assert "Ratings 3 points apart: compare the evidence." in first.inner_text()
    assert view.locator("tr.pb-flagged").count() == 1
    notes = view.locator("table.pb-debrief-notes")
    row = notes.locator("tbody tr").filter(has_text="Strengths (1)")
    assert row.locator("td").all_inner_texts() == ["Clear account plans", "\u2013",
                                                   "Strong research"]

    with page.expect_download() as info:
        page.get_by_role("button", name="Export CSV").click()
    assert info.value.suggested_filename == "debrief-robin-example.csv"
    saved = tmp_path / "debrief.csv"
    info.value.save_as(saved)
    assert saved.read_bytes().decode("utf-8") == together.export(cli, "csv")


def test_a_bad_file_is_named_and_the_debrief_stays_as_it_was(
        local_page: Any, site_url: str, tmp_path: Path) -> None:
    page = local_page
    page.set_viewport_size({"width": 390, "height": 800})  # a phone
    _open(page, site_url)
    files = _three_files(tmp_path, _criteria(site_url))
    _import(page, files[:2])
    table = page.locator(".pb-debrief-view table.pb-debrief-table")
    assert table.locator("thead th").count() == 2 + 3
    before = page.locator(".pb-debrief-view").inner_html()

    broken = tmp_path / "broken.json"
    broken.write_text('{"kind": "playbook-scorecard", ', encoding="utf-8")
    _import(page, [broken], more=True)
    alert = page.locator(".pb-debrief-problems [role=alert]")
    assert "broken.json" in alert.inner_text()
    assert page.locator(".pb-debrief-view").inner_html() == before

    # Adding the third interviewer keeps the first two; the same file again is a duplicate.
    _import(page, [files[2]], more=True)
    assert table.locator("thead th").count() == 3 + 3
    assert page.locator(".pb-debrief-problems [role=alert]").count() == 0
    # On a phone the table scrolls sideways in its own box; the page does not.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".pb-debrief-view .pb-wide-table").first
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    # On paper the controls go and the debrief stays.
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Export CSV").is_visible()
    assert not page.get_by_role("button", name="Add more scorecards…").is_visible()
    assert table.is_visible()
    page.emulate_media(media="screen")
    _import(page, [files[0]], more=True)
    assert "a second scorecard from Ana" in page.locator(
        ".pb-debrief-problems [role=alert]").inner_text()
    assert table.locator("thead th").count() == 3 + 3
