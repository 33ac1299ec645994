"""Reader-facing text that speaks of how the playbook was written.

A page tells readers what to do; "the source says", "see the inventory, Appendix B" or a
file name (`000_1c4a9c2ffe1c6c8d.txt`) tell them about the playbook's making, which
they cannot follow. Such words belong in `notes`, which the site folds away under "For
editors". Every text field of an entity is read, except `notes` (the entity's, or a
part's, such as a stage's), `sources`, `previous_ids`, ids, references to other entities
and web addresses. Warnings: the
playbook still builds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generators.errors import Severity
from generators.model.walk import Loc, iter_refs
from generators.report import Reporter

#: Words about the playbook's making, and file names like those of its seed documents.
BOOKKEEPING = re.compile(r"\b(?:the sources?|inventory|appendix)\b|\b\d{3}_[0-9a-f]{16}\.txt\b",
                         re.IGNORECASE)

#: Fields of an entity that readers are not shown as text (besides ids and notes, which
#: may sit in any part of it).
NOT_READ = frozenset({"sources", "previous_ids"})


def run(report: Reporter) -> None:
    """Warn once per field whose text names the playbook's making."""
    for kind, entity_id, entity in report.entities():
        refs = {loc for loc, _kind, _id in iter_refs(entity, type(entity))}
        for loc, text in reader_text(entity):
            found = BOOKKEEPING.search(text)
            if found and loc not in refs:
                report.add(kind, entity_id, loc,
                           f"text for readers mentions '{found.group(0)}', which readers "
                           "cannot follow", _hint(kind), severity=Severity.WARNING)


def _hint(kind: str) -> str:
    if kind == "source":
        return "give the source the title, author and year readers can look it up by"
    return ("say it in the playbook's own words, or move it to the notes at the top level "
            "of the file, which the site shows only under 'For editors'")


def reader_text(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """`(loc, text)` for every string readers may be shown, inside `value`."""
    if isinstance(value, str):
        if not value.startswith(("http://", "https://")):
            yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name == "id" or name == "notes" or (not loc and name in NOT_READ):
                continue
            yield from reader_text(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from reader_text(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from reader_text(item, (*loc, key))
