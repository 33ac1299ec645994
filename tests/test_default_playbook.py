"""The default playbook is complete and clean."""

from __future__ import annotations

from collections import Counter

import pytest

from generators.check import Checked, check
from tests.conftest import DEFAULT_PLAYBOOK


@pytest.fixture(scope="module")
def checked() -> Checked:
    return check(DEFAULT_PLAYBOOK)


def test_no_errors_and_no_warnings(checked: Checked) -> None:
    assert [p.render() for p in checked.problems] == []


def test_counts(checked: Checked) -> None:
    counts = checked.playbook.counts()
    assert counts["role"] == 13
    assert counts["competency"] == 16
    assert counts["maturity-model"] == 9
    assert counts["team-model"] == 4
    assert counts["management-model"] == 3
    assert counts["exercise"] == 2
    assert counts["hiring-profile"] == 2
    assert counts["cadence"] > 17
    assert counts["assessment"] >= 7


def test_roles_cover_all_families_and_core_allocation(checked: Checked) -> None:
    roles = checked.playbook.of("role")
    assert Counter(r.family for r in roles.values()) == {
        "leadership": 5, "specialist": 4, "execution": 2, "support": 2}
    core = [r for r in roles.values() if r.allocation]
    assert len(core) == 10
    assert all(set(r.allocation) == {"pod", "centralized", "hybrid", "distributed"} for r in core)
    assert {r.id for r in roles.values() if r.compensation} == {
        "social-selling-specialist", "social-selling-strategist", "absm-director"}


def test_specialist_required_levels_follow_the_source(checked: Checked) -> None:
    specialist = checked.playbook.of("role")["social-selling-specialist"]
    levels = {rc.competency: (rc.level, rc.stretch_level)
              for rc in specialist.required_competencies}
    assert levels == {
        "social-platform-proficiency": ("advanced", None),
        "relationship-building": ("advanced", None),
        "personalized-messaging": ("intermediate", "advanced"),
        "crm-utilization": ("intermediate", None),
    }


def test_competencies_have_four_levels_and_resources(checked: Checked) -> None:
    for competency in checked.playbook.of("competency").values():
        assert [d.level for d in competency.levels] == [
            "beginner", "intermediate", "advanced", "expert"], competency.id
        assert competency.resources, competency.id


def test_hiring_kit(checked: Checked) -> None:
    playbook = checked.playbook
    loop = playbook.of("interview-loop")["absm-interview-loop"]
    assert [r.name for r in loop.rounds] == [
        "Hiring Manager Screen", "Skills Assessment", "Behavioural Interview",
        "Executive Interview"]
    scorecard = playbook.of("scorecard")["candidate-scorecard"]
    assert sum(len(s.items) for s in scorecard.sections) == 12
    assert [r.label for r in scorecard.recommendations] == [
        "Not a Fit", "Hire with Reservations", "Strong Hire"]
    engage = playbook.of("exercise")["analyze-and-engage"]
    assert [c.weight for c in engage.criteria] == [25, 25, 25, 25]
    assert {q.purpose for q in playbook.of("question-set").values()} == {
        "behavioural", "reference-check"}


def test_onboarding_covers_execution_roles(checked: Checked) -> None:
    paths = checked.playbook.of("onboarding-path").values()
    covered = {role for path in paths for role in path.roles}
    assert {"social-selling-specialist", "sdr-absm"} <= covered
    assert any(not path.roles for path in paths), "a general path for everyone"
    for path in paths:
        assert path.phases[-1].days.max == 90, path.id
    assert "daily-social-selling" in checked.playbook.of("routine")


def test_maturity_models_have_ordered_stages(checked: Checked) -> None:
    models = checked.playbook.of("maturity-model")
    assert [s.number for s in models["digital-transformation"].stages] == [0, 1, 2, 3, 4, 5]
    assert len(models["team-health"].dimensions) == 5


def test_every_role_attends_a_cadence(checked: Checked) -> None:
    cadences = checked.playbook.of("cadence").values()
    attending = {role for c in cadences for role in c.attendees}
    assert attending == set(checked.playbook.of("role"))


def test_team_models_share_one_selection_table(checked: Checked) -> None:
    factors = {tuple(f.factor for f in m.selection)
               for m in checked.playbook.of("team-model").values()}
    assert factors == {("Company size", "Target accounts", "Resource availability",
                        "Organisational maturity", "Time to value", "Scalability")}
