"""Frameworks: named models and taxonomies (a buyer's journey, a set of theme categories)
that plays and other entities can be tagged with."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, Slug, Strict, Text


class FrameworkItem(Strict):
    """One stage of a sequence, or one category of a taxonomy."""

    id: Slug = Field(description="Stable id of the item, unique within the framework; "
                                 "tags name it as 'framework-id/item-id'.")
    name: Label = Field(description="Name of the item, e.g. 'Priority Shift'.")
    aka: Label | None = Field(
        default=None, description="A short label or another name it goes by, e.g. 'Why' or "
                                  "'C'.")
    description: Text = Field(description="What the item means, in a sentence or two.")


class Framework(Entity):
    """A named model or taxonomy: an ordered sequence of stages, or an unordered set of
    categories."""

    title: Label = Field(description="Name of the framework, e.g. 'Buyer's journey'.")
    summary: Text = Field(description="What the framework is for, in one sentence.")
    description: Text = Field(description="How to read and use it; Markdown allowed.")
    ordered: bool = Field(
        default=False,
        description="true for a sequence whose items come in order (a journey, a cycle); "
                    "false for a taxonomy of categories.")
    items: list[FrameworkItem] = Field(min_length=2, description="Its stages or categories.")
