"""Properties of the views people use together: the order of the files does not matter,
identical files have no spread, and another file never narrows the spread."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.calibration import calibrate
from assessments.debrief import debrief
from assessments.team import team_view
from tests.engine.fixtures import SPECS as SPEC_FOLDER
from tests.engine.fixtures import spec

TEAM_SPECS = {name: spec(name) for name in (
    "team-health", "team-maturity", "transformation-level", "skills-self-assessment",
    "team-model-selector", "integration-maturity")}
CARD = json.loads((SPEC_FOLDER / "scorecards" / "candidate-scorecard.json").read_text("utf-8"))


def _answers(spec_: dict[str, Any]) -> st.SearchStrategy[dict[str, str]]:
    questions = [q for s in spec_["sections"] for q in s["questions"]]
    return st.fixed_dictionaries({}, optional={
        q["id"]: st.sampled_from([o["id"] for o in q["options"]]) for q in questions})


def _spreads(view: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """(where, spread, interquartile range) of every section, dimension and question."""
    for section in view["sections"]:
        yield section["id"], section["spread"], section["iqr"]
        for item in section["dimensions"]:
            yield f"{section['id']}/{item['id']}", item["spread"], item["iqr"]
    for question in view["questions"]:
        yield question["id"], question["spread"], question["iqr"]


NAMES = st.sampled_from(sorted(TEAM_SPECS))


def _team(name: str, data: st.DataObject) -> tuple[dict[str, Any], list[dict[str, str]]]:
    spec_ = TEAM_SPECS[name]
    return spec_, data.draw(st.lists(_answers(spec_), min_size=1, max_size=6))


@settings(max_examples=30, deadline=None)
@given(NAMES, st.data())
def test_team_view_does_not_depend_on_file_order(name: str, data: st.DataObject) -> None:
    spec_, people = _team(name, data)
    shuffled = data.draw(st.permutations(people))
    assert team_view(spec_, people) == team_view(spec_, shuffled)


@settings(max_examples=30, deadline=None)
@given(NAMES, st.data(), st.integers(min_value=1, max_value=6))
def test_identical_files_have_no_spread(name: str, data: st.DataObject, copies: int) -> None:
    spec_, people = _team(name, data)
    view = team_view(spec_, [people[0]] * copies)
    for where, spread, iqr in _spreads(view):
        assert spread in (None, 0) and iqr in (None, 0), where


@settings(max_examples=30, deadline=None)
@given(NAMES, st.data())
def test_another_file_never_narrows_the_spread(name: str, data: st.DataObject) -> None:
    spec_, people = _team(name, data)
    extra = data.draw(_answers(spec_))
    before = {where: spread for where, spread, _iqr in _spreads(team_view(spec_, people))}
    for where, spread, _iqr in _spreads(team_view(spec_, [*people, extra])):
        if before[where] is not None:
            assert spread >= before[where], where


levels = st.sampled_from([lv["value"] for lv in CARD["scale"]["levels"]])
cards = st.lists(st.fixed_dictionaries({c["id"]: levels for c in CARD["criteria"]}),
                 min_size=1, max_size=6)


def _cards(ratings: list[dict[str, float]]) -> list[dict[str, Any]]:
    return [{"candidate": "C", "round": "R", "interviewer": f"I{i}", "ratings": r,
             "notes": {}} for i, r in enumerate(ratings)]


@settings(max_examples=30, deadline=None)
@given(cards, st.data())
def test_debrief_does_not_depend_on_file_order(ratings: Any, data: st.DataObject) -> None:
    given_cards = _cards(ratings)
    shuffled = data.draw(st.permutations(given_cards))
    assert debrief(CARD, given_cards) == debrief(CARD, shuffled)


@settings(max_examples=30, deadline=None)
@given(cards, st.integers(min_value=1, max_value=6))
def test_identical_scorecards_have_no_spread(ratings: Any, copies: int) -> None:
    view = debrief(CARD, _cards([ratings[0]] * copies))
    assert {c["spread"] for c in view["criteria"]} == {0}
    assert not any(c["flagged"] for c in view["criteria"])


@settings(max_examples=30, deadline=None)
@given(cards, st.fixed_dictionaries({c["id"]: levels for c in CARD["criteria"]}))
def test_another_scorecard_never_narrows_the_spread(ratings: Any, extra: Any) -> None:
    before = {c["id"]: c["spread"] for c in debrief(CARD, _cards(ratings))["criteria"]}
    for criterion in debrief(CARD, _cards([*ratings, extra]))["criteria"]:
        assert criterion["spread"] >= before[criterion["id"]]


SKILLS = TEAM_SPECS["skills-self-assessment"]


@settings(max_examples=30, deadline=None)
@given(_answers(SKILLS), _answers(SKILLS))
def test_calibration_disagreement_is_the_same_either_way_round(own: Any, other: Any) -> None:
    one, two = (calibrate(SKILLS, a, b, "sdr-absm") for a, b in ((own, other), (other, own)))
    assert [(r["levels_apart"], r["flagged"]) for r in one["rows"]] == [
        (r["levels_apart"], r["flagged"]) for r in two["rows"]]
    assert one["agenda"] == two["agenda"]
