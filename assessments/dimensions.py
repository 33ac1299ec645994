"""The dimension-mean rule: answers make dimension scores, dimensions make group scores.

A dimension's score is the section's `aggregate` of the answers to its questions: their
`sum` (at most the sum of each question's top answer), their `mean` (at most the top
answer; the default) or their `weighted-mean` (each question counts `weight` times).

A group's score is the mean, or the weighted mean, of its members' scores; members are
dimensions or other groups, to any depth, and only members with a score count, so the
result firms up as the reader answers. Every dimension and group falls in a band: the
group's own `bands`, else the section's.

The section's score is the mean of its top-level members (groups in no other group, and
dimensions in no group); without groups it is the `aggregate` of all its answers, which
for `mean` is the mean of every answer, as it has always been.
"""

from __future__ import annotations

from fractions import Fraction
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
    two_places,
    written,
)

Node = dict[str, Any]
MEASURE = {"sum": "total", "mean": "average", "weighted-mean": "weighted average"}


def dimension_mean(spec: dict[str, Any], section: dict[str, Any], answers: Answers) -> Result:
    """Score each dimension, roll them up through the section's groups, band each one."""
    aggregate = section.get("aggregate") or "mean"
    bands = section["bands"]
    nodes: dict[str, Node] = {}
    asked_all: list[dict[str, Any]] = []
    for dimension in spec["dimensions"]:
        asked = [q for q in section["questions"] if q["dimension"] == dimension["id"]]
        if asked:
            asked_all += asked
            nodes[dimension["id"]] = _dimension(dimension, asked, aggregate, answers, bands)
    dimensions = list(nodes.values())
    groups = {g["id"]: g for g in section.get("groups") or []}
    for group_id in groups:
        _group(group_id, groups, nodes, bands, set())
    members = {m for g in groups.values() for m in g["members"]}
    top = [nodes[n] for n in [*groups, *(d["id"] for d in dimensions)]
           if n in nodes and n not in members]
    grouped = [n for n in _walk(top, nodes) if n["kind"] == "group"]
    if groups:
        score = combine("mean", [(n["value"], Fraction(1)) for n in top
                                 if n["value"] is not None])
        most = combine("mean", [(n["max"], Fraction(1)) for n in top])
    else:
        score, most = _aggregate(asked_all, aggregate, answers)
    band = band_for(bands, score)
    stage = next((s for s in spec["stages"] if band and s["id"] == band["id"]), None)
    result = base(section, score=score, max=plain(most), band=brief(band), stage=stage,
                  measure="average" if groups else MEASURE[aggregate],
                  scores=[_entry(n) for n in dimensions],
                  why=_why(dimensions, MEASURE[aggregate]) + _why(grouped, "average"),
                  advice=written(band["advice"] if band else [])
                  + _advice(spec, dimensions, bands)
                  + [a for n in grouped if groups[n["id"]].get("bands")
                     for a in written(n["advice"])])
    if groups:
        result["groups"] = [_tree(node, nodes) for node in top]
    return result


def _aggregate(asked: list[dict[str, Any]], aggregate: str, answers: Answers
               ) -> tuple[Fraction | None, Fraction | None]:
    """The aggregate of the answers to `asked`, and the most it can be."""
    weight = {q["id"]: exact(q.get("weight", 1)) for q in asked}
    values = [(v, weight[q["id"]]) for q in asked for v in [answer_of(q, answers)]
              if v is not None]
    return (combine(aggregate, values),
            combine(aggregate, [(top_of(q), weight[q["id"]]) for q in asked]))


def _dimension(dimension: dict[str, Any], asked: list[dict[str, Any]], aggregate: str,
               answers: Answers, bands: list[dict[str, Any]]) -> Node:
    value, most = _aggregate(asked, aggregate, answers)
    band = band_for(bands, value)
    return {"id": dimension["id"], "label": dimension["name"], "kind": "dimension",
            "value": value, "max": most, "band": band, "members": [],
            "actions": dimension.get("actions", []),
            "advice": band["advice"] if band else []}


def _group(group_id: str, groups: dict[str, dict[str, Any]], nodes: dict[str, Node],
           bands: list[dict[str, Any]], visiting: set[str]) -> Node | None:
    """The group's node, its members' first; a member that loops back is left out."""
    if group_id in nodes:
        return nodes[group_id]
    group = groups.get(group_id)
    if group is None or group_id in visiting:
        return None
    visiting.add(group_id)
    members = [m for m in (_group(member, groups, nodes, bands, visiting) or nodes.get(member)
                           for member in group["members"]) if m is not None]
    how = group.get("aggregate") or "mean"
    weights = {m: exact(w) for m, w in (group.get("weights") or {}).items()}
    value = combine(how, [(m["value"], weights.get(m["id"], Fraction(1))) for m in members
                          if m["value"] is not None])
    most = combine(how, [(m["max"], weights.get(m["id"], Fraction(1))) for m in members])
    own = group.get("bands") or bands
    band = band_for(own, value)
    nodes[group_id] = {"id": group_id, "label": group["name"], "kind": "group", "value": value,
                       "max": most, "band": band, "members": [m["id"] for m in members],
                       "advice": band["advice"] if band else []}
    return nodes[group_id]


def _walk(items: list[Node], nodes: dict[str, Node]) -> list[Node]:
    """The items and their members, depth first, each before its members."""
    return [n for item in items for n in [item, *_walk([nodes[m] for m in item["members"]],
                                                         nodes)]]


def _entry(node: Node) -> dict[str, Any]:
    return {"id": node["id"], "label": node["label"], "value": plain(node["value"]),
            "max": plain(node["max"]), "band": brief(node["band"])}


def _tree(node: Node, nodes: dict[str, Node]) -> dict[str, Any]:
    return {**_entry(node), "kind": node["kind"],
            "members": [_tree(nodes[m], nodes) for m in node["members"]]}


def _why(items: list[Node], measure: str) -> list[str]:
    lines = []
    for node in items:
        if node["value"] is None:
            lines.append(f"{node['label']}: not answered yet")
            continue
        band = node["band"]["label"] if node["band"] else "-"
        most = "" if measure == "average" and node["kind"] == "dimension" else (
            f" of {float(node['max']):g}")
        lines.append(f"{node['label']}: {measure} {two_places(node['value'])}{most}, {band}")
    return lines


def _advice(spec: dict[str, Any], dimensions: list[Node], bands: list[dict[str, Any]]
            ) -> list[dict[str, Any]]:
    """The improvement actions of each dimension below the top band, where it has any."""
    advice = []
    model = spec.get("model")
    for node in dimensions:
        band, actions = node["band"], "; ".join(node["actions"])
        if band is None or not bands or band["id"] == bands[-1]["id"] or not actions.strip():
            continue
        advice.append({"text": f"{node['label']} ({band['label']}): {actions}",
                       "links": [model] if model else []})
    return advice
