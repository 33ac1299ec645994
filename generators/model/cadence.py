"""Meeting cadences: who meets, how often, for how long, and to what end."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generators.model.common import Entity, Label, RoleRef, TeamModelRef, Text

Frequency = Literal[
    "daily", "weekly", "biweekly", "monthly", "quarterly", "yearly",
    "per-event", "ongoing", "once",
]


class Cadence(Entity):
    """A recurring meeting or ritual of the team."""

    name: Label = Field(description="Name of the meeting.")
    kind: Literal["meeting", "ritual", "review", "training", "recognition", "communication"] = (
        Field(default="meeting", description="What sort of cadence it is."))
    frequency: Frequency = Field(description="How often it happens.")
    frequency_note: Label | None = Field(
        default=None, description="Detail on timing, e.g. 'monthly or quarterly'.")
    minutes: int | None = Field(default=None, gt=0, le=1440,
                                description="Duration in minutes, where known.")
    purpose: Text = Field(description="Why the team holds it.")
    attendees: list[RoleRef] = Field(default_factory=list, description="Roles that attend.")
    other_attendees: list[Label] = Field(
        default_factory=list, description="Attendees that are not playbook roles.")
    owner: RoleRef | None = Field(default=None, description="Role that runs it.")
    agenda: list[Label] = Field(default_factory=list, description="Agenda items, in order.")
    format: Text | None = Field(default=None, description="How it is run.")
    outputs: list[Label] = Field(default_factory=list, description="What it produces.")
    team_models: list[TeamModelRef] = Field(
        default_factory=list, description="Team models it belongs to; empty means all.")
