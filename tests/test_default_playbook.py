"""The default playbook is complete and clean."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

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


#: Words that belong to the people who maintain the playbook, not to its readers.
BOOKKEEPING = re.compile(r"the sources?\b|inventory|appendix|\b\d{3}_[0-9a-f]{16}(\.txt)?\b",
                         re.IGNORECASE)
#: Fields for editors and machines: never shown to readers as running text.
NOT_READER_FACING = {"id", "notes", "sources", "previous_ids"}


def _reader_text(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string a reader can see in `value`, with the path of the field it is in."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in NOT_READER_FACING:
                yield from _reader_text(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _reader_text(item, f"{where}[{key}]")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _reader_text(item, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


def _all_text(value: object) -> Iterator[str]:
    """Every string in `value`, editorial notes included."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _all_text(getattr(value, name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_text(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _all_text(item)
    elif isinstance(value, str):
        yield value


def _reader_texts(checked: Checked) -> list[tuple[str, str]]:
    playbook = checked.playbook
    texts = list(_reader_text(playbook.manifest, "playbook.yml"))
    for kind, entities in playbook.entities.items():
        for entity_id, entity in entities.items():
            texts += _reader_text(entity, f"{kind}/{entity_id}")
    return texts


def _every_text(checked: Checked) -> list[str]:
    return [text for entities in checked.playbook.entities.values()
            for entity in entities.values() for text in _all_text(entity)]


def test_reader_facing_text_keeps_authoring_bookkeeping_out(checked: Checked) -> None:
    texts = _reader_texts(checked)
    assert len(texts) > 1000  # the walk reaches the text, not just the ids
    found = [f"{where}: {text[:80]}" for where, text in texts if BOOKKEEPING.search(text)]
    assert found == []


def test_notes_for_editors_name_sources_by_title(checked: Checked) -> None:
    seed_file = re.compile(r"\b\d{3}_[0-9a-f]{16}\b|content inventory|Appendix [A-C]\b")
    found = [text[:80] for text in _every_text(checked) if seed_file.search(text)]
    assert found == []

def test_bookkeeping_pattern_catches_what_it_is_meant_to() -> None:
    for phrase in ("As the source says", "see the inventory", "Appendix B, item 9",
                   "(002_bd6ea357438d58f5.txt)", "the sources name three"):
        assert BOOKKEEPING.search(phrase), phrase
    for phrase in ("Source Effectiveness", "a social-sourced lead", "one source of truth"):
        assert not BOOKKEEPING.search(phrase), phrase


def test_specialist_needs_proficient_linkedin(checked: Checked) -> None:
    rating = {level.value: level.label for level in checked.playbook.of("scale")["rating"].levels}
    assert rating[4] == "Proficient"
    profile = checked.playbook.of("hiring-profile")["social-selling-specialist"]
    technical = next(c for c in profile.criteria if c.name == "Technical Skills")
    assert technical.minimum.startswith(f"{rating[4]} on LinkedIn (4 on the 1-5 skill rating)")
    assert rating[3] not in technical.minimum


def test_hedged_figures_stay_hedged(checked: Checked) -> None:
    texts = _every_text(checked)
    unused = [t for t in texts if "65%" in t and "content" in t]
    touches = [t for t in texts if re.search(r"7[-–]10 touches", t)]
    assert unused and touches
    assert all("up to 65%" in t for t in unused), unused
    assert all(re.search(r"could\s+need\s+7[-–]10 touches", t) for t in touches), touches


def test_new_hires_doubling_their_ssi_is_an_anecdote_not_a_target(checked: Checked) -> None:
    texts = _every_text(checked)
    doubled = [t for t in texts if "doubled" in t and "SSI" in t]
    assert doubled
    assert all("anecdote" in t and "Sales for Life" in t for t in doubled), doubled
    for path in checked.playbook.of("onboarding-path").values():
        assert not any("doubled" in m for m in path.success_measures), path.id
    ssi = checked.playbook.of("metric")["ssi-score"]
    assert ssi.target is None


def test_marketing_contribution_gives_the_range_only(checked: Checked) -> None:
    metric = checked.playbook.of("metric")["marketing-contribution-to-quota-attainment"]
    text = " ".join(_all_text(metric))
    assert "from 0% to 80%" in text
    assert "best company" not in text and "worst" not in text


#: Metrics whose place on the leading -> current -> lagging chain the facts give.
CITED_INDICATORS = {
    "training-attendance": "leading", "lms-log-ins": "leading",
    "production-volume-and-velocity": "leading",
    "lms-learning-depth": "current", "insight-sharing-frequency": "current",
    "share-of-target-accounts-socially-surrounded": "current",
    "social-reach-growth": "current", "social-sourced-leads": "current",
    "ssi-score": "current",
    "certification-rate": "lagging", "content-consumption-story": "lagging",
    "social-attributed-pipeline": "lagging", "bookings-attributed-to-social": "lagging",
}


def test_indicator_classes_say_whether_they_are_cited(checked: Checked) -> None:
    metrics = checked.playbook.of("metric")
    assert all(m.indicator_basis for m in metrics.values() if m.indicator)
    cited = {mid: m.indicator for mid, m in metrics.items() if m.indicator_basis == "cited"}
    assert cited == CITED_INDICATORS
    recommended = [m for m in metrics.values() if m.indicator_basis == "recommended"]
    assert len(recommended) == len(metrics) - len(CITED_INDICATORS)
    for metric in recommended:  # the description does not present the class as a fact
        assert f"It is a {metric.indicator} indicator" not in " ".join(metric.description.split())


def test_thin_cadences_have_an_agenda(checked: Checked) -> None:
    cadences = checked.playbook.of("cadence")
    for cid in ("joint-account-planning", "strategy-alignment-session", "monthly-skill-workshop"):
        assert cadences[cid].agenda and cadences[cid].format, cid
    assert cadences["joint-account-planning"].owner == "social-selling-strategist"
    assert cadences["monthly-skill-workshop"].frequency == "monthly"


def test_every_metric_says_how_it_is_measured(checked: Checked) -> None:
    metrics = checked.playbook.of("metric")
    assert all(m.measured_by for m in metrics.values())
    assert metrics["account-engagement-scores"].measured_by.startswith("Our recommendation")


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


#: The frameworks of the insights factory and of social selling: (ordered?, item names).
FRAMEWORKS = {
    "buyers-journey": (True, ["Status Quo", "Priority Shift", "Conceptual Solutions",
                               "Vendor Review", "Selection"]),
    "buyer-questions": (True, ["Why", "How", "Who"]),
    "theme-categories": (False, ["Lead Generation", "Brand Awareness", "Brand Affinity",
                                 "Lead Nurturing"]),
    "insights-factory": (True, ["Create", "Organize", "Discover", "Evaluate"]),
    "content-calendar": (False, ["Submission Deadline", "Content Type", "Committee Member",
                                 "Buyer Persona", "Buyer Stage", "Call to Action"]),
    "social-selling-components": (False, ["Social prospecting", "Personal branding",
                                          "Employee advocacy",
                                          "Social relationship management"]),
    "lead-factory": (True, ["Sales Quota", "Production Volume and Velocity", "The Delta"]),
}

#: The plays of the insights factory and its discovery tactics, with their step counts
#: where the practice has a set number of steps.
PLAYS = {"lead-factory-baseline": 3, "content-calendar-and-production": None,
         "never-ending-story": None, "content-library-audit": 5, "employee-advocacy": 5,
         "operation-land-grab": 6, "event-lead-exchange": None, "repurpose-top-insights": 6,
         "content-consumption-story-analysis": 6, "window-time-interviews": None}


def test_every_framework_of_the_insights_factory_has_an_entity(checked: Checked) -> None:
    frameworks = checked.playbook.of("framework")
    for framework_id, (ordered, names) in FRAMEWORKS.items():
        framework = frameworks[framework_id]
        assert framework.ordered is ordered, framework_id
        assert [item.name for item in framework.items] == names, framework_id
    assert frameworks["insights-factory"].title.endswith("(CODE)")


def test_every_practice_of_the_insights_factory_is_a_play(checked: Checked) -> None:
    plays = checked.playbook.of("play")
    for play_id, steps in PLAYS.items():
        play = plays[play_id]
        assert steps is None or len(play.steps) == steps, play_id
        assert play.metrics and play.competencies, play_id
    land_grab = plays["operation-land-grab"]
    assert "30 or more" in land_grab.purpose and "every business day" in land_grab.purpose
    refresh = plays["repurpose-top-insights"]
    assert refresh.cadence == "top-insights-refresh"
    assert checked.playbook.of("cadence")[refresh.cadence].frequency == "quarterly"
