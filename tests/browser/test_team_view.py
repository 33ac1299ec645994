"""The team view in Chromium: five people's exported team-health answers give the same
medians, ranges and counts as `playbook assess --team`, with a chart per section and the
same CSV; a file that cannot be used is named and the view stays as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from assessments.together import export
from generators import assess
from tests.browser.test_accessibility import _violations
from tests.browser.test_assessments import _open
from tests.conftest import DEFAULT_PLAYBOOK

pytestmark = pytest.mark.browser

TEAM = "team-health"
SCALE = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]


@pytest.fixture(autouse=True)
def only_this_host(page: Any) -> Iterator[None]:
    """Every request to another host is refused, and fails the test."""
    refused: list[str] = []

    def route(request_route: Any) -> None:
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    page.context.route("**/*", route)
    yield
    assert refused == []


def _export(path: Path, assessment: str, answers: dict[str, str], role: str | None = None,
            minute: int = 0) -> Path:
    """A file as the widget exports it (transfer.js, exportText)."""
    path.write_text(json.dumps({
        "format": "playbook-assessment", "format_version": 1, "assessment": assessment,
        "playbook_version": "2026-Q4", "exported": f"2026-11-30T10:{minute:02d}:00.000Z",
        "role": role,
        "answers": answers, "history": []}, indent=2) + "\n", encoding="utf-8")
    return path


def _team_files(page: Any, tmp_path: Path, count: int = 5) -> list[Path]:
    """`count` people's answers: person i answers question j with the option (i * i + j)
    mod 5, and person 4 leaves the last question out."""
    questions = page.locator("fieldset.pb-question").evaluate_all(
        "nodes => nodes.map(n => n.dataset.question)")
    assert len(questions) >= 8, "team-health changed its questions"
    files = []
    for i in range(count):
        answers = {q: SCALE[(i * i + j) % 5] for j, q in enumerate(questions)}
        if i == 3:
            answers.pop(questions[-1])
        files.append(_export(tmp_path / f"person-{i + 1}.json", TEAM, answers, minute=i))
    return files


def _import(page: Any, files: list[Path], more: bool = False) -> None:
    label = "Add more files\u2026" if more else "Import team files\u2026"
    with page.expect_file_chooser() as chooser:
        page.locator(".pb-team").get_by_role("button", name=label).click()
    chooser.value.set_files([str(f) for f in files])


def _shown(page: Any) -> dict[str, Any]:
    """What the team view shows: its sentences, and the counts in its tables."""
    return dict(page.evaluate("""() => {
        const view = document.querySelector('.pb-team-view');
        const texts = sel => Array.from(view.querySelectorAll(sel), n => n.textContent);
        const counts = {};
        view.querySelectorAll('.pb-team-answers tbody tr').forEach(tr => {
            counts[tr.dataset.question] = Array.from(tr.querySelectorAll('td.pb-count'),
                                                     td => Number(td.textContent));
        });
        return {people: view.dataset.people, stats: texts('.pb-team-stats'),
                dimensions: texts('.pb-team-numbers'), disagree: texts('.pb-team-disagreements li'),
                counts: counts,
                charts: view.querySelectorAll('svg.pb-range-chart[role=img]').length,
                labels: Array.from(view.querySelectorAll('svg.pb-range-chart'),
                                   n => n.getAttribute('aria-label'))};
    }"""))


def test_five_files_give_the_team_view_the_cli_gives(page: Any, site_url: str,
                                                     tmp_path: Path) -> None:
    _open(page, site_url, TEAM)
    files = _team_files(page, tmp_path)
    _import(page, files)
    page.locator(".pb-team-view").wait_for(timeout=60_000)
    cli = assess.team(DEFAULT_PLAYBOOK, TEAM, files)
    shown = _shown(page)
    assert shown["people"] == "5" and cli["people"] == 5
    assert shown["stats"] == [s["text"] for s in cli["sections"]]
    dimensions = [d for s in cli["sections"] for d in s["dimensions"]]
    assert shown["dimensions"] == [d["text"] for d in dimensions]
    assert any(d["spread"] for d in dimensions), "the files should disagree somewhere"
    assert shown["disagree"] == cli["disagreements_text"]
    assert shown["counts"] == {q["id"]: [c["count"] for c in q["counts"]]
                               for q in cli["questions"]}
    assert sum(shown["counts"][cli["questions"][-1]["id"]]) == 4  # one person left it out
    # A chart per section, spoken in the engine's sentences.
    assert shown["charts"] == len(cli["sections"])
    assert all(d["text"] in shown["labels"][0] for d in cli["sections"][0]["dimensions"])
    assert page.locator(".pb-range-chart > .pb-range-median").count() == len(dimensions)
    assert _violations(page) == []

    with page.expect_download() as info:
        page.locator(".pb-team").get_by_role("button", name="Export CSV").click()
    assert info.value.suggested_filename == f"{TEAM}-team.csv"
    saved = tmp_path / "team.csv"
    info.value.save_as(saved)
    assert saved.read_bytes().decode("utf-8") == export(cli, "csv")


def test_more_files_add_to_the_view_and_a_bad_one_changes_nothing(
        page: Any, site_url: str, tmp_path: Path) -> None:
    _open(page, site_url, TEAM)
    files = _team_files(page, tmp_path, count=6)
    _import(page, files[:4])
    page.wait_for_function("document.querySelector('.pb-team-view')"
                           " && document.querySelector('.pb-team-view').dataset.people === '4'",
                           timeout=60_000)
    _import(page, files[4:], more=True)
    page.wait_for_function("document.querySelector('.pb-team-view').dataset.people === '6'")
    before = page.locator(".pb-team-view").inner_text()

    corrupt = tmp_path / "person-7.json"
    corrupt.write_text('{"format": "playbook-assessment", "answers": {', encoding="utf-8")
    _import(page, [corrupt], more=True)
    alert = page.locator(".pb-team-problems [role=alert]")
    alert.wait_for()
    assert "person-7.json: not valid JSON" in alert.inner_text()
    assert "unchanged" in alert.inner_text()
    assert page.locator(".pb-team-view").inner_text() == before

    # The same person's file again counts once: the engine says so, nothing changes.
    _import(page, [files[0]], more=True)
    page.wait_for_function("document.querySelector('.pb-team-problems').textContent"
                           ".includes('the same file as person-1.json')")
    assert page.locator(".pb-team-view").get_attribute("data-people") == "6"


def test_print_keeps_the_view_and_its_charts_and_leaves_the_controls_off(
        page: Any, site_url: str, tmp_path: Path) -> None:
    _open(page, site_url, TEAM)
    _import(page, _team_files(page, tmp_path))
    page.locator(".pb-team-view").wait_for(timeout=60_000)
    page.emulate_media(media="print")
    assert page.locator(".pb-range-chart").first.is_visible()
    assert page.locator(".pb-team-answers").is_visible()
    assert not page.locator(".pb-team").get_by_text("Export CSV").is_visible()
    assert not page.locator(".pb-team").get_by_text("Import team files\u2026").is_visible()
    # Printed alone (its Print button): the questions are left off, the view stays.
    page.evaluate("document.documentElement.classList.add('pb-printing-view');"
                  "document.querySelector('.pb-team').classList.add('pb-print-target')")
    assert not page.locator("form.pb-assessment").is_visible()
    assert page.locator(".pb-range-chart").first.is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("assessment", ["transformation-level", "scaling-readiness",
                                        "management-model-selector"])
def test_every_kind_of_section_gives_a_team_view(page: Any, site_url: str, tmp_path: Path,
                                                 assessment: str) -> None:
    """A ladder of stages, anchored stages, counts and a selector's points: the view the
    CLI gives, a chart for every section someone has a number in."""
    _open(page, site_url, assessment)
    boxes = page.locator("fieldset.pb-question").evaluate_all(
        "nodes => nodes.map(n => [n.dataset.question,"
        " Array.from(n.querySelectorAll('input[type=radio]'), r => r.value)])")
    files = [_export(tmp_path / f"{assessment}-{i}.json", assessment,
                     {q: options[(i + j) % len(options)] for j, (q, options) in enumerate(boxes)},
                     minute=i) for i in range(3)]
    _import(page, files)
    page.locator(".pb-team-view").wait_for(timeout=60_000)
    cli = assess.team(DEFAULT_PLAYBOOK, assessment, files)
    shown = _shown(page)
    assert shown["stats"] == [s["text"] for s in cli["sections"]]
    assert shown["counts"] == {q["id"]: [c["count"] for c in q["counts"]]
                               for q in cli["questions"]}
    assert shown["charts"] == sum(1 for s in cli["sections"]
                                  if s["median"] is not None or s["dimensions"])


def test_more_files_than_the_limit_are_refused_in_one_sentence(page: Any, site_url: str,
                                                                tmp_path: Path) -> None:
    _open(page, site_url, TEAM)
    questions = page.locator("fieldset.pb-question").evaluate_all(
        "nodes => nodes.map(n => n.dataset.question)")[:4]
    # 201 people, each with other answers (base-5 digits of their number).
    many = [_export(tmp_path / f"p{i:03d}.json", TEAM,
                    {q: SCALE[i // 5 ** k % 5] for k, q in enumerate(questions)}, minute=i % 60)
            for i in range(201)]
    _import(page, many)
    alert = page.locator(".pb-team-problems [role=alert]")
    alert.wait_for(timeout=60_000)
    assert ("201 files given: a team view takes at most 200 files at once; nothing was read."
            in alert.inner_text())
    assert page.locator(".pb-team-view").count() == 0
    # 200 are taken.
    _import(page, many[:200])
    page.locator(".pb-team-view").wait_for(timeout=60_000)
    assert page.locator(".pb-team-view").get_attribute("data-people") == "200"
