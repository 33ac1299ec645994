"""The shape of the compiler: data flows one way through the pipeline's steps, and
options travel as arguments, not through the environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATORS = ROOT / "generators"

#: Each module's step, in pipeline order. A module may import only from its own step
#: or an earlier one.
STEPS = [
    ("base", ["errors", "files"]),
    ("model", ["model"]),
    ("load", ["load", "validate", "schema_errors", "schema"]),
    ("check", ["report", "lint", "lint_assessments", "lint_scoring", "lint_schedules",
               "lint_wording", "lint_glossary", "resolve", "check"]),
    ("versions", ["versions"]),
    ("runtime", ["pyodide"]),
    ("render", ["render"]),
    ("write", ["site_address", "source_config", "source", "output"]),
    ("host", ["hosts.__init__", "hosts.mkdocs", "hosts.zensical"]),
    ("pipeline", ["pipeline", "compiler"]),
    ("entry points", ["hosts.plugin", "serve", "publish", "offline", "assess", "scaffold", "init",
                      "migrate", "migrate_sources", "cli"]),
]


def _step_of(module: str) -> int:
    best = (-1, -1)
    for index, (_name, prefixes) in enumerate(STEPS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), index))
    assert best[1] >= 0, f"generators.{module} belongs to no step: add it to STEPS"
    return best[1]


def _modules() -> dict[str, Path]:
    found = {}
    for path in GENERATORS.rglob("*.py"):
        name = ".".join(path.relative_to(GENERATORS).with_suffix("").parts)
        found[name] = path
    return found


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "generators"):
            base = node.module.removeprefix("generators").lstrip(".")
            if base:
                names.append(base)
            names += [f"{base}.{a.name}".lstrip(".") for a in node.names
                      if f"{base}.{a.name}".lstrip(".") in _modules()
                      or f"{base}.{a.name}.__init__".lstrip(".") in _modules()]
        elif isinstance(node, ast.Import):
            names += [a.name.removeprefix("generators.") for a in node.names
                      if a.name.startswith("generators.")]
    return names


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_step_imports_a_later_one(module: str) -> None:
    if module in ("__init__",):
        return
    own = _step_of(module.removesuffix(".__init__") if module != "hosts.__init__" else module)
    for imported in _imports(_modules()[module]):
        target = imported if imported in _modules() or imported == "hosts" else imported
        target = "hosts.__init__" if target == "hosts" else target
        assert _step_of(target) <= own, (
            f"generators.{module} ({STEPS[own][0]}) imports generators.{imported} "
            f"({STEPS[_step_of(target)][0]}), a later step")


def test_only_one_module_touches_the_environment() -> None:
    # Options travel as arguments; the environment is set in one place only, for the
    # process that mike runs (which runs MkDocs by name), and read in one place only, for
    # the settings other tools define: where the user's cache is (XDG_CACHE_HOME) and
    # which npm registry Pyodide is downloaded from (npm_config_registry).
    touching = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
                touching.append(name)
    assert sorted(set(touching)) == ["publish.publish", "pyodide.__init__"]


def test_site_addresses_are_defined_in_one_module() -> None:
    # Every address of the site's own files is in generators/render/assets.py (and the
    # page layout in generators/model/layout.py); the browser scripts read them from
    # the page, and no other module spells one out.
    spelled = []
    for path in [*GENERATORS.rglob("*.py"), *GENERATORS.rglob("*.j2"),
                 *(ROOT / "assessments/web").rglob("*.js"), *GENERATORS.rglob("*.js")]:
        if path.name == "assets.py" and path.parent.name == "render":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("assets/pyodide", "assets/engine", "assets/assessments",
                       "assets/playbook/"):
            if needle in text:
                spelled.append(f"{path.relative_to(ROOT)}: {needle}")
    assert spelled == []
