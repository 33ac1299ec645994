"""Spec fixtures and answer helpers for the engine tests (standard library only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessments import score
from assessments.debrief import debrief
from assessments.team import team_view

SPECS = Path(__file__).resolve().parent / "specs"


def spec(assessment_id: str) -> dict[str, Any]:
    return json.loads((SPECS / f"{assessment_id}.json").read_text(encoding="utf-8"))


def questions(spec_: dict[str, Any], section: str | None = None) -> list[dict[str, Any]]:
    return [q for s in spec_["sections"] if section in (None, s["id"]) for q in s["questions"]]


def by_stage(spec_: dict[str, Any], stage: str) -> list[str]:
    return [q["id"] for q in questions(spec_) if q["stage"] == stage]


def every(spec_: dict[str, Any], option: str, section: str | None = None) -> dict[str, str]:
    """Answer every question (of one section) with the option of this id."""
    return {q["id"]: option for q in questions(spec_, section)}


def example_spec(playbook: str, assessment_id: str) -> dict[str, Any]:
    """The spec of an assessment of an example playbook (tests/examples/<playbook>)."""
    return spec(f"{playbook}/{assessment_id}")


def option_ids(spec_: dict[str, Any], values: dict[str, float]) -> dict[str, str]:
    """Answers given as values, turned into the ids of the options with those values."""
    chosen = {}
    for question in questions(spec_):
        if question["id"] in values:
            chosen[question["id"]] = next(o["id"] for o in question["options"]
                                          if o["value"] == values[question["id"]])
    assert len(chosen) == len(values), "an answer names no question or no option"
    return chosen


def sample_results() -> dict[str, Any]:
    """Every fixture spec scored with three fixed sets of answers (every lowest option,
    every highest, a mix), with their team view, and every scorecard's debrief of three
    fixed cards, so two Pythons can be shown to give identical results."""
    results: dict[str, Any] = {}
    for path in sorted(SPECS.rglob("*.json")):
        spec_ = json.loads(path.read_text(encoding="utf-8"))
        if spec_.get("kind") == "scorecard":
            results[path.relative_to(SPECS).as_posix()] = _sample_debrief(spec_)
            continue
        roles = [r["id"] for r in spec_.get("roles", [])]
        role = roles[len(roles) // 2] if roles else None
        asked = questions(spec_)
        sets: list[dict[str, Any]] = []
        for name, step in (("lowest", 0), ("highest", -1), ("mixed", 7)):
            answers = {q["id"]: q["options"][(i * step) % len(q["options"]) if step > 0
                                             else step]["id"] for i, q in enumerate(asked)}
            key = f"{path.relative_to(SPECS).as_posix()}:{name}"
            results[key] = score(spec_, {"answers": answers, "role": role})
            sets.append({"answers": answers, "role": role})
        results[f"{path.relative_to(SPECS).as_posix()}:team"] = team_view(spec_, sets)
    return results


def _sample_debrief(card: dict[str, Any]) -> dict[str, Any]:
    """The debrief of three interviewers who rate every criterion lowest, highest and in
    turn."""
    levels = [lv["value"] for lv in card["scale"]["levels"]]
    cards = [{"candidate": "C", "round": "R", "interviewer": who, "notes": {},
              "ratings": {c["id"]: levels[(i * step) % len(levels) if step > 0 else step]
                          for i, c in enumerate(card["criteria"])}}
             for who, step in (("A", 0), ("B", -1), ("C", 7))]
    return debrief(card, cards)
