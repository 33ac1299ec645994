"""Self-vs-manager calibration on scales of four, five and six levels, worked out by hand.
Standard library only: these tests also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

import json
from typing import Any

from assessments.calibration import calibrate, calibration_csv, calibration_markdown
from assessments.together import calibration_from_files
from tests.engine.builders import skills
from tests.engine.fixtures import spec


def _rows(view: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Per competency: own rating, other rating, target, both gaps, levels apart, flag."""
    return {r["question"]: (r["own"] and r["own"]["value"], r["other"] and r["other"]["value"],
                            r["target"], r["own_gap"], r["other_gap"], r["levels_apart"],
                            r["flagged"]) for r in view["rows"]}


def _four_levels() -> dict[str, Any]:
    view = calibrate(skills((1, 2, 3, 4), {"design": {"lead": 4}, "testing": {"lead": 2},
                                           "writing": {"lead": 3}}),
                     {"design": "v1", "testing": "v3", "writing": "v2"},
                     {"design": "v3", "testing": "v2", "writing": "v2"}, "lead")
    return view


def test_four_levels() -> None:
    view = _four_levels()
    assert _rows(view) == {"design": (2, 4, 4, 2, 0, 2, True),
                           "testing": (4, 3, 2, -2, -1, 1, False),
                           "writing": (3, 3, 3, 0, 0, 0, False)}
    # Writing: the same level, at the target, so nothing to discuss.
    assert view["agenda"] == ["design", "testing"] and view["flagged"] == ["design"]
    assert view["flagged_text"] == "1 competency rated 2 or more levels apart."
    design = view["rows"][0]
    assert design["flag_text"] == "Self and manager are 2 levels apart: discuss the evidence."
    assert (design["own_text"], design["other_text"]) == ("2 \u00b7 2", "4 \u00b7 4")


def test_five_levels_agenda_by_disagreement_then_gap_then_name() -> None:
    spec_ = skills((1, 2, 3, 4, 5), {"c": {"lead": 4}, "b": {"lead": 4}, "a": {"lead": 5}})
    view = calibrate(spec_, {"a": "v4", "b": "v0", "c": "v1"}, {"a": "v2", "b": "v2", "c": "v3"},
                     "lead")
    assert _rows(view) == {"c": (2, 4, 4, 2, 0, 2, True), "b": (1, 3, 4, 3, 1, 2, True),
                           "a": (5, 3, 5, 0, 2, 2, True)}
    # All two levels apart; b has the largest gap (3), a and c tie on 2: by name.
    assert view["agenda"] == ["b", "a", "c"]


def test_six_levels_from_zero() -> None:
    spec_ = skills((0, 1, 2, 3, 4, 5), {"x": {"lead": 3}, "y": {"lead": 5}})
    view = calibrate(spec_, {"x": "v5", "y": "v0"}, {"x": "v2", "y": "v1"}, "lead")
    assert _rows(view) == {"x": (5, 2, 3, -2, 1, 3, True), "y": (0, 1, 5, 5, 4, 1, False)}
    assert view["agenda"] == ["x", "y"]
    assert view["rows"][0]["flag_text"] == ("Self and manager are 3 levels apart: discuss "
                                            "the evidence.")


def test_levels_are_counted_on_the_scale_not_by_value() -> None:
    spec_ = skills((0, 0.25, 0.5, 1), {"x": {"lead": 1}})
    view = calibrate(spec_, {"x": "v0"}, {"x": "v2"}, "lead")
    assert _rows(view) == {"x": (0, 0.5, 1, 1, 0.5, 2, True)}


def test_without_a_role_the_default_target() -> None:
    spec_ = skills((1, 2, 3, 4), {"x": {"lead": 4}}, default_target=3)
    view = calibrate(spec_, {"x": "v0"}, {"x": "v0"}, None)
    assert _rows(view) == {"x": (1, 1, 3, 2, 2, 0, False)}
    assert view["role_text"] == "No role chosen: ratings are compared with the default target."
    assert view["agenda"] == ["x"]
    assert calibrate(spec_, {}, {}, "nobody")["role_text"] == (
        "\u201cnobody\u201d is not a role of this playbook: ratings are compared with the "
        "default target.")


def test_markdown() -> None:
    assert calibration_markdown(_four_levels()) == "\n".join([
        "# Calibration: Skills", "", "Targets of the role Lead.", "",
        "1 competency rated 2 or more levels apart.", "", "## Discussion agenda", "",
        "To discuss, the largest disagreement first, then the largest gap to the target.", "",
        "1. **Design**: Self 2 \u00b7 2, Manager 4 \u00b7 4, target 4 (2 levels apart). "
        "**Flagged.**",
        "2. **Testing**: Self 4 \u00b7 4, Manager 3 \u00b7 3, target 2 (1 level apart).", "",
        "## Every competency", "",
        "| Competency | Self | Manager | Target | Self: gap | Manager: gap | Apart |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        "| Design | 2 \u00b7 2 | 4 \u00b7 4 | 4 | 2 | 0 | 2 levels apart (flagged) |",
        "| Testing | 4 \u00b7 4 | 3 \u00b7 3 | 2 | \u22122 | \u22121 | 1 level apart |",
        "| Writing | 3 \u00b7 3 | 3 \u00b7 3 | 3 | 0 | 0 | same level |", ""])


def test_files_the_role_from_the_persons_own_file() -> None:
    skills_spec = spec("skills-self-assessment")
    first = skills_spec["sections"][0]["questions"][0]["id"]
    own = {"format": "playbook-assessment", "assessment": skills_spec["id"],
           "role": "sdr-absm", "answers": {first: "novice"}}
    other = {**own, "role": None, "answers": {first: "proficient"}}
    view, problems = calibration_from_files(skills_spec, ("me.json", json.dumps(own)),
                                            ("manager.json", json.dumps(other)))
    assert problems == [] and view is not None
    assert view["role"] == "sdr-absm" and view["agenda"] == [first]
    assert view["rows"][0]["levels_apart"] == 3


def test_files_of_another_assessment_or_the_same_file_twice() -> None:
    skills_spec = spec("skills-self-assessment")
    own = json.dumps({"format": "playbook-assessment", "assessment": skills_spec["id"],
                      "answers": {}})
    assert calibration_from_files(skills_spec, ("a.json", own), ("b.json", own)) == (None, [
        "b.json: the same file as a.json; each person's file counts once."])
    assert calibration_from_files(spec("team-health"), ("a.json", own), ("b.json", own)) == (
        None, ["\u201cteam-health\u201d is not a skills assessment: a calibration compares "
               "skills ratings."])


def test_csv() -> None:
    assert calibration_csv(_four_levels()).split("\r\n") == [
        "competency,category,Self,Self: level,Manager,Manager: level,target,Self: gap,"
        "Manager: gap,levels apart,flagged,agenda",
        "Design,,2,2,4,4,4,2,0,2,yes,1", "Testing,,4,4,3,3,2,-2,-1,1,,2",
        "Writing,,3,3,3,3,3,0,0,0,,", ""]
