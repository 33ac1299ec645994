"""Maturity models: ordered stages, and dimensions described stage by stage."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, Slug, Strict, Text


class Stage(Strict):
    """One stage of a maturity model."""

    id: Slug = Field(description="Id of the stage, unique in the model.")
    number: int = Field(ge=0, le=100, description="Position on the ladder; increases by stage.")
    name: Label = Field(description="Name of the stage.")
    descriptor: Text = Field(description="What an organisation at this stage looks like.")
    indicators: list[Label] = Field(default_factory=list,
                                    description="Signs that you are at this stage.")
    next_steps: list[Label] = Field(default_factory=list,
                                    description="What to do to reach the next stage.")
    facts: list[Label] = Field(default_factory=list,
                               description="Figures for this stage: timing, size, budget.")
    notes: list[Text] = Field(
        default_factory=list,
        description="Editorial notes on this stage: caveats and gaps. The site shows them "
                    "only in a collapsed 'For editors' section.")


class DimensionCell(Strict):
    """What a dimension looks like at one stage."""

    stage: Slug = Field(description="Id of a stage of this model.")
    descriptor: Text = Field(description="The dimension at that stage.")


class Dimension(Strict):
    """An aspect of maturity that can be judged on its own."""

    id: Slug = Field(description="Id of the dimension, unique in the model.")
    name: Label = Field(description="Name of the dimension.")
    question: Text | None = Field(default=None, description="The question the dimension asks.")
    measured_by: list[Label] = Field(default_factory=list, description="How it is measured.")
    actions: list[Label] = Field(default_factory=list, description="How to improve it.")
    by_stage: list[DimensionCell] = Field(default_factory=list,
                                          description="What it looks like at each stage.")


class MaturityModel(Entity):
    """A maturity model with ordered stages and optional dimensions."""

    name: Label = Field(description="Name of the model.")
    summary: Text = Field(description="What the model measures and who uses it.")
    audience: Label = Field(default="managers", description="Who the model is for.")
    stage_word: str | None = Field(
        default=None, min_length=1, max_length=40, pattern=r"^[a-z][a-z -]*$",
        description="What the model calls one of its stages, in lower case, as results say "
                    "it: with 'level', a ladder numbered 0–5 reads 'level 2 of 0–5'. Left "
                    "out, results say 'stage' ('stage 2 of 5').")
    stages: list[Stage] = Field(min_length=2, description="Stages, lowest first.")
    dimensions: list[Dimension] = Field(default_factory=list,
                                        description="Dimensions judged within the model.")
    related: list[Slug] = Field(default_factory=list,
                                description="Ids of other maturity models it maps onto.")
