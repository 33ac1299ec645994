"""Roles: purpose, responsibilities, required levels, allocation and pay."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import (
    CompetencyRef,
    Entity,
    Label,
    Range,
    RoleRef,
    Slug,
    Strict,
    TeamModelRef,
    Text,
)
from generators.model.currency import CurrencyCode


class ResponsibilityArea(Strict):
    """An area a role is responsible for."""

    id: Slug = Field(description="Id of the area, unique within the role.")
    name: Label = Field(description="Name of the area, e.g. 'Account Strategy'.")
    activities: list[Label] = Field(min_length=1, description="Key activities in this area.")
    metrics: list[Label] = Field(default_factory=list, description="Success metrics.")
    skills: list[Label] = Field(default_factory=list, description="Skills the area calls for.")


class RequiredCompetency(Strict):
    """A competency the role needs, and at which level."""

    competency: CompetencyRef = Field(description="Id of the competency.")
    level: Slug = Field(description="Required level: a level id of the competency's scale.")
    stretch_level: Slug | None = Field(
        default=None, description="Higher level the role grows into, when the need is a range.")
    assessed_by: list[Label] = Field(default_factory=list,
                                     description="How the role checks this competency.")
    note: Text | None = Field(default=None, description="Why this level, or where it comes from.")


class Allocation(Strict):
    """How a team model staffs this role."""

    present: bool = Field(description="Whether the team model has a dedicated person in this role.")
    headcount: Label | None = Field(default=None,
                                    description="How many, e.g. '1 per pod' or '2-3 in CoE'.")
    covered_by: Label | None = Field(
        default=None, description="Who does the work when there is no dedicated role.")


class Money(Range):
    """An amount range in a currency."""

    currency: CurrencyCode


class Compensation(Strict):
    """A pay band, where the sources give one."""

    base_salary: Money = Field(description="Annual base salary range.")
    variable_percent: Range = Field(description="Variable pay or commission, % of base.")
    signing_bonus: Money | None = Field(default=None, description="One-off signing bonus range.")
    equity: Label | None = Field(default=None, description="Equity or options, e.g. 'Limited'.")
    benefits: Label | None = Field(default=None, description="Benefits package.")


class Role(Entity):
    """A role in the team."""

    name: Label = Field(description="Name of the role.")
    short_name: Label | None = Field(default=None, description="Short name for tables.")
    family: Label = Field(
        description="Role family: one of the manifest's role_families when it declares them, "
                    "else any label, shown as written.")
    purpose: Text = Field(description="Why the role exists, in a sentence or two.")
    areas: list[ResponsibilityArea] = Field(
        default_factory=list,
        description="Responsibility areas with activities, metrics and skills, if any.")
    required_competencies: list[RequiredCompetency] = Field(
        default_factory=list, description="Competencies the role needs and at which level.")
    next_roles: list[RoleRef] = Field(
        default_factory=list, description="Roles this one usually leads to (career next steps).")
    allocation: dict[TeamModelRef, Allocation] = Field(
        default_factory=dict, description="Staffing of this role in each team model, by id.")
    compensation: Compensation | None = Field(default=None,
                                              description="Pay band, where known.")
