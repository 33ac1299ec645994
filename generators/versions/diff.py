"""The semantic changelog: which entities were added, removed, renamed or changed, and how.

Compares two bundles (see bundle.py) field by field. Lists of items that have an
identity (an `id`, a `competency`, a `level`...) are matched by it, so reordering
is not a change and an edited item is reported as one change, not as a removal
and an addition. Each change says which roles it concerns, so a reader can ask
"what changed for my role".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from generators.model import ENTITY_KINDS
from generators.versions import wording

#: Fields that identify an item in a list, in order of preference.
ITEM_KEYS = ("id", "competency", "level", "factor", "stage", "question", "to")
IGNORED_MANIFEST_FIELDS = {"version", "released"}


@dataclass
class Change:
    """One field-level change inside an entity."""

    path: str
    text: str
    old: Any = None
    new: Any = None


@dataclass
class EntityChange:
    """What happened to one entity between two versions."""

    kind: str
    id: str
    title: str
    status: str  # added, removed, renamed or changed
    changes: list[Change] = field(default_factory=list)
    previous_id: str | None = None
    roles: list[str] | None = None  # None: concerns everyone; []: no role in particular

    def concerns(self, role: str | None) -> bool:
        return role is None or self.roles is None or role in self.roles

    def lines(self) -> list[str]:
        """The change as readable lines: `Title: what changed`."""
        if self.status == "added":
            return [f"{self.title}: added"]
        if self.status == "removed":
            return [f"{self.title}: removed"]
        head = [f"{self.title}: renamed from '{self.previous_id}'"] if self.previous_id else []
        return head + [f"{self.title}: {change.text}" for change in self.changes]


@dataclass
class Changelog:
    """Every entity change between two versions."""

    old_version: str | None
    new_version: str | None
    entries: list[EntityChange]

    def for_role(self, role: str | None) -> Changelog:
        return Changelog(self.old_version, self.new_version,
                         [e for e in self.entries if e.concerns(role)])

    def to_json(self) -> dict[str, Any]:
        return {"from": self.old_version, "to": self.new_version,
                "changes": [asdict(entry) for entry in self.entries]}


def diff_bundles(old: dict[str, Any], new: dict[str, Any]) -> Changelog:
    """The changelog from bundle `old` to bundle `new`."""
    entries: list[EntityChange] = []
    renames = _renames(new)
    for kind in ENTITY_KINDS:
        before = old["entities"].get(kind.name, {})
        after = new["entities"].get(kind.name, {})
        entries += _diff_kind(kind.name, before, after, renames.get(kind.name, {}), old, new)
    entries += _diff_manifest(old, new)
    return Changelog(_version(old), _version(new), entries)


def _version(bundle: dict[str, Any]) -> str | None:
    manifest = bundle.get("manifest") or {}
    return manifest.get("version")


def _renames(bundle: dict[str, Any]) -> dict[str, dict[str, str]]:
    """new id -> old id, per kind, from the manifest and from entities' `previous_ids`."""
    found: dict[str, dict[str, str]] = {}
    for rename in (bundle.get("manifest") or {}).get("renames", []):
        found.setdefault(rename["kind"], {})[rename["new_id"]] = rename["old_id"]
    for kind, entities in bundle["entities"].items():
        for entity_id, entity in entities.items():
            for previous in entity.get("previous_ids", []):
                found.setdefault(kind, {})[entity_id] = previous
    return found


def _diff_kind(kind: str, before: dict[str, Any], after: dict[str, Any],
               renames: dict[str, str], old: dict[str, Any],
               new: dict[str, Any]) -> list[EntityChange]:
    entries = []
    renamed = {new_id: old_id for new_id, old_id in renames.items()
               if new_id in after and old_id in before and old_id not in after}
    for entity_id in sorted(set(before) | set(after)):
        if entity_id in renamed.values() and entity_id not in after:
            continue  # reported under its new id
        old_id = renamed.get(entity_id, entity_id)
        previous, current = before.get(old_id), after.get(entity_id)
        title = wording.title(kind, current if current is not None else previous,
                              new if current is not None else old)
        roles = wording.roles_concerned(kind, previous, current, old, new)
        if previous is None:
            entries.append(EntityChange(kind, entity_id, title, "added", roles=roles))
        elif current is None:
            entries.append(EntityChange(kind, entity_id, title, "removed", roles=roles))
        else:
            changes = list(_entity_changes(kind, previous, current, old, new))
            status = "renamed" if old_id != entity_id else "changed"
            if changes or status == "renamed":
                entries.append(EntityChange(kind, entity_id, title, status, changes,
                                            old_id if status == "renamed" else None, roles))
    return entries


def _entity_changes(kind: str, previous: dict[str, Any], current: dict[str, Any],
                    old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for path, before, after in compare(_strip(previous), _strip(current), ()):
        yield Change(wording.path_label(kind, path, current, new, old, previous),
                     wording.describe(kind, path, before, after, old, new, (current, previous)),
                     before, after)


def _strip(entity: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if k not in ("id", "previous_ids")}


def compare(before: Any, after: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...],
                                                                              Any, Any]]:
    """`(path, old, new)` for every difference; `old` or `new` is None when added/removed.

    A keyed list item appears in the path as `("[key]", value)`.
    """
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after), key=str):
            if before.get(key) != after.get(key):
                yield from compare(before.get(key), after.get(key), (*path, key))
        return
    if isinstance(before, list) and isinstance(after, list):
        key = _item_key(before + after)
        if key is not None:
            yield from _compare_keyed(before, after, path, key)
        elif all(not isinstance(v, dict | list) for v in before + after):
            yield from ((path, item, None) for item in before if item not in after)
            yield from ((path, None, item) for item in after if item not in before)
        else:
            for index in range(max(len(before), len(after))):
                old_item = before[index] if index < len(before) else None
                new_item = after[index] if index < len(after) else None
                if old_item != new_item:
                    yield from compare(old_item, new_item, (*path, index))
        return
    if before != after:
        yield path, before, after


def _item_key(items: list[Any]) -> str | None:
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    for key in ITEM_KEYS:
        if all(key in item for item in items):
            return key
    return None


def _compare_keyed(before: list[Any], after: list[Any], path: tuple[Any, ...],
                   key: str) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    old_items = {item[key]: item for item in before}
    new_items = {item[key]: item for item in after}
    for item_key in [*old_items, *(k for k in new_items if k not in old_items)]:
        item_path = (*path, (f"[{key}]", item_key))
        if item_key not in new_items:
            yield item_path, old_items[item_key], None
        elif item_key not in old_items:
            yield item_path, None, new_items[item_key]
        elif old_items[item_key] != new_items[item_key]:
            yield from compare(old_items[item_key], new_items[item_key], item_path)


def _diff_manifest(old: dict[str, Any], new: dict[str, Any]) -> list[EntityChange]:
    before = {k: v for k, v in (old.get("manifest") or {}).items()
              if k not in IGNORED_MANIFEST_FIELDS}
    after = {k: v for k, v in (new.get("manifest") or {}).items()
             if k not in IGNORED_MANIFEST_FIELDS}
    changes = [Change(".".join(str(p) for p in path), f"{path[0]}: {wording.short(b)} -> "
                      f"{wording.short(a)}", b, a) for path, b, a in compare(before, after, ())]
    if not changes:
        return []
    return [EntityChange("manifest", "playbook", "Playbook", "changed", changes, roles=[])]
