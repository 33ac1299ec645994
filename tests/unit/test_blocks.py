"""Block Markdown in long text: lists set apart, and block text in a table cell written as
one line of safe HTML that a host passes through as it is."""

from __future__ import annotations

import html

import markdown

from generators.render.blocks import cell_html, separate_lists
from generators.render.environment import _cell, make_environment
from generators.render.safety import EXTENSIONS
from tests.hostile.live_markup import live_markup
from tests.hostile.test_injection import HOSTILE


def _in_a_table(cell: str) -> str:
    """The HTML a host makes of a one-row table holding `cell`."""
    return markdown.markdown(f"| A |\n|---|\n| {cell} |\n", extensions=EXTENSIONS)


def test_a_list_after_a_line_gets_its_blank_line() -> None:
    assert separate_lists("Steps:\n- one\n- two\nafter") == "Steps:\n\n- one\n- two\nafter"
    assert separate_lists("1. a\n   more\n2. b") == "1. a\n   more\n2. b"
    assert separate_lists("- a\n\nText\n  - b") == "- a\n\nText\n\n  - b"
    assert separate_lists("one line - not a list") == "one line - not a list"


def test_a_cell_with_a_list_holds_a_list_on_one_line() -> None:
    cell = str(_cell("Steps:\n- *one* [site](https://example.com/a_(b))\n- two | three"))
    assert "\n" not in cell and "|" not in cell
    table = _in_a_table(cell)
    assert ('<td><p>Steps:</p> <ul> <li><em>one</em> <a href="https://example.com/a_(b)">'
            "site</a></li> <li>two &#124; three</li> </ul></td>") in table


def test_a_cell_of_one_paragraph_stays_text() -> None:
    assert _cell("a | b\nc & d") == "a \\| b c &amp; d"


def test_code_keeps_its_lines_in_a_cell() -> None:
    cell = cell_html("Run:\n\n    make check\n    make build")
    assert "<pre><code>make check&#10;make build&#10;</code></pre>" in cell


def test_hostile_block_text_in_a_cell_stays_text() -> None:
    text = f"{HOSTILE}\n\n- {HOSTILE}\n- [x](javascript:alert(1)) [y](&#106;avascript:alert(2))"
    table = _in_a_table(str(_cell(text)))
    assert live_markup(table) == []
    assert "<script" not in table and "onerror=" not in table.replace("onerror&#61;", "")
    assert html.unescape(table).count("{{ 7 * 7 }}") == 2  # template syntax is text


def test_text_in_a_list_item_or_an_admonition_keeps_its_blocks() -> None:
    env = make_environment()
    page = env.from_string(
        "- **Pro:** {{ text | indent(4) }}\n\n!!! tip\n    {{ text | indent(4) }}\n"
    ).render(page_uri="index.md", text="Quick.\nIt pays off:\n- sooner\n- cheaper")
    rendered = markdown.markdown(page, extensions=EXTENSIONS)
    assert rendered.count("<li>sooner</li>") == 2
    assert "<li>\n<p><strong>Pro:</strong> Quick." in rendered  # the list inside the item
