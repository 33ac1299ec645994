"""The data bundle: the whole compiled playbook as one JSON document (`playbook.json`).

Every published version carries one, so integrations and later versions can read
what a version said without compiling its YAML again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generators.model import ENTITY_KINDS
from generators.validate import Playbook

BUNDLE_FILE = "playbook.json"
SCHEMA_VERSION = 1


class BundleError(Exception):
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BundleError(f"{path}: not a readable playbook bundle ({exc})") from None
    return check_bundle(data, str(path))


def check_bundle(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or "entities" not in data:
        raise BundleError(f"{where}: not a playbook bundle (no 'entities')")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise BundleError(f"{where}: bundle schema version {version!r} is not supported "
                          f"(this tool reads version {SCHEMA_VERSION})")
    return data
