"""Pages of the general design, for every kind whose declaration names a navigation
section: an index of its entities, and a page per entity from the kind's template
(with the entity as `entity` and under the kind's own name, what it refers to as `links`
by field, and what refers to it, to each of its `items` too)."""

from __future__ import annotations

from typing import Any

from generators.model import ENTITY_KINDS, Kind
from generators.model.walk import iter_refs
from generators.render.graph import Graph, Link
from generators.render.page import PageSpec


def general_kinds() -> list[Kind]:
    """The kinds whose pages follow the general design."""
    return [kind for kind in ENTITY_KINDS if kind.section and kind.pages]


def index_uri(kind: Kind) -> str:
    return f"{kind.pages}/index.md"


def general(g: Graph) -> list[PageSpec]:
    pages = []
    for kind in general_kinds():
        items = g.of(kind.name)
        if not items:
            continue  # a kind the playbook has none of gets no pages
        tags = [kind.tag] if kind.tag else []
        pages.append(PageSpec(index_uri(kind), kind.index, kind.title, tags, {
            "kind": kind, "items": [(g.link(kind.name, eid), e) for eid, e in items.items()]}))
        for eid, entity in items.items():
            backlinks = g.backlinks(kind.name, eid)
            context = {"entity": entity, kind.name.replace("-", "_"): entity,
                       "backlinks": backlinks, "by_kind": by_kind(backlinks),
                       "links": _links(g, entity),
                       "item_backlinks": {item.id: g.backlinks(kind.name, f"{eid}/{item.id}")
                                          for item in getattr(entity, "items", [])}}
            pages.append(PageSpec(g.uri(kind.name, eid), kind.template,
                                  g.title(kind.name, eid), tags, context,
                                  str(getattr(entity, "summary", "") or "")))
    return pages


#: Up to this many pages of one kind, a list of what refers to an entity names them all;
#: beyond, it names the first `MOST_BY_KIND` and counts the rest.
ALL_BY_KIND = 30
MOST_BY_KIND = 15


def by_kind(links: list[Link]) -> list[tuple[str, list[Link], int]]:
    """`links` by kind, in the kinds' declared order: each kind's title, its links (the
    first `MOST_BY_KIND` of more than `ALL_BY_KIND`), and how many more there are. An
    entity that much of a large playbook refers to (a source, say) keeps a page of
    bounded size."""
    found: dict[str, list[Link]] = {}
    for link in links:
        found.setdefault(link.kind, []).append(link)
    shown = {name: links if len(links) <= ALL_BY_KIND else links[:MOST_BY_KIND]
             for name, links in found.items()}
    return [(kind.title, shown[kind.name], len(found[kind.name]) - len(shown[kind.name]))
            for kind in ENTITY_KINDS if kind.name in found]


def _links(g: Graph, entity: Any) -> dict[str, list[Link]]:
    """What each field of an entity refers to, as links, by the field's name."""
    found: dict[str, list[Link]] = {}
    for loc, kind, target in iter_refs(entity, type(entity)):
        found.setdefault(str(loc[0]), []).append(g.link(kind, target))
    return found
