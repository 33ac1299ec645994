"""The team view: medians, quartiles, the team's band and where the team disagrees, with
numbers worked out by hand. Standard library only: these tests also run inside Pyodide
(tests/pyodide)."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from assessments.exports import MAX_FILES
from assessments.team import quartiles, team_csv, team_view
from assessments.together import team_from_files
from tests.engine.builders import band, maturity, question, section
from tests.engine.fixtures import spec

VALUES = (1, 2, 3, 4, 5)


def _two_dimensions() -> dict[str, Any]:
    asked = [question("qa", "a", values=VALUES), question("qb", "b", values=VALUES)]
    bands = [band("low", 0), band("mid", "2.5"), band("high", 4)]
    return maturity([section("health", asked, bands=bands)], ["a", "b"])


def _answers(qa: int, qb: int) -> dict[str, Any]:
    """Answers by value: the options of VALUES have ids v0..v4."""
    return {"answers": {"qa": f"v{VALUES.index(qa)}", "qb": f"v{VALUES.index(qb)}"}}


TEAM = [_answers(1, 5), _answers(2, 5), _answers(4, 5), _answers(5, 4)]


def test_quartiles_by_the_inclusive_method() -> None:
    def as_fractions(values: list[int]) -> list[Fraction]:
        return [Fraction(v) for v in values]

    assert quartiles(as_fractions([1, 2, 3, 4])) == (Fraction(7, 4), Fraction(5, 2),
                                                     Fraction(13, 4))
    assert quartiles(as_fractions([5, 1, 4, 2, 3])) == (2, 3, 4)
    assert quartiles(as_fractions([3])) == (3, 3, 3)


def test_dimension_median_spread_and_band() -> None:
    view = team_view(_two_dimensions(), TEAM)
    health = view["sections"][0]
    a, b = health["dimensions"]
    # a: 1, 2, 4, 5. Median 3 (between 2 and 4), quartiles at 0.75 and 2.25 of the way.
    assert (a["median"], a["min"], a["max"], a["q1"], a["q3"], a["iqr"], a["spread"]) == (
        3, 1, 5, 1.75, 4.25, 2.5, 4)
    # The median reaches "mid" although no one is in it: two are low, two are high.
    assert a["band"]["id"] == "mid"
    assert [(d["id"], d["count"]) for d in a["distribution"]] == [("low", 2), ("mid", 0),
                                                                  ("high", 2)]
    assert a["text"] == "Median 3 (range 1\u20135, middle half 1.75\u20134.25) \u00b7 Mid"
    assert a["distribution_text"] == "Low 2 \u00b7 Mid 0 \u00b7 High 2"
    # b: 4, 5, 5, 5.
    assert (b["median"], b["q1"], b["q3"], b["iqr"], b["spread"]) == (5, 4.75, 5, 0.25, 1)


def test_section_median_and_the_teams_band() -> None:
    health = team_view(_two_dimensions(), TEAM)["sections"][0]
    # Each person's section score is the mean of their answers: 3, 3.5, 4.5, 4.5.
    assert (health["median"], health["min"], health["max"], health["q1"], health["q3"]) == (
        4, 3, 4.5, 3.375, 4.5)
    assert health["band"]["id"] == "high"
    assert health["text"] == ("Median 4 of 5 (range 3\u20134.5, middle half 3.38\u20134.5) "
                              "\u00b7 High")
    assert health["team_text"] == "The team as a whole: High"


def test_questions_ranked_by_disagreement_with_counts() -> None:
    view = team_view(_two_dimensions(), TEAM)
    assert view["disagreements"] == ["qa", "qb"]
    qa = view["questions"][0]
    assert [c["count"] for c in qa["counts"]] == [1, 1, 0, 1, 1]
    assert qa["counts_text"] == "1 1 \u00b7 2 1 \u00b7 3 0 \u00b7 4 1 \u00b7 5 1"
    assert view["disagreements_text"][0] == ("\u201cQa\u201d: 4 answers, range 1\u20135, "
                                             "middle half 1.75\u20134.25")
    assert view["people_text"] == "Answers of 4 people, without names."


def test_ties_in_spread_are_ranked_by_interquartile_range_then_id() -> None:
    asked = [question(q, "a", values=VALUES) for q in ("qd", "qc", "qb", "qa")]
    spec_ = maturity([section("s", asked, bands=[band("low", 0)])], ["a"])
    values = {"qa": (1, 1, 1, 5),  # spread 4, quartiles 1 and 2: IQR 1
              "qb": (1, 1, 5, 5),  # spread 4, quartiles 1 and 5: IQR 4
              "qc": (1, 5, 5, 5),  # spread 4, quartiles 4 and 5: IQR 1
              "qd": (2, 2, 4, 4)}  # spread 2
    people = [{q: f"v{VALUES.index(v[i])}" for q, v in values.items()} for i in range(4)]
    view = team_view(spec_, people)
    assert view["disagreements"] == ["qb", "qa", "qc", "qd"]
    assert [q["iqr"] for q in view["questions"]] == [2, 1, 4, 1]


def test_stages_by_the_median_the_lower_one_between_two() -> None:
    ladder = spec("team-maturity")
    names = [s["name"] for s in ladder["stages"]]
    nothing = {"answers": {}}
    everything = {"answers": {q["id"]: max(q["options"], key=lambda o: o["value"])["id"]
                              for s in ladder["sections"] for q in s["questions"]}}
    levels = team_view(ladder, [nothing, everything])["sections"][0]
    # Stages 1 and 5: the median is 3.
    assert (levels["median"], levels["stage"]["name"]) == (3, names[2])
    assert [d["count"] for d in levels["distribution"]] == [1, 0, 0, 0, 1]
    levels = team_view(ladder, [nothing, nothing, everything])["sections"][0]
    assert levels["stage"]["name"] == names[0]


def test_csv_has_a_row_per_section_dimension_and_question() -> None:
    text = team_csv(team_view(_two_dimensions(), TEAM))
    lines = text.split("\r\n")
    assert lines[0] == ("part,id,label,answered,median,minimum,maximum,lower quartile,"
                        "upper quartile,interquartile range,spread,team band,distribution")
    assert lines[1] == ("section,health,Health,4,4,3,4.5,3.375,4.5,1.125,1.5,High,"
                        "Low 0 \u00b7 Mid 2 \u00b7 High 2")
    assert lines[2] == "dimension,a,A,4,3,1,5,1.75,4.25,2.5,4,Mid,Low 2 \u00b7 Mid 0 \u00b7 High 2"
    assert lines[4].startswith("question,qa,Qa,4,3,1,5,")
    assert len(lines) == 7 and lines[-1] == ""


def _file(name: str, data: Any) -> tuple[str, str]:
    return name, json.dumps(data)


def test_bad_files_each_get_one_sentence_and_no_view() -> None:
    health = spec("team-health")
    one = {"format": "playbook-assessment", "assessment": "team-health", "answers": {}}
    view, problems = team_from_files(health, [
        _file("ok.json", one), ("broken.json", "{\"answers\": "),
        _file("other.json", {**one, "assessment": "team-maturity"}),
        _file("again.json", one), _file("list.json", [1, 2])])
    assert view is None
    assert problems == [
        "broken.json: not valid JSON (line 1, column 13).",
        "other.json: holds answers to \u201cteam-maturity\u201d, not \u201cteam-health\u201d.",
        "again.json: the same file as ok.json; each person's file counts once.",
        "list.json: not an export of a playbook assessment."]


def test_too_many_files_are_refused_with_the_limit() -> None:
    files = [_file(f"{i}.json", {"answers": {}, "n": i}) for i in range(MAX_FILES + 1)]
    assert team_from_files(spec("team-health"), files) == (None, [
        "201 files given: a team view takes at most 200 files at once; nothing was read."])


def test_another_version_is_matched_by_question_id() -> None:
    health = spec("team-health")
    known = health["sections"][0]["questions"][0]
    old = {"format": "playbook-assessment", "assessment": "team-health",
           "playbook_version": "2020-Q1", "answers": {known["id"]: "agree", "renamed": "agree"}}
    view, problems = team_from_files(health, [_file("old.json", old)])
    assert problems == [] and view is not None
    assert view["questions"][0]["answered"] == 1
    assert view["read_notes"] == ["old.json is from playbook version 2020-Q1: its answers were "
                             "matched by question id. 1 answer no longer matches a question "
                             "of this version and was left out."]
