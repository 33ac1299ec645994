"""Self-assessments: questions, answer options, scoring rules, bands and advice.

The build turns each assessment into a plain JSON spec that the standard-library
scoring engine (`assessments/`) scores in the CLI and in the browser, so
everything the engine needs is declared here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generators.model.common import (
    CompetencyRef,
    Entity,
    EntityLink,
    Label,
    MaturityModelRef,
    RoleRef,
    ScaleRef,
    Slug,
    Strict,
    Text,
)

Rule = Literal["cumulative-stages", "dimension-mean", "anchored-stages", "count", "points",
               "skills-gap"]


class Advice(Strict):
    """A recommendation, linked to the playbook pages that explain it."""

    text: Text = Field(description="What to do.")
    links: list[EntityLink] = Field(default_factory=list, description="Pages that explain it.")


class Band(Strict):
    """A result band reached from a minimum score upwards."""

    id: Slug = Field(description="Id of the band, unique in its list.")
    label: Label = Field(description="Name shown with the result.")
    min: float = Field(ge=-1e6, le=1e6, description="Lowest score in this band (inclusive).")
    summary: Text = Field(description="What the result means.")
    advice: list[Advice] = Field(default_factory=list, description="What to do next.")


class AnswerOption(Strict):
    """One answer a reader can pick."""

    id: Slug = Field(description="Id of the option, unique in the question.")
    label: Label = Field(description="Text of the option.")
    value: float | None = Field(default=None, ge=-1e6, le=1e6,
                                description="Numeric value of the answer.")
    stage: Slug | None = Field(default=None,
                               description="Stage of the model this answer points to.")
    points: dict[Slug, float] = Field(default_factory=dict,
                                      description="Points this answer adds to each outcome.")


class AssessmentQuestion(Strict):
    """A question or statement of an assessment."""

    id: Slug = Field(description="Stable id; saved answers are kept by it across versions.")
    text: Text = Field(description="The question or statement.")
    help: Text | None = Field(default=None, description="Help shown under the question.")
    dimension: Slug | None = Field(default=None, description="Dimension of the model it rates.")
    stage: Slug | None = Field(default=None, description="Stage of the model it is evidence for.")
    scale: ScaleRef | None = Field(default=None, description="Scale whose levels are the answers.")
    options: list[AnswerOption] = Field(default_factory=list,
                                        description="Answers, when not taken from a scale.")
    points: dict[Slug, float] = Field(
        default_factory=dict,
        description="Points added to each outcome when the answer reaches `points_from`.")
    points_from: float | None = Field(default=None,
                                      description="Lowest answer value that adds `points`.")
    competency: CompetencyRef | None = Field(default=None,
                                             description="Competency the question rates.")
    targets: dict[RoleRef, float] = Field(
        default_factory=dict, description="Target rating per role, overriding the role's level.")
    category: Label | None = Field(default=None, description="Group shown in the results.")
    links: list[EntityLink] = Field(default_factory=list, description="Pages about this topic.")


class Section(Strict):
    """A part of an assessment, scored by one rule."""

    id: Slug = Field(description="Id of the section, unique in the assessment.")
    title: Label = Field(description="Title of the section.")
    intro: Text | None = Field(default=None, description="What the section asks and why.")
    rule: Rule = Field(description="How the section is scored.")
    threshold: float | None = Field(
        default=None, gt=0, le=1,
        description="cumulative-stages: share of a stage's score needed to reach it.")
    default_target: float | None = Field(
        default=None, ge=0, le=5, description="skills-gap: target for items with none.")
    questions: list[AssessmentQuestion] = Field(min_length=1, description="Questions, in order.")
    bands: list[Band] = Field(default_factory=list,
                              description="Bands of the section score, lowest first.")
    priorities: list[Band] = Field(
        default_factory=list, description="skills-gap: priority bands of the gap, lowest first.")


class Outcome(Strict):
    """A possible result of a selector, such as one team model."""

    id: Slug = Field(description="Id used in `points`.")
    label: Label = Field(description="Name shown in the result.")
    link: EntityLink = Field(description="The playbook entity this outcome stands for.")


class Condition(Strict):
    """A test on a section score or an answer, used by verdicts."""

    section: Slug | None = Field(default=None, description="Section whose score is tested.")
    question: Slug | None = Field(default=None, description="Question whose answer is tested.")
    min: float | None = Field(default=None, description="Lowest value that passes.")
    max: float | None = Field(default=None, description="Highest value that passes.")


class Verdict(Strict):
    """An overall result reached when all its conditions hold; the first match wins."""

    id: Slug = Field(description="Id of the verdict.")
    label: Label = Field(description="Name shown with the result.")
    when: list[Condition] = Field(default_factory=list,
                                  description="Conditions that must all hold; none means always.")
    summary: Text = Field(description="What the result means.")
    advice: list[Advice] = Field(default_factory=list, description="What to do next.")


class StageAdvice(Strict):
    """What to do when the overall result is a given stage."""

    stage: Slug = Field(description="Id of a stage of the model.")
    summary: Text = Field(description="What being at this stage means for the reader.")
    advice: list[Advice] = Field(default_factory=list, description="What to do next.")


class Assessment(Entity):
    """A self-assessment a reader takes in the browser or the CLI."""

    title: Label = Field(description="Title of the assessment, phrased as the reader's question.")
    type: Literal["maturity", "skills-gap", "selector"] = Field(
        description="maturity, skills-gap or selector.")
    audience: Label = Field(description="Who takes it, e.g. 'managers' or 'everyone'.")
    summary: Text = Field(description="What the assessment tells the reader.")
    maturity_model: MaturityModelRef | None = Field(
        default=None, description="maturity: the model whose stages and dimensions are used.")
    overall: Literal["lowest-section", "first-section", "none"] = Field(
        default="first-section", description="maturity: which section gives the overall stage.")
    outcomes: list[Outcome] = Field(default_factory=list,
                                    description="selector: the possible results.")
    sections: list[Section] = Field(min_length=1, description="Sections, in order.")
    stage_advice: list[StageAdvice] = Field(
        default_factory=list, description="maturity: advice for each overall stage.")
    verdicts: list[Verdict] = Field(default_factory=list,
                                    description="Overall results by condition, first match wins.")
