"""`playbook new`: write a valid starter file for a new entity."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from generators.model import Kind
from generators.model.common import SLUG_PATTERN
from generators.schema import modeline


class ScaffoldError(Exception):
    """The starter file cannot be written."""


def starter_text(kind: Kind, entity_id: str) -> str:
    """The starter file of `kind` for `entity_id`, modeline first."""
    template = resources.files("generators").joinpath("starters", f"{kind.name}.yml")
    name = entity_id.replace("-", " ").title()
    body = template.read_text(encoding="utf-8")
    return modeline(kind) + "\n" + body.replace("__ID__", entity_id).replace("__NAME__", name)


def new_entity(root: Path, kind: Kind, entity_id: str) -> Path:
    """Write the starter file into the playbook at `root` and return its path."""
    if not re.match(SLUG_PATTERN, entity_id):
        suggestion = re.sub(r"[^a-z0-9]+", "-", entity_id.lower()).strip("-")
        raise ScaffoldError(f"'{entity_id}' is not a valid id (use lower-case words joined by "
                            f"hyphens, e.g. '{suggestion}')")
    if not root.is_dir():
        raise ScaffoldError(f"playbook folder {root} does not exist")
    path = root / kind.folder / f"{entity_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; choose another id or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_text(kind, entity_id), encoding="utf-8")
    return path
