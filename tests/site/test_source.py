"""The site source: written completely, then incrementally (a file whose content did
not change keeps its timestamp), cleaned of what is no longer produced, and built the
same by every engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.pipeline import Options, build
from tests.conftest import edit


def _stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def test_unchanged_files_keep_their_timestamps(project: Path) -> None:
    options = Options(project / "playbook", project / "mkdocs.yml")
    source = project / ".playbook/site-source"
    build(options, project / "site")
    first = _stamps(source)
    assert "mkdocs.yml" in first and "docs/roles/sdr-absm.md" in first
    assert "docs/authoring.md" in first  # a hand-written page, copied
    build(options, project / "site")
    assert _stamps(source) == first
    edit(project / "playbook/metrics/time-to-hire.yml", "measured_by: ",
         "measured_by: Counted by the recruiting team. ")
    (project / "playbook/metrics/candidate-experience.yml").unlink()
    build(options, project / "site")
    after = _stamps(source)
    changed = sorted(name for name in after if after[name] != first.get(name))
    # The edited metric, the pages that list metrics (one fewer now), the page of the
    # source the removed metric cited, the bundle, the navigation in the config, and our
    # notes of the inputs and of the pages' fingerprints; nothing else was rewritten.
    assert changed == [".playbook-inputs", ".playbook-pages.json", "docs/enablement.md",
                       "docs/hiring/index.md", "docs/metrics/index.md",
                       "docs/metrics/time-to-hire.md",
                       "docs/playbook.json", "docs/sources/absm-team-structure-guide.md",
                       "mkdocs.yml"]
    assert "docs/metrics/candidate-experience.md" not in after  # no longer produced


def test_the_site_source_is_what_the_host_builds(project: Path) -> None:
    build(Options(project / "playbook", project / "mkdocs.yml"), project / "site")
    source = project / ".playbook/site-source"
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    assert "playbook" not in [line.strip("- ").strip() for line in config.splitlines()
                              if line.startswith("- ")]  # our plugin is not needed
    assert "assets/playbook/playbook.js" in config
    # Assessment pages start Pyodide from their head, through a theme override that the
    # site source carries (Material and Zensical both honour it).
    assert "custom_dir: overrides" in config
    assert "__playbookPyodideEarly" in (source / "overrides/main.html").read_text("utf-8")
    html = (project / "site/assessments/team-maturity/index.html").read_text(encoding="utf-8")
    assert html.index("__playbookPyodideEarly") < html.index("</head>")
    assert "__playbookPyodideEarly" not in (project / "site/roles/sdr-absm/index.html"
                                            ).read_text(encoding="utf-8")


def test_nothing_is_compiled_when_nothing_changed(project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from generators import compiler

    options = Options(project / "playbook", project / "mkdocs.yml")
    build(options, project / "site")
    calls: list[Path] = []
    real = compiler.compile_playbook
    monkeypatch.setattr(compiler, "compile_playbook",
                        lambda root, *more: calls.append(root) or real(root, *more))
    build(options, project / "site")
    assert calls == []  # the site source is current: the engine builds it as it is
    (project / "docs/authoring.md").write_text("# Authoring\n\nShorter.\n", "utf-8")
    build(options, project / "site")
    assert calls == [project / "playbook"]
    assert "Shorter." in (project / "site/authoring/index.html").read_text(encoding="utf-8")


def test_a_page_is_reused_only_when_it_holds_what_was_written(project: Path) -> None:
    options = Options(project / "playbook", project / "mkdocs.yml")
    build(options, project / "site")
    page = project / ".playbook/site-source/docs/metrics/time-to-hire.md"
    written = page.read_text(encoding="utf-8")
    page.write_text(written.replace("Time to Hire", "Tampered"), encoding="utf-8")
    build(options, project / "site")  # same fingerprint, other content: rendered again
    assert page.read_text(encoding="utf-8") == written
    assert "Tampered" not in (project / "site/metrics/time-to-hire/index.html").read_text(
        encoding="utf-8")
