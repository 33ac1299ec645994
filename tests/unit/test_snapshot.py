"""The snapshot of Python with the engine imported: made with Node once per engine and
runtime, kept in the user's cache, and left out (with one line, or silently without Node)
when it cannot be made."""

from __future__ import annotations

import gzip
import io
import os
import shutil
from pathlib import Path

import pytest

from generators.pyodide import snapshot
from generators.render.wheel import engine_wheel
from tests.conftest import ROOT

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
    said = io.StringIO()
    assert snapshot.engine_snapshot(broken, engine_wheel(), progress=said) is None
    lines = said.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("playbook: note: no Python snapshot for the assessment pages "
                               "(they start Python the usual way): Node could not make one: ")
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
