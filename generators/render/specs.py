"""Assessment specs: the plain JSON the scoring engine reads.

The build writes one spec per assessment into the site; the CLI builds the same
specs in memory. A spec is self-contained: answer options carry their values,
stages and dimensions their names, skills-gap questions their target per role,
and every link its URL (relative to the site root), so the engine needs nothing
but the standard library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessments import SPEC_VERSION
from generators.model.assessment import value_on_scale
from generators.render import urls
from generators.render.graph import Graph
from generators.validate import Playbook

UrlOf = Callable[[str, str], str]


def build_specs(playbook: Playbook, use_directory_urls: bool = True,
                graph: Graph | None = None) -> dict[str, dict[str, Any]]:
    """The spec of every assessment, by id, with page URLs as MkDocs writes them."""
    graph = graph or Graph(playbook)

    def url_of(kind: str, entity_id: str) -> str:
        return urls.page_url(graph.uri(kind, entity_id), use_directory_urls)

    return {aid: _Spec(graph, url_of).build(a) for aid, a in graph.of("assessment").items()}


def build_scorecard_specs(playbook: Playbook, use_directory_urls: bool = True,
                          graph: Graph | None = None) -> dict[str, dict[str, Any]]:
    """The spec of every scorecard, by id: what an interview debrief needs to combine
    several interviewers' cards. Every criterion counts once (a scorecard gives its items
    no weights), is rated on the card's scale, and the total of the ratings reaches the
    highest recommendation whose `min` it meets."""
    graph = graph or Graph(playbook)
    manifest = graph.playbook.manifest
    specs = {}
    for cid, card in graph.of("scorecard").items():
        levels = [{"id": lv.id, "label": lv.label, "value": lv.value}
                  for lv in graph.get("scale", card.scale).levels]
        criteria = [{"id": item.id, "name": item.name, "section": section.id,
                     "section_name": section.name, "weight": 1}
                    for section in card.sections for item in section.items]
        top = max((lv["value"] for lv in levels), default=0)
        specs[cid] = {
            "spec_version": SPEC_VERSION, "kind": "scorecard", "id": cid, "title": card.name,
            "url": urls.page_url(graph.uri("scorecard", cid), use_directory_urls),
            "playbook_version": manifest.version if manifest else None,
            "scale": {"id": card.scale, "levels": levels},
            "criteria": criteria, "max": top * len(criteria),
            "notes": list(card.summary_fields),
            "recommendations": [{"id": r.id, "label": r.label, "min": r.min,
                                 "guidance": " ".join(r.guidance.split())}
                                for r in card.recommendations]}
    return specs


class _Spec:
    def __init__(self, graph: Graph, url_of: UrlOf) -> None:
        self.g, self.url_of = graph, url_of

    def link(self, kind: str, entity_id: str) -> dict[str, str]:
        return {"title": self.g.title(kind, entity_id), "url": self.url_of(kind, entity_id)}

    def advice(self, items: list[Any]) -> list[dict[str, Any]]:
        return [{"text": " ".join(a.text.split()),
                 "links": [self.link(link.kind, link.id) for link in a.links]} for a in items]

    def band(self, band: Any) -> dict[str, Any]:
        return {"id": band.id, "label": band.label, "min": band.min,
                "summary": " ".join(band.summary.split()), "colour": band.colour,
                "advice": self.advice(band.advice)}

    def build(self, a: Any) -> dict[str, Any]:
        model = self.g.get("maturity-model", a.maturity_model) if a.maturity_model else None
        manifest = self.g.playbook.manifest
        spec: dict[str, Any] = {
            "spec_version": SPEC_VERSION, "id": a.id, "title": a.title, "type": a.type,
            "url": self.url_of("assessment", a.id),
            "playbook_version": manifest.version if manifest else None,
            "overall": a.overall,
            "stages": [{"id": s.id, "number": s.number, "name": s.name,
                        "url": self.url_of("maturity-model", model.id)}
                       for s in model.stages] if model else [],
            "model": self.link("maturity-model", model.id) if model else None,
            "stage_word": (model.stage_word if model else None) or "stage",
            "dimensions": [{"id": d.id, "name": d.name, "actions": list(d.actions)}
                           for d in model.dimensions] if model else [],
            "outcomes": [{"id": o.id, "label": o.label, **self.link(o.link.kind, o.link.id)}
                         for o in a.outcomes],
            "sections": [self.section(a, s) for s in a.sections],
            "bands": [self.band(b) for b in a.bands],
            "stage_advice": {sa.stage: {"summary": " ".join(sa.summary.split()),
                                        "advice": self.advice(sa.advice)}
                             for sa in a.stage_advice},
            "verdicts": [{"id": v.id, "label": v.label,
                          "when": [c.model_dump(exclude_none=True) for c in v.when],
                          "summary": " ".join(v.summary.split()),
                          "advice": self.advice(v.advice)} for v in a.verdicts],
            "roles": [],
        }
        if a.type == "skills-gap":
            spec["roles"] = [self.link("role", rid) | {"id": rid} for rid in self.g.of("role")]
        return spec

    def section(self, a: Any, section: Any) -> dict[str, Any]:
        return {"id": section.id, "title": section.title, "rule": section.rule,
                "threshold": section.threshold, "default_target": section.default_target,
                "aggregate": section.aggregate, "weight": section.weight,
                "groups": [{"id": g.id, "name": g.name, "members": list(g.members),
                            "aggregate": g.aggregate, "weights": dict(g.weights),
                            "bands": [self.band(b) for b in g.bands]} for g in section.groups],
                "questions": [self.question(a, section, q) for q in section.questions],
                "bands": [self.band(b) for b in section.bands],
                "priorities": [self.band(b) for b in section.priorities]}

    def question(self, a: Any, section: Any, q: Any) -> dict[str, Any]:
        if q.scale:
            options = [{"id": lv.id, "label": lv.label, "value": lv.value, "stage": None,
                        "points": {}} for lv in self.g.get("scale", q.scale).levels]
        else:
            options = [{"id": o.id, "label": o.label, "value": o.value, "stage": o.stage,
                        "points": dict(o.points)} for o in q.options]
        competency = None
        if q.competency:
            comp = self.g.get("competency", q.competency)
            competency = self.link("competency", q.competency) | {
                "id": q.competency,
                "resources": [f"{r.title} ({r.type})" for r in comp.resources]}
        return {"id": q.id, "text": " ".join(q.text.split()), "stage": q.stage,
                "dimension": q.dimension, "category": q.category, "options": options,
                "points": dict(q.points), "points_from": q.points_from, "weight": q.weight,
                "competency": competency,
                "targets": self.targets(section, q) if section.rule == "skills-gap" else {},
                "links": [self.link(link.kind, link.id) for link in q.links]}

    def targets(self, section: Any, q: Any) -> dict[str, float]:
        """The value each role needs on this question's scale: explicit, else the value of
        the level the role requires of the question's competency, else the default."""
        targets: dict[str, float] = {}
        for rid, role in self.g.of("role").items():
            if rid in q.targets:
                targets[rid] = q.targets[rid]
                continue
            need = next((n for n in role.required_competencies
                         if q.competency and n.competency == q.competency), None)
            scale = self.g.get("competency", need.competency).scale if need else None
            if need is not None and q.scale and scale:
                value = value_on_scale(need.level, self.g.get("scale", scale),
                                       self.g.get("scale", q.scale))
                if value is not None:
                    targets[rid] = value
                    continue
            if section.default_target is not None:
                targets[rid] = section.default_target
        return targets
