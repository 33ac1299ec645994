"""Weighted rubrics: hiring exercises and candidate scorecards."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, Range, ScaleRef, Slug, Strict, Text


class WeightedCriterion(Strict):
    """A criterion with its share of the score, in percent."""

    id: Slug = Field(description="Id of the criterion, unique in the exercise.")
    name: Label = Field(description="Name of the criterion.")
    weight: float = Field(gt=0, le=100, description="Share of the total, in percent.")
    description: Text | None = Field(default=None, description="What the criterion looks at.")


class ScoreBand(Strict):
    """A band of scores with its label, from a minimum score upwards."""

    id: Slug = Field(description="Id of the band, unique in its list.")
    label: Label = Field(description="Name of the band, e.g. 'Excellent'.")
    min: float = Field(ge=0, le=1e6, description="Lowest score in this band (inclusive).")
    descriptor: Text = Field(description="What work in this band looks like.")


class Exercise(Entity):
    """A hiring exercise with a weighted rubric."""

    name: Label = Field(description="Name of the exercise.")
    format: Label = Field(description="Kind of exercise, e.g. 'practical' or 'case study'.")
    summary: Text = Field(description="What the candidate does and why.")
    minutes: Range | None = Field(default=None, description="Time allowed, in minutes.")
    scenario: Text | None = Field(default=None, description="The situation the candidate faces.")
    materials: list[Label] = Field(default_factory=list, description="What the candidate gets.")
    steps: list[Label] = Field(min_length=1, description="Steps or tasks, in order.")
    deliverable: Text | None = Field(default=None, description="What the candidate hands in.")
    score_max: float = Field(default=10, gt=0, le=1000,
                             description="Top of the score range each criterion is scored on.")
    criteria: list[WeightedCriterion] = Field(
        min_length=1, description="Weighted criteria; weights sum to 100.")
    bands: list[ScoreBand] = Field(
        min_length=1, description="Score bands of the weighted score, lowest first.")


class ScorecardItem(Strict):
    """One rated item of a scorecard."""

    id: Slug = Field(description="Id of the item, unique in the scorecard.")
    name: Label = Field(description="What is rated.")


class ScorecardSection(Strict):
    """A section of a scorecard."""

    id: Slug = Field(description="Id of the section, unique in the scorecard.")
    name: Label = Field(description="Name of the section.")
    items: list[ScorecardItem] = Field(min_length=1, description="Items rated in the section.")


class Recommendation(Strict):
    """A hiring recommendation reached from a minimum total score."""

    id: Slug = Field(description="Id of the recommendation.")
    label: Label = Field(description="e.g. 'Strong Hire'.")
    min: float = Field(ge=0, le=1e6, description="Lowest total score for this recommendation.")
    guidance: Text = Field(description="What the hiring team does next.")


class Scorecard(Entity):
    """A candidate scorecard: rated items, a total, and a recommendation."""

    name: Label = Field(description="Name of the scorecard.")
    summary: Text = Field(description="When and how interviewers use it.")
    header: list[Label] = Field(default_factory=list, description="Fields at the top of the card.")
    scale: ScaleRef = Field(description="Scale every item is rated on.")
    sections: list[ScorecardSection] = Field(min_length=1, description="Sections, in order.")
    summary_fields: list[Label] = Field(
        default_factory=list, description="Free-text fields after the ratings.")
    recommendations: list[Recommendation] = Field(
        min_length=1, description="Recommendations by total score, lowest threshold first.")
