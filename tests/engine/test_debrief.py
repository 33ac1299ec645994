"""The interview debrief: ratings side by side, disagreements first, the combined score
and recommendation by the scorecard's rule, worked out by hand; and the check of the
scorecard files. Standard library only: these tests also run inside Pyodide
(tests/pyodide)."""

from __future__ import annotations

import json
from typing import Any

from assessments.debrief import debrief, debrief_csv
from assessments.exports import MAX_FILES
from assessments.scorecards import read_scorecards, scorecard_file
from assessments.together import debrief_from_files
from tests.engine.fixtures import SPECS

CARD = json.loads((SPECS / "scorecards" / "candidate-scorecard.json").read_text("utf-8"))
IDS = [c["id"] for c in CARD["criteria"]]


def _file(interviewer: str, round_: str, rating: Any, **changed: Any) -> tuple[str, str]:
    ratings = {i: rating for i in IDS}
    ratings.update(changed.pop("ratings", {}))
    card = {"candidate": "Robin Example", "round": round_, "interviewer": interviewer,
            "ratings": ratings, "notes": changed.pop("notes", {})}
    data = {**scorecard_file(CARD, card), **changed}
    return f"{interviewer.lower()}-{round_.lower()}.json", json.dumps(data)


THREE = [_file("Sam", "Screen", 4, ratings={"initiative": 1},
               notes={"Strengths (1)": "Clear research", "Additional Comments": "Keen"}),
         _file("Alex", "Panel", 3, notes={"Strengths (1)": "Calm"}),
         _file("Kim", "Case", 3, ratings={"initiative": 5, "sales-acumen": "excellent"})]


def _view(files: list[tuple[str, str]]) -> dict[str, Any]:
    view, problems = debrief_from_files(CARD, files)
    assert problems == [] and view is not None
    return view


def test_ratings_mean_spread_and_disagreements_first() -> None:
    view = _view(THREE)
    first, second, third = view["criteria"][:3]
    assert (first["id"], first["mean"], first["spread"], first["flagged"]) == (
        "initiative", 3, 4, True)
    assert [r["rating"] for r in first["ratings"]] == [3, 5, 1]  # Alex, Kim, Sam
    assert (second["id"], second["mean"], second["spread"], second["flagged"]) == (
        "sales-acumen", 4, 2, True)
    assert (third["id"], third["mean"], third["spread"], third["flagged"]) == (
        "social-platform-proficiency", 3.3333, 1, False)
    assert first["ratings_text"] == "Alex 3 \u00b7 Kim 5 \u00b7 Sam 1"
    assert first["flag_text"] == "Ratings 4 points apart: compare the evidence."
    assert third["mean_text"] == "mean 3.33, spread 1"
    assert view["disagreements_text"] == ("2 criteria with ratings 2 or more points apart, "
                                          "listed first.")


def test_combined_score_band_and_recommendation() -> None:
    view = _view(THREE)
    # Ten criteria at a mean of 10/3, initiative at 3, sales acumen at 4: 121/3.
    assert (view["score"], view["max"], view["average"]) == (40.3333, 60, 3.3611)
    assert [i["total"] for i in view["interviewers"]] == [36, 40, 45]
    assert view["band"]["label"] == "Average"
    assert view["recommendation"]["id"] == "hire-with-reservations"
    assert view["score_text"] == ("Combined score 40.33 of 60: an average of 3.36 per "
                                  "criterion (Average).")
    assert view["recommendation_text"] == "Recommendation: Hire with Reservations."
    assert view["interviewers_text"] == ("3 scorecards for Robin Example: Alex (Panel), "
                                         "Kim (Case) and Sam (Screen).")


def test_a_total_equal_to_a_minimum_reaches_it() -> None:
    view = _view([_file("Sam", "Screen", 4), _file("Alex", "Panel", 4)])
    assert (view["score"], view["recommendation"]["id"]) == (48, "strong-hire")
    assert view["disagreements_text"] == "No criterion with ratings 2 or more points apart."


def test_no_recommendation_until_every_criterion_is_rated() -> None:
    name, text = _file("Sam", "Screen", 5)
    data = json.loads(text)
    del data["ratings"]["initiative"]
    data["ratings"]["sales-acumen"] = None
    view = _view([(name, json.dumps(data))])
    assert view["score"] == 50 and view["recommendation"] is None
    assert view["recommendation_text"] == ("No recommendation yet: not every criterion has a "
                                           "rating.")


def test_notes_side_by_side() -> None:
    notes = _view(THREE)["notes"]
    assert [n["field"] for n in notes] == ["Strengths (1)", "Additional Comments"]
    assert [(t["interviewer"], t["text"]) for t in notes[0]["texts"]] == [
        ("Alex", "Calm"), ("Kim", ""), ("Sam", "Clear research")]


def test_file_order_does_not_matter() -> None:
    assert _view(THREE) == _view(list(reversed(THREE)))


def test_each_problem_in_one_sentence_naming_the_file() -> None:
    assessment = json.dumps({"format": "playbook-assessment", "assessment": "team-health",
                             "answers": {}})
    other_card = _file("Lee", "Panel", 3, scorecard="exit-interview")
    view, problems = debrief_from_files(CARD, [
        THREE[0], ("broken.json", "{"), ("answers.json", assessment), other_card,
        _file("Sam", "Screen", 3), _file("Ann", "Panel", 3, candidate="Someone Else"),
        _file("Bo", "Panel", 3, ratings={"initiative": 7}), _file("", "Panel", 3)])
    assert view is None
    assert problems == [
        "broken.json: not valid JSON (line 1, column 2).",
        "answers.json: holds answers to the assessment \u201cteam-health\u201d, not a "
        "scorecard.",
        "lee-panel.json: a scorecard of \u201cexit-interview\u201d, not "
        "\u201ccandidate-scorecard\u201d.",
        "sam-screen.json: a second scorecard from Sam for the round \u201cScreen\u201d (the "
        "first is sam-screen.json).",
        "ann-panel.json: is about \u201cSomeone Else\u201d, not \u201cRobin Example\u201d as "
        "sam-screen.json is; a debrief is about one candidate.",
        "bo-panel.json: the rating of \u201cInitiative\u201d (7) is not a level of the "
        "scorecard's scale.",
        "-panel.json: names no interviewer."]


def test_too_many_files() -> None:
    files = [_file(f"P{i}", "Panel", 3) for i in range(MAX_FILES + 1)]
    assert read_scorecards(CARD, files)[1] == [
        "201 files given: a debrief takes at most 200 files at once; nothing was read."]


def test_another_version_matched_by_criterion_id() -> None:
    name, text = _file("Sam", "Screen", 4, playbook_version="2020-Q1",
                       ratings={"grit": 5, "initiative": 2})
    cards, problems, notes = read_scorecards(CARD, [(name, text)])
    assert problems == [] and cards[0]["ratings"]["initiative"] == 2
    assert notes == ["sam-screen.json is from playbook version 2020-Q1: 1 rating no longer "
                     "matches a criterion of this scorecard and was left out."]
    assert debrief(CARD, cards)["score"] == 46


def test_csv_a_row_per_criterion_then_the_totals() -> None:
    lines = debrief_csv(_view(THREE)).split("\r\n")
    assert lines[0] == ("criterion,section,Alex (Panel),Kim (Case),Sam (Screen),mean,spread,"
                        "disagreement")
    assert lines[1] == "Initiative,Cultural Fit,3,5,1,3,4,yes"
    assert lines[3] == "Social Platform Proficiency,Technical Skills,3,3,4,3.3333,1,"
    assert lines[13] == "total,,36,40,45,40.3333,,Hire with Reservations"
    assert lines[14:] == [""]
