"""Fixtures of the site build tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import run

#: The second example playbook, from another field.
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "secure-engineering"


@pytest.fixture(scope="session")
def example_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`playbook build` of the second example, from a folder with no mkdocs.yml."""
    where = tmp_path_factory.mktemp("example-built")
    result = run("build", "--playbook", str(EXAMPLE), "--site-dir", "site", cwd=where)
    assert result.returncode == 0, result.stderr
    return where / "site"
