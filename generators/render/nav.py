"""The site's navigation, as the nested lists and mappings `mkdocs.yml` uses."""

from __future__ import annotations

import html
import math
from typing import Any

from generators.render import urls
from generators.render.graph import Graph
from generators.render.page import FREQUENCY_ORDER, FREQUENCY_TITLES, family_titles
from generators.render.pages_general import general_kinds, index_uri
from generators.render.pages_scales import USES, placed

NavItem = Any

#: The most entries one level of the navigation lists. Longer lists are split into
#: groups (by title, A to Z), so a page's navigation stays the same size however
#: large the playbook grows: the theme only writes out the groups on a page's path.
MOST_ENTRIES = 15


def build_nav(g: Graph, docs_pages: list[str], changes: bool = False) -> list[NavItem]:
    """Sections in reading order; hand-written docs pages go under 'Guides'. Only pages
    that are built are listed, and no section is left empty."""
    scales = placed(g)
    # Kinds of the general design, by declared section: a section named like one of the
    # tabs below joins that tab; any other becomes a tab of its own, after Metrics.
    sections: dict[str, list[NavItem]] = {}
    for kind in general_kinds():
        if g.of(kind.name):
            sections.setdefault(kind.section, []).append({kind.title: [
                index_uri(kind), *_kinds(g, [(f"All {kind.title.lower()}", kind.name)])]})
    nav: list[NavItem] = [{"Home": urls.HOME}]
    nav.append({"Roles": [urls.ROLES, *_fold("Roles and career paths", [
        *[{html.escape(title): _entries(g, "role", [r for r, role in g.of("role").items()
                                                    if role.family == family])}
          for family, title in family_titles(g).items()
          if any(role.family == family for role in g.of("role").values())],
        {"Career paths": [urls.CAREERS, *_entries(g, "career-path", g.of("career-path"))]}])]})
    by_category: dict[str, list[str]] = {}
    for cid, comp in g.of("competency").items():
        by_category.setdefault(comp.category, []).append(cid)
    nav.append({"Competencies": [
        urls.COMPETENCY_FRAMEWORK, {"Required levels by role": urls.COMPETENCY_MATRIX},
        *_fold("By category", [{html.escape(category): _entries(g, "competency", ids)}
                               for category, ids in by_category.items()]),
        {USES["competency"][0]: _entries(g, "scale", scales["competency"])}]})
    if urls.HIRING in g.own_pages:  # the kits too
        kits = _grouped([(g.get("role", rid).name, urls.kit_uri(rid)) for rid in g.of("role")])
        nav.append({"Hiring": [urls.HIRING, *_fold("Kits and tools", [
            *_kinds(g, [("Hiring processes", "hiring-process")]),
            {"Hiring kits": kits},
            *_kinds(g, [("Exercises", "exercise"), ("Interview loops", "interview-loop"),
                        ("Scorecards", "scorecard"), ("Question sets", "question-set")]),
            {USES["scorecard"][0]: _entries(g, "scale", scales["scorecard"])}])]})
    nav.append({"Onboarding": [urls.ONBOARDING, *_fold("Paths and routines", _kinds(
        g, [("Onboarding paths", "onboarding-path"), ("Routines", "routine")]))]})
    nav.append({"Meetings": [urls.MEETINGS, *_fold("By frequency", [
        {FREQUENCY_TITLES[f]: _entries(g, "cadence", [c for c, cad in g.of("cadence").items()
                                                      if cad.frequency == f])}
        for f in FREQUENCY_ORDER if any(c.frequency == f for c in g.of("cadence").values())])]})
    nav.append({"Models": [urls.MATURITY, *_fold("All models", [
        *_kinds(g, [("Maturity models", "maturity-model")]),
        {"Team models": [urls.TEAM_MODELS, *_entries(g, "team-model", g.of("team-model"))]},
        {"Management models": [urls.MANAGEMENT_MODELS,
                               *_entries(g, "management-model", g.of("management-model"))]},
        *sections.pop("Models", [])])]})
    answer_scales = {USES["assessment"][0]: _entries(g, "scale", scales["assessment"])}
    nav.append({"Assessments": [urls.ASSESSMENTS,
                                *_kinds(g, [("All assessments", "assessment")]), answer_scales]})
    nav.append({"Metrics": [urls.METRICS, *_kinds(g, [("All metrics", "metric")])]})
    enablement = sections.pop("Enablement", [])
    for section, items in sections.items():  # the general kinds' sections of their own
        nav.append({section: items[0][next(iter(items[0]))] if len(items) == 1 else items})
    guides = [page for page in docs_pages if page not in (urls.HOME,)]
    what_changed = [{"What changed": urls.CHANGES}] if changes else []
    nav.append({"Enablement": [urls.ENABLEMENT, {"Glossary": urls.GLOSSARY},
                               *enablement, *what_changed,
                               *guides, {"Other scales": _entries(g, "scale", scales[""])},
                               {"Pages by kind": urls.TAGS}]})
    return _prune(nav, g.own_pages)


def _prune(items: list[NavItem], own: frozenset[str]) -> list[NavItem]:
    """`items` without the site's own pages that are not built, and without the sections
    that leaves empty."""
    kept = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            value = _prune(value, own)
            if value:
                kept.append({next(iter(item)): value})
        elif value in own or value not in urls.FIXED:
            kept.append(item)
    return kept


def _entries(g: Graph, kind: str, ids: Any) -> list[NavItem]:
    return _grouped([(g.title(kind, eid), g.uri(kind, eid)) for eid in ids])


def _kinds(g: Graph, kinds: list[tuple[str, str]]) -> list[NavItem]:
    """Entities of one or more kinds, listed straight in a section while few; else one
    section per kind, so the A-Z groups sit below a section and start folded."""
    if sum(len(g.of(kind)) for _label, kind in kinds) <= MOST_ENTRIES:
        return [item for _label, kind in kinds for item in _entries(g, kind, g.of(kind))]
    return [{label: _entries(g, kind, g.of(kind))} for label, kind in kinds if g.of(kind)]


def _fold(label: str, items: list[NavItem]) -> list[NavItem]:
    """A tab's sections as they are while their lists are short. Once one of them is
    split into A-Z groups, they all move one level down, under `label`: the theme then
    writes out only the open page's section, not every section of the tab."""
    if any(_has_groups(item) for item in items):
        return [{label: items}]
    return items


def _has_groups(item: NavItem) -> bool:
    """Whether a section holds a nested list, i.e. its entries were split into groups."""
    if not isinstance(item, dict):
        return False
    children = next(iter(item.values()))
    return isinstance(children, list) and any(
        isinstance(child, dict) and isinstance(next(iter(child.values())), list)
        for child in children)


def _grouped(entries: list[tuple[str, str]]) -> list[NavItem]:
    """`(title, uri)` entries as navigation items, split into A-Z groups when too many."""
    # The theme prints navigation titles as they are: escape the ones that come from YAML.
    if len(entries) <= MOST_ENTRIES:
        return [{html.escape(title): uri} for title, uri in entries]
    entries = sorted(entries, key=lambda entry: (entry[0].casefold(), entry[1]))
    size = MOST_ENTRIES
    while math.ceil(len(entries) / size) > MOST_ENTRIES:
        size *= MOST_ENTRIES
    count = math.ceil(len(entries) / size)
    per_group = math.ceil(len(entries) / count)  # even groups, none of them tiny
    groups = [entries[start:start + per_group] for start in range(0, len(entries), per_group)]
    return [{_range(group): _grouped(group)} for group in groups]


def _range(group: list[tuple[str, str]]) -> str:
    """A group's name: its first and last titles, the last shortened to its bracketed
    part when that is all that differs ("Team Lead (APAC) – (EMEA)")."""
    first, last = group[0][0], group[-1][0]
    if first == last:
        return html.escape(first)
    first_words, last_words = first.split(" "), last.split(" ")
    shared = 0
    while (shared < min(len(first_words), len(last_words)) - 1
           and first_words[shared] == last_words[shared]):
        shared += 1
    rest = " ".join(last_words[shared:])
    return html.escape(f"{first} – {rest if rest.startswith('(') else last}")
