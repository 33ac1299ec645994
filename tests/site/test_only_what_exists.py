"""A playbook far from the default one (another team, few kinds) builds a site that shows
only what it has: no page, tab, card or link for a kind it has none of, no empty section,
no word of the default playbook's domain, and its own title as the site's name."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generators.pipeline import Options, build
from tests.conftest import DEFAULT_PLAYBOOK
from tests.hostile.live_markup import live_markup
from tests.hostile.test_injection import HOSTILE
from tests.site_checks import foreign_words, playbook_strings, site_problems

TITLE = "Platform Security Handbook"

#: A security team's playbook: one scale, one competency, one role, nothing else.
FILES = {
    "playbook.yml": f"""\
title: {TITLE}
organisation: Northwind
version: 2026-Q4
released: 2026-11-02
description: How the platform group works and grows.
default_scale: levels
""",
    "scales/levels.yml": """\
id: levels
name: Engineering levels
purpose: The levels engineers grow through.
levels:
  - {id: learning, label: Learning, value: 1}
  - {id: practising, label: Practising, value: 2}
  - {id: leading, label: Leading, value: 3}
""",
    "competencies/threat-modelling.yml": """\
id: threat-modelling
name: Threat modelling
category: Security
summary: Finding what can go wrong before it does.
scale: levels
levels:
  - level: learning
    descriptor: |-
      Takes part in a threat model:
      - asks *why* a trust boundary is there
      - writes down the risks
  - {level: practising, descriptor: Leads a threat model for one service.}
  - {level: leading, descriptor: Sets how the group models threats.}
""",
    "roles/engineer.yml": """\
id: engineer
name: Platform Engineer
family: execution
purpose: Builds and runs the platform.
areas:
  - id: build
    name: Building
    activities: [Ship changes safely.]
required_competencies:
  - {competency: threat-modelling, level: practising}
""",
}


#: Block text from YAML that tries to become markup, in a table cell and an introduction.
HOSTILE_BLOCK = f"Hostile:\n- {HOSTILE}\n- [x](javascript:alert('pb-xss-6'))\n\n{HOSTILE}"
HOSTILE_FILES = {
    "competencies/hostile.yml": yaml.safe_dump({
        "id": "hostile", "name": "Hostile text", "category": "Security", "summary": HOSTILE,
        "scale": "levels",
        "levels": [{"level": "learning", "descriptor": HOSTILE_BLOCK},
                   {"level": "practising", "descriptor": HOSTILE},
                   {"level": "leading", "descriptor": HOSTILE}]}),
    "playbook.yml": FILES["playbook.yml"] + yaml.safe_dump(
        {"index_intros": {"roles": HOSTILE_BLOCK, "competencies": HOSTILE_BLOCK}}),
}


def write_playbook(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The small playbook built with the built-in config (no mkdocs.yml)."""
    project = tmp_path_factory.mktemp("small")
    playbook = write_playbook(project / "playbook", FILES)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)  # no ./mkdocs.yml: the built-in config
        build(Options(Path("playbook")), Path("site"))
    return project / "site", playbook


def test_the_site_shows_only_what_the_playbook_has(small_site: tuple[Path, Path]) -> None:
    site, playbook = small_site
    assert site_problems(site, playbook_strings(playbook)) == []
    for missing in ("hiring", "onboarding", "meetings", "careers", "maturity", "team-models",
                    "management-models", "assessments", "metrics"):
        assert not (site / missing).exists(), missing
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Pick your role to see what it is for and the competencies it needs." in home
    assert "I lead a team" not in home  # nothing to lead with: no models, no hiring
    role = (site / "roles/engineer/index.html").read_text(encoding="utf-8")
    assert "Hiring kit" not in role and ">Meetings<" not in role


def test_the_header_shows_the_playbook_title(small_site: tuple[Path, Path]) -> None:
    site, _ = small_site
    page = (site / "competencies/index.html").read_text(encoding="utf-8")
    assert f"<title>Competency framework - {TITLE}</title>" in page
    header = page[page.index('class="md-header__topic"'):]
    assert TITLE in header[:300]


def test_a_config_without_site_name_takes_the_playbook_title(tmp_path: Path) -> None:
    playbook = write_playbook(tmp_path / "playbook", FILES)
    (tmp_path / "mkdocs.yml").write_text(
        "theme: {name: material, font: false}\nplugins: [search, tags]\n", encoding="utf-8")
    build(Options(playbook, tmp_path / "mkdocs.yml"), tmp_path / "site")
    page = (tmp_path / "site/roles/index.html").read_text(encoding="utf-8")
    assert f"<title>Roles - {TITLE}</title>" in page


def test_a_list_in_a_table_cell_reads_as_a_list(small_site: tuple[Path, Path]) -> None:
    site, _ = small_site
    page = (site / "competencies/threat-modelling/index.html").read_text(encoding="utf-8")
    cell = re.search(r"<td><p>Takes part in a threat model:</p>.*?</td>", page, re.S)
    assert cell is not None
    assert "<li>asks <em>why</em> a trust boundary is there</li>" in cell.group(0)
    assert "- writes" not in cell.group(0)


def test_the_default_site_has_no_empty_section_and_no_missing_link(built_site: Path) -> None:
    assert site_problems(built_site, playbook_strings(DEFAULT_PLAYBOOK), words=()) == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        "<title>Sales tips</title><article><h1>A</h1><p>Text</p><h2>Empty</h2>"
        "<h2>Full</h2><p><a href='../b/'>b</a> LinkedIn, as written.</p></article>",
        encoding="utf-8")
    assert site_problems(tmp_path, ["LinkedIn, as written."]) == [
        "a/index.html: 'Sales' in text the playbook did not write: 'Sales tips'",
        "a/index.html: empty section 'Empty'",
        "a/index.html: link to a missing page: ../b/"]
    assert foreign_words("Hiring kit: Social Lead", ["Social Lead"], ["social"]) == []


def test_answer_and_competency_scales_are_told_apart(built_site: Path) -> None:
    page = (built_site / "competencies/scales/agreement/index.html").read_text(encoding="utf-8")
    assert '<span class="pb-kind">Answer scale</span>' in page
    assert "Assessments whose questions are answered on this scale:" in page
    assert "Answer scales" in page[page.index("md-nav--primary"):]
    page = (built_site / "competencies/scales/proficiency/index.html").read_text(encoding="utf-8")
    assert '<span class="pb-kind">Competency scale</span>' in page
    assert "Competency scales" in page[page.index("md-nav--primary"):]


def test_hostile_block_text_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    playbook = write_playbook(tmp_path / "playbook", {**FILES, **HOSTILE_FILES})
    monkeypatch.chdir(tmp_path)
    build(Options(playbook), tmp_path / "site")
    for page in ("roles/index.html", "competencies/index.html",
                 "competencies/hostile/index.html"):
        text = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "pb-xss-6" in text and live_markup(text) == [], page
        assert "{{ 7 * 7 }}" in html.unescape(text), page
        assert "<li>" in text[text.index("<article"):], page  # the lists are lists
