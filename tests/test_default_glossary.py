"""The default playbook's glossary: every term of the ABSM glossary, and the terms a new
hire meets on their first pages, each with a short definition in plain words."""

from __future__ import annotations

from typing import Any

import pytest

from generators.check import Checked, check
from tests.conftest import DEFAULT_PLAYBOOK

#: The glossary of the ABSM team playbook, row by row: each word must be a term or one of
#: its other forms.
GLOSSARY_ROWS = [
    "ABSM", "CoE", "Pod", "Hub & Spoke", "TeamLink", "TeamLink Extend",
    "Social Media Champions", "Three amigos", "Team Revenue", "FEED", "CODE", "Insights",
    "Insights Committee", "IP Transfer Loop", "Window time", "Learning Loop",
    "Socially surround", "Social reach", "Sphere of influence", "Naked message",
    "Digital voicemails", "Content consumption story", "Dead zone", "Turkey slicing",
    "Operation Land Grab", "Fishing with a net", "Fishing with a spear", "Rock stars",
    "Core performers", "Laggards", "Random Acts of Social", "SSMM", "SSI", "Social CRM",
]

#: Words a new hire meets on the role, metric and meeting pages.
NEW_HIRE_WORDS = [
    "SDR", "AE", "ICP", "MQL", "SQL", "SAL", "CRM", "KPI", "ROI", "Sales Navigator",
    "Insights Factory", "Lead Factory", "Kirkpatrick levels", "Buying committee", "LMS",
    "Leading indicator", "Lagging indicator", "Employee advocacy", "Buyer's journey",
]

#: Words readers must never see: how the playbook was written.
BOOKKEEPING = ["the source", "inventory", "appendix", ".txt"]


@pytest.fixture(scope="module")
def terms() -> dict[str, Any]:
    checked: Checked = check(DEFAULT_PLAYBOOK)
    return dict(checked.playbook.of("term"))


def _words(terms: dict[str, Any]) -> dict[str, str]:
    return {word.casefold(): term_id for term_id, term in terms.items() for word in term.words}


@pytest.mark.parametrize("word", GLOSSARY_ROWS + NEW_HIRE_WORDS)
def test_every_word_has_an_entry(terms: dict[str, Any], word: str) -> None:
    assert word.casefold() in _words(terms)


def test_definitions_are_short_plain_and_in_the_playbooks_words(terms: dict[str, Any]) -> None:
    for term_id, term in terms.items():
        assert len(term.definition) <= 200, term_id
        assert term.definition.count(". ") <= 1, term_id  # one or two sentences
        assert not any(mark in term.definition for mark in "*_`[]<>"), term_id
        text = " ".join([term.definition, term.summary or ""]).casefold()
        assert not any(word in text for word in BOOKKEEPING), term_id
