"""The site's navigation, as the nested lists and mappings `mkdocs.yml` uses."""

from __future__ import annotations

import html
from typing import Any

from generators.render import urls
from generators.render.graph import Graph
from generators.render.page import FAMILY_TITLES, FREQUENCY_ORDER, FREQUENCY_TITLES

NavItem = Any


def build_nav(g: Graph, docs_pages: list[str], changes: bool = False) -> list[NavItem]:
    """Sections in reading order; hand-written docs pages go under 'Guides'."""
    nav: list[NavItem] = [{"Home": urls.HOME}]
    nav.append({"Roles": [urls.ROLES, *[
        {title: _entries(g, "role", [r for r, role in g.of("role").items()
                                     if role.family == family])}
        for family, title in FAMILY_TITLES.items()
        if any(role.family == family for role in g.of("role").values())],
        {"Career paths": [urls.CAREERS, *_entries(g, "career-path", g.of("career-path"))]}]})
    by_category: dict[str, list[str]] = {}
    for cid, comp in g.of("competency").items():
        by_category.setdefault(comp.category, []).append(cid)
    nav.append({"Competencies": [
        urls.COMPETENCY_FRAMEWORK, {"Required levels by role": urls.COMPETENCY_MATRIX},
        *[{html.escape(category): _entries(g, "competency", ids)}
          for category, ids in by_category.items()],
        {"Scales": _entries(g, "scale", g.of("scale"))}]})
    nav.append({"Hiring": [
        urls.HIRING, *_entries(g, "hiring-process", g.of("hiring-process")),
        {"Hiring kits": [{html.escape(g.get("role", rid).name): urls.kit_uri(rid)}
                         for rid in g.of("role")]},
        *_entries(g, "exercise", g.of("exercise")),
        *_entries(g, "interview-loop", g.of("interview-loop")),
        *_entries(g, "scorecard", g.of("scorecard")),
        *_entries(g, "question-set", g.of("question-set"))]})
    nav.append({"Onboarding": [urls.ONBOARDING,
                               *_entries(g, "onboarding-path", g.of("onboarding-path")),
                               *_entries(g, "routine", g.of("routine"))]})
    nav.append({"Meetings": [urls.MEETINGS, *[
        {FREQUENCY_TITLES[f]: _entries(g, "cadence", [c for c, cad in g.of("cadence").items()
                                                      if cad.frequency == f])}
        for f in FREQUENCY_ORDER if any(c.frequency == f for c in g.of("cadence").values())]]})
    nav.append({"Models": [
        urls.MATURITY, *_entries(g, "maturity-model", g.of("maturity-model")),
        {"Team models": [urls.TEAM_MODELS, *_entries(g, "team-model", g.of("team-model"))]},
        {"Management models": [urls.MANAGEMENT_MODELS,
                               *_entries(g, "management-model", g.of("management-model"))]}]})
    nav.append({"Assessments": [urls.ASSESSMENTS, *_entries(g, "assessment", g.of("assessment"))]})
    nav.append({"Metrics": [urls.METRICS, *_entries(g, "metric", g.of("metric"))]})
    guides = [page for page in docs_pages if page not in (urls.HOME,)]
    what_changed = [{"What changed": urls.CHANGES}] if changes else []
    nav.append({"Enablement": [urls.ENABLEMENT, *what_changed, *guides,
                               {"Pages by kind": urls.TAGS}]})
    return nav


def _entries(g: Graph, kind: str, ids: Any) -> list[NavItem]:
    # The theme prints navigation titles as they are: escape the ones that come from YAML.
    return [{html.escape(g.title(kind, eid)): g.uri(kind, eid)} for eid in ids]
