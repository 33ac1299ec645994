"""Collects problems found while checking a loaded playbook, located in their files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from generators.errors import Problem, Severity
from generators.model import ENTITY_KINDS
from generators.model.common import Entity
from generators.model.walk import Loc
from generators.validate import Playbook


class Reporter:
    """Places problems about an entity at the right line of the file it came from."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.problems: list[Problem] = []

    def entities(self, kind: str | None = None) -> Iterator[tuple[str, str, Entity]]:
        """`(kind, id, entity)` for every loaded entity, or those of one kind."""
        kinds = [kind] if kind else [k.name for k in ENTITY_KINDS]
        for name in kinds:
            for entity_id, entity in sorted(self.playbook.of(name).items()):
                yield name, entity_id, entity

    def add(self, kind: str, entity_id: str, loc: Loc, message: str, hint: str = "", *,
            severity: Severity = Severity.ERROR) -> None:
        source = self.playbook.sources[(kind, entity_id)]
        self.problems.append(source.problem(loc, message, hint, severity=severity))

    def error(self, kind: str, entity_id: str, loc: Loc, message: str, hint: str = "") -> None:
        self.add(kind, entity_id, loc, message, hint)

    def get(self, kind: str, entity_id: str | None) -> Any:
        """The entity of `kind` with `entity_id`, or None when it does not exist."""
        return self.playbook.of(kind).get(entity_id) if entity_id else None

    def check_increasing(self, kind: str, entity_id: str, loc: Loc, items: Sequence[Any],
                         attr: str, what: str) -> None:
        """Each item's `attr` must be strictly greater than the one before it."""
        for index in range(1, len(items)):
            previous, current = getattr(items[index - 1], attr), getattr(items[index], attr)
            if current <= previous:
                name = getattr(items[index - 1], "id", index - 1)
                self.error(kind, entity_id, (*loc, index, attr),
                           f"{what} {current:g} does not increase (previous '{name}' is "
                           f"{previous:g})", f"list {loc[-1]} from lowest to highest")
