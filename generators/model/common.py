"""Building blocks shared by every kind of playbook entity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="A stable id: lower-case words and digits joined by hyphens."),
]

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""A text field; Markdown is allowed where the site renders it."""

Label = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
"""A short name or list item."""

Date = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2999, 12, 31))]
"""A calendar date (YYYY-MM-DD). Bounded so that calendars and schedules computed from
it (a first meeting a week later, a year of recurrences) stay valid dates."""


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of an entity of another kind.

    `resolve.py` walks the models, finds every field carrying this marker and
    checks the id exists, so a cross-reference is declared once, in the type.
    A reference written `entity-id/item-id` names an item of the entity's `items`
    (a stage of a framework), which must exist too.
    """

    kind: str


RoleRef = Annotated[str, RefTo("role"), StringConstraints(pattern=SLUG_PATTERN)]
CompetencyRef = Annotated[str, RefTo("competency"), StringConstraints(pattern=SLUG_PATTERN)]
ScaleRef = Annotated[str, RefTo("scale"), StringConstraints(pattern=SLUG_PATTERN)]
CadenceRef = Annotated[str, RefTo("cadence"), StringConstraints(pattern=SLUG_PATTERN)]
ExerciseRef = Annotated[str, RefTo("exercise"), StringConstraints(pattern=SLUG_PATTERN)]
TeamModelRef = Annotated[str, RefTo("team-model"), StringConstraints(pattern=SLUG_PATTERN)]
ManagementModelRef = Annotated[
    str, RefTo("management-model"), StringConstraints(pattern=SLUG_PATTERN)]
MaturityModelRef = Annotated[str, RefTo("maturity-model"), StringConstraints(pattern=SLUG_PATTERN)]
MetricRef = Annotated[str, RefTo("metric"), StringConstraints(pattern=SLUG_PATTERN)]
RoutineRef = Annotated[str, RefTo("routine"), StringConstraints(pattern=SLUG_PATTERN)]
OnboardingPathRef = Annotated[
    str, RefTo("onboarding-path"), StringConstraints(pattern=SLUG_PATTERN)]
InterviewLoopRef = Annotated[str, RefTo("interview-loop"), StringConstraints(pattern=SLUG_PATTERN)]
ScorecardRef = Annotated[str, RefTo("scorecard"), StringConstraints(pattern=SLUG_PATTERN)]
QuestionSetRef = Annotated[str, RefTo("question-set"), StringConstraints(pattern=SLUG_PATTERN)]
FrameworkItemRef = Annotated[
    str, RefTo("framework"),
    StringConstraints(pattern=SLUG_PATTERN[:-1] + "/" + SLUG_PATTERN[1:])]
"""An item of a framework, as `framework-id/item-id`."""
SourceRef = Annotated[str, RefTo("source"), StringConstraints(min_length=1, max_length=1000)]
"""The id of a source. Not held to the id pattern here, so that a label written in its
place (a title, a file name) is reported as an unknown source, with the way to migrate it."""


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              validate_default=True, allow_inf_nan=False)


class Entity(Strict):
    """Fields every top-level entity has."""

    id: Slug = Field(description="Stable id; must equal the file name without '.yml'.")
    notes: list[Text] = Field(
        default_factory=list,
        description="Editorial notes for the people who maintain the playbook: caveats, "
                    "derived figures, and gaps in the sources. The site shows them only in "
                    "a collapsed 'For editors' section.")
    sources: list[SourceRef] = Field(
        default_factory=list,
        description="Ids of the sources (in sources/) the facts in this entity come from.")
    previous_ids: list[Slug] = Field(
        default_factory=list,
        description="Ids this entity had in earlier versions: the changelog then reports a "
                    "rename instead of a removal and an addition.")


class Range(Strict):
    """An inclusive numeric range such as 30-45 minutes or 2-4 weeks."""

    min: float = Field(ge=0, le=1e9, description="Lower bound (inclusive).")
    max: float | None = Field(
        default=None, ge=0, le=1e9,
        description="Upper bound (inclusive); leave out for an open range ('20+').")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max:g}) is below min ({self.min:g})")
        return self


#: Other names a user may write for a kind, with the kind they mean.
KIND_ALIASES = {"meeting": "cadence"}

KindName = Literal[
    "scale", "competency", "role", "career-path", "hiring-process", "hiring-profile",
    "exercise", "interview-loop", "scorecard", "question-set", "onboarding-path", "routine",
    "cadence", "maturity-model", "team-model", "management-model", "metric", "assessment",
    "play", "framework",
    "source", "term",
    "meeting",  # another name for cadence
]


def kind_name(name: str) -> str:
    """The kind `name` stands for: itself, or the kind an alias names."""
    return KIND_ALIASES.get(name, name)


class EntityLink(Strict):
    """A link from a recommendation or activity to another entity."""

    kind: Annotated[KindName, AfterValidator(kind_name)] = Field(
        description="Kind of the linked entity, e.g. 'role' or 'cadence' ('meeting' is "
                    "another name for cadence).")
    id: Slug = Field(description="Id of the linked entity.")
