"""The playbook as a linked graph: every reference, followed both ways.

Built once per build, before any page is rendered, so page builders hand
templates fully linked objects and templates never look anything up.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from generators.model import ENTITY_KINDS
from generators.model.common import EntityLink
from generators.model.layout import own_pages
from generators.model.walk import iter_instances, iter_refs
from generators.render import urls
from generators.validate import Playbook

Key = tuple[str, str]


@dataclass(frozen=True)
class Link:
    """A link to an entity's page: what the reader sees and where it goes."""

    kind: str
    id: str
    title: str
    uri: str


#: What each entity refers to, kept by a compiler across compiles: the entity itself
#: (an unchanged file gives the same object) and its references, by the entity's id().
References = dict[int, tuple[Any, set[Key]]]


class Graph:
    """Entities by kind and id, their page addresses, and reverse references."""

    def __init__(self, playbook: Playbook, known: References | None = None) -> None:
        self.playbook = playbook
        self._backlinks: dict[Key, set[Key]] = defaultdict(set)
        self._sorted: dict[str, dict[str, Any]] = {}
        seen: References = {}
        for kind in ENTITY_KINDS:
            for entity_id, entity in playbook.of(kind.name).items():
                found = known.get(id(entity)) if known is not None else None
                if found is None or found[0] is not entity:
                    found = (entity, _references(entity))
                seen[id(entity)] = found
                for target in found[1]:
                    if target != (kind.name, entity_id):
                        self._backlinks[target].add((kind.name, entity_id))
        if known is not None:  # keep what this playbook holds, nothing older
            known.clear()
            known.update(seen)

    @functools.cached_property
    def own_pages(self) -> frozenset[str]:
        """The site's own pages (index pages and the like) this playbook gets: only those
        with something to show (see `layout.SHOWS`)."""
        return own_pages(self.playbook.counts())

    def of(self, kind: str) -> dict[str, Any]:
        """Entities of a kind, by id, in id order (sorted once; do not change it)."""
        if kind not in self._sorted:
            self._sorted[kind] = dict(sorted(self.playbook.of(kind).items()))
        return self._sorted[kind]

    def get(self, kind: str, entity_id: str) -> Any:
        return self.playbook.of(kind)[entity_id]

    def title(self, kind: str, entity_id: str) -> str:
        """The name a reader knows the entity by."""
        entity = self.get(kind, entity_id)
        if kind == "hiring-profile":
            return f"Hiring kit: {self.get('role', entity.role).name}"
        if kind == "term":  # a link to the glossary, not to a page of the word's own
            return f"Glossary: {entity.term}"
        return str(getattr(entity, "name", None) or getattr(entity, "title", None)
                   or getattr(entity, "term", None) or entity_id)

    def uri(self, kind: str, entity_id: str) -> str:
        role = self.get(kind, entity_id).role if kind == "hiring-profile" else None
        return urls.entity_uri(kind, entity_id, role)

    def link(self, kind: str, entity_id: str) -> Link:
        if "/" in entity_id:  # an item of an entity's `items`: its anchor on the entity's page
            owner_id, _, item_id = entity_id.partition("/")
            item = next(i for i in self.get(kind, owner_id).items if i.id == item_id)
            return Link(kind, entity_id, f"{self.title(kind, owner_id)}: {item.name}",
                        f"{self.uri(kind, owner_id)}#{item_id}")
        return Link(kind, entity_id, self.title(kind, entity_id), self.uri(kind, entity_id))

    def links(self, kind: str, ids: list[str]) -> list[Link]:
        return [self.link(kind, entity_id) for entity_id in ids]

    def backlinks(self, kind: str, entity_id: str) -> list[Link]:
        """Entities that refer to this one, by kind then title."""
        keys = self._backlinks.get((kind, entity_id), set())
        order = {k.name: i for i, k in enumerate(ENTITY_KINDS)}
        found = [self.link(*key) for key in keys]
        return sorted(found, key=lambda link: (order[link.kind], link.title.lower()))

    def referrers(self, target_kind: str, target_id: str, kind: str) -> list[Any]:
        """Entities of `kind` that refer to the target, in id order."""
        ids = sorted(eid for k, eid in self._backlinks.get((target_kind, target_id), ())
                     if k == kind)
        return [self.get(kind, eid) for eid in ids]


def _references(entity: Any) -> set[Key]:
    found = {(kind, target) for _loc, kind, target in iter_refs(entity, type(entity))}
    found |= {(link.kind, link.id) for _loc, link in iter_instances(entity, EntityLink)}
    return found
