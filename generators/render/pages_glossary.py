"""The glossary page: every term of the playbook, A to Z, each at its own anchor."""

from __future__ import annotations

from typing import Any

from generators.model.common import EntityLink
from generators.render import urls
from generators.render.graph import Graph
from generators.render.page import PageSpec


def glossary(g: Graph) -> list[PageSpec]:
    terms = sorted(g.of("term").values(), key=lambda term: (term.term.casefold(), term.id))
    letters: dict[str, list[dict[str, Any]]] = {}
    for term in terms:
        letters.setdefault(_letter(term.term), []).append(_entry(g, term))
    return [PageSpec(urls.GLOSSARY, "glossary.md.j2", "Glossary", ["Glossary"], {
        "letters": [(letter, _anchor(letter), entries)
                    for letter, entries in letters.items()]},
        "The words this playbook uses in a sense of its own, each with a short definition.")]


def _letter(word: str) -> str:
    """The heading a term is listed under: its first letter, or '#' for a digit or sign."""
    first = word[:1].upper()
    return first if first.isalpha() else "#"


def _anchor(letter: str) -> str:
    return "glossary-" + (letter.lower() if letter.isascii() and letter.isalpha()
                          else f"u{ord(letter):x}")


def _entry(g: Graph, term: Any) -> dict[str, Any]:
    link = term.link
    return {"term": term, "aka": other_forms(term.term, term.aka),
            "address": link if isinstance(link, str) else None,
            "page": g.link(link.kind, link.id) if isinstance(link, EntityLink) else None}


def other_forms(word: str, forms: list[str]) -> list[str]:
    """The forms worth telling a reader about: not a plural or another case of the term."""
    base = word.casefold()
    return [form for form in forms
            if form.casefold() not in (base, base + "s", base + "es") and form.casefold()
            .removesuffix("s") != base]
