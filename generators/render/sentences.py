"""Sentences that name only what a playbook has: lists of the parts a page or a section
shows, worded from the pages the site builds."""

from __future__ import annotations

from generators.render import urls
from generators.render.graph import Graph


def role_page_shows(g: Graph) -> str:
    """What a role's page shows, in words, for the index of roles."""
    parts = ["its responsibilities"]
    if urls.COMPETENCY_FRAMEWORK in g.own_pages:
        parts.append("the competencies it needs")
    more = [name for name, present in (("onboarding path", bool(g.of("onboarding-path"))),
                                       ("hiring kit", urls.HIRING in g.own_pages),
                                       ("meetings", urls.MEETINGS in g.own_pages)) if present]
    if more:
        parts += [f"its {more[0]}", *more[1:]]
    return listed(parts)


def listed(parts: list[str], serial: bool = False) -> str:
    """`a`, `a and b`, `a, b and c` (`a, b, and c` with `serial`)."""
    if len(parts) < 3:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + (", and " if serial else " and ") + parts[-1]
