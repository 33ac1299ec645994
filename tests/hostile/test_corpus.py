"""Every bad input of the corpus: the exact lines expected, exit status 1, no traceback,
and bounded time and memory (the alias bomb and the 20 MB file are refused, not read)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.cases import ALL_CASES, EXPECTED, build_case

#: Runs the `playbook` command's main() and writes its own peak memory to a file
#: (stdout and stderr stay exactly what the user sees).
MEASURED = """
import resource, sys
from generators.cli import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


def test_the_corpus_is_large_enough() -> None:
    assert len(ALL_CASES) >= 30
    assert sorted(p.stem for p in EXPECTED.glob("*.txt")) == sorted(ALL_CASES)


@pytest.mark.parametrize("case", ALL_CASES)
def test_bad_input(case: str, tmp_path: Path) -> None:
    book = build_case(case, tmp_path)
    peak_file = tmp_path / "peak-kb"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, str(peak_file), "validate",
                           "--playbook", book.name], cwd=tmp_path, capture_output=True,
                          text=True, timeout=30, check=False)
    seconds = time.perf_counter() - started
    peak_mb = int(peak_file.read_text()) / 1024
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert done.stderr == (EXPECTED / f"{case}.txt").read_text(encoding="utf-8")
    assert seconds < 2, f"took {seconds:.2f} s"
    assert peak_mb < 200, f"peak memory {peak_mb:.0f} MB"
