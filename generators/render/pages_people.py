"""Pages about people: roles, competencies and career paths."""

from __future__ import annotations

from typing import Any

from generators.render import schedule, urls
from generators.render.graph import Graph
from generators.render.level_steps import career_steps, competency_steps
from generators.render.page import FREQUENCY_ORDER, FREQUENCY_TITLES, PageSpec, family_titles
from generators.render.pages_models import role_assessments
from generators.render.sentences import role_page_shows


def _roles_by_family(g: Graph) -> list[tuple[str, list[Any]]]:
    groups = []
    for family, title in family_titles(g).items():
        roles = [(g.link("role", rid), role) for rid, role in g.of("role").items()
                 if role.family == family]
        if roles:
            groups.append((title, roles))
    return groups


def roles(g: Graph) -> list[PageSpec]:
    pages = [PageSpec(urls.ROLES, "roles_index.md.j2", "Roles", ["Role"],
                      {"roles_by_family": _roles_by_family(g), "shows": role_page_shows(g)})]
    for_everyone = [p for p in g.of("onboarding-path").values() if not p.roles]
    families = family_titles(g)
    for role_id, role in g.of("role").items():
        context = {**_role_context(g, role_id, role, for_everyone),
                   "family": families[role.family]}
        pages.append(PageSpec(g.uri("role", role_id), "role.md.j2", role.name, ["Role"],
                              context, role.purpose))
    return pages


def _role_context(g: Graph, role_id: str, role: Any, for_everyone: list[Any]) -> dict[str, Any]:
    # Only entities that refer to the role can name it: look among those, not everything.
    def referring(kind: str) -> list[Any]:
        return g.referrers("role", role_id, kind)

    paths = [p for p in referring("onboarding-path") if role_id in p.roles] + for_everyone
    cadences = [c for c in referring("cadence") if role_id in c.attendees or c.owner == role_id]
    previous = [r.id for r in referring("role") if role_id in r.next_roles]
    careers = [c.id for c in referring("career-path")
               if any(step.role == role_id for step in c.steps)]
    profile = hiring_profile(g, role_id)
    return {
        "role": role,
        "competencies": [required_level(g, need) for need in role.required_competencies],
        "onboarding": [g.link("onboarding-path", p.id) for p in paths],
        "routines": [g.link("routine", r.id) for r in referring("routine") if role_id in r.roles],
        "kit": urls.kit_uri(role_id) if urls.HIRING in g.own_pages else None,
        "profile": profile,
        "cadences": [(g.link("cadence", c.id), c) for c in cadences],
        **_meetings(g, role_id, cadences),
        "next_roles": g.links("role", role.next_roles),
        "previous_roles": g.links("role", previous),
        "careers": g.links("career-path", careers),
        "allocation": [(g.link("team-model", tm), role.allocation[tm])
                       for tm in g.of("team-model") if tm in role.allocation],
        "assessments": role_assessments(g, role_id),
        "plays": sorted((g.link("play", p.id) for p in referring("play")),
                       key=lambda link: link.title.casefold()),
        "backlinks": [link for link in g.backlinks("role", role_id) if link.kind != "play"],
    }


def _meetings(g: Graph, role_id: str, cadences: list[Any]) -> dict[str, Any]:
    """The cadences of a role by how often they happen, each with its slot, and the
    role's calendar file when one of them is in calendars."""
    slots = schedule.slots_of(g, cadences)
    groups = [(FREQUENCY_TITLES[frequency],
               [(g.link("cadence", c.id), c, slots[c.id]) for c in cadences
                if c.frequency == frequency])
              for frequency in FREQUENCY_ORDER]
    return {"meetings": [(title, group) for title, group in groups if group],
            "meetings_ics": urls.role_calendar_uri(role_id)
            if any(s.in_calendar for s in slots.values()) else None,
            "meetings_to_agree": any(s.in_calendar and s.to_agree for s in slots.values())}


def hiring_profile(g: Graph, role_id: str) -> Any:
    """The hiring profile of a role, or None."""
    return next((p for p in g.referrers("role", role_id, "hiring-profile")
                 if p.role == role_id), None)


def required_level(g: Graph, need: Any) -> dict[str, Any]:
    """A role's need for a competency, with the level names and descriptors filled in."""
    competency = g.get("competency", need.competency)
    labels = {lv.id: lv.label for lv in g.get("scale", competency.scale).levels}
    described = {d.level: d for d in competency.levels}
    return {"link": g.link("competency", need.competency), "need": need,
            "level": labels[need.level], "described": described.get(need.level),
            "descriptor": getattr(described.get(need.level), "descriptor", None) or "",
            "stretch": labels.get(need.stretch_level or "", ""),
            "stretch_described": described.get(need.stretch_level or "")}


def competencies(g: Graph) -> list[PageSpec]:
    by_category: dict[str, list[Any]] = {}
    for cid, comp in g.of("competency").items():
        by_category.setdefault(comp.category, []).append((g.link("competency", cid), comp))
    scale = _framework_scale(g)
    pages = [PageSpec(urls.COMPETENCY_FRAMEWORK, "competency_framework.md.j2",
                      "Competency framework", ["Competency"],
                      {"by_category": list(by_category.items()), "scale": scale,
                       "scales": g.links("scale", sorted({c.scale for c in
                                                          g.of("competency").values()}))}),
             PageSpec(urls.COMPETENCY_MATRIX, "competency_matrix.md.j2",
                      "Required levels by role", ["Competency", "Role"], _matrix(g))]
    for cid, comp in g.of("competency").items():
        pages.append(PageSpec(g.uri("competency", cid), "competency.md.j2", comp.name,
                              ["Competency"], _competency_context(g, cid, comp), comp.summary))
    return pages


def _framework_scale(g: Graph) -> Any:
    """The scale the framework is written on: the manifest's default_scale, else the one
    scale every competency shares, else none."""
    manifest = g.playbook.manifest
    if manifest is not None and manifest.default_scale is not None:
        return g.playbook.of("scale").get(manifest.default_scale)
    used = {comp.scale for comp in g.of("competency").values()}
    return g.playbook.of("scale").get(used.pop()) if len(used) == 1 else None


#: Above this many role x competency cells the matrix is written as one row per role
#: listing only what the role requires: a grid would grow with the square of the playbook.
MATRIX_MOST_CELLS = 1000


def _matrix(g: Graph) -> dict[str, Any]:
    comps = list(g.of("competency").items())
    grid = len(comps) * len(g.of("role")) <= MATRIX_MOST_CELLS
    rows = []
    for rid, role in g.of("role").items():
        if grid:
            needs = {n.competency: required_level(g, n) for n in role.required_competencies}
            rows.append((g.link("role", rid), [needs.get(cid) for cid, _ in comps]))
        else:
            rows.append((g.link("role", rid),
                         [required_level(g, n) for n in role.required_competencies]))
    return {"competencies": [g.link("competency", cid) for cid, _ in comps] if grid else [],
            "rows": rows, "grid": grid}


def _competency_context(g: Graph, cid: str, comp: Any) -> dict[str, Any]:
    labels = {lv.id: lv.label for lv in g.get("scale", comp.scale).levels}
    needed_by = []
    for role in g.referrers("competency", cid, "role"):
        for need in role.required_competencies:
            if need.competency == cid:
                needed_by.append((g.link("role", role.id), required_level(g, need)))
    activities = []
    for path in g.referrers("competency", cid, "onboarding-path"):
        for phase in path.phases:
            activities += [(g.link("onboarding-path", path.id), phase, a)
                           for a in phase.activities if cid in a.competencies]
    steps = [(g.link("routine", r.id), s) for r in g.referrers("competency", cid, "routine")
             for s in r.steps if cid in s.competencies]
    return {"competency": comp, "levels": [(labels.get(d.level, d.level), d) for d in comp.levels],
            "steps": competency_steps(g, comp), "needed_by": needed_by,
            "activities": activities, "routine_steps": steps,
            "scale": g.link("scale", comp.scale), "backlinks": g.backlinks("competency", cid)}


def careers(g: Graph) -> list[PageSpec]:
    paths = g.of("career-path")
    pages = [PageSpec(urls.CAREERS, "careers_index.md.j2", "Career paths", ["Career path"],
                      {"paths": [(g.link("career-path", pid), p) for pid, p in paths.items()]})]
    for pid, path in paths.items():
        steps = [(s, g.link("role", s.role) if s.role else None) for s in path.steps]
        pages.append(PageSpec(g.uri("career-path", pid), "career_path.md.j2", path.name,
                              ["Career path"], {"path": path, "steps": steps,
                                                "role_steps": career_steps(g, path),
                                                "backlinks": g.backlinks("career-path", pid)},
                              path.summary))
    return pages
