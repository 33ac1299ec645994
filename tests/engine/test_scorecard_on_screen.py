"""A scorecard being filled in on screen, through the bridge as the browser calls it: the
file to export, its score, what is still missing and how many criteria are rated.
Standard library only: these tests also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

import json

from assessments import bridge
from tests.engine.fixtures import SPECS

CARD_TEXT = (SPECS / "scorecards" / "candidate-scorecard.json").read_text("utf-8")


def _filled(card: dict[str, object]) -> dict[str, object]:
    return dict(json.loads(bridge.scorecard_json(CARD_TEXT, json.dumps(card))))


def test_a_card_half_filled_says_how_many_criteria_are_rated_and_what_is_missing() -> None:
    out = _filled({"candidate": "Robin Example", "round": " ", "interviewer": "Sam",
                   "ratings": {"sales-acumen": "excellent", "initiative": "poor",
                               "collaboration": None},
                   "notes": {"Strengths (1)": "Clear research"}})
    assert out["progress_text"] == "2 of 12 criteria rated."
    assert out["missing"] == ["round"]
    assert out["file"]["ratings"] == {"sales-acumen": "excellent", "initiative": "poor"}
    assert out["view"]["recommendation"] is None


def test_a_card_fully_rated_has_the_rubric_s_score_and_recommendation() -> None:
    card = json.loads(CARD_TEXT)
    ratings = {c["id"]: "above-average" for c in card["criteria"]}
    out = _filled({"candidate": "Robin Example", "round": "Panel", "interviewer": "Sam",
                   "ratings": ratings, "notes": {}})
    assert out["progress_text"] == "12 of 12 criteria rated."
    assert out["missing"] == []
    assert out["view"]["score"] == 48
    assert out["view"]["recommendation"]["id"] == "strong-hire"
    assert out["view"]["score_text"] == ("Combined score 48 of 60: an average of 4 per "
                                         "criterion (Above average).")
