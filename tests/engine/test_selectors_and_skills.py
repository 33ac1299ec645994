"""Selectors, the skills gap, and bad answers. Standard library only: these tests also
run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from assessments import score
from tests.engine.fixtures import spec

TEAM = spec("team-model-selector")

# Clear-cut rows of the team-model selection table (content inventory, section 7.1).
CLEAR_CUT = {
    "distributed": {"company-size": "employees-1-100", "target-account-count": "accounts-1-50",
                    "dedicated-headcount-resources": "resources-low",
                    "function-maturity": "maturity-low", "time-to-value": "value-within-weeks",
                    "scalability-need": "scalability-medium",
                    "social-selling-culture": "culture-yes",
                    "organisation-shape": "shape-small-or-startup"},
    "pod": {"company-size": "employees-101-199", "target-account-count": "accounts-51-99",
            "dedicated-headcount-resources": "resources-medium-high",
            "function-maturity": "maturity-medium", "time-to-value": "value-within-weeks",
            "scalability-need": "scalability-medium", "social-selling-culture": "culture-no",
            "organisation-shape": "shape-distinct-segments"},
    "centralized": {"company-size": "employees-over-5000",
                    "target-account-count": "accounts-over-2000",
                    "dedicated-headcount-resources": "resources-high",
                    "function-maturity": "maturity-high",
                    "time-to-value": "value-in-several-months",
                    "scalability-need": "scalability-high", "social-selling-culture": "culture-no",
                    "organisation-shape": "shape-global-consistency"},
    "hybrid": {"company-size": "employees-1001-5000", "target-account-count": "accounts-501-2000",
               "dedicated-headcount-resources": "resources-medium-high",
               "function-maturity": "maturity-medium-high", "time-to-value": "value-in-1-3-months",
               "scalability-need": "scalability-high", "social-selling-culture": "culture-partly",
               "organisation-shape": "shape-several-units-or-transition"},
}


def test_clear_cut_rows_of_the_team_model_table() -> None:
    for model, answers in CLEAR_CUT.items():
        result = score(TEAM, answers)
        assert result["overall"]["id"] == model, (model, result["why"][:4])
        assert result["overall"]["fit"]["id"] == "strong", model
        assert result["verdict"]["id"] == "model-selected"


def test_team_model_fit_bands_by_lead() -> None:
    tie = {"company-size": "employees-200-1000"}  # pod +2, hybrid +2
    result = score(TEAM, tie)
    assert result["overall"]["fit"]["id"] == "mixed"
    assert result["verdict"]["id"] == "no-clear-winner"
    assert result["overall"]["id"] == "pod"  # ties keep the table's order
    moderate = tie | {"function-maturity": "maturity-medium-high"}  # hybrid leads by 2
    result = score(TEAM, moderate)
    assert (result["overall"]["id"], result["overall"]["fit"]["id"]) == ("hybrid", "moderate")


def test_points_explain_the_winner() -> None:
    result = score(TEAM, CLEAR_CUT["pod"])
    assert any(line.startswith("  for Pod Model:") for line in result["why"])


MANAGEMENT = spec("management-model-selector")


def test_management_selector_points_count_from_agree() -> None:
    answers = {"local-champions-available": "agree", "ready-for-long-term-change": "agree",
               "local-language-coaching": "strongly-agree"}
    result = score(MANAGEMENT, answers)
    assert result["overall"]["id"] == "hub-and-spoke"
    assert result["verdict"]["id"] == "model-selected"
    neutral = {q: "neutral" for q in answers}
    assert score(MANAGEMENT, neutral)["sections"][0]["scores"][2]["value"] == 0


def test_management_gate_without_champions_or_long_term_change() -> None:
    answers = {"central-budget-for-bulk-buying": "strongly-agree",
               "local-champions-available": "neutral", "ready-for-long-term-change": "disagree"}
    assert score(MANAGEMENT, answers)["verdict"]["id"] == "hub-target-centralised-start"


SKILLS = spec("skills-self-assessment")
LEVELS = ["novice", "basic", "competent", "proficient", "expert"]


def _skills(rating: int, role: str | None = "social-selling-specialist",
            **overrides: int) -> dict[str, object]:
    answers = {q["id"]: LEVELS[overrides.get(q["id"].replace("-", "_"), rating) - 1]
               for q in SKILLS["sections"][0]["questions"]}
    return score(SKILLS, {"answers": answers, "role": role})


def test_skills_gap_uses_the_role_targets() -> None:
    result = _skills(3)
    rows = {r["question"]: r for r in result["sections"][0]["rows"]}
    assert rows["linkedin-platform-proficiency"]["target"] == 4
    assert rows["message-personalization"]["target"] == 3.5
    assert rows["crm-utilization"]["target"] == 3
    plan = result["sections"][0]["plan"]
    assert [p["question"] for p in plan][:2] == ["linkedin-platform-proficiency",
                                                 "relationship-building"]


def test_skills_priority_bands_at_their_boundaries() -> None:
    result = _skills(3, linkedin_platform_proficiency=2, relationship_building=3)
    rows = {r["question"]: r for r in result["sections"][0]["rows"]}
    assert rows["linkedin-platform-proficiency"]["gap"] == 2
    assert rows["linkedin-platform-proficiency"]["priority"]["id"] == "high"
    assert rows["relationship-building"]["gap"] == 1
    assert rows["relationship-building"]["priority"]["id"] == "medium"
    assert rows["message-personalization"]["gap"] == 0.5
    assert rows["message-personalization"]["priority"]["id"] == "low"
    assert rows["crm-utilization"]["priority"]["id"] == "low"
    plan = result["sections"][0]["plan"]
    assert [p["priority"]["id"] for p in plan] == ["high", "medium", "low"]
    assert plan[0]["competency"]["url"] == "competencies/social-platform-proficiency/"


def test_skills_overall_band_by_mean_rating() -> None:
    assert _skills(1)["overall"]["id"] == "foundation"
    assert _skills(2)["overall"]["id"] == "developing"
    assert _skills(3)["overall"]["id"] == "independent"
    assert _skills(4)["overall"]["id"] == "coach-expert"


def test_skills_without_a_role_use_the_default_target() -> None:
    result = _skills(2, role=None)
    assert result["issues"][0]["question"] == "role"
    assert all(r["target"] == 3 for r in result["sections"][0]["rows"])


def test_bad_answers_are_reported_not_raised() -> None:
    result = score(SKILLS, {"answers": {"nope": "x", "crm-utilization": "godlike",
                                        "automation-tools": 4}, "role": "astronaut"})
    messages = {i["question"]: i["message"] for i in result["issues"]}
    assert messages["nope"] == "no such question"
    assert messages["crm-utilization"] == "'godlike' is not an answer to this question"
    assert "not a role" in messages["role"]
    assert result["answered"] == 1  # the numeric rating 4 is accepted
    for nonsense in (None, [], "text", 42, {"answers": "x"}):
        assert score(TEAM, nonsense)["answered"] == 0
