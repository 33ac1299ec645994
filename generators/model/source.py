"""Sources: the books, articles and guides a playbook's facts come from.

Entities name their sources by id (`sources: [social-selling-mastery]`); the site shows
each source's title, linked to its page in the source register.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from generators.model.common import Date, Entity, Label, Text


def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("not a web address: write one that starts with https:// or http://")
    return value


ShortLabel = Annotated[str, StringConstraints(min_length=1, max_length=60)]

WebAddress = Annotated[str, StringConstraints(pattern=r"^\S+$", max_length=2000),
                       AfterValidator(_web_address)]


class Source(Entity):
    """A book, article, guide or other work that facts in the playbook come from."""

    title: Label = Field(description="The title as the work gives it, e.g. 'Social Selling "
                                     "Mastery'.")
    author: Label | None = Field(
        default=None, description="Who wrote it: a person, or several ('A and B').")
    publisher: Label | None = Field(
        default=None, description="Who published it: a company, a site or a publishing house.")
    year: int | None = Field(default=None, ge=1000, le=2999,
                             description="The year it was published.")
    published: Date | None = Field(
        default=None, description="The day it was published, when known (YYYY-MM-DD).")
    kind: ShortLabel | None = Field(
        default=None,
        description="What sort of work it is, in a few words: 'book', 'blog post', 'guide', "
                    "'encyclopedia article'.")
    url: WebAddress | None = Field(
        default=None, description="Where a reader finds it: an http or https address.")
    summary: Text | None = Field(
        default=None, description="What it covers, in a sentence or two, for readers.")

    @model_validator(mode="after")
    def _same_year(self) -> Source:
        if self.year is not None and self.published is not None \
                and self.published.year != self.year:
            raise ValueError(f"year {self.year} is not the year of published "
                             f"({self.published.isoformat()})")
        return self

    @property
    def when(self) -> int | None:
        """The year it was published, from `year` or `published`."""
        return self.year if self.year is not None else (
            self.published.year if self.published else None)

    @property
    def byline(self) -> str:
        """Who and when, for a citation: 'Jamie Shanks, Sales for Life, 2021'."""
        parts = [part for part in (self.author, self.publisher) if part]
        if self.when is not None:
            parts.append(str(self.when))
        return ", ".join(parts)
