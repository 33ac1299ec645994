"""Skills-gap targets are worked out on the scale each question is answered on, and the
CLI shows ratings out of that scale's top value."""

from __future__ import annotations

from pathlib import Path

from assessments import score
from generators.assess import render_text
from generators.check import compile_playbook
from generators.render.specs import build_specs
from tests.conftest import ROOT

RATING = """\
id: rating
name: Rating
purpose: Self-ratings from 1 to 5, with the proficiency levels at 2 to 5.
levels:
  - {id: novice, label: Novice, value: 1, rating: 1}
  - {id: basic, label: Basic, value: 2, rating: 2}
  - {id: competent, label: Competent, value: 3, rating: 3}
  - {id: proficient, label: Proficient, value: 4, rating: 4}
  - {id: expert, label: Expert, value: 5, rating: 5}
"""
SKILLS = """\
id: skills
title: Skills
type: skills-gap
audience: everyone
summary: Rate yourself.
sections:
  - id: skills
    title: Skills
    rule: skills-gap
    questions:
      - {id: crm, text: CRM, scale: SCALE, competency: crm-utilization}
      - {id: relationships, text: Relationships, scale: SCALE,
         competency: relationship-building}
    priorities:
      - {id: low, label: Low, min: -10, summary: Fine.}
      - {id: high, label: High, min: 2, summary: Work on it.}
"""


def _targets(playbook: Path, scale: str) -> dict[str, dict[str, float]]:
    (playbook / "assessments").mkdir()
    (playbook / "assessments/skills.yml").write_text(SKILLS.replace("SCALE", scale),
                                                     encoding="utf-8")
    spec = build_specs(compile_playbook(playbook).playbook)["skills"]
    return {q["id"]: q["targets"] for q in spec["sections"][0]["questions"]}


def test_on_the_competencies_own_four_level_scale_targets_are_level_values(
        playbook: Path) -> None:
    # sdr needs crm-utilization 'intermediate' (value 2) and relationship-building
    # 'advanced' (3); specialist needs relationship-building 'expert' (4).
    assert _targets(playbook, "proficiency") == {"crm": {"sdr": 2},
                                                 "relationships": {"sdr": 3, "specialist": 4}}


def test_on_another_scale_targets_follow_the_rating_crosswalk(playbook: Path) -> None:
    (playbook / "scales/rating.yml").write_text(RATING, encoding="utf-8")
    # intermediate -> rating 3 -> Competent (3); advanced -> 4; expert -> 5.
    assert _targets(playbook, "rating") == {"crm": {"sdr": 3},
                                            "relationships": {"sdr": 4, "specialist": 5}}


def test_a_six_level_ladder_is_rated_out_of_six() -> None:
    example = ROOT / "tests/examples/secure-engineering"
    spec = build_specs(compile_playbook(example).playbook)["engineering-skills"]
    answers = {"technical-craft": "l6", "secure-delivery": "l4", "mentoring": "l2"}
    text = render_text(score(spec, {"answers": answers, "role": "staff-engineer"}))
    assert "  Technical craft: 6 of 6 · target 4" in text.splitlines()
    assert "  Secure delivery: 4 of 6 · target 4" in text.splitlines()
    assert "  Mentoring: 2 of 6 · target 4 · below target" in text.splitlines()
    assert "(rated 2 · L2 Engineer, target 4 · L4 Staff, gap 2)" in text
    assert " of 5" not in text
