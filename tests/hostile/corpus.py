"""The whole corpus of bad inputs, by name; `python -m tests.hostile.corpus [NAME...]`
writes the expected transcripts (review them in the diff before committing)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.hostile.cases import CASES_CONTENT
from tests.hostile.cases_files import CASES_FILES
from tests.hostile.cases_inputs import CASES_INPUTS
from tests.hostile.harness import EXPECTED, Case, prepare, run

CORPUS: dict[str, Case] = {case.name: case for case in
                           (*CASES_CONTENT, *CASES_FILES, *CASES_INPUTS)}


def write_expected(names: list[str]) -> None:
    EXPECTED.mkdir(exist_ok=True)
    for name in names:
        case = CORPUS[name]
        with tempfile.TemporaryDirectory() as tmp:
            work = prepare(case, Path(tmp))
            ran = run(case, work)
            (EXPECTED / f"{name}.txt").write_text(ran.transcript(case, work), encoding="utf-8")
        print(f"{name}: exit {ran.exit}, {ran.seconds:.1f} s, {ran.peak_mb:.0f} MB")


if __name__ == "__main__":
    write_expected(sys.argv[1:] or list(CORPUS))
