"""Where the site puts each page: one folder per kind, the site's own pages, and the
ids an entity may not take because a page of the site's own has that name.

Declared with the model because both the checker (reserved ids) and the renderer
(pages and links) need it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from generators.model import ENTITY_KINDS

#: Folder of each kind's pages, relative to the docs root (from the kinds' declarations).
FOLDERS = {kind.name: kind.pages for kind in ENTITY_KINDS if kind.pages}

HOME = "index.md"
ROLES = "roles/index.md"
COMPETENCY_FRAMEWORK = "competencies/index.md"
COMPETENCY_MATRIX = "competencies/by-role.md"
CAREERS = "careers/index.md"
HIRING = "hiring/index.md"
ONBOARDING = "onboarding/index.md"
MEETINGS = "meetings/index.md"
ALL_MEETINGS_ICS = "meetings/all-meetings.ics"
MATURITY = "maturity/index.md"
TEAM_MODELS = "team-models/index.md"
MANAGEMENT_MODELS = "management-models/index.md"
METRICS = "metrics/index.md"
ASSESSMENTS = "assessments/index.md"
ENABLEMENT = "enablement.md"
TAGS = "tags.md"
CHANGES = "changes.md"
GLOSSARY = "glossary/index.md"
KITS = "hiring/kits"

#: Pages and files the site makes itself, besides one page (and calendar) per entity.
FIXED = (HOME, ROLES, COMPETENCY_FRAMEWORK, COMPETENCY_MATRIX, CAREERS, HIRING, ONBOARDING,
         MEETINGS, ALL_MEETINGS_ICS, MATURITY, TEAM_MODELS, MANAGEMENT_MODELS, METRICS,
         ASSESSMENTS, ENABLEMENT, TAGS, CHANGES, GLOSSARY)


#: The kinds the hiring page, and a hiring kit per role, are made of.
HIRING_KINDS = ("hiring-process", "hiring-profile", "exercise", "interview-loop", "scorecard",
                "question-set")

#: What each of the site's own pages shows. A page is built only when, for each group of
#: kinds, the playbook has an entity of one of them: a site shows only what its playbook
#: has. The home, enablement and tags pages are always built; the changes page with a
#: previous version.
SHOWS: dict[str, tuple[tuple[str, ...], ...]] = {
    ROLES: (("role",),),
    COMPETENCY_FRAMEWORK: (("competency",),),
    COMPETENCY_MATRIX: (("competency",), ("role",)),
    CAREERS: (("career-path",),),
    HIRING: (HIRING_KINDS,),
    ONBOARDING: (("onboarding-path", "routine"),),
    MEETINGS: (("cadence",),),
    ALL_MEETINGS_ICS: (("cadence",),),
    MATURITY: (("maturity-model",),),
    TEAM_MODELS: (("team-model",),),
    MANAGEMENT_MODELS: (("management-model",),),
    METRICS: (("metric",),),
    ASSESSMENTS: (("assessment",),),
    GLOSSARY: (("term",),),
}

#: Kinds shown together on one page of the site's own, each entity at its anchor there.
ONE_PAGE = {"term": GLOSSARY}


def own_pages(counts: Mapping[str, int]) -> frozenset[str]:
    """The site's own pages (of `FIXED`) that a playbook with `counts` entities of each
    kind gets."""
    return frozenset(page for page in FIXED if all(
        any(counts.get(kind) for kind in group) for group in SHOWS.get(page, ())))


def reserved_ids(kind: str) -> dict[str, str]:
    """Ids an entity of `kind` may not take, each with the page, file or folder of the
    site's own that its page (or calendar) would take the place of."""
    folders = {"hiring-profile": [], "role": [FOLDERS["role"], KITS]}.get(
        kind, [FOLDERS[kind]] if kind in FOLDERS else [])
    taken = [*FIXED, *(f"{folder}/" for folder in (*FOLDERS.values(), KITS))]
    reserved: dict[str, str] = {}
    for folder in folders:
        reserved.setdefault("index", f"{folder}/index.md")  # a folder's own page
        for path in taken:
            if path.startswith(folder + "/") and path != folder + "/":
                rest = path[len(folder) + 1:]
                name = rest.split("/")[0] if "/" in rest else posixpath.splitext(rest)[0]
                reserved.setdefault(name, path)
    return reserved


def kit_uri(role_id: str) -> str:
    """The hiring kit of a role."""
    return f"{KITS}/{role_id}.md"


#: Ids a round of an interview loop may not take: a round's kit is `KITS/<role>/<round>.md`,
#: and a folder's `index.md` would take the place of the role's own kit (`KITS/<role>.md`,
#: served at the same address).
RESERVED_ROUND_IDS = {"index": f"{KITS}/<role>.md"}


def round_kit_uri(role_id: str, round_id: str, loop_id: str | None = None) -> str:
    """The printable kit of one interview round for a role. `loop_id` is given when the
    role's kit has several interview loops, whose round ids may repeat."""
    folder = f"{KITS}/{role_id}/{loop_id}" if loop_id else f"{KITS}/{role_id}"
    return f"{folder}/{round_id}.md"


def scorecard_tools_uri(scorecard_id: str) -> str:
    """The page where a scorecard is filled in on screen and interviewers' cards are
    combined in a debrief."""
    return f"{FOLDERS['scorecard']}/{scorecard_id}/on-screen.md"


def entity_uri(kind: str, entity_id: str, hiring_profile_role: str | None = None) -> str:
    """The page of an entity. A hiring profile's page is its role's hiring kit."""
    if kind == "hiring-profile":
        return kit_uri(hiring_profile_role or entity_id)
    if kind in ONE_PAGE:
        return f"{ONE_PAGE[kind]}#{entity_id}"
    return f"{FOLDERS[kind]}/{entity_id}.md"


def calendar_uri(cadence_id: str) -> str:
    """The .ics file of one meeting."""
    return f"meetings/{cadence_id}.ics"


def role_calendar_uri(role_id: str) -> str:
    """The .ics file of the meetings a role attends or runs, beside the role's page."""
    return f"{FOLDERS['role']}/{role_id}-meetings.ics"
