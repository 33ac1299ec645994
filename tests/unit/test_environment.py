"""Filters that make YAML text safe in a Markdown table cell or an HTML attribute."""

from __future__ import annotations

from generators.render.environment import _attr, _cell, make_environment


def test_attribute_text_is_escaped_once() -> None:
    assert _attr('say "hi" & <b>') == "say &quot;hi&quot; &amp; &lt;b&gt;"


def test_cell_text_keeps_its_pipes_and_lines_inside_the_cell() -> None:
    assert _cell("a | b\nc & d") == "a \\| b c &amp; d"


def test_text_through_a_macro_is_escaped_once() -> None:
    env = make_environment(None)
    template = env.from_string('{% macro q(x) %}"{{ x }}"{% endmacro %}{{ q(name) }} '
                               '<i data-x="{{ name | attr }}">')
    assert template.render(name='R&D "ops"') == ('"R&amp;D "ops""'
                                                 ' <i data-x="R&amp;D &quot;ops&quot;">')
