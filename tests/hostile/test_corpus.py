"""Every bad input of the corpus: the exact transcript expected (exit status, stdout,
stderr), no traceback, bounded time and memory, and nothing in the work folder
changed but the site the command was allowed to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import CORPUS
from tests.hostile.harness import EXPECTED, prepare, run, snapshot

CLASSES = {
    "output folders": ("site-dir-", "force-", "rebuild-", "empty-folder", "hidden-names"),
    "links and special files": ("symlink-", "-link-", "fifo", "socket", "link-to-", "loop",
                                "dangling"),
    "templates": ("template-",),
    "pathological YAML": ("deep-", "recursive-alias", "huge-integer", "date", "year-9999",
                          "-key", "alias-bomb"),
    "JSON inputs": ("answers-", "bundle-", "versions-json-", "published-bundle"),
    "machine failures": ("full-disk", "read-only", "name-too-long", "is-a-file",
                         "is-a-folder"),
    "reserved ids": ("reserved-",),
    "control characters": ("control-",),
    "uncommitted publish": ("publish-uncommitted", "publish-untracked"),
}


def test_the_corpus_covers_every_class() -> None:
    assert len(CORPUS) >= 80
    assert sorted(p.stem for p in EXPECTED.glob("*.txt")) == sorted(CORPUS)
    for name, markers in CLASSES.items():
        members = [case for case in CORPUS if any(marker in case for marker in markers)]
        assert len(members) >= 4, f"{name}: {members}"


@pytest.mark.parametrize("name", list(CORPUS))
def test_bad_input(name: str, tmp_path: Path) -> None:
    case = CORPUS[name]
    work = prepare(case, tmp_path)
    before = snapshot(work, case.changes)
    ran = run(case, work)
    assert "Traceback" not in ran.stderr
    assert ran.transcript(case, work) == (EXPECTED / f"{name}.txt").read_text(encoding="utf-8")
    assert ran.exit == case.exit
    assert snapshot(work, case.changes) == before, "something outside the output changed"
    assert ran.seconds < case.seconds, f"took {ran.seconds:.2f} s"
    assert 0 < ran.peak_mb < case.memory_mb, f"peak memory {ran.peak_mb:.0f} MB"
