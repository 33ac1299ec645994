"""A page may say something to readers without JavaScript (`<noscript>`), and what it says
there is checked as strictly as the rest of a page a playbook's own template wrote."""

from __future__ import annotations

from generators.render.safety import unsafe_markup


def test_a_noscript_note_in_allowed_markup_passes() -> None:
    page = ('<noscript markdown>\n<div class="admonition info" markdown>\n'
            '<p class="admonition-title">Scoring needs JavaScript</p>\n\n'
            "- **Triggers**: add up the values of your answers, see [the file](a.json).\n"
            "</div>\n</noscript>\n")
    assert unsafe_markup(page) == []


def test_what_a_noscript_holds_is_checked_as_a_browser_without_javascript_reads_it() -> None:
    assert unsafe_markup('<noscript><iframe src="https://x.test/"></iframe></noscript>') == [
        "<iframe src>", "<iframe>"]
    assert unsafe_markup('<noscript><p onclick="go()">a</p></noscript>') == ["<p onclick>"]
    assert unsafe_markup('<noscript><meta http-equiv="refresh" content="0"></noscript>') == [
        "<meta content>", "<meta http-equiv>", "<meta>"]


def test_markup_that_closes_a_noscript_early_is_seen_as_a_browser_with_javascript_reads_it(
        ) -> None:
    # With JavaScript on, a browser reads the <noscript> as text up to the first
    # </noscript>, even one inside an attribute: the image after it is live.
    page = '<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>'
    assert unsafe_markup(page) == ["<img onerror>"]
