"""The compiler `playbook serve` keeps: after any change, what it returns is exactly
what a fresh compile of the same files returns, and it redoes only what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generators.compiler import Compiler, SiteSource, compile_site
from generators.errors import ContentError
from generators.pipeline import Options
from tests.conftest import edit


def _files(site: SiteSource) -> dict[str, bytes]:
    return {item.uri: item.data() for item in site.files}


def _same_as_fresh(compiler: Compiler, project: Path) -> SiteSource:
    kept = compiler.compile()
    fresh = compile_site(compiler.options)
    assert _files(kept) == _files(fresh)
    assert kept.config_text == fresh.config_text
    return kept


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("a text changes", lambda p: edit(p / "playbook/metrics/time-to-hire.yml",
                                      "name: Time to Hire", "name: Time to Fill a Seat")),
    ("a role is renamed", lambda p: edit(p / "playbook/roles/sdr-absm.yml",
                                         "name: Sales Development Representative",
                                         "name: Business Development Representative")),
    ("a file is added", lambda p: (p / "playbook/metrics/time-to-fill.yml").write_text(
        (p / "playbook/metrics/time-to-hire.yml").read_text(encoding="utf-8").replace(
            "id: time-to-hire", "id: time-to-fill"), encoding="utf-8")),
    ("a file is removed", lambda p: (p / "playbook/metrics/time-to-hire.yml").unlink()),
    ("a template is overridden", lambda p: (p / "playbook/templates").mkdir() or (
        p / "playbook/templates/metric.md.j2").write_text("# {{ metric.name }}\n\nOurs.\n",
                                                          encoding="utf-8")),
    ("a docs page changes", lambda p: (p / "docs/authoring.md").write_text(
        "# Authoring\n\nShorter.\n", encoding="utf-8")),
    ("a glossary term changes", lambda p: edit(p / "playbook/glossary/pod.yml",
                                               "term: Pod", "term: Squad")),
]


@pytest.mark.parametrize("name", [name for name, _ in EDITS])
def test_after_a_change_the_result_is_a_fresh_compile(project: Path, name: str) -> None:
    compiler = Compiler(Options(project / "playbook", project / "mkdocs.yml", serving=True))
    _same_as_fresh(compiler, project)
    assert compiler.pages is not None
    dict(EDITS)[name](project)
    hits = compiler.pages.hits
    _same_as_fresh(compiler, project)
    assert compiler.pages.hits > hits  # pages that did not change were not rendered again


def test_a_broken_file_then_fixed(project: Path) -> None:
    compiler = Compiler(Options(project / "playbook", project / "mkdocs.yml", serving=True))
    before = _files(compiler.compile())
    role = project / "playbook/roles/sdr-absm.yml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("family: execution", "family: [execution"), encoding="utf-8")
    with pytest.raises(ContentError):
        compiler.compile()
    role.write_text(text, encoding="utf-8")
    assert _files(_same_as_fresh(compiler, project)) == before
