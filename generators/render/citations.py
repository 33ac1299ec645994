"""How a page names its sources: each source's title, linked to its page in the source
register, with who wrote it and when.

Made once per build, so the templates' `notes` macro finds every citation ready.
"""

from __future__ import annotations

from dataclasses import dataclass

from generators.render.graph import Graph, Link


@dataclass(frozen=True)
class Citation:
    """A source as a page cites it."""

    link: Link
    byline: str
    """Who and when: 'Jamie Shanks, 2021'; empty when neither is known."""


def citations(g: Graph) -> dict[str, Citation]:
    """Every source of the playbook, by id, as pages cite it."""
    return {source_id: Citation(g.link("source", source_id), source.byline)
            for source_id, source in g.of("source").items()}
