""""Edit this page": every page of a site whose config names the repository leads to the
file it is made from (a generated page to its YAML file, a hand-written page to its
Markdown), with either engine; no edit link without a repository address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generators.render.edit_links import EditLinks
from tests.conftest import copy_project
from tests.site_checks import NOT_PAGES
from tests.test_cli import run

REPO = "https://github.com/acme/playbook"
EDIT = f"{REPO}/edit/main/"
EDIT_LINK = re.compile(r'<a href="([^"]*)" title="[^"]*" class="md-content__button md-icon" '
                       r'rel="edit">')


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def edited(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project with its repository named, built by an engine: (project, site)."""
    project = copy_project(tmp_path_factory.mktemp(f"edit-{request.param}"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + f"repo_url: {REPO}\nedit_uri: edit/main/docs/\n", encoding="utf-8")
    result = run("build", "--engine", request.param, "--site-dir", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project, project / "site"


def _edit_links(page: Path) -> list[str]:
    return EDIT_LINK.findall(page.read_text(encoding="utf-8"))


def test_every_page_leads_to_the_file_it_is_made_from(edited: tuple[Path, Path]) -> None:
    project, site = edited
    pages = [page for page in sorted(site.rglob("*.html"))
             if not page.relative_to(site).as_posix().startswith(NOT_PAGES)]
    assert len(pages) > 100
    wrong = {}
    for page in pages:
        links = _edit_links(page)
        if not (len(links) == 1 and links[0].startswith(EDIT)
                and (project / links[0].removeprefix(EDIT)).is_file()):
            wrong[page.relative_to(site).as_posix()] = links
    assert wrong == {}


@pytest.mark.parametrize(("page", "source"), [
    ("roles/sdr-absm", "playbook/roles/sdr-absm.yml"),
    ("competencies/crm-utilization", "playbook/competencies/crm-utilization.yml"),
    # A role's hiring kit: its hiring profile, else the role itself.
    ("hiring/kits/social-selling-specialist",
     "playbook/hiring-profiles/social-selling-specialist.yml"),
    ("hiring/kits/sdr-absm", "playbook/roles/sdr-absm.yml"),
    # The site's own pages: the manifest, which gives their title and introductions.
    ("", "playbook/playbook.yml"),
    ("roles", "playbook/playbook.yml"),
    # A hand-written page: its own Markdown.
    ("authoring", "docs/authoring.md"),
])
def test_a_page_leads_to_its_own_file(edited: tuple[Path, Path], page: str,
                                      source: str) -> None:
    _project, site = edited
    assert _edit_links(site / page / "index.html") == [EDIT + source]


def test_the_link_to_the_repository_asks_its_host_for_nothing(
        edited: tuple[Path, Path]) -> None:
    # The theme's source component would fetch the repository's stars and forks from the
    # host's API: the site makes no request outside its own host, so the link is plain.
    _project, site = edited
    page = (site / "roles/sdr-absm/index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPO}" title="Go to repository" class="md-source">' in page
    assert 'data-md-component="source"' not in page


def test_without_a_repository_address_no_page_has_an_edit_link(built_site: Path) -> None:
    assert [page for page in built_site.rglob("*.html") if _edit_links(page)] == []


def test_the_address_is_made_as_the_host_makes_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    role = tmp_path / "playbook/roles/sdr.yml"
    # GitHub without edit_uri: MkDocs' own guess; a template; no repository, no links.
    guessed = EditLinks.of({"repo_url": "https://github.com/acme/pb"}, docs)
    assert guessed is not None
    assert guessed.url(role) == "https://github.com/acme/pb/edit/master/playbook/roles/sdr.yml"
    templated = EditLinks.of({"repo_url": "https://git.acme.io/pb/",
                              "edit_uri_template": "src/main/docs/{path}?mode=edit"}, docs)
    assert templated is not None
    assert templated.url(role) == "https://git.acme.io/pb/src/main/playbook/roles/sdr.yml" \
        "?mode=edit"
    assert EditLinks.of({"edit_uri": "edit/main/docs/"}, docs) is None
    assert EditLinks.of({"repo_url": "https://git.acme.io/pb/"}, docs) is None
