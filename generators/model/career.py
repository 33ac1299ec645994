"""Career paths: the ladders people climb, linked to roles where they exist."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, RoleRef, Strict, Text


class CareerStep(Strict):
    """One rung of a career path."""

    title: Label = Field(description="Job title at this step.")
    role: RoleRef | None = Field(default=None,
                                 description="The playbook role for this step, if it has one.")


class CareerPath(Entity):
    """An ordered career path, most junior first."""

    name: Label = Field(description="Name of the path, e.g. 'Enablement track'.")
    summary: Text = Field(description="Who the path is for.")
    steps: list[CareerStep] = Field(min_length=2, description="Steps, most junior first.")
