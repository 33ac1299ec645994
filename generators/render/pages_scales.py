"""Scale pages, each saying what uses the scale: competencies describe their levels on a
competency scale, assessment questions offer the levels of an answer scale as answers,
scorecards rate their items on a scorecard scale."""

from __future__ import annotations

from typing import Any

from generators.render.graph import Graph, Link
from generators.render.page import PageSpec

#: Each use of a scale, in the order a scale is placed by: what a scale of that use is
#: called, and what the scale page says of the entities that use it.
USES = {
    "competency": ("Competency scales", "Competency scale",
                   "Competencies described at each level of this scale"),
    "assessment": ("Answer scales", "Answer scale",
                   "Assessments whose questions are answered on this scale"),
    "scorecard": ("Scorecard scales", "Scorecard scale", "Scorecards rated on this scale"),
}


def scale_uses(g: Graph) -> dict[str, dict[str, list[str]]]:
    """For each scale id, the ids of the entities that use it, by kind (in `USES` order)."""
    uses: dict[str, dict[str, list[str]]] = {sid: {} for sid in g.of("scale")}

    def add(scale_id: str | None, kind: str, entity_id: str) -> None:
        found = uses.get(scale_id or "")
        if found is not None and entity_id not in found.setdefault(kind, []):
            found[kind].append(entity_id)

    for cid, competency in g.of("competency").items():
        add(competency.scale, "competency", cid)
    for aid, assessment in g.of("assessment").items():
        for section in assessment.sections:
            for question in section.questions:
                add(question.scale, "assessment", aid)
    for sid, scorecard in g.of("scorecard").items():
        add(scorecard.scale, "scorecard", sid)
    return {sid: {kind: found[kind] for kind in USES if kind in found}
            for sid, found in uses.items()}


def placed(g: Graph) -> dict[str, list[str]]:
    """Scale ids by the use they are listed under in the navigation: the first of their
    uses, "" for a scale nothing uses."""
    groups: dict[str, list[str]] = {kind: [] for kind in (*USES, "")}
    for sid, found in scale_uses(g).items():
        groups[next(iter(found), "")].append(sid)
    return groups


def scales(g: Graph) -> list[PageSpec]:
    pages = []
    for sid, found in scale_uses(g).items():
        scale = g.get("scale", sid)
        used_by: list[tuple[str, list[Link]]] = [
            (USES[kind][2], g.links(kind, ids)) for kind, ids in found.items()]
        kinds = [USES[kind][1] for kind in found]
        label = (" and ".join([kinds[0], *(k.lower() for k in kinds[1:])]) if kinds
                 else "Scale")
        pages.append(PageSpec(g.uri("scale", sid), "scale.md.j2", scale.name, ["Scale"],
                              {"scale": scale, "label": label, "used_by": used_by,
                               "backlinks": _others(g, sid, found)}, scale.purpose))
    return pages


def _others(g: Graph, scale_id: str, found: dict[str, Any]) -> list[Link]:
    """What else refers to the scale, besides the uses the page lists."""
    return [link for link in g.backlinks("scale", scale_id) if link.kind not in found]
