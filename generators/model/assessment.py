"""Self-assessments: questions, answer options, scoring rules, bands and advice.

The build turns each assessment into a plain JSON spec that the standard-library
scoring engine (`assessments/`) scores in the CLI and in the browser, so
everything the engine needs is declared here.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import Field, PlainValidator, WithJsonSchema

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
from generators.model.scale import Scale

Rule = Literal["cumulative-stages", "dimension-mean", "anchored-stages", "count", "points",
               "skills-gap"]
Aggregate = Literal["sum", "mean", "weighted-mean"]

_FRACTION = r"^-?[0-9]{1,7}/[1-9][0-9]{0,6}$"


def _band_limit(value: object) -> float | str:
    """A number, kept as a float, or a fraction such as '2/3', kept as written."""
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value.strip()):
        value = float(value)  # a number written as text, as pydantic has always read it
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value) or abs(value) > 1e6:
            raise ValueError(f"must be a number from -1000000 to 1000000, got {value}")
        return float(value)
    if isinstance(value, str) and re.fullmatch(_FRACTION, value.strip()):
        return value.strip()
    shown = repr(value) if isinstance(value, str) else type(value).__name__
    raise ValueError(f"expected a number or a fraction such as '2/3', got {shown[:60]}")


BandLimit = Annotated[
    float | str, PlainValidator(_band_limit),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": -1e6, "maximum": 1e6},
                              {"type": "string", "pattern": _FRACTION}]})]
"""A band's lower limit: a number, or a fraction written as text ('2/3'), compared exactly."""


class Advice(Strict):
    """A recommendation, linked to the playbook pages that explain it."""

    text: Text = Field(description="What to do.")
    links: list[EntityLink] = Field(default_factory=list, description="Pages that explain it.")


class Band(Strict):
    """A result band reached from a minimum score upwards."""

    id: Slug = Field(description="Id of the band, unique in its list.")
    label: Label = Field(description="Name shown with the result.")
    min: BandLimit = Field(
        description="Lowest score in this band (inclusive): a number, or a fraction such as "
                    "'2/3' to be exact (a score of exactly 2/3 reaches '2/3' but not 0.67).")
    summary: Text = Field(description="What the result means.")
    colour: Literal["red", "amber", "green"] | None = Field(
        default=None,
        description="The traffic-light colour the result is shown in, for bands the playbook "
                    "describes as red, amber or green; the label is always shown with it.")
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
    weight: float = Field(
        default=1, gt=0, le=1e6,
        description="dimension-mean with aggregate weighted-mean: how many times this answer "
                    "counts in its dimension's score.")
    links: list[EntityLink] = Field(default_factory=list, description="Pages about this topic.")


class DimensionGroup(Strict):
    """Dimensions (or other groups) whose scores roll up into one score, with its own band.

    Groups are declared in the assessment section rather than in the maturity model: a
    group's score is a scoring choice (which dimensions roll up, with what weights, into
    what bands), and it sits next to the section's `aggregate` and `bands`, so one file
    says how every number of the result is made. The maturity model stays the description
    of stages and dimensions, which assessments may roll up differently (a quick check by
    practice, a full review by stream), and models written before groups keep their meaning.
    """

    id: Slug = Field(description="Id of the group, unique in the section and not a dimension id.")
    name: Label = Field(description="Name shown with the group's score, e.g. 'Governance'.")
    members: list[Slug] = Field(
        min_length=1, description="Dimensions of the model, or other groups of this section, "
                                  "whose scores make the group's score.")
    aggregate: Literal["mean", "weighted-mean"] = Field(
        default="mean", description="How the members' scores combine: their mean, or their "
                                    "weighted mean by `weights`.")
    weights: dict[Slug, float] = Field(
        default_factory=dict,
        description="weighted-mean: the weight of each member (a member not listed counts 1).")
    bands: list[Band] = Field(
        default_factory=list,
        description="Bands of the group's score, lowest first; without them the section's bands.")


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
        default=None, ge=-1e6, le=1e6,
        description="skills-gap: target for items with none, a value on the questions' scale.")
    aggregate: Aggregate = Field(
        default="mean",
        description="dimension-mean: how a dimension's answers make its score: their sum, their "
                    "mean, or their weighted mean by question `weight`.")
    groups: list[DimensionGroup] = Field(
        default_factory=list,
        description="dimension-mean: groups of dimensions scored together, to any depth; the "
                    "section's score is then the mean of the groups (and dimensions) in no group.")
    weight: float = Field(
        default=1, gt=0, le=1e6,
        description="How much the section counts when the assessment's overall is weighted-mean.")
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
    overall: Literal["lowest-section", "first-section", "none", "mean", "weighted-mean"] = Field(
        default="first-section",
        description="maturity: the overall result: the stage of the first or the lowest "
                    "section, none, or the mean or weighted mean (by section weight) of the "
                    "section scores, banded by `bands`.")
    bands: list[Band] = Field(
        default_factory=list,
        description="maturity, overall mean or weighted-mean: bands of the overall score.")
    outcomes: list[Outcome] = Field(default_factory=list,
                                    description="selector: the possible results.")
    sections: list[Section] = Field(min_length=1, description="Sections, in order.")
    stage_advice: list[StageAdvice] = Field(
        default_factory=list, description="maturity: advice for each overall stage.")
    verdicts: list[Verdict] = Field(default_factory=list,
                                    description="Overall results by condition, first match wins.")


def value_on_scale(level_id: str, level_scale: Scale, scale: Scale) -> float | None:
    """The value on `scale` of the level `level_id` of `level_scale`, or None.

    A skills-gap question's rating and its target must be on the same scale. When the
    competency is described on the question's own scale, the target is the required
    level's value. When the scales differ, both must carry the `rating` crosswalk, and the
    target is the value of the question's level with the same `rating` (a Proficient 4
    on the 1-5 rating for an Advanced competency level whose rating is 4).
    """
    level = next((lv for lv in level_scale.levels if lv.id == level_id), None)
    if level is None:
        return None
    if level_scale.id == scale.id:
        return level.value
    if level.rating is None:
        return None
    return next((lv.value for lv in scale.levels if lv.rating == level.rating), None)
