"""A playbook's own vocabularies: the role families and metric areas it declares.

A vocabulary is declared in the manifest as a list of terms, in the order readers see
them. When a playbook declares one, every value must be one of its terms; when it
declares none, any label is accepted and shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from generators.model.common import Label, Strict


class Term(Strict):
    """One value of a vocabulary, and the title readers see for it."""

    id: Label = Field(description="The value entities write, e.g. 'leadership'.")
    title: Label | None = Field(
        default=None, description="What readers see, e.g. 'Leadership'; the id as written "
                                  "when left out.")

    @property
    def shown(self) -> str:
        """The title, or the id as written."""
        return self.title or self.id


def _from_text(value: Any) -> Any:
    """A term may be written as just its id: `- hiring`."""
    return {"id": value} if isinstance(value, str) else value


TermEntry = Annotated[Term, BeforeValidator(_from_text, json_schema_input_type=Label | Term)]


def terms_field(what: str, example: str) -> Any:
    """The manifest field declaring a vocabulary of `what`."""
    return Field(default_factory=list, description=(
        f"The {what} this playbook uses, in display order: each an id, or an id and a title "
        f"(e.g. {example}). When declared, every value must be one of them; when left out, "
        "any label is accepted and shown as written."))


def titles(declared: Sequence[Term], used: Iterable[str]) -> dict[str, str]:
    """Value -> title, in display order: the declared terms in their order; when none
    are declared, the values used, A to Z, each shown as written."""
    if declared:
        return {term.id: term.shown for term in declared}
    return {value: value for value in sorted(set(used), key=lambda v: (v.casefold(), v))}


def duplicate(terms: Sequence[Term]) -> str | None:
    """The first id declared twice, if any."""
    seen: set[str] = set()
    for term in terms:
        if term.id in seen:
            return term.id
        seen.add(term.id)
    return None


#: The role families earlier versions built in, with their titles, in their order.
EARLIER_ROLE_FAMILIES = {"leadership": "Leadership", "specialist": "Specialists",
                         "execution": "Execution", "support": "Support"}
#: The metric areas earlier versions built in, shown as written.
EARLIER_METRIC_AREAS = ("program", "hiring", "development", "team", "marketing", "sales")
