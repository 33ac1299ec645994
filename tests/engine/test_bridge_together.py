"""The bridge's entry points for the views of several files: JSON in, JSON out, as the
browser calls them. Standard library only: these tests also run inside Pyodide
(tests/pyodide)."""

from __future__ import annotations

import json

from assessments import bridge
from assessments.calibration import calibration_markdown
from assessments.team import team_csv
from tests.engine.fixtures import SPECS, spec

HEALTH = spec("team-health")
CARD_TEXT = (SPECS / "scorecards" / "candidate-scorecard.json").read_text("utf-8")


def _export(answers: dict[str, str], assessment: str = "team-health") -> str:
    return json.dumps({"format": "playbook-assessment", "assessment": assessment,
                       "answers": answers})


def test_team_json_gives_the_view_or_the_problems() -> None:
    first = HEALTH["sections"][0]["questions"][0]["id"]
    files = [{"name": "a.json", "text": _export({first: "agree"})},
             {"name": "b.json", "text": _export({first: "disagree"})}]
    view = json.loads(bridge.team_json(json.dumps(HEALTH), json.dumps(files)))
    assert view["people"] == 2 and view["disagreements"] == [first]
    files.append({"name": "c.json", "text": _export({}, "team-maturity")})
    assert json.loads(bridge.team_json(json.dumps(HEALTH), json.dumps(files))) == {
        "problems": ["c.json: holds answers to \u201cteam-maturity\u201d, not "
                     "\u201cteam-health\u201d."]}
    assert json.loads(bridge.team_json(json.dumps(HEALTH), "{}")) == {
        "problems": ["the files are not a list of names and texts"]}


def test_calibration_json_takes_two_files() -> None:
    skills = spec("skills-self-assessment")
    first = skills["sections"][0]["questions"][0]["id"]
    files = [{"name": "me.json", "text": _export({first: "novice"}, skills["id"])},
             {"name": "manager.json", "text": _export({first: "expert"}, skills["id"])}]
    view = json.loads(bridge.calibration_json(json.dumps(skills), json.dumps(files),
                                              "sdr-absm"))
    assert view["flagged"] == [first] and view["rows"][0]["levels_apart"] == 4
    assert json.loads(bridge.calibration_json(json.dumps(skills), json.dumps(files[:1]))) == {
        "problems": ["a calibration takes two files: the person's own ratings, then the "
                     "other's"]}


def test_debrief_json() -> None:
    card = json.loads(CARD_TEXT)
    ratings = {c["id"]: 4 for c in card["criteria"]}
    text = json.dumps({"kind": "playbook-scorecard", "format_version": 1,
                       "scorecard": card["id"], "candidate": "C", "round": "R",
                       "interviewer": "I", "ratings": ratings, "notes": {}})
    view = json.loads(bridge.debrief_json(CARD_TEXT, json.dumps([{"name": "i.json",
                                                                   "text": text}])))
    assert (view["score"], view["recommendation"]["id"]) == (48, "strong-hire")
    assert json.loads(bridge.debrief_json(CARD_TEXT, json.dumps([{"name": "x.json",
                                                                   "text": "[]"}]))) == {
        "problems": ["x.json: not a scorecard exported from the playbook."]}


def test_scorecard_json_scores_the_card_being_filled_in_and_gives_its_file() -> None:
    card = json.loads(CARD_TEXT)
    ids = [c["id"] for c in card["criteria"]]
    # Ratings by level id (as the form sends them) and by value: 11 x 3 + 5 = 38 of 60.
    ratings = {**{cid: "average" for cid in ids[:-1]}, ids[-1]: 5}
    out = json.loads(bridge.scorecard_json(CARD_TEXT, json.dumps({
        "candidate": " Robin ", "round": "Panel", "interviewer": "Sam",
        "ratings": ratings, "notes": {"Strengths (1)": "Clear account plan"}})))
    assert out["missing"] == []
    assert (out["view"]["score"], out["view"]["recommendation"]["id"]) == (
        38, "hire-with-reservations")
    file = out["file"]
    assert (file["kind"], file["scorecard"], file["candidate"]) == (
        "playbook-scorecard", card["id"], "Robin")
    assert file["ratings"] == ratings and file["notes"] == {"Strengths (1)": "Clear account plan"}
    # The exported file is a scorecard the debrief reads, with the same total.
    view = json.loads(bridge.debrief_json(CARD_TEXT, json.dumps([
        {"name": "robin.json", "text": json.dumps(file)}])))
    assert view["score"] == 38


def test_scorecard_json_without_names_or_every_rating_scores_and_says_what_is_missing() -> None:
    card = json.loads(CARD_TEXT)
    first = card["criteria"][0]["id"]
    out = json.loads(bridge.scorecard_json(CARD_TEXT, json.dumps({
        "ratings": {first: "excellent", "not-a-criterion": 3, card["criteria"][1]["id"]: 9}})))
    assert out["missing"] == ["candidate", "round", "interviewer"]
    assert out["file"]["ratings"] == {first: "excellent"}
    assert out["view"]["score"] == 5 and out["view"]["recommendation"] is None
    assert json.loads(bridge.scorecard_json(CARD_TEXT, "{"))["error"].startswith(
        "the scorecard is not valid JSON")


def test_export_json_gives_each_view_as_its_file() -> None:
    first = HEALTH["sections"][0]["questions"][0]["id"]
    files = [{"name": "a.json", "text": _export({first: "agree"})},
             {"name": "b.json", "text": _export({first: "disagree"})}]
    view_text = bridge.team_json(json.dumps(HEALTH), json.dumps(files))
    assert json.loads(bridge.export_json(view_text, "json")) == json.loads(view_text)
    csv_text = bridge.export_json(view_text, "csv")
    assert csv_text == team_csv(json.loads(view_text)) and len(csv_text.splitlines()) > 2
    skills = spec("skills-self-assessment")
    question = skills["sections"][0]["questions"][0]["id"]
    pair = [{"name": "me.json", "text": _export({question: "novice"}, skills["id"])},
            {"name": "manager.json", "text": _export({question: "expert"}, skills["id"])}]
    calibration = bridge.calibration_json(json.dumps(skills), json.dumps(pair), "sdr-absm")
    markdown = bridge.export_json(calibration, "markdown")
    assert markdown == calibration_markdown(json.loads(calibration))
    assert markdown.startswith("#")
