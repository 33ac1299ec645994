"""The typed playbook model: one pydantic class per kind of entity.

`KINDS` is the registry the loader, the schema export and `playbook new` share:
each kind's name, the folder its files live in, and its model class.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generators.model.assessment import Assessment
from generators.model.cadence import Cadence
from generators.model.career import CareerPath
from generators.model.common import Entity
from generators.model.competency import Competency
from generators.model.hiring import HiringProcess, HiringProfile, InterviewLoop, QuestionSet
from generators.model.manifest import Manifest
from generators.model.maturity import MaturityModel
from generators.model.metric import Metric
from generators.model.onboarding import OnboardingPath, Routine
from generators.model.role import Role
from generators.model.rubric import Exercise, Scorecard
from generators.model.scale import Scale
from generators.model.team_model import ManagementModel, TeamModel


@dataclass(frozen=True)
class Kind:
    """A kind of playbook entity and where its files live."""

    name: str
    folder: str
    model: type[BaseModel]
    title: str

    @property
    def plural(self) -> str:
        return self.folder


MANIFEST = Kind("manifest", "", Manifest, "Manifest")

ENTITY_KINDS: tuple[Kind, ...] = (
    Kind("scale", "scales", Scale, "Scales"),
    Kind("competency", "competencies", Competency, "Competencies"),
    Kind("role", "roles", Role, "Roles"),
    Kind("career-path", "career-paths", CareerPath, "Career paths"),
    Kind("hiring-process", "hiring-process", HiringProcess, "Hiring process"),
    Kind("hiring-profile", "hiring-profiles", HiringProfile, "Hiring profiles"),
    Kind("exercise", "exercises", Exercise, "Exercises"),
    Kind("interview-loop", "interview-loops", InterviewLoop, "Interview loops"),
    Kind("scorecard", "scorecards", Scorecard, "Scorecards"),
    Kind("question-set", "question-sets", QuestionSet, "Question sets"),
    Kind("onboarding-path", "onboarding-paths", OnboardingPath, "Onboarding paths"),
    Kind("routine", "routines", Routine, "Routines"),
    Kind("cadence", "cadences", Cadence, "Meeting cadences"),
    Kind("maturity-model", "maturity-models", MaturityModel, "Maturity models"),
    Kind("team-model", "team-models", TeamModel, "Team models"),
    Kind("management-model", "management-models", ManagementModel, "Management models"),
    Kind("metric", "metrics", Metric, "Metrics"),
    Kind("assessment", "assessments", Assessment, "Assessments"),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (MANIFEST, *ENTITY_KINDS)}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in ENTITY_KINDS}


def find_kind(name: str) -> Kind | None:
    """Look a kind up by its name or its folder name."""
    return KINDS.get(name) or BY_FOLDER.get(name)


__all__ = ["BY_FOLDER", "ENTITY_KINDS", "KINDS", "MANIFEST", "Entity", "Kind", "find_kind"]
