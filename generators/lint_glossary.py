"""Glossary rules: each word a page may mark belongs to one term only."""

from __future__ import annotations

from typing import Any

from generators.report import Reporter


def run(report: Reporter) -> None:
    """Report each word (a term or one of its other forms) that an earlier term, in id
    order, already claims, or that the same term lists twice; case and spacing aside."""
    claimed: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    term: Any
    for _kind, term_id, term in report.entities("term"):
        for loc, word in [(("term",), term.term), *((("aka", i), w)
                                                      for i, w in enumerate(term.aka))]:
            key = " ".join(word.casefold().split())
            owner = claimed.get(key)
            if owner is None:
                claimed[key] = (term_id, loc)
            elif owner[0] == term_id:
                report.error("term", term_id, loc, f"'{word}' is listed twice in this term",
                             "remove one of them")
            else:
                source = report.playbook.sources[("term", owner[0])]
                line, _column = source.mark(owner[1])
                report.error("term", term_id, loc,
                             f"'{word}' is already a term of {source.name}:{line}",
                             "a word marks one term only: remove it from one of the files, or "
                             "merge the two terms")
