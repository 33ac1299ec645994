"""What changes from one level to the next: a competency's levels side by side, and the
competency levels two steps of a career path require."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site_checks import without_term_tips


def _article(site: Path, path: str) -> str:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    return page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", without_term_tips(html)).split())


def _section(html: str, heading: str) -> str:
    """From the h2 or h3 `heading` to the next heading of the same level or above."""
    match = re.search(rf"<h([23])[^>]*>{re.escape(heading)}<", html)
    assert match is not None, heading
    rest = html[match.end():]
    end = re.search(rf"<h[1-{match.group(1)}][ >]", rest)
    return rest[:end.start()] if end else rest


def test_a_competency_shows_each_level_beside_the_next(built_site: Path) -> None:
    article = _article(built_site, "competencies/crm-utilization")
    steps = _section(article, "From level to level")
    summaries = re.findall(r"<summary>(.*?)</summary>", steps)
    assert summaries == ["Beginner → Intermediate", "Intermediate → Advanced",
                         "Advanced → Expert"]
    second = steps.split("<summary>")[2]
    assert _text(second.split("<thead>")[1].split("</thead>")[0]) == "Intermediate Advanced"
    assert "Works with the CRM's workflows and reports." in _text(second)
    assert "Configures the CRM and connects it to other tools." in _text(second)


def test_a_level_not_expected_is_compared_as_such(example_built: Path) -> None:
    steps = _section(_article(example_built, "competencies/mentoring"), "From level to level")
    summaries = re.findall(r"<summary>(.*?)</summary>", steps)
    # Between two levels where mentoring is not expected nothing changes: no step.
    assert summaries == ["L2 Engineer → L3 Senior", "L3 Senior → L4 Staff",
                         "L4 Staff → L5 Senior Staff", "L5 Senior Staff → L6 Principal"]
    first = _text(steps.split("<summary>")[1])
    assert "Not expected at this level" in first
    assert "Pairs with newer engineers every week." in first


@pytest.mark.parametrize(("path", "step", "row", "cells"), [
    ("careers/individual-contributor", "Social Selling SDR → Social Selling Specialist",
     "CRM Utilization", ["Beginner Enters and looks up records correctly.",
                         "Intermediate Works with the CRM's workflows and reports."]),
    ("careers/individual-contributor", "Social Selling Specialist → Social Selling Strategist",
     "Account Strategy Development", ["Not required", "Advanced Writes a tailored engagement "
                                      "strategy for an account from first principles."]),
])
def test_two_steps_of_a_career_path_side_by_side(built_site: Path, path: str, step: str,
                                                row: str, cells: list[str]) -> None:
    section = _section(_article(built_site, path), step)
    rows = {_text(r.split("</td>")[0]): [_text(c) for c in r.split("<td>")[2:]]
            for r in section.split("<tr>")[2:]}
    assert rows[row] == cells
    # Only what differs: a competency both roles need at the same level is not listed.
    assert all(before != after for before, after in rows.values())
    if "Strategist" in step:
        assert "By way of Senior Social Selling Specialist" in _text(section)
