"""How each kind of assessment section is scored. Standard library only.

Every function takes the assessment spec, one section of it and the reader's
valid answers (question id -> chosen option), and returns the section's result:
its score, the stage or band it reaches, the numbers behind the chart, and the
reasons ("why") that say which answers drove it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from assessments.dimensions import dimension_mean
from assessments.scores import (
    Answers,
    Result,
    answer_of,
    answer_text,
    band_for,
    base,
    brief,
    exact,
    top_of,
    written,
)
from assessments.sentences import counted, listed, position
from assessments.skills import skills_gap

__all__ = ["RULES", "skills_gap"]


def top_value(question: dict[str, Any]) -> float:
    """The highest value an answer to this question can have."""
    return float(top_of(question))


def value_of(question: dict[str, Any], answers: Answers) -> float | None:
    value = answer_of(question, answers)
    return None if value is None else float(value)


def cumulative_stages(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Climb the ladder: a stage counts when its statements score enough and every
    lower stage with statements counts too. Unanswered statements score zero."""
    stages, threshold = spec["stages"], float(section["threshold"])
    reached, climbing, scores, why = stages[0], True, [], []
    for stage in stages:
        questions = [q for q in section["questions"] if q["stage"] == stage["id"]]
        if not questions:
            continue
        ratios = [(value_of(q, answers) or 0.0) / (top_value(q) or 1.0) for q in questions]
        ratio = sum(ratios) / len(ratios)
        met = ratio >= threshold - 1e-9
        scores.append({"id": stage["id"], "label": stage["name"], "value": round(ratio * 100, 2),
                       "max": 100})
        verdict = "reached" if met and climbing else (
            "met, but a lower stage is not" if met else "not reached")
        why.append(f"{stage['name']}: {ratio:.0%} against the {threshold:.0%} needed, {verdict}")
        if met and climbing:
            reached = stage
        elif climbing:
            climbing = False
            why += [f"  holding it back: {answer_text(q, answers)}"
                    for q, r in zip(questions, ratios, strict=True) if r < 1]
    return base(section, score=float(reached["number"]), max=float(stages[-1]["number"]),
                stage=reached, position=position(spec, reached), scores=scores, why=why)


def anchored_stages(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Each answer points at a stage; the result is the middle one (the lower of the two
    middle answers when their number is even), so improving one answer never lowers it."""
    order = {stage["id"]: index for index, stage in enumerate(spec["stages"])}
    picked = [(q, answers[q["id"]]) for q in section["questions"]
              if q["id"] in answers and answers[q["id"]].get("stage") in order]
    counts = {s["id"]: 0 for s in spec["stages"]}
    for _q, option in picked:
        counts[option["stage"]] += 1
    scores = [{"id": s["id"], "label": s["name"], "value": counts[s["id"]],
               "max": len(section["questions"])} for s in spec["stages"]]
    why = [f"{q['text']} {option['label']} \u2192 {spec['stages'][order[option['stage']]]['name']}"
           for q, option in picked]
    if not picked:
        return base(section, scores=scores, why=["no answers yet"])
    indices = sorted(order[option["stage"]] for _q, option in picked)
    stage = spec["stages"][indices[(len(indices) - 1) // 2]]
    why.append(f"the middle of these answers is {stage['name']}")
    return base(section, score=float(stage["number"]), max=float(spec["stages"][-1]["number"]),
                stage=stage, position=position(spec, stage), scores=scores, why=why)


def count(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Add up the answers' values; the total falls in a band."""
    total = sum((answer_of(q, answers) or exact(0) for q in section["questions"]), exact(0))
    most = float(sum((top_of(q) for q in section["questions"]), exact(0)))
    band = band_for(section["bands"], total)
    short = [answer_text(q, answers) for q in section["questions"]
             if (answer_of(q, answers) or 0) < top_of(q)]
    why = [f"{float(total):g} of {most:g}" + (f", {band['label']}" if band else "")]
    why += [f"  missing: {text}" for text in short]
    return base(section, score=total, max=most, band=brief(band),
                scores=[{"id": section["id"], "label": section["title"], "value": float(total),
                         "max": most}], why=why, advice=written(band["advice"]) if band else [])


def points(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Each answer adds points to outcomes; the highest total wins, by its lead. Outcomes
    with the same highest total fit equally (`tied`); the chart lists every outcome by its
    points, most first, ties in the order of `outcomes`. No answer yet, no winner."""
    outcomes = spec["outcomes"]
    totals = {o["id"]: exact(0) for o in outcomes}
    reasons: dict[str, list[str]] = {o["id"]: [] for o in outcomes}
    for question in section["questions"]:
        for outcome, added in _points_of(question, answers).items():
            totals[outcome] += added
            reasons[outcome].append(f"{answer_text(question, answers)} ({float(added):+g})")
    ranked = sorted(outcomes, key=lambda o: -totals[o["id"]])  # stable: ties keep spec order
    most = max(sum(max([0.0, *(_possible(q, o["id"]))]) for q in section["questions"])
               for o in outcomes)
    scores = [{"id": o["id"], "label": o["label"], "value": float(totals[o["id"]]),
               "max": most} for o in ranked]
    why = [f"{o['label']}: {counted(totals[o['id']], 'point')}" for o in ranked]
    if not any(q["id"] in answers for q in section["questions"]):
        return base(section, max=most, scores=scores, why=["no answers yet"], winner=None,
                    tied=[])
    winner = ranked[0]
    tied = [o for o in ranked if totals[o["id"]] == totals[winner["id"]]]
    lead = totals[winner["id"]] - (totals[ranked[1]["id"]] if len(ranked) > 1 else 0)
    band = band_for(section["bands"], lead)
    if len(tied) > 1:
        why.append(f"{listed([o['label'] for o in tied])} fit equally, "
                   f"with {counted(totals[winner['id']], 'point')} each")
    why += [f"  for {o['label']}: {text}" for o in tied for text in reasons[o["id"]]]
    return base(section, score=lead, max=most, band=brief(band), scores=scores, why=why,
                winner=winner, tied=tied if len(tied) > 1 else [],
                advice=written(band["advice"]) if band else [])


def _points_of(question: dict[str, Any], answers: Answers) -> dict[str, Fraction]:
    option = answers.get(question["id"])
    if option is None:
        return {}
    if option.get("points"):
        return {k: exact(v) for k, v in option["points"].items()}
    threshold = question.get("points_from")
    if threshold is not None and option.get("value") is not None and (
            option["value"] >= threshold):
        return {k: exact(v) for k, v in question.get("points", {}).items()}
    return {}


def _possible(question: dict[str, Any], outcome: str) -> list[float]:
    values = [float(o.get("points", {}).get(outcome, 0.0)) for o in question["options"]]
    values.append(float(question.get("points", {}).get(outcome, 0.0)))
    return values


RULES = {
    "cumulative-stages": cumulative_stages,
    "dimension-mean": dimension_mean,
    "anchored-stages": anchored_stages,
    "count": count,
    "points": points,
}
