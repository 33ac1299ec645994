"""Pages read as their templates meant: no heading, label or line of its own taken into the
list item before it (a Markdown list item swallows the next line unless a blank line
separates them), on every page of the default site and of the second example."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEFAULT_PLAYBOOK
from tests.site.conftest import EXAMPLE
from tests.site_checks import glued_lines, playbook_strings


def test_no_line_is_glued_into_a_list_item_of_the_default_site(built_site: Path) -> None:
    assert glued_lines(built_site, playbook_strings(DEFAULT_PLAYBOOK)) == []


def test_no_line_is_glued_into_a_list_item_of_the_example(example_built: Path) -> None:
    assert glued_lines(example_built, playbook_strings(EXAMPLE)) == []


def _page(tmp_path: Path, body: str) -> Path:
    (tmp_path / "a").mkdir(exist_ok=True)
    (tmp_path / "a/index.html").write_text(f"<nav><ul><li>Nav\n<em>x</em></li></ul></nav>"
                                           f"<article>{body}</article>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("body", "found"), [
    # A group label after a numbered list, in a loose list and in a tight one.
    ("<ol><li><p><strong>Topic.</strong> Question?\n<strong>Next group</strong></p></li></ol>",
     "line glued into the list item before it: 'Next group'"),
    ("<ul><li><strong>Family:</strong> a \u00b7 b\n<small>Version 1, released 2026</small></li>"
     "</ul>", "line glued into the list item before it: 'Version 1, released 2026'"),
    ("<ol><li>Last question\n<em>Closing:</em> Thanks</li></ol>",
     "line glued into the list item before it: 'Closing: Thanks'"),
    ("<ul><li>An item\n    ## Used by</li></ul>",
     "line glued into the list item before it: '## Used by'"),
    ("<ul><li><p>An item</p><h2 id='x'>Used by<a class='headerlink'>\u00b6</a></h2></li></ul>",
     "heading inside a list item: 'Used by'"),
])
def test_the_check_finds_what_it_looks_for(tmp_path: Path, body: str, found: str) -> None:
    assert glued_lines(_page(tmp_path, body), []) == [f"a/index.html: {found}"]


@pytest.mark.parametrize("body", [
    # Blocks of their own after the list; a card of paragraphs; link lines; a nested list.
    "<ol><li>Question?</li></ol><p><strong>Next group</strong></p>",
    "<ul><li><p><strong>I run it</strong></p><hr><p>Text.</p>\n<p><a href='x'>A</a> \u00b7\n"
    "<a href='y'>B</a></p></li></ul>",
    "<ul><li>One\n<ul><li>two</li></ul>\n</li><li><em>Three</em></li></ul>",
    # The playbook's own text written over two lines.
    "<ul><li>First line of the author\n<em>second</em> line</li></ul>",
])
def test_the_check_passes_what_templates_mean(tmp_path: Path, body: str) -> None:
    own = ["First line of the author\n*second* line"]
    assert glued_lines(_page(tmp_path, body), own) == []
