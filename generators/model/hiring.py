"""Hiring: the process, role profiles, interview loops and question sets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generators.model.common import (
    Entity,
    ExerciseRef,
    InterviewLoopRef,
    Label,
    QuestionSetRef,
    Range,
    RoleRef,
    ScorecardRef,
    Slug,
    Strict,
    Text,
)


class HiringPhase(Strict):
    """A phase of the hiring process."""

    id: Slug = Field(description="Id of the phase, unique in the process.")
    name: Label = Field(description="Name of the phase.")
    weeks: Range = Field(description="How long the phase takes, in weeks.")
    steps: list[Label] = Field(min_length=1, description="What happens in the phase.")


class SourcingChannel(Strict):
    """A way to find candidates."""

    name: Label = Field(description="Name of the channel, e.g. 'Referral Programs'.")
    tactics: list[Label] = Field(min_length=1, description="Tactics for this channel.")


class HiringProcess(Entity):
    """The end-to-end hiring process."""

    name: Label = Field(description="Name of the process.")
    summary: Text = Field(description="What the process achieves.")
    phases: list[HiringPhase] = Field(min_length=1, description="Phases, in order.")
    decision_steps: list[Label] = Field(default_factory=list,
                                        description="How the hiring decision is made, in order.")
    sourcing: list[SourcingChannel] = Field(default_factory=list,
                                            description="Sourcing channels and tactics.")


class ProfileCriterion(Strict):
    """One criterion of a hiring profile."""

    name: Label = Field(description="Criterion, e.g. 'Experience'.")
    minimum: Text = Field(description="The minimum a candidate must meet.")
    ideal: Text = Field(description="What the ideal candidate brings.")
    red_flags: list[Label] = Field(default_factory=list, description="Warning signs.")
    assessed_by: list[Label] = Field(default_factory=list, description="How it is assessed.")


class HiringProfile(Entity):
    """What to look for when hiring for one role, and the kit to assess it."""

    role: RoleRef = Field(description="The role this profile hires for.")
    summary: Text = Field(description="The candidate the role needs, in brief.")
    criteria: list[ProfileCriterion] = Field(min_length=1, description="Hiring criteria.")
    exercises: list[ExerciseRef] = Field(default_factory=list,
                                         description="Exercises candidates complete.")
    interview_loop: InterviewLoopRef | None = Field(default=None,
                                                    description="The interview loop used.")
    scorecard: ScorecardRef | None = Field(default=None, description="The candidate scorecard.")
    question_sets: list[QuestionSetRef] = Field(
        default_factory=list, description="Behavioural and reference-check questions.")


class InterviewRound(Strict):
    """One round of an interview loop."""

    id: Slug = Field(description="Id of the round, unique in the loop.")
    name: Label = Field(description="Name of the round.")
    interviewers: list[Label] = Field(min_length=1, description="Who interviews.")
    focus: list[Label] = Field(min_length=1, description="What the round explores.")
    minutes: Range = Field(description="Duration in minutes.")
    criteria: list[Label] = Field(min_length=1, description="What the round judges.")
    question_sets: list[QuestionSetRef] = Field(
        default_factory=list,
        description="Question sets asked in this round. The round's printable kit lists "
                    "their questions with room for notes; without any, it lists the focus.")


class InterviewLoop(Entity):
    """A structured interview loop."""

    name: Label = Field(description="Name of the loop.")
    summary: Text = Field(description="What the loop is for.")
    rounds: list[InterviewRound] = Field(min_length=1, description="Rounds, in order.")


class Question(Strict):
    """A question asked of a candidate or a referee."""

    id: Slug = Field(description="Id of the question, unique in its set.")
    topic: Label = Field(description="Topic, e.g. 'Adaptability'.")
    text: Text = Field(description="The question as it is asked.")
    listen_for: list[Label] = Field(default_factory=list, description="What a good answer shows.")


class QuestionGroup(Strict):
    """Questions asked together, e.g. the performance part of a reference check."""

    id: Slug = Field(description="Id of the group, unique in its set.")
    name: Label = Field(description="Name of the group.")
    questions: list[Question] = Field(min_length=1, description="Questions, in order.")


class QuestionSet(Entity):
    """Behavioural interview questions or a reference-check protocol."""

    name: Label = Field(description="Name of the set.")
    purpose: Literal["behavioural", "reference-check"] = Field(
        description="What the set is used for.")
    summary: Text = Field(description="How to use the set.")
    opening: Text | None = Field(default=None, description="What to say before the questions.")
    groups: list[QuestionGroup] = Field(min_length=1, description="Question groups, in order.")
    closing: Text | None = Field(default=None, description="What to ask or say at the end.")
