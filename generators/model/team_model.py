"""Team models and programme management models, with how to choose between them."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, Strict, TeamModelRef, Text


class Point(Strict):
    """A labelled pro or con."""

    label: Label = Field(description="Short label, e.g. 'Rapid Iteration'.")
    text: Text = Field(description="What it means.")


class SelectionFactor(Strict):
    """Where a model sits on one factor of the selection table."""

    factor: Label = Field(description="Factor, e.g. 'Company size'.")
    value: Label = Field(description="The model's value, e.g. 'Large (1000+)'.")


class Transition(Strict):
    """A way to move from this model to another."""

    to: TeamModelRef = Field(description="Id of the team model reached.")
    via: Label = Field(description="The transition phase, e.g. 'Add Central Functions'.")
    note: Text | None = Field(default=None, description="How the move is made.")


class TeamModel(Entity):
    """A way to organise the team: its structure, strengths and weaknesses, and when it fits."""

    name: Label = Field(description="Name of the model.")
    summary: Text = Field(description="How the model organises the team.")
    size: Label | None = Field(default=None, description="Typical size.")
    characteristics: list[Label] = Field(default_factory=list, description="What defines it.")
    pros: list[Point] = Field(min_length=1, description="Strengths.")
    cons: list[Point] = Field(min_length=1, description="Weaknesses.")
    best_for: list[Label] = Field(min_length=1, description="Organisations it suits best.")
    selection: list[SelectionFactor] = Field(
        min_length=1, description="The model's row of the selection table.")
    transitions: list[Transition] = Field(default_factory=list,
                                          description="Moves to other models.")


class ManagementModel(Entity):
    """A programme management model: how centrally a multi-region programme is run."""

    name: Label = Field(description="Name of the model.")
    definition: Text = Field(description="Who owns training, budget, tools and allocation.")
    pros: list[Point] = Field(min_length=1, description="Strengths.")
    cons: list[Point] = Field(min_length=1, description="Weaknesses.")
    best_for: list[Label] = Field(default_factory=list, description="Situations it suits.")
    selection: list[SelectionFactor] = Field(
        min_length=1, description="How the model fares on each issue to weigh.")
    verdict: Text | None = Field(default=None, description="Overall judgement, where given.")
    team_models: list[TeamModelRef] = Field(
        default_factory=list, description="Team models it pairs with.")
