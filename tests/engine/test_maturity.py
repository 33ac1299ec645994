"""Maturity ladders, dimension means, anchored stages and counts. Standard library only:
these tests also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from assessments import score
from tests.engine.fixtures import by_stage, every, spec

LADDER = spec("transformation-level")


def _ladder(answers: dict[str, str]) -> str:
    return score(LADDER, {"answers": answers})["overall"]["id"]


def test_no_answers_is_the_lowest_stage() -> None:
    result = score(LADDER, {})
    assert result["overall"]["id"] == "level-0"
    assert result["complete"] is False
    assert result["answered"] == 0


def test_everything_yes_is_the_top_stage() -> None:
    result = score(LADDER, every(LADDER, "yes"))
    assert result["overall"]["id"] == "level-5"
    assert result["overall"]["label"] == "Sales and Marketing Integration"
    assert result["advice"], "the top stage still says what to do next"


def test_a_stage_needs_70_percent() -> None:
    level1, level2 = by_stage(LADDER, "level-1"), by_stage(LADDER, "level-2")
    assert len(level2) == 3
    base = dict.fromkeys(level1, "yes")
    # 2 of 3 yes = 67%: below the 70% threshold
    assert _ladder(base | {level2[0]: "yes", level2[1]: "yes", level2[2]: "no"}) == "level-1"
    # yes, yes, partly = 83%: reached
    assert _ladder(base | {level2[0]: "yes", level2[1]: "yes", level2[2]: "partly"}) == "level-2"


def test_a_higher_stage_does_not_count_over_a_missing_lower_one() -> None:
    answers = every(LADDER, "yes", "ladder") | dict.fromkeys(by_stage(LADDER, "level-2"), "no")
    result = score(LADDER, {"answers": answers})
    assert result["overall"]["id"] == "level-1"
    assert any("holding it back" in line for line in result["why"])


def test_why_names_the_answers_that_held_the_result_back() -> None:
    level1 = by_stage(LADDER, "level-1")
    result = score(LADDER, {"answers": {level1[0]: "yes", level1[1]: "no"}})
    held = [line for line in result["why"] if "holding it back" in line]
    assert len(held) == 1 and held[0].endswith(": No")


def test_team_maturity_needs_three_of_four_indicators() -> None:
    model = spec("team-maturity")
    forming, developing = by_stage(model, "forming"), by_stage(model, "developing")
    answers = dict.fromkeys(forming, "yes") | dict.fromkeys(developing[:3], "yes")
    assert score(model, answers)["overall"]["id"] == "developing"
    answers = dict.fromkeys(forming, "yes") | dict.fromkeys(developing[:2], "yes")
    assert score(model, answers)["overall"]["id"] == "forming"


def test_measurement_level_is_the_highest_consecutive_yes() -> None:
    model = spec("measurement-maturity")
    yes = {q: "yes" for stage in ("satisfaction", "learning", "business-impact")
           for q in by_stage(model, stage)}
    result = score(model, yes)
    assert result["overall"]["id"] == "learning"
    assert score(model, {})["overall"]["id"] == "blind"


def test_measurement_reinforcement_band_boundaries() -> None:
    model = spec("measurement-maturity")
    loop = [q["id"] for s in model["sections"] if s["id"] == "reinforcement"
            for q in s["questions"]]

    def band(yes: int) -> str:
        answers = {q: ("yes" if i < yes else "no") for i, q in enumerate(loop)}
        section = next(s for s in score(model, answers)["sections"] if s["id"] == "reinforcement")
        return str(section["band"]["id"])

    assert [band(n) for n in range(6)] == ["one-and-done", "one-and-done", "partial-loop",
                                           "partial-loop", "full-learning-loop",
                                           "full-learning-loop"]


HEALTH = spec("team-health")


def _health(values: list[int]) -> dict[str, object]:
    levels = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]
    ids = [q["id"] for q in HEALTH["sections"][0]["questions"]]
    return score(HEALTH, {q: levels[v - 1] for q, v in zip(ids, values, strict=True)})


def test_team_health_dimension_bands_at_their_boundaries() -> None:
    result = _health([2, 3, 2, 2, 4, 4, 3, 4, 5, 5])
    bands = {s["id"]: s["band"]["id"] for s in result["sections"][0]["scores"]}
    assert bands == {"psychological-safety": "watch",  # mean 2.5: the lowest 'watch'
                     "clarity-alignment": "act-now",  # mean 2.0
                     "effectiveness": "sustain",  # 4.0
                     "engagement-morale": "watch",  # 3.5
                     "collaboration": "sustain"}
    texts = [a["text"] for a in result["advice"]]
    assert any(t.startswith("Clarity and Alignment (") for t in texts)
    assert not any(t.startswith("Effectiveness (") for t in texts)


def test_team_health_overall_band_boundary_at_3_8() -> None:
    assert _health([4, 4, 4, 4, 4, 4, 4, 4, 3, 3])["overall"]["id"] == "sustain"  # mean 3.8
    assert _health([4, 4, 4, 4, 4, 4, 4, 3, 3, 3])["overall"]["id"] == "watch"  # mean 3.7


SCALING = spec("scaling-readiness")


def test_scaling_stage_is_the_middle_answer() -> None:
    answers = {"team-size": "team-4-8", "target-accounts": "accounts-51-200",
               "annual-budget": "budget-500k-2m", "months-since-launch": "months-0-6"}
    assert score(SCALING, answers)["overall"]["id"] == "foundation"
    answers = {"team-size": "team-1-3", "target-accounts": "accounts-up-to-50",
               "annual-budget": "budget-over-2m", "months-since-launch": "months-over-36"}
    assert score(SCALING, answers)["overall"]["id"] == "pilot"  # even count: lower middle


def test_scaling_verdicts() -> None:
    checklist = every(SCALING, "yes", "checklist")
    ready = {"performance-trigger": "yes", "account-growth-trigger": "yes"} | checklist
    assert score(SCALING, ready)["verdict"]["id"] == "ready-to-scale"
    no_performance = {"account-growth-trigger": "yes", "strategic-importance-trigger": "yes"}
    assert score(SCALING, no_performance | checklist)["verdict"]["id"] == "build-the-case"
    eight = dict(list(checklist.items())[:8])
    assert score(SCALING, ready | {k: "no" for k in checklist} | eight)["verdict"]["id"] == (
        "ready-to-scale")
    seven = dict(list(checklist.items())[:7])
    assert score(SCALING, ready | {k: "no" for k in checklist} | seven)["verdict"]["id"] == (
        "build-the-case")
    assert score(SCALING, {})["verdict"]["id"] == "not-yet"


def test_every_maturity_assessment_scores_every_stage_it_can_reach() -> None:
    for name in ("transformation-level", "social-selling-maturity", "team-maturity",
                 "integration-maturity", "measurement-maturity"):
        model = spec(name)
        result = score(model, every(model, "yes"))
        assert result["overall"]["id"] == model["stages"][-1]["id"], name
        assert result["overall"]["summary"], name
