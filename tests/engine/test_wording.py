"""What results say: ties between outcomes, points counted in words, a place on the
model's own ladder, band colours and skills below their target. Standard library only:
these tests also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from assessments import score
from assessments.sentences import counted, listed, position
from tests.engine.fixtures import by_stage, example_spec, spec

TEAM = spec("team-model-selector")


def test_points_are_counted_in_words() -> None:
    assert [counted(n, "point") for n in (0, 1, 2, 1.5, -1)] == [
        "0 points", "1 point", "2 points", "1.5 points", "-1 points"]
    assert [listed(names) for names in (["A"], ["A", "B"], ["A", "B", "C"])] == [
        "A", "A and B", "A, B and C"]


def test_a_tie_names_every_outcome_that_fits_equally() -> None:
    result = score(TEAM, {"company-size": "employees-200-1000"})  # pod +2, hybrid +2
    overall = result["overall"]
    assert overall["label"] == "Pod Model and Hybrid Model fit equally"
    assert [o["id"] for o in overall["tied"]] == ["pod", "hybrid"]
    assert overall["tied"][1]["url"] == "team-models/hybrid/"
    assert "Pod Model and Hybrid Model fit equally, with 2 points each" in result["why"]
    assert "  for Hybrid Model: \u201cHow many employees does the company have?\u201d: " \
           "200\u20131000 employees (+2)" in result["why"]


def test_a_clear_winner_has_no_tie() -> None:
    result = score(TEAM, {"company-size": "employees-200-1000",
                          "function-maturity": "maturity-medium-high"})
    assert result["overall"]["label"] == "Hybrid Model"
    assert result["overall"]["tied"] == []


def test_outcomes_are_listed_by_their_points_ties_in_order() -> None:
    result = score(TEAM, {"company-size": "employees-1001-5000"})  # hybrid, centralized
    scores = result["sections"][0]["scores"]
    values = [entry["value"] for entry in scores]
    assert values == sorted(values, reverse=True)
    leaders = [entry["id"] for entry in scores if entry["value"] == values[0]]
    order = [o["id"] for o in TEAM["outcomes"]]
    assert leaders == sorted(leaders, key=order.index)
    lines = [line for line in result["why"] if line.endswith(("point", "points"))]
    assert lines[-1].endswith(": 0 points")


def test_one_point_is_one_point() -> None:
    question = next(q for s in TEAM["sections"] for q in s["questions"]
                    if any(o["points"] == {"distributed": 1} for o in q["options"]))
    option = next(o for o in question["options"] if o["points"] == {"distributed": 1})
    result = score(TEAM, {question["id"]: option["id"]})
    assert result["why"][0] == "Distributed Model: 1 point"
    assert result["overall"]["label"] == "Distributed Model"


def test_no_answer_is_no_best_fit() -> None:
    result = score(TEAM, {})
    assert result["overall"] is None and result["verdict"] is None
    assert result["sections"][0]["score"] is None
    assert len(result["sections"][0]["scores"]) == len(TEAM["outcomes"])


def test_a_ladder_of_levels_from_0_is_not_out_of_5() -> None:
    ladder = spec("transformation-level")
    assert ladder["stage_word"] == "level"
    answers = dict.fromkeys(by_stage(ladder, "level-1") + by_stage(ladder, "level-2"), "yes")
    result = score(ladder, answers)
    assert result["overall"]["position"] == "level 2 of 0\u20135"
    assert result["overall"]["word"] == "level"
    assert result["sections"][0]["position"] == "level 2 of 0\u20135"


def test_stages_numbered_from_1_are_out_of_their_count() -> None:
    model = spec("social-selling-maturity")
    assert model["stage_word"] == "stage"  # the model names no word of its own
    numbers = [s["number"] for s in model["stages"]]
    assert numbers == list(range(1, len(numbers) + 1))
    result = score(model, {})
    assert result["overall"]["position"] == f"stage 1 of {len(numbers)}"
    team = spec("team-maturity")  # five levels, numbered 1 to 5
    assert score(team, {})["overall"]["position"] == "level 1 of 5"
    assert position({"stages": [{"number": 10}, {"number": 20}]}, {"number": 20}) == (
        "stage 20 of 10\u201320")


def test_bands_carry_their_colour() -> None:
    health = spec("team-health")
    low = {q["id"]: "strongly-disagree" for s in health["sections"] for q in s["questions"]}
    result = score(health, low)
    section = result["sections"][0]
    assert section["band"]["colour"] == "red"
    assert {entry["band"]["colour"] for entry in section["scores"]} == {"red"}
    assert result["overall"]["colour"] == "red"
    high = dict.fromkeys(low, "strongly-agree")
    assert score(health, high)["overall"]["colour"] == "green"
    # A band without a colour says so.
    assert score(TEAM, {"company-size": "employees-1-100"})["overall"]["fit"]["colour"] is None


def test_a_skill_below_its_target_is_marked() -> None:
    skills = example_spec("secure-engineering", "engineering-skills")
    result = score(skills, {"answers": {"technical-craft": "l6", "secure-delivery": "l2"},
                            "role": "staff-engineer"})
    marks = {e["id"]: e["below_target"] for e in result["sections"][0]["scores"]}
    assert marks == {"technical-craft": False, "secure-delivery": True}


def test_numbers_read_with_at_most_two_decimals() -> None:
    from assessments.sentences import number
    assert [number(n) for n in (3, 3.5, 1.5833, 2.125, 0.005, -1, -0.5)] == [
        "3", "3.5", "1.58", "2.13", "0.01", "\u22121", "\u22120.5"]


def test_the_result_carries_every_sentence_it_shows() -> None:
    health = spec("team-health")
    result = score(health, {"safe-to-take-risks": "disagree",
                            "failures-reviewed-openly": "neutral",
                            "goals-and-priorities-known": "agree",
                            "roles-are-clear": "strongly-agree"})
    assert result["headline"] == {
        "kicker": "Your band", "label": "Watch (amber)", "score": "band 2 of 3", "fit": None,
        "summary": result["overall"]["summary"]}
    section = result["sections"][0]
    assert section["score_text"] == "Average 3.5 of 5"
    assert [e["text"] for e in section["scores"]][:2] == [
        "2.5 of 5 \u00b7 Watch, amber", "4.5 of 5 \u00b7 Sustain, green"]
    empty = score(health, {})["headline"]
    assert (empty["label"], empty["score"]) == ("No result yet", None)
