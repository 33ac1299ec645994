"""The typed playbook model: one pydantic class per kind of entity.

Each kind is declared once, below: its name, the playbook folder of its files, its
model, its title, where its pages live in the site, the tag its pages carry, and
(for a kind without pages of its own design) the navigation section it goes under.
Everything else derives from the declaration: the loader's folders, the JSON
Schemas, `playbook new`, the page layout and reserved ids, the bundle and the
changelog, and, for a kind with a `section`, its index page, its pages and its
place in the navigation. Adding such a kind takes its model module, one line here,
and its page template.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generators.model.assessment import Assessment
from generators.model.cadence import Cadence
from generators.model.career import CareerPath
from generators.model.common import KIND_ALIASES, Entity
from generators.model.competency import Competency
from generators.model.framework import Framework
from generators.model.glossary import Term
from generators.model.hiring import HiringProcess, HiringProfile, InterviewLoop, QuestionSet
from generators.model.manifest import Manifest
from generators.model.maturity import MaturityModel
from generators.model.metric import Metric
from generators.model.onboarding import OnboardingPath, Routine
from generators.model.play import Play
from generators.model.role import Role
from generators.model.rubric import Exercise, Scorecard
from generators.model.scale import Scale
from generators.model.source import Source
from generators.model.team_model import ManagementModel, TeamModel


@dataclass(frozen=True)
class Kind:
    """A kind of playbook entity, declared once."""

    name: str
    folder: str
    """The playbook folder its files live in."""
    model: type[BaseModel]
    title: str
    """What a list of them is called ("Meeting cadences")."""
    pages: str = ""
    """The site folder its pages live in ("" for a kind without pages of its own)."""
    tag: str = ""
    """The tag its pages carry, for search and the tags page."""
    section: str = ""
    """For a kind whose pages follow the general design: the navigation section they
    go under. The kinds below without one have pages of their own design."""
    index: str = "kind_index.md.j2"
    """For such a kind, the template of its index page: the general list by default."""

    @property
    def plural(self) -> str:
        return self.folder

    @property
    def template(self) -> str:
        """The template of its pages: `metric.md.j2` for `metric`."""
        return self.name.replace("-", "_") + ".md.j2"


MANIFEST = Kind("manifest", "", Manifest, "Manifest")

ENTITY_KINDS: tuple[Kind, ...] = (
    Kind("scale", "scales", Scale, "Scales", "competencies/scales", "Scale"),
    Kind("competency", "competencies", Competency, "Competencies", "competencies",
         "Competency"),
    Kind("role", "roles", Role, "Roles", "roles", "Role"),
    Kind("career-path", "career-paths", CareerPath, "Career paths", "careers", "Career path"),
    Kind("hiring-process", "hiring-process", HiringProcess, "Hiring process", "hiring",
         "Hiring"),
    Kind("hiring-profile", "hiring-profiles", HiringProfile, "Hiring profiles", "", "Hiring kit"),
    Kind("exercise", "exercises", Exercise, "Exercises", "hiring/exercises", "Hiring"),
    Kind("interview-loop", "interview-loops", InterviewLoop, "Interview loops",
         "hiring/interviews", "Hiring"),
    Kind("scorecard", "scorecards", Scorecard, "Scorecards", "hiring/scorecards", "Hiring"),
    Kind("question-set", "question-sets", QuestionSet, "Question sets", "hiring/questions",
         "Hiring"),
    Kind("onboarding-path", "onboarding-paths", OnboardingPath, "Onboarding paths",
         "onboarding", "Onboarding"),
    Kind("routine", "routines", Routine, "Routines", "onboarding/routines", "Routine"),
    Kind("cadence", "cadences", Cadence, "Meeting cadences", "meetings", "Meeting"),
    Kind("maturity-model", "maturity-models", MaturityModel, "Maturity models", "maturity",
         "Maturity model"),
    Kind("team-model", "team-models", TeamModel, "Team models", "team-models", "Team model"),
    Kind("management-model", "management-models", ManagementModel, "Management models",
         "management-models", "Management model"),
    Kind("metric", "metrics", Metric, "Metrics", "metrics", "Metric"),
    Kind("play", "plays", Play, "Plays", "plays", "Play", section="Plays"),
    Kind("framework", "frameworks", Framework, "Frameworks", "frameworks", "Framework",
         section="Models"),
    Kind("assessment", "assessments", Assessment, "Assessments", "assessments", "Assessment"),
    Kind("source", "sources", Source, "Sources", "sources", "Source", section="Enablement",
         index="source_index.md.j2"),
    Kind("term", "glossary", Term, "Glossary", "glossary", "Glossary"),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in (MANIFEST, *ENTITY_KINDS)}
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in ENTITY_KINDS}


def find_kind(name: str) -> Kind | None:
    """Look a kind up by its name, another name for it (`KIND_ALIASES`), or its folder."""
    return KINDS.get(KIND_ALIASES.get(name, name)) or BY_FOLDER.get(name)


__all__ = ["BY_FOLDER", "ENTITY_KINDS", "KINDS", "KIND_ALIASES", "MANIFEST", "Entity", "Kind",
           "find_kind"]
