"""Golden files: the site source (pages, calendars, bundle and host config with its
navigation) that a few small playbooks compile to, kept in
tests/golden/<case>/expected and reviewed as diffs.

Regenerate after an intended change with `pytest tests/golden --update-golden`, then
read the diff before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.compiler import compile_site
from generators.pipeline import Options
from generators.source import write_site_source
from tests.conftest import CASES

GOLDEN = Path(__file__).resolve().parent
PLAYBOOKS = {"minimal": CASES / "minimal", "meetings": GOLDEN / "meetings/playbook",
             "hiring": GOLDEN / "hiring/playbook"}
#: Copied package files and binaries: the same for every playbook, not worth a golden.
LEFT_OUT = ("docs/assets/",)


def _written(playbook: Path, folder: Path) -> dict[str, str]:
    site = compile_site(Options(playbook))
    write_site_source(folder, site.files, site.config_text, site.theme)
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not name.startswith(LEFT_OUT) and not name.startswith("."):
            found[name] = path.read_text(encoding="utf-8")
    return found


@pytest.mark.parametrize("case", sorted(PLAYBOOKS))
def test_site_source_matches_the_golden_files(case: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              request: pytest.FixtureRequest) -> None:
    monkeypatch.chdir(tmp_path)  # the built-in config, as for a playbook folder alone
    written = _written(PLAYBOOKS[case], tmp_path / "source")
    expected_dir = GOLDEN / case / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, text in written.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_text(text, encoding="utf-8")
    expected = {path.relative_to(expected_dir).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(expected_dir.rglob("*")) if path.is_file()}
    assert sorted(written) == sorted(expected)
    for name, text in written.items():
        assert text == expected[name], f"{case}/expected/{name} differs"
