"""JSON Schemas for editors: one per kind, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generators.files import write_file
from generators.model import KINDS, Kind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind's files."""
    document = kind.model.model_json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": schema_filename(kind), **document}


def schema_filename(kind: Kind) -> str:
    return f"{kind.name}.schema.json"


def modeline(kind: Kind) -> str:
    """The comment that points YAML editors at the kind's schema."""
    prefix = "" if kind.name == "manifest" else "../"
    return f"# yaml-language-server: $schema={prefix}schemas/{schema_filename(kind)}"


def render_schemas() -> dict[str, str]:
    """Every schema as text, by file name."""
    return {schema_filename(kind): json.dumps(schema_for(kind), indent=2, ensure_ascii=False)
            + "\n" for kind in KINDS.values()}


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into `out`; returns the files written.

    Each file is replaced in one step (never through a link), so a full disk leaves
    the earlier schema whole; files unchanged are not rewritten.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = out / name
        data = text.encode("utf-8")
        if path.is_symlink() or not path.is_file() or path.read_bytes() != data:
            write_file(path, data)
        written.append(path)
    return written
