"""The skills-gap rule: each rating against the chosen role's target, on the same scale.

A question is answered on a scale (1-4, 1-5, 0-6, ...). Its target for each role is a
value on that same scale, worked out when the spec is built: an explicit `targets`
entry, else the value of the level the role requires of the question's competency,
else the section's `default_target`. The gap is the target minus the rating, in steps
of that scale; the most a rating can be is the scale's top value.
"""

from __future__ import annotations

from typing import Any

from assessments.scores import (
    Answers,
    Result,
    answer_of,
    band_for,
    base,
    brief,
    combine,
    exact,
    plain,
    top_of,
    written,
)


def skills_gap(spec: dict[str, Any], section: dict[str, Any], answers: Answers,
               role: str | None = None) -> Result:
    """Compare each rating with the chosen role's target; the gap sets the priority."""
    default = section.get("default_target")
    priority_rank = {band["id"]: i for i, band in enumerate(section["priorities"])}
    rows, ratings, scores = [], [], []
    for index, question in enumerate(section["questions"]):
        rating = answer_of(question, answers)
        target = question["targets"].get(role, default) if role else default
        if rating is None or target is None:
            continue
        ratings.append((rating, exact(1)))
        gap = exact(target) - rating
        priority = band_for(section["priorities"], gap)
        rows.append({"question": question["id"], "name": question["text"],
                     "category": question.get("category"), "rating": float(rating),
                     "target": float(target), "gap": plain(gap), "priority": brief(priority),
                     "competency": question.get("competency"), "links": question["links"],
                     "advice": written(priority["advice"]) if priority else [],
                     "_order": index,
                     "_rank": priority_rank.get(priority["id"], -1) if priority else -1})
        scores.append({"id": question["id"], "label": question["text"],
                       "value": float(rating), "max": plain(top_of(question)),
                       "target": float(target), "below_target": gap > 0})
    plan = sorted((r for r in rows if r["gap"] > 0), key=lambda r: (-r["_rank"], -r["gap"],
                                                                    r["_order"]))
    for row in rows:
        del row["_order"], row["_rank"]
    mean = combine("mean", ratings)
    band = band_for(section["bands"], mean)
    most = max((top_of(q) for q in section["questions"]), default=exact(0))
    categories = _category_means(rows)
    why = [f"average rating {float(mean):.2f} over {len(ratings)} skills" if mean is not None
           else "no ratings yet"]
    why += [f"{name}: average {value:.2f}" for name, value in categories.items()]
    why += [f"{r['name']}: rated {r['rating']:g}, target {r['target']:g} "
            f"({r['priority']['label'] if r['priority'] else '-'})" for r in plan]
    return base(section, score=mean, max=plain(most), band=brief(band), scores=scores, why=why,
                plan=plan, rows=rows,
                categories=[{"label": k, "value": round(v, 4)} for k, v in categories.items()],
                advice=written(band["advice"]) if band else [])


def _category_means(rows: list[dict[str, Any]]) -> dict[str, float]:
    sums: dict[str, list[float]] = {}
    for row in rows:
        sums.setdefault(row["category"] or "Skills", []).append(row["rating"])
    return {name: sum(values) / len(values) for name, values in sums.items()}
