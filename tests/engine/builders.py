"""Small specs written by hand for the scoring-rule tests (standard library only).

Each builder returns the same JSON shape the build writes (see generators/render/specs.py),
with only what a rule reads, so a test states its numbers in a few lines.
"""

from __future__ import annotations

from typing import Any

QUARTERS = (0, 0.25, 0.5, 1)


def options(values: tuple[float, ...]) -> list[dict[str, Any]]:
    """Options whose ids are `v0`, `v1`, ... in the order of `values`."""
    return [{"id": f"v{i}", "label": f"{value:g}", "value": value, "stage": None, "points": {}}
            for i, value in enumerate(values)]


def question(qid: str, dimension: str | None = None, values: tuple[float, ...] = QUARTERS,
             weight: float = 1, targets: dict[str, float] | None = None) -> dict[str, Any]:
    return {"id": qid, "text": qid.replace("-", " ").capitalize(), "stage": None,
            "dimension": dimension, "category": None, "options": options(values),
            "points": {}, "points_from": None, "weight": weight, "competency": None,
            "targets": targets or {}, "links": []}


def band(bid: str, low: float | str, advice: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": bid, "label": bid.replace("-", " ").capitalize(), "min": low,
            "summary": f"Summary of {bid}.",
            "advice": [{"text": text, "links": []} for text in advice]}


def section(sid: str, questions: list[dict[str, Any]], rule: str = "dimension-mean",
            aggregate: str = "mean", bands: list[dict[str, Any]] | None = None,
            groups: list[dict[str, Any]] | None = None, weight: float = 1,
            **fields: Any) -> dict[str, Any]:
    return {"id": sid, "title": sid.capitalize(), "rule": rule, "threshold": None,
            "default_target": None, "aggregate": aggregate, "weight": weight,
            "groups": groups or [], "questions": questions, "bands": bands or [],
            "priorities": [], **fields}


def group(gid: str, members: list[str], aggregate: str = "mean",
          weights: dict[str, float] | None = None,
          bands: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": gid, "name": gid.capitalize(), "members": members, "aggregate": aggregate,
            "weights": weights or {}, "bands": bands or []}


def maturity(sections: list[dict[str, Any]], dimensions: list[str],
             overall: str = "first-section", bands: list[dict[str, Any]] | None = None,
             actions: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """A maturity assessment whose model has `dimensions` and two stages."""
    return {"spec_version": 1, "id": "hand-made", "title": "Hand made", "type": "maturity",
            "playbook_version": None, "overall": overall, "model": None,
            "stages": [{"id": "start", "number": 1, "name": "Start", "url": "m/"},
                       {"id": "end", "number": 2, "name": "End", "url": "m/"}],
            "dimensions": [{"id": d, "name": d.capitalize(),
                            "actions": (actions or {}).get(d, [])} for d in dimensions],
            "outcomes": [], "sections": sections, "bands": bands or [], "stage_advice": {},
            "verdicts": [], "roles": []}


def skills(levels: tuple[float, ...], targets: dict[str, dict[str, float]],
           default_target: float | None = None,
           priorities: list[dict[str, Any]] | None = None,
           bands: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A skills-gap assessment rated on a scale of `levels`; `targets` by question, by role."""
    roles = sorted({role for by_role in targets.values() for role in by_role})
    asked = [question(qid, values=levels, targets=by_role) for qid, by_role in targets.items()]
    gap = priorities or [band("low", -100), band("medium", 1), band("high", 2)]
    return {"spec_version": 1, "id": "hand-made-skills", "title": "Skills", "type": "skills-gap",
            "playbook_version": None, "overall": "first-section", "model": None, "stages": [],
            "dimensions": [], "outcomes": [], "bands": [], "stage_advice": {}, "verdicts": [],
            "sections": [section("skills", asked, rule="skills-gap", bands=bands or [],
                                 default_target=default_target, priorities=gap)],
            "roles": [{"id": r, "title": r.capitalize(), "url": f"roles/{r}/"} for r in roles]}
