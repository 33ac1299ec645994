"""The glossary: its checks (exact messages) and the marking of a term's first use."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from generators.render.glossary import Glossary, case_sensitive
from generators.render.safety import unsafe_markup
from tests.conftest import rendered


def _write(playbook: Path, name: str, text: str) -> None:
    (playbook / "glossary").mkdir(exist_ok=True)
    (playbook / "glossary" / name).write_text(text, encoding="utf-8")


def test_terms_check_clean(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: Pod\naka: [pods]\ndefinition: A small team.\n"
           "link: {kind: role, id: sdr}\n")
    _write(playbook, "ssi.yml", "id: ssi\nterm: SSI\ndefinition: A score.\n"
           "link: https://business.linkedin.com/sales-solutions/social-selling-index\n")
    assert rendered(playbook) == []


def test_a_word_two_terms_claim_names_both_files(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: Pod\ndefinition: A small team.\n")
    _write(playbook, "pods.yml", "id: pods\nterm: Teams\naka:\n  - team\n  - pod\n"
           "definition: Teams.\n")
    assert rendered(playbook) == [
        "playbook/glossary/pods.yml:5:5: aka[1]: 'pod' is already a term of "
        "playbook/glossary/pod.yml:2 (a word marks one term only: remove it from one of the "
        "files, or merge the two terms)",
    ]


def test_a_word_listed_twice_in_one_term(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: Pod\naka: [pods, POD]\ndefinition: Teams.\n")
    assert rendered(playbook) == [
        "playbook/glossary/pod.yml:3:13: aka[1]: 'POD' is listed twice in this term "
        "(remove one of them)",
    ]


def test_a_link_that_is_not_a_web_address(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: Pod\ndefinition: A small team.\n"
           "link: javascript:alert(1)\n")
    assert rendered(playbook) == [
        "playbook/glossary/pod.yml:4:1: link: 'javascript:alert(1)' is not a web address: "
        "write one that starts with http:// or https://, or link to a page of the playbook "
        "with 'kind' and 'id'",
    ]


def test_a_link_to_a_page_that_does_not_exist(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: Pod\ndefinition: A small team.\n"
           "link:\n  kind: rol\n  id: sdr\n")
    _write(playbook, "ssi.yml", "id: ssi\nterm: SSI\ndefinition: A score.\n"
           "link:\n  kind: role\n  id: sdx\n")
    problems = rendered(playbook)
    assert problems[0].startswith("playbook/glossary/pod.yml:5:3: link.kind: 'rol' is not one "
                                  "of scale, competency, role,")
    assert problems[0].endswith("(did you mean 'role'?)")
    assert problems[1:] == ["playbook/glossary/ssi.yml:6:3: link.id: unknown role 'sdx' "
                            "(did you mean 'sdr'?)"]


def test_a_word_with_markup_characters(playbook: Path) -> None:
    _write(playbook, "pod.yml", "id: pod\nterm: '<b>Pod</b>'\ndefinition: A small team.\n")
    assert rendered(playbook) == [
        "playbook/glossary/pod.yml:2:1: term: '<b>Pod</b>' is not a word a page can show: "
        "write letters and digits, without line breaks or the characters < > [ ] `",
    ]


def _term(term_id: str, *words: str, definition: str = "") -> SimpleNamespace:
    return SimpleNamespace(id=term_id, words=list(words),
                           definition=definition or f"What {words[0]} means.")


GLOSSARY = Glossary([
    _term("absm", "ABSM", "Account-Based Social Media",
          definition="Selling to *target* accounts_ [x](javascript:y) <b>&amp; | {: .z}"),
    _term("pod", "Pod", "pods"),
    _term("hub", "Hub & Spoke"),
    _term("insights", "Insights"),
    _term("committee", "Insights Committee"),
    _term("sdr", "SDR"),
])


def _marks(page: str) -> list[str]:
    """The words marked on a page, in order."""
    return re.findall(r'<abbr class="pb-term"[^>]*>(.*?)<span', GLOSSARY.mark(page))


def test_only_the_first_use_in_running_text_is_marked() -> None:
    page = ("# ABSM at a glance\n\n## Why ABSM\n\n!!! note \"ABSM in a title\"\n"
            "    See [ABSM](absm.md), `ABSM`, <a href=\"x\">ABSM</a>, <code>ABSM</code>.\n"
            "    <span title=\"ABSM\">then</span> ABSM here, and ABSM again.\n")
    marked = GLOSSARY.mark(page)
    assert _marks(page) == ["ABSM"]
    assert marked.index('<abbr class="pb-term"') > marked.index("then</span>")
    assert marked.count("pb-term-absm") == 2  # the reference and the definition's id


def test_code_blocks_table_headers_and_attributes_are_left_alone() -> None:
    page = ("```\nABSM\n```\n\n| ABSM | Pod |\n|---|---|\n| pods | x |\n\n"
            "<input\n  aria-label=\"SDR\">\n\n{: title=\"SDR\" }\n")
    assert _marks(page) == ["pods"]


def test_words_are_whole_and_abbreviations_keep_their_case() -> None:
    assert _marks("absm, ABSMs, xABSM, podcast, a pod") == ["ABSMs", "pod"]
    assert _marks("Two SDRs and account-based social media.") == [
        "SDRs", "account-based social media"]
    assert case_sensitive("ABSM") and case_sensitive("CoE") and case_sensitive("TeamLink")
    assert not case_sensitive("Pod") and not case_sensitive("Hub & Spoke")


def test_the_longest_word_wins_and_escaped_text_matches() -> None:
    assert _marks("The Insights Committee reads insights; Hub &amp; Spoke.") == [
        "Insights Committee", "insights", "Hub &amp; Spoke"]


def test_the_definition_is_text_and_passes_the_sanitiser() -> None:
    marked = GLOSSARY.mark("Plain ABSM.")
    assert "<b>" not in marked and "*target*" not in marked and "](" not in marked
    assert "&#42;target&#42;" in marked and "&#124;" in marked
    assert unsafe_markup(marked) == []
    assert ('<abbr class="pb-term" tabindex="0" aria-describedby="pb-term-absm">ABSM'
            '<span class="pb-term-tip" id="pb-term-absm" role="tooltip" data-search-exclude> '
            '<span class="pb-term-definition">Selling') in marked


@pytest.mark.parametrize("page", ["", "Nothing to mark here.", "# ABSM\n"])
def test_a_page_without_running_uses_is_unchanged(page: str) -> None:
    assert GLOSSARY.mark(page) == page
    assert Glossary([]).mark(page) == page
