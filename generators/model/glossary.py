"""Glossary terms: the words a reader meets in the playbook, each with a short definition."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import InitErrorDetails

from generators.model.common import Entity, EntityLink, Label


def _word(value: str) -> str:
    if any(c in value for c in "<>[]`\n") or not any(c.isalnum() for c in value):
        raise ValueError(f"{value!r} is not a word a page can show: write letters and digits, "
                         "without line breaks or the characters < > [ ] `")
    return value


#: A word or phrase a term is met by, as a page shows it.
Word = Annotated[str, StringConstraints(min_length=1, max_length=80), AfterValidator(_word)]


def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace()
                                                                        for c in value):
        raise ValueError(f"{value!r} is not a web address: write one that starts with "
                         "http:// or https://, or link to a page of the playbook with "
                         "'kind' and 'id'")
    return value


WebAddress = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_web_address)]

#: The two forms of a term's link, as pydantic tells them apart.
_FORMS = ("address", "page")

#: A term's link: a web address, or an entity of the playbook (`{kind: metric, id: ...}`).
TermLink = Annotated[
    Annotated[WebAddress, Tag(_FORMS[0])] | Annotated[EntityLink, Tag(_FORMS[1])],
    Discriminator(lambda value: _FORMS[0] if isinstance(value, str) else _FORMS[1]),
]


class Term(Entity):
    """A word the playbook uses in a sense of its own, with a definition short enough for a
    tooltip. Every page shows the definition where it first uses the term."""

    term: Word = Field(
        description="The term as readers meet it, e.g. 'ABSM'. A word with a capital inside "
                    "it (an abbreviation: 'ABSM', 'CoE') is matched with its case and an 's' "
                    "plural, any other in any case.")
    aka: list[Word] = Field(
        default_factory=list,
        description="Other forms of the term to mark on pages: the long form, a plural, "
                    "another spelling (e.g. 'Account-Based Social Media', 'pods').")
    definition: Annotated[str, StringConstraints(min_length=1, max_length=400)] = Field(
        description="What the term means here, in one or two plain sentences (no Markdown): "
                    "it is shown as a tooltip.")
    link: TermLink | None = Field(
        default=None,
        description="Where to read more: a web address (http or https), or a page of the "
                    "playbook as {kind: ..., id: ...}.")
    summary: Label | None = Field(
        default=None, description="A longer explanation for the glossary page (optional).")

    @field_validator("link", mode="wrap")
    @classmethod
    def _link(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Errors in a link name its fields, not which of the two forms was tried."""
        try:
            return handler(value)
        except ValidationError as exc:
            details = []
            for error in exc.errors():
                detail = InitErrorDetails(type=error["type"], input=error["input"], loc=tuple(
                    part for part in error["loc"] if part not in _FORMS))
                if "ctx" in error:
                    detail["ctx"] = error["ctx"]
                details.append(detail)
            raise ValidationError.from_exception_data(exc.title, details) from None

    @field_validator("definition")
    @classmethod
    def _plain(cls, value: str) -> str:
        return " ".join(value.split())

    @property
    def words(self) -> list[str]:
        """Every form the term is met by: the term first, then its other forms."""
        return [self.term, *self.aka]
