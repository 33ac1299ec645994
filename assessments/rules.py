"""How each kind of assessment section is scored. Standard library only.

Every function takes the assessment spec, one section of it and the reader's
valid answers (question id -> chosen option), and returns the section's result:
its score, the stage or band it reaches, the numbers behind the chart, and the
reasons ("why") that say which answers drove it.
"""

from __future__ import annotations

from typing import Any

Option = dict[str, Any]
Answers = dict[str, Option]
Result = dict[str, Any]


def top_value(question: dict[str, Any]) -> float:
    """The highest value an answer to this question can have."""
    values = [o["value"] for o in question["options"] if o.get("value") is not None]
    return float(max(values)) if values else 0.0


def value_of(question: dict[str, Any], answers: Answers) -> float | None:
    option = answers.get(question["id"])
    return None if option is None or option.get("value") is None else float(option["value"])


def band_for(bands: list[dict[str, Any]], value: float | None) -> dict[str, Any] | None:
    """The highest band whose minimum the value reaches."""
    if value is None:
        return None
    found = None
    for band in bands:
        if value >= band["min"] - 1e-9:
            found = band
    return found


def brief(band: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if band is None else {"id": band["id"], "label": band["label"],
                                      "summary": band["summary"]}


def answer_text(question: dict[str, Any], answers: Answers) -> str:
    option = answers.get(question["id"])
    label = option["label"] if option else "not answered"
    return f"\u201c{question['text']}\u201d: {label}"


def base(section: dict[str, Any], **fields: Any) -> Result:
    result: Result = {"id": section["id"], "title": section["title"], "rule": section["rule"],
                      "score": None, "max": None, "stage": None, "band": None,
                      "scores": [], "why": [], "advice": []}
    result.update(fields)
    return result


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
                stage=reached, scores=scores, why=why)


def dimension_mean(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Average the answers per dimension; each dimension and the whole get a band."""
    bands, scores, why, advice, everything = section["bands"], [], [], [], []
    top = max((top_value(q) for q in section["questions"]), default=0.0)
    for dimension in spec["dimensions"]:
        values = [v for q in section["questions"] if q["dimension"] == dimension["id"]
                  for v in [value_of(q, answers)] if v is not None]
        if not any(q["dimension"] == dimension["id"] for q in section["questions"]):
            continue
        everything += values
        mean = sum(values) / len(values) if values else None
        band = band_for(bands, mean)
        scores.append({"id": dimension["id"], "label": dimension["name"],
                       "value": None if mean is None else round(mean, 4), "max": top,
                       "band": brief(band)})
        if mean is None:
            why.append(f"{dimension['name']}: not answered yet")
            continue
        why.append(f"{dimension['name']}: average {mean:.2f}, {band['label'] if band else '-'}")
        if band is not None and bands and band["id"] != bands[-1]["id"]:
            actions = "; ".join(dimension.get("actions", []))
            text = f"{dimension['name']} ({band['label']})" + (f": {actions}" if actions else "")
            model = spec.get("model")
            advice.append({"text": text, "links": [model] if model else []})
    mean = sum(everything) / len(everything) if everything else None
    band = band_for(bands, mean)
    stage = next((s for s in spec["stages"] if band and s["id"] == band["id"]), None)
    return base(section, score=None if mean is None else round(mean, 4), max=top, band=brief(band),
                stage=stage, scores=scores, why=why,
                advice=(band["advice"] if band else []) + advice)


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
                stage=stage, scores=scores, why=why)


def count(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Add up the answers' values; the total falls in a band."""
    total = sum(value_of(q, answers) or 0.0 for q in section["questions"])
    most = sum(top_value(q) for q in section["questions"])
    band = band_for(section["bands"], total)
    short = [answer_text(q, answers) for q in section["questions"]
             if (value_of(q, answers) or 0.0) < top_value(q)]
    why = [f"{total:g} of {most:g}" + (f", {band['label']}" if band else "")]
    why += [f"  missing: {text}" for text in short]
    return base(section, score=total, max=most, band=brief(band),
                scores=[{"id": section["id"], "label": section["title"], "value": total,
                         "max": most}], why=why, advice=band["advice"] if band else [])


def points(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Each answer adds points to outcomes; the highest total wins, by its lead."""
    outcomes = spec["outcomes"]
    totals = {o["id"]: 0.0 for o in outcomes}
    reasons: dict[str, list[str]] = {o["id"]: [] for o in outcomes}
    for question in section["questions"]:
        for outcome, added in _points_of(question, answers).items():
            totals[outcome] += added
            reasons[outcome].append(f"{answer_text(question, answers)} ({added:+g})")
    ranked = sorted(outcomes, key=lambda o: -totals[o["id"]])  # stable: ties keep spec order
    winner = ranked[0]
    lead = totals[winner["id"]] - (totals[ranked[1]["id"]] if len(ranked) > 1 else 0.0)
    band = band_for(section["bands"], lead)
    most = max(sum(max([0.0, *(_possible(q, o["id"]))]) for q in section["questions"])
               for o in outcomes)
    scores = [{"id": o["id"], "label": o["label"], "value": totals[o["id"]], "max": most}
              for o in outcomes]
    why = [f"{o['label']}: {totals[o['id']]:g} points" for o in ranked]
    why += [f"  for {winner['label']}: {text}" for text in reasons[winner["id"]]]
    return base(section, score=lead, max=most, band=brief(band), scores=scores, why=why,
                winner=winner, advice=band["advice"] if band else [])


def _points_of(question: dict[str, Any], answers: Answers) -> dict[str, float]:
    option = answers.get(question["id"])
    if option is None:
        return {}
    if option.get("points"):
        return {k: float(v) for k, v in option["points"].items()}
    threshold = question.get("points_from")
    if threshold is not None and option.get("value") is not None and (
            option["value"] >= threshold):
        return {k: float(v) for k, v in question.get("points", {}).items()}
    return {}


def _possible(question: dict[str, Any], outcome: str) -> list[float]:
    values = [float(o.get("points", {}).get(outcome, 0.0)) for o in question["options"]]
    values.append(float(question.get("points", {}).get(outcome, 0.0)))
    return values


def skills_gap(spec: dict[str, Any], section: dict[str, Any], answers: Answers,
               role: str | None = None) -> Result:
    """Compare each rating with the chosen role's target; the gap sets the priority."""
    default = section.get("default_target")
    priority_rank = {band["id"]: i for i, band in enumerate(section["priorities"])}
    rows, ratings = [], []
    for index, question in enumerate(section["questions"]):
        rating = value_of(question, answers)
        target = question["targets"].get(role, default) if role else default
        if rating is None or target is None:
            continue
        ratings.append(rating)
        priority = band_for(section["priorities"], target - rating)
        rows.append({"question": question["id"], "name": question["text"],
                     "category": question.get("category"), "rating": rating, "target": target,
                     "gap": round(target - rating, 4), "priority": brief(priority),
                     "competency": question.get("competency"), "links": question["links"],
                     "advice": priority["advice"] if priority else [], "_order": index,
                     "_rank": priority_rank.get(priority["id"], -1) if priority else -1})
    plan = sorted((r for r in rows if r["gap"] > 0), key=lambda r: (-r["_rank"], -r["gap"],
                                                                    r["_order"]))
    for row in rows:
        del row["_order"], row["_rank"]
    mean = sum(ratings) / len(ratings) if ratings else None
    band = band_for(section["bands"], mean)
    scores = [{"id": r["question"], "label": r["name"], "value": r["rating"], "max": 5.0,
               "target": r["target"]} for r in rows]
    categories = _category_means(rows)
    why = [f"average rating {mean:.2f} over {len(ratings)} skills" if mean is not None
           else "no ratings yet"]
    why += [f"{name}: average {value:.2f}" for name, value in categories.items()]
    why += [f"{r['name']}: rated {r['rating']:g}, target {r['target']:g} "
            f"({r['priority']['label'] if r['priority'] else '-'})" for r in plan]
    return base(section, score=None if mean is None else round(mean, 4), max=5.0,
                band=brief(band), scores=scores, why=why, plan=plan, rows=rows,
                categories=[{"label": k, "value": round(v, 4)} for k, v in categories.items()],
                advice=band["advice"] if band else [])


def _category_means(rows: list[dict[str, Any]]) -> dict[str, float]:
    sums: dict[str, list[float]] = {}
    for row in rows:
        sums.setdefault(row["category"] or "Skills", []).append(row["rating"])
    return {name: sum(values) / len(values) for name, values in sums.items()}


RULES = {
    "cumulative-stages": cumulative_stages,
    "dimension-mean": dimension_mean,
    "anchored-stages": anchored_stages,
    "count": count,
    "points": points,
}
