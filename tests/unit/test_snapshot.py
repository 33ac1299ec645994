"""The snapshot of Python with the engine imported: made with Node once per engine and
runtime, kept in the user's cache, and left out (with one line, or silently without Node)
when it cannot be made."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from generators.pipeline import Options, build
from generators.pyodide import snapshot, version_of
from generators.render.wheel import engine_wheel
from generators.source_config import ConfigError
from tests.conftest import DEFAULT_PLAYBOOK, ROOT

RUNTIME = ROOT / "node_modules" / "pyodide"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "playbook-compiler" / snapshot.SNAPSHOT_DIR


def test_made_with_node_once_then_taken_from_the_cache(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert shutil.which("node"), "Node is needed to make a snapshot"
    wheel = engine_wheel()
    made = snapshot.engine_snapshot(RUNTIME, wheel, progress=None)
    assert made is not None
    memory = gzip.decompress(made)
    assert len(memory) > 10_000_000  # Python's whole memory, with the engine in it
    assert b"assessments.bridge" in memory
    # Nothing of the builder's machine goes into a file that gets published.
    for path in (ROOT, Path(snapshot.__file__).parent, cache.parent, Path(tempfile.gettempdir())
                 / "playbook-snapshot-"):
        assert str(path).encode() not in memory, path
    assert [p.suffix for p in cache.iterdir()] == [".snapshot"]

    def no_node(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("made again")

    monkeypatch.setattr(snapshot.subprocess, "run", no_node)
    assert snapshot.engine_snapshot(RUNTIME, wheel, progress=None) == made
    # Another engine is another snapshot.
    other = (wheel[0], wheel[1] + b"\0")
    with pytest.raises(AssertionError, match="made again"):
        snapshot.engine_snapshot(RUNTIME, other, progress=None)


def test_without_node_there_is_none(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    said = io.StringIO()
    assert snapshot.engine_snapshot(RUNTIME, engine_wheel(), progress=said) is None
    assert said.getvalue() == "" and not cache.exists()


def test_a_runtime_node_cannot_start_gives_one_line(cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "not-pyodide"
    broken.mkdir()
    (broken / "package.json").write_text('{"version": "0.0.1"}')
    assert snapshot.engine_snapshot(broken, engine_wheel(), progress=io.StringIO()) is None
    (broken / "pyodide.js").write_text('throw new Error("not a runtime");\n')
    said = io.StringIO()
    assert snapshot.engine_snapshot(broken, engine_wheel(), progress=said) is None
    lines = said.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("playbook: note: no Python snapshot for the assessment pages "
                               "(they start Python the usual way): Node could not make one: ")
    assert "not a runtime" in lines[0]
    assert not cache.exists()


def test_the_cache_keeps_the_newest_few(cache: Path) -> None:
    cache.mkdir(parents=True)
    for number in range(snapshot.KEEP + 3):
        old = cache / f"{number:02d}.snapshot"
        old.write_bytes(b"x")
        stamp = 1_700_000_000 + number
        os.utime(old, (stamp, stamp))
    snapshot._prune(cache)
    assert sorted(p.name for p in cache.iterdir()) == [
        f"{n:02d}.snapshot" for n in range(3, snapshot.KEEP + 3)]


def test_the_default_site_ships_one_and_names_it(built_site: Path) -> None:
    engine = built_site / "assets" / "engine"
    wheel, = engine.glob("*.whl")
    made, = engine.glob("*.snapshot")
    assert made.name == snapshot.snapshot_name(wheel.name, version_of(RUNTIME))
    assert len(gzip.decompress(made.read_bytes())) > 10_000_000
    runtime = json.loads((built_site / "assets/playbook/runtime.json").read_text())
    assert runtime["snapshot"] == f"assets/engine/{made.name}"
    page = (built_site / "assessments/team-health/index.html").read_text(encoding="utf-8")
    assert f'data-snapshot="assets/engine/{made.name}"' in page
    assert f'"../../assets/engine/{made.name}"' in page  # the early loader's argument


def _config(folder: Path, value: str) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text("theme: {name: material, font: false}\nplugins:\n  - search\n"
                      f"  - playbook:\n      python_snapshot: {value}\n", encoding="utf-8")
    return config


def test_the_config_can_leave_it_out(tmp_path: Path) -> None:
    build(Options(DEFAULT_PLAYBOOK, _config(tmp_path, "false")), tmp_path / "site")
    assert [p.suffix for p in (tmp_path / "site/assets/engine").iterdir()] == [".whl"]
    runtime = json.loads((tmp_path / "site/assets/playbook/runtime.json").read_text())
    assert runtime["snapshot"] is None
    page = (tmp_path / "site/assessments/team-health/index.html").read_text(encoding="utf-8")
    assert "data-snapshot" not in page and ".snapshot" not in page


def test_a_setting_that_is_not_true_or_false_is_one_line(tmp_path: Path) -> None:
    config = _config(tmp_path, "sometimes")
    with pytest.raises(ConfigError) as raised:
        build(Options(DEFAULT_PLAYBOOK, config), tmp_path / "site")
    assert str(raised.value).endswith("mkdocs.yml: plugins: playbook: python_snapshot: "
                                      "expected true or false, not 'sometimes'")
    assert not (tmp_path / "site").exists()
