"""`playbook new`: write a valid starter file for a new entity."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from generators import files
from generators.errors import UserError
from generators.model import Kind
from generators.model.common import Slug
from generators.schema import modeline
from generators.schema_errors import describe

_ID = TypeAdapter(Slug)


class ScaffoldError(UserError):
    """The starter file cannot be written."""


def starter_text(kind: Kind, entity_id: str) -> str:
    """The starter file of `kind` for `entity_id`, modeline first: the kind's own starter
    when it has one, else one made from its model's required fields."""
    template = resources.files("generators").joinpath("starters", f"{kind.name}.yml")
    name = entity_id.replace("-", " ").title()
    body = template.read_text(encoding="utf-8") if template.is_file() else _from_model(kind)
    return modeline(kind) + "\n" + body.replace("__ID__", entity_id).replace("__NAME__", name)


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
    files.write_new_file(path, starter_text(kind, entity_id), root)
    return path
