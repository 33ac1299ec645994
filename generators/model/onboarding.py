"""Onboarding paths and routines: what a new hire does, and when."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import (
    CadenceRef,
    CompetencyRef,
    Entity,
    ExerciseRef,
    Label,
    Range,
    RoleRef,
    RoutineRef,
    Slug,
    Strict,
    Text,
)


class OnboardingActivity(Strict):
    """A checklist item of an onboarding phase."""

    id: Slug = Field(description="Stable id of the item; ticks in the browser are kept by it.")
    text: Label = Field(description="What to do.")
    competencies: list[CompetencyRef] = Field(default_factory=list,
                                              description="Competencies this builds.")
    cadences: list[CadenceRef] = Field(default_factory=list,
                                       description="Meetings this involves.")
    exercises: list[ExerciseRef] = Field(default_factory=list,
                                         description="Exercises this involves.")
    routines: list[RoutineRef] = Field(default_factory=list,
                                       description="Routines this involves.")


class OnboardingPhase(Strict):
    """A phase of an onboarding path, by day range."""

    id: Slug = Field(description="Id of the phase, unique in the path.")
    name: Label = Field(description="Name of the phase, e.g. 'Foundation'.")
    days: Range = Field(description="First and last day of the phase (day 1 is the start date).")
    focus: Text = Field(description="What the phase is about.")
    activities: list[OnboardingActivity] = Field(min_length=1, description="Checklist items.")
    success_measures: list[Label] = Field(default_factory=list,
                                          description="How progress in the phase is judged.")


class OnboardingPath(Entity):
    """A 30/60/90-day onboarding path for one or more roles."""

    name: Label = Field(description="Name of the path.")
    summary: Text = Field(description="Who the path is for and what it achieves.")
    roles: list[RoleRef] = Field(default_factory=list,
                                 description="Roles that follow this path; empty means everyone.")
    pre_boarding: list[Label] = Field(default_factory=list,
                                      description="What is ready before day one.")
    phases: list[OnboardingPhase] = Field(min_length=1, description="Phases, in day order.")
    success_measures: list[Label] = Field(default_factory=list,
                                          description="How the path as a whole is judged.")


class RoutineStep(Strict):
    """A step of a routine."""

    id: Slug = Field(description="Id of the step, unique in the routine.")
    name: Label = Field(description="Name of the step, e.g. 'Find'.")
    minutes: Range | None = Field(default=None, description="Time the step takes, in minutes.")
    purpose: Text = Field(description="Why the step is done.")
    actions: list[Label] = Field(min_length=1, description="What to do in the step.")
    competencies: list[CompetencyRef] = Field(default_factory=list,
                                              description="Competencies the step exercises.")


class Routine(Entity):
    """A repeated personal routine, such as a daily or weekly routine of practice."""

    name: Label = Field(description="Name of the routine.")
    period: Label = Field(description="How often it repeats, e.g. 'daily' or 'yearly'.")
    summary: Text = Field(description="What the routine is and who runs it.")
    minutes: Range | None = Field(default=None, description="Total time per repetition.")
    roles: list[RoleRef] = Field(default_factory=list, description="Roles that run it.")
    principles: list[Label] = Field(default_factory=list, description="Rules of thumb.")
    steps: list[RoutineStep] = Field(min_length=1, description="Steps, in order.")
