"""Sources in the built site: each page ends with the titles of its sources, linked to
their pages in the source register; the editorial notes sit folded under "For editors";
the register lists every source, and each source's page what cites it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CASES, edit
from tests.test_cli import run


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal playbook with two sources, cited by a role, built by `playbook build`."""
    where = tmp_path_factory.mktemp("sources")
    playbook = where / "playbook"
    shutil.copytree(CASES / "minimal", playbook)
    (playbook / "sources").mkdir()
    (playbook / "sources/social-selling-mastery.yml").write_text(
        "id: social-selling-mastery\ntitle: Social Selling Mastery\nauthor: Jamie Shanks\n"
        "publisher: Sales for Life\nkind: book\nsummary: Scaling social selling.\n"
        "notes: [The year is not known.]\n", encoding="utf-8")
    (playbook / "sources/central-management.yml").write_text(
        "id: central-management\ntitle: How Central Should Your Management Be?\n"
        "publisher: Tribal Impact\npublished: 2021-09-28\nkind: blog post\n"
        "url: https://example.com/posts/central?a=1&b=2\n", encoding="utf-8")
    edit(playbook / "roles/sdr.yml", "required_competencies:",
         "sources: [social-selling-mastery, central-management]\n"
         "notes: [Derived from the book's chapter on teams.]\nrequired_competencies:")
    result = run("build", "--site-dir", "site", cwd=where)
    assert result.returncode == 0, result.stderr
    return where


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def test_a_page_ends_with_its_sources_titles_linked(site: Path) -> None:
    page = _article(site / "site/roles/sdr/index.html")
    assert ('<p>Sources: <a href="../../sources/social-selling-mastery/">Social Selling '
            'Mastery</a> (Jamie Shanks, Sales for Life); <a href="../../sources/'
            'central-management/">How Central Should Your Management Be?</a> (Tribal Impact, '
            '2021)</p>') in page
    assert "social-selling-mastery," not in page  # no id is shown as text


def test_editorial_notes_are_folded_under_for_editors(site: Path) -> None:
    page = _article(site / "site/roles/sdr/index.html")
    folded = re.search(r"<details([^>]*)>\s*<summary>For editors</summary>(.*?)</details>",
                       page, re.S)
    assert folded is not None, page[-1500:]
    assert folded.group(1) == ' class="note"'  # closed: no `open`
    assert "Derived from the book&rsquo;s chapter on teams." in folded.group(2) \
        or "Derived from the book's chapter on teams." in folded.group(2)
    assert page.count("chapter on teams") == 1  # nowhere else on the page
    assert page.index("Sources:") < page.index("For editors")


def test_the_register_lists_each_source_with_its_byline_kind_and_address(site: Path) -> None:
    page = _article(site / "site/sources/index.html")
    assert ('<li><a href="central-management/">How Central Should Your Management Be?</a>, '
            'Tribal Impact, 2021 (blog post). <a href="https://example.com/posts/central?a=1'
            '&amp;b=2">Open it<span class="pb-sr-only">: How Central Should Your Management '
            'Be?</span></a></li>') in page
    assert ('<li><a href="social-selling-mastery/">Social Selling Mastery</a>, Jamie Shanks, '
            'Sales for Life (book)</li>') in page
    assert page.index("How Central") < page.index("Social Selling Mastery")  # by title
    config = (site / ".playbook/site-source/mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"- Sources:\n\s+- sources/index\.md\n", config), config


def test_a_source_page_lists_what_cites_it(site: Path) -> None:
    page = _article(site / "site/sources/central-management/index.html")
    assert "<li>Publisher: Tribal Impact</li>" in page
    assert "<li>Published: 28 September 2021</li>" in page
    assert ('<a href="https://example.com/posts/central?a=1&amp;b=2">https://example.com/'
            'posts/central?a=1&amp;b=2</a>') in page
    cited = page[page.index("Pages that cite it"):]
    assert '<a href="../../roles/sdr/">Sales Development Representative</a>' in cited
    book = _article(site / "site/sources/social-selling-mastery/index.html")
    assert "<li>Author: Jamie Shanks</li>" in book and "Published" not in book
    assert re.search(r'<details class="note">\s*<summary>For editors</summary>', book)


def test_the_default_site_names_its_sources_by_title(built_site: Path) -> None:
    page = _article(built_site / "metrics/bookings-attributed-to-social/index.html")
    assert '<a href="../../sources/social-selling-mastery/">Social Selling Mastery</a> ' \
           '(Jamie Shanks, Sales for Life)' in page
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        shown = re.sub(r"<details.*?</details>", "", text, flags=re.S)
        assert not re.search(r"Sources?: [^<]*\d{3}_[0-9a-f]{16}\.txt", shown), html
