"""The home page: the playbook's title and description, a way in for each kind of reader
(each naming and linking only what the playbook has), and the roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generators.render import urls
from generators.render.graph import Graph
from generators.render.page import PageSpec
from generators.render.pages_people import _roles_by_family
from generators.render.sentences import listed


@dataclass(frozen=True)
class WayIn:
    """A card of the home page: who it is for, what they find, and where."""

    title: str
    text: str
    links: list[tuple[str, str]]
    """(label, page) pairs."""


def home(g: Graph) -> list[PageSpec]:
    manifest = g.playbook.manifest
    return [PageSpec(urls.HOME, "home.md.j2", manifest.title if manifest else "Playbook",
                     context={"manifest": manifest, "roles_by_family": _roles_by_family(g),
                              "ways_in": ways_in(g)},
                     description=manifest.description if manifest else "")]


def ways_in(g: Graph) -> list[WayIn]:
    """The home page's cards, for the pages this playbook has."""
    cards = [_newcomer(g), _lead(g.own_pages),
             WayIn("I run enablement", "Keep the playbook current: edit the YAML, check it, "
                   "and publish a new version.", [("Enablement", urls.ENABLEMENT)])]
    return [card for card in cards if card is not None]


def _newcomer(g: Graph) -> WayIn | None:
    own = g.own_pages
    paths = g.of("onboarding-path")
    if urls.ROLES in own:
        parts = ["what it is for"]
        if urls.COMPETENCY_FRAMEWORK in own:
            parts.append("the competencies it needs")
        if paths:
            parts.append(f"your {_length(paths.values())}onboarding checklist")
        if urls.MEETINGS in own:
            parts.append("the meetings you will join")
        return WayIn("I'm new here", f"Pick your role to see {listed(parts)}.",
                     [("Browse the roles", urls.ROLES)])
    found = [(page, label, part) for page, label, part in (
        (urls.COMPETENCY_FRAMEWORK, "Competency framework", "the competencies the team builds"),
        (urls.ONBOARDING, "Onboarding", "your onboarding checklist" if paths
         else "the routines to learn"),
        (urls.MEETINGS, "Meetings", "the meetings you will join")) if page in own]
    if not found:
        return None
    return WayIn("I'm new here", f"Start with {listed([part for _p, _l, part in found])}.",
                 [(label, page) for page, label, _part in found])


def _lead(own: frozenset[str]) -> WayIn | None:
    parts = []
    if urls.MATURITY in own:
        parts.append("see where your team stands on the maturity models")
    elif urls.ASSESSMENTS in own:
        parts.append("see where your team stands with the self-assessments")
    models = [name for page, name in ((urls.TEAM_MODELS, "team"),
                                      (urls.MANAGEMENT_MODELS, "management")) if page in own]
    if models:
        parts.append(f"choose a {' or '.join(models)} model")
    if urls.HIRING in own and urls.ROLES in own:
        parts.append("use the hiring kits")
    if not parts:
        return None
    links = [(label, page) for label, page in (
        ("Maturity models", urls.MATURITY), ("Assessments", urls.ASSESSMENTS),
        ("Team models", urls.TEAM_MODELS)) if page in own]
    if urls.MANAGEMENT_MODELS in own and urls.TEAM_MODELS not in own:
        links.append(("Management models", urls.MANAGEMENT_MODELS))
    if not links:
        links.append(("Hiring", urls.HIRING))
    text = listed(parts, serial=True)
    return WayIn("I lead a team", text[0].upper() + text[1:] + ".", links)


def _length(paths: Any) -> str:
    """`90-day ` when every onboarding path lasts that many days, else nothing."""
    lengths = {path.phases[-1].days.max for path in paths}  # phases are in day order
    length = lengths.pop() if len(lengths) == 1 else None
    return f"{length:g}-day " if length else ""
