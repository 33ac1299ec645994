"""Plays: repeatable practices, run by named roles on a cadence or when something happens,
step by step."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import (
    CadenceRef,
    CompetencyRef,
    Entity,
    FrameworkItemRef,
    Label,
    MetricRef,
    RoleRef,
    Strict,
    Text,
)

TimeBox = Label
"""How long a step should take, as a short label a reader takes in at a glance."""


class PlayStep(Strict):
    """One step of a play."""

    title: Label = Field(description="What to do, as a short imperative, e.g. 'Interview "
                                     "the sales leader'.")
    detail: Text | None = Field(default=None, description="How to do it; Markdown allowed.")
    time_box: TimeBox | None = Field(
        default=None,
        description="How long the step should take, as a short label: '45 minutes', "
                    "'2 hours', 'half a day', '1 week'.")


class Play(Entity):
    """A repeatable practice: its purpose, who runs it and when, its steps, and how to
    tell it works. It says when it is run with a cadence, a trigger, or both."""

    title: Label = Field(description="Name of the play, e.g. 'Operation Land Grab'.")
    summary: Text = Field(description="What the play does, in one sentence.")
    purpose: Text = Field(description="Why the team runs it; Markdown allowed.")
    roles: list[RoleRef] = Field(min_length=1, description="Ids of the roles that run it.")
    cadence: CadenceRef | None = Field(
        default=None, description="Id of the meeting cadence it is run in or on.")
    trigger: Text | None = Field(
        default=None, description="What starts it, e.g. 'A new quarter starts'.")
    steps: list[PlayStep] = Field(min_length=1, description="Its steps, in order.")
    inputs: list[Label] = Field(default_factory=list,
                                description="What to have at hand before starting.")
    templates: list[Label] = Field(
        default_factory=list,
        description="Templates and tools it uses, as labels or Markdown links.")
    metrics: list[MetricRef] = Field(default_factory=list,
                                     description="Ids of the metrics that show it works.")
    competencies: list[CompetencyRef] = Field(
        default_factory=list, description="Ids of the competencies it builds.")
    topics: list[FrameworkItemRef] = Field(
        default_factory=list,
        description="Items of frameworks it is tagged with, as 'framework-id/item-id', e.g. "
                    "'theme-categories/lead-generation'.")
