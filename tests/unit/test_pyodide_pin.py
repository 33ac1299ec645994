"""The Pyodide pin the package carries, where the npm registry is read from, and the
user cache's place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generators.pyodide import (
    LICENSE_FILE,
    RUNTIME_FILES,
    cache_root,
    licence_notice,
    npm_registry,
    version_of,
)
from generators.pyodide.pin import from_package_lock, pinned
from tests.conftest import ROOT


def test_the_pin_is_the_one_package_lock_records() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    entry = lock["packages"]["node_modules/pyodide"]
    pin = pinned()
    assert pin == from_package_lock(ROOT / "package-lock.json"), (
        "generators/pyodide/pin.json differs from package-lock.json: run "
        "'.venv/bin/python -m generators.pyodide.pin'")
    assert (pin.version, pin.integrity, pin.license) == (
        entry["version"], entry["integrity"], "MPL-2.0")
    assert pin.tarball == entry.get("resolved", "https://registry.npmjs.org/pyodide/-/"
                                                 f"pyodide-{entry['version']}.tgz")
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"] == \
        pin.version


def test_the_tarball_url_follows_the_configured_registry() -> None:
    pin = pinned()
    assert pin.url(None) == pin.tarball
    assert pin.url("https://registry.npmjs.org") == pin.tarball
    assert pin.url("https://npm.example.com/repository/npm/") == (
        f"https://npm.example.com/repository/npm/pyodide/-/pyodide-{pin.version}.tgz")


@pytest.fixture
def clean_npm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("npm_config_registry", "NPM_CONFIG_REGISTRY", "npm_config_userconfig",
                 "NPM_CONFIG_USERCONFIG"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


def test_npm_registry_from_npmrc_and_environment(clean_npm_env: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    assert npm_registry(project) is None
    (clean_npm_env / ".npmrc").write_text("fund=false\n; registry=https://commented.out/\n"
                                          "registry = https://user.example/npm/\n")
    assert npm_registry(project) == "https://user.example/npm/"
    monkeypatch.setenv("MIRROR", "mirror.example")
    (project / ".npmrc").write_text("registry=https://${MIRROR}/npm/\n")
    assert npm_registry(project) == "https://mirror.example/npm/"
    monkeypatch.setenv("NPM_CONFIG_REGISTRY", "https://env.example/")
    assert npm_registry(project) == "https://env.example/"


def test_the_cache_lives_under_xdg_cache_home_or_home(clean_npm_env: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_root() == clean_npm_env / ".cache" / "playbook-compiler"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "playbook-compiler"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # not absolute: ignored
    assert cache_root() == clean_npm_env / ".cache" / "playbook-compiler"


def test_the_licence_notice_names_pyodide_and_holds_the_mpl() -> None:
    notice = licence_notice("314.0.7")
    assert notice.startswith("Pyodide 314.0.7\n")
    assert "Mozilla Public License 2.0" in notice
    assert "https://github.com/pyodide/pyodide" in notice
    assert "Mozilla Public License Version 2.0" in notice  # the licence text itself
    assert 'Exhibit B - "Incompatible With Secondary Licenses" Notice' in notice
    assert LICENSE_FILE not in RUNTIME_FILES  # written by the compiler, not copied


def test_version_of_a_runtime_folder(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"version": "314.0.7"}')
    assert version_of(tmp_path) == "314.0.7"
    (tmp_path / "package.json").write_text('{"version": "../../evil"}')
    fallback = version_of(tmp_path)
    assert "/" not in fallback and len(fallback) == 16
