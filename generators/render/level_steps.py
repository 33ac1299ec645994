"""What changes from one level to the next: a competency's levels two by two, and the
competency levels two roles of a career path require, side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generators.render.graph import Graph, Link


@dataclass(frozen=True)
class Level:
    """One level of a competency as a side of a comparison: its label and what it looks
    like there (None: the competency describes nothing at that level)."""

    label: str
    described: Any


def competency_steps(g: Graph, competency: Any) -> list[tuple[Level, Level]]:
    """Each level of a competency with the one above it, lowest first; a step between two
    levels where the competency is not expected is left out (nothing changes)."""
    labels = {lv.id: lv.label for lv in g.get("scale", competency.scale).levels}
    levels = [Level(labels.get(d.level, d.level), d) for d in competency.levels]
    return [(low, high) for low, high in zip(levels, levels[1:], strict=False)
            if low.described.expected or high.described.expected]


@dataclass(frozen=True)
class Difference:
    """A competency two roles require at different levels (or one of them not at all)."""

    competency: Link
    before: Level | None
    after: Level | None


@dataclass(frozen=True)
class RoleStep:
    """Two steps of a career path that have roles, the next one after the other, and the
    competency levels that differ between their roles."""

    before: Any
    after: Any
    """The steps (their titles)."""
    before_role: Link
    after_role: Link
    between: list[str]
    """The titles of the steps in between, which have no role of their own."""
    differences: list[Difference]


def career_steps(g: Graph, path: Any) -> list[RoleStep]:
    """Each step of a career path that has a role, with the next such step: the
    competencies whose required level differs between the two roles."""
    found = []
    with_role = [(index, step) for index, step in enumerate(path.steps) if step.role]
    for (i, low), (j, high) in zip(with_role, with_role[1:], strict=False):
        if low.role != high.role:
            found.append(RoleStep(low, high, g.link("role", low.role), g.link("role", high.role),
                                  [step.title for step in path.steps[i + 1:j]],
                                  _differences(g, low.role, high.role)))
    return found


def _differences(g: Graph, low: str, high: str) -> list[Difference]:
    before = {need.competency: need for need in g.get("role", low).required_competencies}
    after = {need.competency: need for need in g.get("role", high).required_competencies}
    found = []
    for cid in [*before, *(c for c in after if c not in before)]:
        old, new = before.get(cid), after.get(cid)
        if old is not None and new is not None and old.level == new.level:
            continue
        found.append(Difference(g.link("competency", cid), _level(g, cid, old),
                                _level(g, cid, new)))
    return found


def _level(g: Graph, competency_id: str, need: Any) -> Level | None:
    if need is None:
        return None
    competency = g.get("competency", competency_id)
    labels = {lv.id: lv.label for lv in g.get("scale", competency.scale).levels}
    described = {d.level: d for d in competency.levels}
    return Level(labels.get(need.level, need.level), described.get(need.level))
