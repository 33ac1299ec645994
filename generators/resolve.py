"""Resolve the playbook's reference graph and run the lint rules over it.

Runs after every file validated on its own. Checks what needs more than one
file: that each reference names an entity that exists, that ids inside an
entity are unique, that graphs which must be acyclic are, and, as warnings,
entities nothing uses. Content rules per kind live in `lint.py`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from generators import lint
from generators.errors import Problem, Severity, did_you_mean
from generators.model import KINDS, layout
from generators.model.common import SLUG_PATTERN, EntityLink
from generators.model.vocabulary import EARLIER_ROLE_FAMILIES
from generators.model.walk import Loc, iter_instances, iter_refs
from generators.report import Reporter
from generators.validate import Playbook


def resolve(playbook: Playbook) -> list[Problem]:
    """Every cross-reference and lint problem of the playbook."""
    report = Reporter(playbook)
    for kind, entity_id, entity in report.entities():
        _check_reserved(report, kind, entity_id)
        if kind == "interview-loop":
            _check_reserved_rounds(report, entity_id, entity)
        _check_references(report, kind, entity_id, entity)
        _check_links(report, kind, entity_id, entity)
        _check_unique_ids(report, kind, entity_id, entity, ())
    _check_manifest(report)
    _check_vocabulary(report, "role", "family", "role_families", "role family")
    _check_vocabulary(report, "metric", "area", "metric_areas", "metric area")
    _check_acyclic(report, "role", "next_roles", "career next steps")
    _check_acyclic(report, "team-model", "transitions", "team model transitions")
    _warn_orphans(report)
    lint.run(report)
    return report.problems


def _check_reserved(report: Reporter, kind: str, entity_id: str) -> None:
    taken = layout.reserved_ids(kind).get(entity_id)
    if taken is not None:
        report.error(kind, entity_id, ("id",), f"id '{entity_id}' would take the place of the "
                     f"site's own {taken}", "choose another id")


def _check_reserved_rounds(report: Reporter, loop_id: str, loop: Any) -> None:
    for index, round_ in enumerate(loop.rounds):
        taken = layout.RESERVED_ROUND_IDS.get(round_.id)
        if taken is not None:
            report.error("interview-loop", loop_id, ("rounds", index, "id"),
                         f"round id '{round_.id}' would take the place of the hiring kit "
                         f"of each role that uses the loop, {taken}",
                         "choose another id")


def _check_references(report: Reporter, kind: str, entity_id: str, entity: BaseModel) -> None:
    for loc, target_kind, target_id in iter_refs(entity, type(entity)):
        if loc == ("scale",) and entity_id in report.playbook.scale_from_manifest \
                and kind == "competency":
            continue  # the manifest's default_scale, checked where it is written
        if "/" in target_id:  # an item inside the entity: framework-id/item-id
            _check_item(report, (kind, entity_id, loc), target_kind, target_id)
            continue
        known = report.playbook.of(target_kind)
        if target_id not in known and (target_kind, target_id) not in report.playbook.broken:
            hint = did_you_mean(target_id, known)
            if target_kind == "source" and not (hint and re.fullmatch(SLUG_PATTERN, target_id)):
                hint = SOURCE_HINT  # a label (a title, a file name), or no id like it
            report.error(kind, entity_id, loc, f"unknown {target_kind} '{target_id}'", hint)


#: What to do about a source named by a label (a title, a file name) instead of an id.
SOURCE_HINT = ("name a source by the id of its file in sources/; `playbook migrate` makes one "
               "for each source written as a label, and names it by its id")


def _check_item(report: Reporter, where: tuple[str, str, Loc], target_kind: str,
                target: str) -> None:
    """A reference to an item of another entity's `items`: both must exist."""
    owner_id, _, item_id = target.partition("/")
    known = report.playbook.of(target_kind)
    owner = known.get(owner_id)
    if owner is None:
        if (target_kind, owner_id) not in report.playbook.broken:
            report.error(*where, f"unknown {target_kind} '{owner_id}'",
                         did_you_mean(owner_id, known))
        return
    items = [item.id for item in getattr(owner, "items", [])]
    if item_id not in items:
        report.error(*where, f"{target_kind} '{owner_id}' has no item '{item_id}'",
                     did_you_mean(item_id, items) or "its items: " + ", ".join(items))


def _check_links(report: Reporter, kind: str, entity_id: str, entity: BaseModel) -> None:
    for loc, link in iter_instances(entity, EntityLink):
        if link.kind not in KINDS or link.kind == "manifest":
            report.error(kind, entity_id, (*loc, "kind"), f"unknown kind '{link.kind}'",
                         did_you_mean(link.kind, [k for k in KINDS if k != "manifest"]))
        elif (link.id not in report.playbook.of(link.kind)
              and (link.kind, link.id) not in report.playbook.broken):
            report.error(kind, entity_id, (*loc, "id"), f"unknown {link.kind} '{link.id}'",
                         did_you_mean(link.id, report.playbook.of(link.kind)))


def _check_unique_ids(report: Reporter, kind: str, entity_id: str, value: Any, loc: Loc) -> None:
    """Ids of items in one list (areas, phases, questions...) must be unique."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _check_unique_ids(report, kind, entity_id, getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        seen: dict[str, int] = {}
        for index, item in enumerate(value):
            # Links name other entities; they are not items with an identity of their own.
            item_id = getattr(item, "id", None) if isinstance(item, BaseModel) and not isinstance(
                item, EntityLink) else None
            if isinstance(item_id, str):
                if item_id in seen:
                    report.error(kind, entity_id, (*loc, index, "id"),
                                 f"duplicate id '{item_id}'",
                                 f"already used by item {seen[item_id]} of {loc[-1]}")
                seen.setdefault(item_id, index)
            _check_unique_ids(report, kind, entity_id, item, (*loc, index))


def _check_manifest(report: Reporter) -> None:
    manifest, source = report.playbook.manifest, report.playbook.manifest_source
    if manifest is None or source is None:
        return  # a broken manifest is reported as it is; nothing to compare with
    scales = report.playbook.of("scale")
    if manifest.default_scale is not None and manifest.default_scale not in scales:
        report.problems.append(source.problem(
            ("default_scale",), f"unknown scale '{manifest.default_scale}'",
            did_you_mean(manifest.default_scale, scales)))
    for competency_id, competency in sorted(report.playbook.of("competency").items()):
        if getattr(competency, "scale", "") is None:
            report.error("competency", competency_id, ("scale",), "no scale given",
                         _scale_hint(scales))
    _warn_earlier_families(report)


def _scale_hint(scales: dict[str, Any]) -> str:
    hint = "write 'scale: ID' here, or 'default_scale: ID' in playbook.yml"
    if "proficiency" in scales:  # what earlier versions assumed
        hint += ("; earlier versions assumed 'proficiency': `playbook migrate` writes that "
                 "into playbook.yml")
    return hint


def _check_vocabulary(report: Reporter, kind: str, field: str, declared_in: str,
                      what: str) -> None:
    """Every value of `field` is one of the terms the manifest declares, if it declares any."""
    manifest = report.playbook.manifest
    terms = [term.id for term in getattr(manifest, declared_in, None) or []]
    if not terms:
        return
    for entity_id, entity in sorted(report.playbook.of(kind).items()):
        value = getattr(entity, field)
        if value not in terms:
            report.error(kind, entity_id, (field,),
                         f"'{value}' is not a {what} declared in playbook.yml",
                         did_you_mean(value, terms) or f"declare it under {declared_in}, "
                         "or use one of: " + ", ".join(terms))


def _warn_earlier_families(report: Reporter) -> None:
    """Roles written for an earlier version, whose families then had built-in titles."""
    manifest, source = report.playbook.manifest, report.playbook.manifest_source
    used = {getattr(role, "family", "") for role in report.playbook.of("role").values()}
    if manifest is None or source is None or manifest.role_families or not used \
            or not used <= set(EARLIER_ROLE_FAMILIES):
        return
    family = next(family for family in EARLIER_ROLE_FAMILIES if family in used)
    report.problems.append(source.problem(
        ("role_families",), "roles use the role families that earlier versions built in, "
        f"but playbook.yml declares none, so they are shown as written ('{family}', not "
        f"'{EARLIER_ROLE_FAMILIES[family]}')", "run `playbook migrate`, or declare "
        "role_families", severity=Severity.WARNING))


def _check_acyclic(report: Reporter, kind: str, field: str, what: str) -> None:
    """Report one cycle per strongly tangled group in a graph that must be acyclic."""
    graph = {eid: _targets(getattr(e, field)) for eid, e in report.playbook.of(kind).items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in graph.get(node, []):
            if state.get(target) == 1:
                cycle = [*path[path.index(target):], target]
                report.error(kind, node, (field,), f"{what} form a cycle: " + " -> ".join(cycle),
                             f"remove one of the links from {field}")
            elif target in graph and target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def _targets(values: list[Any]) -> list[str]:
    return [v if isinstance(v, str) else v.to for v in values]


_ORPHAN_RULES = (
    ("competency", "is not required by any role", "add it to a role's required_competencies"),
    ("exercise", "is not used by any hiring profile or onboarding path",
     "list it in a hiring profile's exercises"),
    ("scale", "is not used by anything", "remove it or use it in a competency or assessment"),
)


def _warn_orphans(report: Reporter) -> None:
    if report.playbook.broken or report.playbook.manifest is None:
        return  # what uses an entity may sit in a file that did not load
    used: set[tuple[str, str]] = set()
    for _kind, _eid, entity in report.entities():
        for _loc, target_kind, target_id in iter_refs(entity, type(entity)):
            used.add((target_kind, target_id))
    if report.playbook.manifest and report.playbook.manifest.default_scale:
        used.add(("scale", report.playbook.manifest.default_scale))
    required = {rc.competency for role in report.playbook.of("role").values()
                for rc in getattr(role, "required_competencies", [])}
    for kind, message, hint in _ORPHAN_RULES:
        for entity_id in report.playbook.of(kind):
            needed = entity_id in required if kind == "competency" else (kind, entity_id) in used
            if not needed:
                report.add(kind, entity_id, ("id",), f"{kind} '{entity_id}' {message}", hint,
                           severity=Severity.WARNING)
