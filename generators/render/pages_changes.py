"""The "What changed" page of a published version, and each role's share of it."""

from __future__ import annotations

from typing import Any

from generators.model import ENTITY_KINDS
from generators.render import urls
from generators.render.graph import Graph
from generators.render.page import PageSpec
from generators.versions.diff import Changelog, EntityChange

KIND_TITLES = {kind.name: kind.title for kind in ENTITY_KINDS} | {"manifest": "Playbook"}


def changes(g: Graph, changelog: Changelog | None) -> list[PageSpec]:
    if changelog is None:
        return []
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in changelog.entries:
        groups.setdefault(KIND_TITLES.get(entry.kind, entry.kind), []).append(item(g, entry))
    title = f"What changed in {changelog.new_version or 'this version'}"
    return [PageSpec(urls.CHANGES, "changes.md.j2", title, ["Changes"], {
        "changelog": changelog, "groups": list(groups.items()),
        "roles": [g.link("role", rid) for rid in g.of("role")]})]


def item(g: Graph, entry: EntityChange) -> dict[str, Any]:
    """One entity's change, linked to its page when the entity still exists."""
    exists = entry.kind in KIND_TITLES and entry.kind != "manifest" and (
        entry.id in g.playbook.of(entry.kind))
    roles = "*" if entry.roles is None else " ".join(entry.roles)
    lines = [f"renamed from '{entry.previous_id}'"] if entry.previous_id else []
    lines += [change.text for change in entry.changes]
    return {"entry": entry, "link": g.link(entry.kind, entry.id) if exists else None,
            "roles": roles, "lines": [line[:1].upper() + line[1:] for line in lines]}


def for_role(g: Graph, changelog: Changelog | None, role_id: str) -> list[dict[str, Any]]:
    """The changes that concern one role, for its page."""
    if changelog is None:
        return []
    return [item(g, entry) for entry in changelog.entries
            if entry.roles is not None and role_id in entry.roles]
