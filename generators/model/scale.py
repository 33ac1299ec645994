"""Scales: the proficiency levels, the 1-5 rating, and answer scales."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, Slug, Strict, Text


class ScaleLevel(Strict):
    """One step of a scale."""

    id: Slug = Field(description="Id of the level, unique in its scale, e.g. 'advanced'.")
    label: Label = Field(description="Name shown to readers, e.g. 'Advanced'.")
    value: float = Field(ge=-1e6, le=1e6,
                         description="Numeric value used in scoring; increases along the scale.")
    description: Text | None = Field(default=None, description="What this level means.")
    rating: float | None = Field(
        default=None, ge=1, le=5,
        description="Equivalent on the 1-5 rating scale, for comparing self-ratings.")


class Scale(Entity):
    """An ordered scale, from lowest to highest."""

    name: Label = Field(description="Name of the scale.")
    purpose: Text = Field(description="What the scale is used for.")
    levels: list[ScaleLevel] = Field(min_length=2, description="Levels, lowest first.")
