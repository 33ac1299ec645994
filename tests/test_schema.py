"""The exported JSON Schemas accept every default file and reject broken ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generators.model import BY_FOLDER, MANIFEST, Kind
from generators.schema import render_schemas, schema_for
from tests.conftest import DEFAULT_PLAYBOOK


def _default_files() -> list[tuple[Kind, Path]]:
    files = [(MANIFEST, DEFAULT_PLAYBOOK / "playbook.yml")]
    for folder, kind in BY_FOLDER.items():
        files += [(kind, path) for path in sorted((DEFAULT_PLAYBOOK / folder).glob("*.yml"))]
    return files


def _as_json(path: Path) -> Any:
    # Editors read YAML dates as strings; so does the schema.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def _errors(kind: Kind, data: Any) -> list[str]:
    validator = Draft202012Validator(schema_for(kind))
    return [error.message for error in validator.iter_errors(data)]


@pytest.mark.parametrize("kind,path", _default_files(),
                         ids=lambda v: v.name if isinstance(v, Kind) else v.stem)
def test_schema_accepts_default_file(kind: Kind, path: Path) -> None:
    assert _errors(kind, _as_json(path)) == []


def test_schema_rejects_broken_files() -> None:
    role = _as_json(DEFAULT_PLAYBOOK / "roles/absm-director.yml")
    role["purpse"] = role.pop("purpose")
    role["compensation"]["base_salary"]["currency"] = "SEK"  # any ISO 4217 code
    assert sorted(_errors(BY_FOLDER["roles"], role)) == [
        "'purpose' is a required property",
        "Additional properties are not allowed ('purpse' was unexpected)",
    ]
    role["compensation"]["base_salary"]["currency"] = "usd"  # the codes are listed
    assert "is not valid under any of the given schemas" in sorted(
        _errors(BY_FOLDER["roles"], role))[2]
    manifest = _as_json(DEFAULT_PLAYBOOK / "playbook.yml")
    manifest["version"] = "2026-Q5"
    assert [e.split(" does not match ")[0] for e in _errors(MANIFEST, manifest)] == [
        "'2026-Q5'"]
    for label in ("2026-Q4", "v1.2", "1.2.3", "2026-11"):  # any scheme's labels
        manifest["version"] = label
        assert _errors(MANIFEST, manifest) == []
    manifest["role_families"] = ["leadership", {"id": "support", "title": "Support"}, 3]
    assert len(_errors(MANIFEST, manifest)) == 1


def test_every_field_is_described() -> None:
    for kind in (MANIFEST, *BY_FOLDER.values()):
        schema = schema_for(kind)
        for name, definition in [(kind.name, schema), *schema.get("$defs", {}).items()]:
            for field, spec in definition.get("properties", {}).items():
                assert spec.get("description"), f"{name}.{field} has no description"


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in render_schemas().items():
        committed = DEFAULT_PLAYBOOK / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"{committed} is stale: run 'make schemas'")


def test_default_files_carry_the_modeline() -> None:
    for kind, path in _default_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "" if kind is MANIFEST else "../"
        assert first == (f"# yaml-language-server: $schema={prefix}schemas/"
                         f"{kind.name}.schema.json"), path


def test_link_kinds_are_the_entity_kinds() -> None:
    import typing

    from generators.model.common import KIND_ALIASES, KindName

    assert set(typing.get_args(KindName)) == set(BY_FOLDER[k.folder].name
                                                 for k in BY_FOLDER.values()) | set(KIND_ALIASES)
    assert set(KIND_ALIASES.values()) <= set(typing.get_args(KindName))
