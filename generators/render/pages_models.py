"""Pages about models: maturity, team and management models, and assessments."""

from __future__ import annotations

from typing import Any

from generators.model import KINDS
from generators.render import assets, urls
from generators.render.graph import Graph
from generators.render.page import PageSpec


def maturity(g: Graph) -> list[PageSpec]:
    models = g.of("maturity-model")
    index = {"models": [(g.link("maturity-model", mid), m) for mid, m in models.items()]}
    pages = [PageSpec(urls.MATURITY, "maturity_index.md.j2", "Maturity models",
                      ["Maturity model"], index)]
    for mid, model in models.items():
        assessments = [g.link("assessment", a.id) for a in g.of("assessment").values()
                       if a.maturity_model == mid]
        pages.append(PageSpec(g.uri("maturity-model", mid), "maturity_model.md.j2", model.name,
                              ["Maturity model"], {
                                  "model": model, "grid": _grid(model), "assessments": assessments,
                                  "related": [g.link("maturity-model", r) for r in model.related
                                              if r in models],
                                  "backlinks": g.backlinks("maturity-model", mid)},
                              model.summary))
    return pages


def _grid(model: Any) -> list[tuple[Any, list[str]]]:
    """Dimensions that describe every stage, as rows of a dimension x stage table."""
    rows = []
    for dimension in model.dimensions:
        cells = {cell.stage: cell.descriptor for cell in dimension.by_stage}
        if cells:
            rows.append((dimension, [cells.get(stage.id, "") for stage in model.stages]))
    return rows


def _selection_table(models: list[Any]) -> list[tuple[str, list[str]]]:
    """Factor x model rows of a selection table, factors in first-seen order."""
    factors = list(dict.fromkeys(f.factor for m in models for f in m.selection))
    return [(factor, [next((f.value for f in m.selection if f.factor == factor), "")
                      for m in models]) for factor in factors]


def team_models(g: Graph) -> list[PageSpec]:
    models = g.of("team-model")
    table = _selection_table(list(models.values()))
    transitions = [(g.link("team-model", mid), t, g.link("team-model", t.to))
                   for mid, m in models.items() for t in m.transitions]
    pages = [PageSpec(urls.TEAM_MODELS, "team_models_index.md.j2", "Team models", ["Team model"], {
        "models": [(g.link("team-model", mid), m) for mid, m in models.items()],
        "table": table, "transitions": transitions,
        "selector": _selector(g, "team-model")})]
    for mid, model in models.items():
        roles = [(g.link("role", rid), role.allocation[mid]) for rid, role in g.of("role").items()
                 if mid in role.allocation]
        pages.append(PageSpec(g.uri("team-model", mid), "team_model.md.j2", model.name,
                              ["Team model"], {
                                  "model": model, "roles": roles,
                                  "transitions": [(t, g.link("team-model", t.to))
                                                  for t in model.transitions],
                                  "arrivals": [(g.link("team-model", oid), t)
                                               for oid, other in models.items()
                                               for t in other.transitions if t.to == mid],
                                  "cadences": [g.link("cadence", c.id)
                                               for c in g.of("cadence").values()
                                               if mid in c.team_models],
                                  "backlinks": g.backlinks("team-model", mid)}, model.summary))
    return pages


def management_models(g: Graph) -> list[PageSpec]:
    models = g.of("management-model")
    table = _selection_table(list(models.values()))
    pages = [PageSpec(urls.MANAGEMENT_MODELS, "management_models_index.md.j2",
                      "Management models", ["Management model"], {
                          "models": [(g.link("management-model", mid), m)
                                     for mid, m in models.items()],
                          "table": table, "selector": _selector(g, "management-model")})]
    for mid, model in models.items():
        pages.append(PageSpec(g.uri("management-model", mid), "management_model.md.j2",
                              model.name, ["Management model"], {
                                  "model": model,
                                  "team_models": g.links("team-model", model.team_models),
                                  "backlinks": g.backlinks("management-model", mid)},
                              model.definition))
    return pages


def _selector(g: Graph, kind: str) -> Any:
    for aid, assessment in g.of("assessment").items():
        if assessment.type == "selector" and any(o.link.kind == kind for o in assessment.outcomes):
            return g.link("assessment", aid)
    return None


def assessments(g: Graph) -> list[PageSpec]:
    items = g.of("assessment")
    pages = [PageSpec(urls.ASSESSMENTS, "assessments_index.md.j2", "Assessments", ["Assessment"],
                      {"items": [(g.link("assessment", aid), a) for aid, a in items.items()]})]
    for aid, assessment in items.items():
        model = g.get("maturity-model", assessment.maturity_model) \
            if assessment.maturity_model else None
        scales = {s.id: s for s in g.of("scale").values()}
        pages.append(PageSpec(g.uri("assessment", aid), "assessment.md.j2", assessment.title,
                              ["Assessment"], {
                                  "assessment": assessment, "scales": scales,
                                  "model": g.link("maturity-model", model.id) if model else None,
                                  "stage_names": {s.id: s.name for s in model.stages}
                                  if model else {},
                                  "spec_uri": assets.spec_uri(aid),
                                  "runtime_uri": assets.RUNTIME_URI,
                                  "roles": [g.link("role", r) for r in g.of("role")]
                                  if assessment.type == "skills-gap" else [],
                                  "backlinks": g.backlinks("assessment", aid)},
                              assessment.summary, meta={"assessment": aid}))
    return pages


def role_assessments(g: Graph, role_id: str) -> list[tuple[Any, bool]]:
    """The self-assessments a role page links to, each with whether it compares answers with
    the role (and so opens with the role chosen): every skills-gap assessment (each offers
    every role), then every other assessment that links to the role in its questions,
    outcomes or advice, in title order."""
    items = g.of("assessment").values()
    skills = [(g.link("assessment", a.id), True) for a in items if a.type == "skills-gap"]
    linked = [(g.link("assessment", a.id), False)
              for a in g.referrers("role", role_id, "assessment") if a.type != "skills-gap"]
    return skills + sorted(linked, key=lambda item: item[0].title.lower())


def enablement(g: Graph) -> list[PageSpec]:
    # Each kind under the name a reader knows it by ("Meeting cadences", "Glossary").
    counts = {KINDS[k].title if k in KINDS else k.replace("-", " "): v
              for k, v in g.playbook.counts().items() if v}
    return [PageSpec(urls.ENABLEMENT, "enablement.md.j2", "Enablement", ["Enablement"],
                     {"manifest": g.playbook.manifest, "counts": counts}),
            PageSpec(urls.TAGS, "tags.md.j2", "Pages by kind")]
