"""`playbook new`: write a valid starter file for a new entity."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from generators import files
from generators.errors import UserError
from generators.model import Kind
from generators.model.common import Slug
from generators.schema import modeline
from generators.schema_errors import describe
from generators.validate import Playbook, load_playbook

_ID = TypeAdapter(Slug)


class ScaffoldError(UserError):
    """The starter file cannot be written."""


def starter_text(kind: Kind, entity_id: str, playbook: Playbook | None = None) -> str:
    """The starter file of `kind` for `entity_id`, modeline first: the kind's own starter
    when it has one, else one made from its model's required fields.

    A starter refers only to entities of `playbook` (a scale, a role) or to none, so it
    validates as written; when it needs one that the playbook lacks, ScaffoldError says
    which to add first.
    """
    template = resources.files("generators").joinpath("starters", f"{kind.name}.yml")
    body = template.read_text(encoding="utf-8") if template.is_file() else _from_model(kind)
    values = {"ID": entity_id, "NAME": entity_id.replace("-", " ").title()}
    for name in sorted(set(re.findall(r"__([A-Z_]+)__", body)) - set(values)):
        values[name] = _value(name, kind, playbook)
    return modeline(kind) + "\n" + re.sub(r"__([A-Z_]+)__", lambda m: values[m[1]], body)


def _value(name: str, kind: Kind, playbook: Playbook | None) -> str:
    """What a placeholder of a starter stands for in this playbook."""
    if name == "ROLE":
        return _first(kind, playbook, "role")
    if name == "FAMILY":
        families = _declared(playbook, "role_families")
        return families[0] if families else "team"
    if name == "AREA":
        areas = _declared(playbook, "metric_areas")
        return areas[0] if areas else "general"
    if name == "CATEGORY":
        return "General"
    scale = _scale(kind, playbook)
    values = [level.value for level in scale.levels]
    if name == "SCALE":
        return str(scale.id)
    if name == "SCALE_LOW":
        return f"{min(values):g}"
    if name == "SCALE_TOP":
        return f"{max(values):g}"
    if name == "LEVELS":
        return "\n".join(f"  - level: {level.id}\n    descriptor: What someone at the "
                         f"{json.dumps(level.label)[1:-1]} level does." for level in scale.levels)
    raise AssertionError(f"starter placeholder __{name}__ has no value")


def _first(kind: Kind, playbook: Playbook | None, needed: str) -> str:
    ids = sorted(playbook.of(needed)) if playbook is not None else []
    if not ids:
        raise ScaffoldError(f"a {kind.name} refers to a {needed}, and this playbook has none "
                            f"yet: add one first with `playbook new {needed} ID`")
    return ids[0]


def _scale(kind: Kind, playbook: Playbook | None) -> Any:
    """The scale a starter is written on: the manifest's default scale, else the first."""
    scale_id = _first(kind, playbook, "scale")
    assert playbook is not None
    default = getattr(playbook.manifest, "default_scale", None)
    return playbook.of("scale").get(default or "") or playbook.of("scale")[scale_id]


def _declared(playbook: Playbook | None, field: str) -> list[str]:
    """The ids of a vocabulary the manifest declares (role families, metric areas)."""
    entries = getattr(playbook.manifest, field, None) if playbook is not None else None
    return [getattr(entry, "id", entry) for entry in entries or []]


def _from_model(kind: Kind) -> str:
    """A starter listing the model's required fields, each with what it is for."""
    lines = []
    for field_name, field in kind.model.model_fields.items():
        if not field.is_required():
            continue
        if field_name == "id":
            value = "__ID__"
        elif field_name in ("name", "title"):
            value = "__NAME__"
        else:
            value = json.dumps((field.description or field_name).rstrip("."))
        lines.append(f"{field_name}: {value}")
    return "\n".join(lines) + "\n"


def id_problem(kind: Kind, entity_id: str) -> str | None:
    """What the checker would say of `entity_id` as the id of a `kind`, or None if valid."""
    try:
        _ID.validate_python(entity_id)
    except ValidationError as exc:
        message, hint = describe(exc.errors(include_url=False)[0], ("id",), kind.model)
        return f"id: {message}" + (f" ({hint})" if hint else "")
    return None


def new_entity(root: Path, kind: Kind, entity_id: str) -> Path:
    """Write the starter file into the playbook at `root` and return its path.

    Nothing is written through a symbolic link or outside the playbook folder, and an
    existing file is never replaced.
    """
    problem = id_problem(kind, entity_id)
    if problem is not None:
        raise ScaffoldError(problem)
    if not root.is_dir():
        raise ScaffoldError(f"playbook folder {root} does not exist (pass --playbook with the "
                            "folder that holds playbook.yml)")
    path = root / kind.folder / f"{entity_id}.yml"
    playbook, _problems = load_playbook(root)  # what the starter may refer to
    files.write_new_file(path, starter_text(kind, entity_id, playbook), root)
    return path
