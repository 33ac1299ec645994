"""The data bundle: the whole compiled playbook as one JSON document (`playbook.json`).

Every published version carries one, so integrations and later versions can read
what a version said without compiling its YAML again. A bundle read back is
checked all the way down against the same models the playbook's YAML is, so a
damaged or foreign file is refused with the place that is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generators import files
from generators.errors import UserError, display_path
from generators.load import format_loc
from generators.model import ENTITY_KINDS, KINDS, MANIFEST
from generators.schema_errors import describe
from generators.validate import Playbook

BUNDLE_FILE = "playbook.json"
SCHEMA_VERSION = 1
#: A bundle of 5,000 entities is about 10 MB.
MAX_BUNDLE_BYTES = 64 * 1024 * 1024


class BundleError(UserError):
    """A file is not a playbook bundle this version can read."""


def make_bundle(playbook: Playbook) -> dict[str, Any]:
    """The bundle of a validated playbook."""
    manifest = playbook.manifest.model_dump(mode="json") if playbook.manifest else None
    entities = {kind.name: {eid: entity.model_dump(mode="json")
                            for eid, entity in sorted(playbook.of(kind.name).items())}
                for kind in ENTITY_KINDS}
    return {"schema_version": SCHEMA_VERSION, "manifest": manifest, "entities": entities}


def bundle_text(bundle: dict[str, Any]) -> str:
    """A bundle as the text of its file: sorted keys, so equal playbooks give equal files."""
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True) + "\n"


def read_bundle(path: Path) -> dict[str, Any]:
    """A bundle read from a file, checked for a schema version we understand."""
    return check_bundle(files.read_json(path, limit=MAX_BUNDLE_BYTES), display_path(path))


def check_bundle(data: Any, where: str) -> dict[str, Any]:
    """`data` when it is a bundle this version reads, checked field by field."""
    if not isinstance(data, dict) or not isinstance(data.get("entities"), dict):
        raise BundleError(f"{where}: not a playbook bundle (no 'entities')")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise BundleError(f"{where}: bundle schema version {str(version)[:20]!r} is not "
                          f"supported (this tool reads version {SCHEMA_VERSION})")
    # Each part is read back as this version's model writes it, so fields added since an
    # older bundle was made compare as their defaults, not as changes.
    manifest = data.get("manifest")
    if manifest is not None:
        manifest = _check_model(MANIFEST.model, manifest, where, ("manifest",))
    checked: dict[str, Any] = {}
    for kind_name, entities in data["entities"].items():
        kind = KINDS.get(kind_name)
        if kind is None or kind is MANIFEST:
            raise BundleError(f"{where}: entities.{str(kind_name)[:40]}: unknown kind")
        if not isinstance(entities, dict):
            raise BundleError(f"{where}: entities.{kind_name}: expected an object of entities")
        checked[kind_name] = {}
        for entity_id, entity in entities.items():
            loc = ("entities", kind_name, entity_id)
            checked[kind_name][entity_id] = _check_model(kind.model, entity, where, loc)
            if entity.get("id") != entity_id:
                raise BundleError(f"{where}: {format_loc(loc)}.id: does not match its key")
    return {**data, "manifest": manifest, "entities": checked}


def _check_model(model: type[BaseModel], value: Any, where: str,
                 loc: tuple[str | int, ...]) -> Any:
    try:
        return model.model_validate(value).model_dump(mode="json")
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        message, hint = describe(error, tuple(error["loc"]), model)
        path = format_loc((*loc, *error["loc"]))
        raise BundleError(f"{where}: {path}: {message}" + (f" ({hint})" if hint else "")
                          ) from None
