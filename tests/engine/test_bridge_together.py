"""The bridge's entry points for the views of several files: JSON in, JSON out, as the
browser calls them. Standard library only: these tests also run inside Pyodide
(tests/pyodide)."""

from __future__ import annotations

import json

from assessments import bridge
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
