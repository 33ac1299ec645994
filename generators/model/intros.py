"""The opening text of the site's index pages, from the manifest's `index_intros`.

The compiler serves any team, so the words that say what a section is for in one
playbook ("Four ways to organise our team.") come from the playbook; a page without
one opens with a neutral sentence of its own.
"""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Strict, Text


def _intro(page: str) -> Text | None:
    return Field(default=None, description=f"Opening text of the {page} page, in place of its "
                                           "own; Markdown allowed.")


class IndexIntros(Strict):
    """An opening text for each index page that should have one of the playbook's own."""

    home: Text | None = Field(
        default=None, description="Text of the home page, below the playbook's description: "
                                  "what a newcomer should know first; Markdown allowed.")
    roles: Text | None = _intro("Roles")
    competencies: Text | None = _intro("Competency framework")
    careers: Text | None = _intro("Career paths")
    hiring: Text | None = _intro("Hiring")
    onboarding: Text | None = _intro("Onboarding")
    meetings: Text | None = _intro("Meetings")
    maturity_models: Text | None = _intro("Maturity models")
    team_models: Text | None = _intro("Team models")
    management_models: Text | None = _intro("Management models")
    assessments: Text | None = _intro("Assessments")
    metrics: Text | None = _intro("Metrics")
    plays: Text | None = _intro("Plays")
    frameworks: Text | None = _intro("Frameworks")
