"""Files an assessment needs in the site: specs, the engine wheel, Pyodide, runtime.json.

Pyodide is self-hosted: its files are copied from the pinned npm package at build
time, so the site loads nothing from another host. A config option can point at
another Pyodide URL instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generators.render import urls
from generators.render.graph import Graph
from generators.specs import build_specs
from generators.validate import Playbook
from generators.wheel import engine_wheel

PYODIDE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "python_stdlib.zip", "pyodide-lock.json", "package.json")
PYODIDE_URI = "assets/pyodide/"
ENGINE_URI = "assets/engine/"
SPECS_URI = "assets/assessments/"
RUNTIME_URI = "assets/playbook/runtime.json"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class MissingPyodide(Exception):
    """The playbook has assessments but no Pyodide to run them with."""


@dataclass(frozen=True)
class StaticFile:
    """A file for the site: generated content, or a file copied from `source`."""

    uri: str
    content: bytes | None = None
    source: Path | None = None


def spec_uri(assessment_id: str) -> str:
    return f"{SPECS_URI}{assessment_id}.json"


def find_pyodide(*bases: Path) -> Path | None:
    """The first `node_modules/pyodide` found under the given folders, or the project's."""
    for base in (*bases, Path.cwd(), PACKAGE_ROOT):
        candidate = base / "node_modules" / "pyodide"
        if (candidate / "pyodide.js").is_file():
            return candidate
    return None


def assessment_files(playbook: Playbook, *, use_directory_urls: bool = True,
                     pyodide_dir: Path | None = None,
                     pyodide_url: str | None = None) -> list[StaticFile]:
    """Everything the assessment pages load, or nothing when there are no assessments."""
    if not playbook.of("assessment"):
        return []
    graph = Graph(playbook)

    def url_of(kind: str, entity_id: str) -> str:
        uri = graph.uri(kind, entity_id)
        return urls.page_url(uri) if use_directory_urls else uri.removesuffix(".md") + ".html"

    files = [StaticFile(spec_uri(aid), json.dumps(spec, ensure_ascii=False).encode())
             for aid, spec in build_specs(playbook, url_of).items()]
    wheel_name, wheel = engine_wheel()
    files.append(StaticFile(ENGINE_URI + wheel_name, wheel))
    if pyodide_url is None:
        if pyodide_dir is None:
            raise MissingPyodide("the assessments need Pyodide: run 'npm ci' to install the "
                                 "pinned pyodide package, or set the plugin's pyodide_url")
        files += [StaticFile(PYODIDE_URI + name, source=pyodide_dir / name)
                  for name in PYODIDE_FILES if (pyodide_dir / name).is_file()]
    manifest = playbook.manifest
    runtime = {"pyodide": pyodide_url or PYODIDE_URI, "engine": ENGINE_URI + wheel_name,
               "playbook_version": manifest.version if manifest else None,
               "playbook_title": manifest.title if manifest else None}
    files.append(StaticFile(RUNTIME_URI, json.dumps(runtime, indent=2).encode()))
    return files
