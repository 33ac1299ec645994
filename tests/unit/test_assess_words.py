"""The words of `playbook assess`, the engine's own (the browser shows the same): points
counted right, ties named, a stage's place on its model's own ladder, band colours said in
words, skills below target marked."""

from __future__ import annotations

from assessments import score
from generators.assess import render_text
from tests.engine.fixtures import by_stage, example_spec, spec


def test_a_tie_and_points_in_the_text_report() -> None:
    lines = render_text(score(spec("team-model-selector"),
                              {"company-size": "employees-200-1000"})).splitlines()
    assert "Equal best fits: Pod Model and Hybrid Model fit equally (Mixed fit)" in lines
    assert "  Pod Model: 2 of 14 points" in lines
    assert "  Pod Model: 2 points" in lines
    assert not [line for line in lines if " 1 points" in line]


def test_one_point() -> None:
    lines = render_text(score(spec("team-model-selector"),
                              {"scalability-need": "scalability-medium"})).splitlines()
    assert [line for line in lines if line.endswith(": 1 point")], lines


def test_a_level_of_a_ladder_from_0() -> None:
    ladder = spec("transformation-level")
    answers = dict.fromkeys(by_stage(ladder, "level-1"), "yes")
    lines = render_text(score(ladder, answers)).splitlines()
    assert "Your level: Random Acts of Social, level 1 of 0\u20135" in lines


def test_band_colours_are_said_in_words() -> None:
    health = spec("team-health")
    answers = {"safe-to-take-risks": "disagree", "failures-reviewed-openly": "neutral",
               "goals-and-priorities-known": "agree", "roles-are-clear": "strongly-agree"}
    lines = render_text(score(health, answers)).splitlines()
    assert "Your band: Watch (amber), band 2 of 3" in lines  # the model's word; amber in the name
    assert "  Psychological Safety: 2.5 of 5 \u00b7 Watch, amber" in lines
    assert "  Clarity and Alignment: 4.5 of 5 \u00b7 Sustain, green" in lines


def test_a_skill_below_target_says_so() -> None:
    skills = example_spec("secure-engineering", "engineering-skills")
    result = score(skills, {"answers": {"technical-craft": "l6", "secure-delivery": "l2"},
                            "role": "staff-engineer"})
    lines = render_text(result).splitlines()
    assert "  Secure delivery: 2 of 6 \u00b7 target 4 \u00b7 below target" in lines
    assert "  Technical craft: 6 of 6 \u00b7 target 4" in lines
