"""Dimension aggregates, groups, the overall mean and exact band limits, on specs written
by hand with numbers worked out by hand. Standard library only: these tests also run
inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from typing import Any

from assessments import score
from tests.engine.builders import band, group, maturity, question, section

LEVELS = [band("level-0", 0), band("two-thirds", "2/3"), band("level-1", 1),
          band("level-2", 2), band("level-3", 3)]


def _three(aggregate: str, weights: tuple[float, float, float] = (1, 1, 1)) -> dict[str, Any]:
    """One dimension 'd' of three questions answered 0 / 0.25 / 0.5 / 1."""
    asked = [question(f"q{i}", "d", weight=w) for i, w in enumerate(weights)]
    return maturity([section("s", asked, aggregate=aggregate, bands=LEVELS)], ["d"])


def _dimension(spec: dict[str, Any], answers: dict[str, str]) -> dict[str, Any]:
    return dict(score(spec, answers)["sections"][0]["scores"][0])


ANSWERS = {"q0": "v3", "q1": "v2", "q2": "v1"}  # 1, 0.5 and 0.25


def test_sum_adds_the_answers_up_to_the_sum_of_the_top_answers() -> None:
    entry = _dimension(_three("sum"), ANSWERS)
    assert (entry["value"], entry["max"], entry["band"]["id"]) == (1.75, 3, "level-1")


def test_mean_averages_the_answers_up_to_the_top_answer() -> None:
    entry = _dimension(_three("mean"), ANSWERS)
    assert (entry["value"], entry["max"]) == (0.5833, 1)  # 1.75 / 3
    assert entry["band"]["id"] == "level-0"  # 7/12 is below 2/3


def test_weighted_mean_counts_each_answer_by_its_weight() -> None:
    entry = _dimension(_three("weighted-mean", (1, 2, 3)), ANSWERS)
    assert (entry["value"], entry["max"]) == (0.4583, 1)  # (1 + 1 + 0.75) / 6


def test_without_groups_the_section_is_the_aggregate_of_all_its_answers() -> None:
    asked = [question("a1", "a"), question("a2", "a"), question("b1", "b")]
    spec = maturity([section("s", asked, aggregate="sum", bands=LEVELS)], ["a", "b"])
    result = score(spec, {"a1": "v3", "a2": "v3", "b1": "v2"})["sections"][0]
    assert (result["score"], result["max"], result["measure"]) == (2.5, 3, "total")
    assert result["band"]["id"] == "level-2"
    assert "groups" not in result


def _governance(**groups: Any) -> dict[str, Any]:
    """Three practices of two streams each, three quarter-step questions per stream."""
    streams = [f"{p}-{s}" for p in ("p1", "p2", "p3") for s in ("a", "b")]
    asked = [question(f"{stream}-{i}", stream) for stream in streams for i in range(3)]
    practices = [group(p, [f"{p}-a", f"{p}-b"], **groups.get(p, {})) for p in ("p1", "p2", "p3")]
    top = group("function", ["p1", "p2", "p3"], **groups.get("function", {}))
    return maturity([section("s", asked, aggregate="sum", bands=LEVELS,
                             groups=[top, *practices])], streams)


def _answers(per_stream: dict[str, tuple[int, int, int]]) -> dict[str, str]:
    """Option indexes (0 -> 0, 1 -> 0.25, 2 -> 0.5, 3 -> 1) of each stream's questions."""
    return {f"{stream}-{i}": f"v{index}" for stream, picks in per_stream.items()
            for i, index in enumerate(picks)}


def _flat(items: list[dict[str, Any]]) -> dict[str, tuple[Any, Any, Any]]:
    found = {}
    for item in items:
        found[item["id"]] = (item["value"], item["max"], item["band"]["id"] if item["band"]
                             else None)
        found.update(_flat(item["members"]))
    return found


def test_groups_roll_up_stream_sums_to_practice_and_function_means() -> None:
    answers = _answers({"p1-a": (3, 2, 1), "p1-b": (3, 3, 2), "p2-a": (3, 0, 0),
                        "p2-b": (1, 1, 0), "p3-a": (0, 0, 0), "p3-b": (2, 1, 0)})
    result = score(_governance(), answers)["sections"][0]
    tree = _flat(result["groups"])
    assert tree["p1-a"] == (1.75, 3, "level-1") and tree["p1-b"] == (2.5, 3, "level-2")
    assert tree["p1"] == (2.125, 3, "level-2")  # (1.75 + 2.5) / 2
    assert tree["p2-a"] == (1, 3, "level-1")  # exactly 1 reaches level 1
    assert tree["p2"] == (0.75, 3, "two-thirds")  # (1 + 0.5) / 2
    assert tree["p3-a"] == (0, 3, "level-0")  # exactly 0 reaches level 0
    assert tree["p3"] == (0.375, 3, "level-0")
    assert tree["function"] == (1.0833, 3, "level-1")  # (2.125 + 0.75 + 0.375) / 3
    assert (result["score"], result["band"]["id"]) == (1.0833, "level-1")
    assert [g["id"] for g in result["groups"]] == ["function"]
    assert [m["id"] for m in result["groups"][0]["members"]] == ["p1", "p2", "p3"]
    assert result["groups"][0]["members"][0]["members"][0]["kind"] == "dimension"


def test_a_mean_of_exactly_two_thirds_reaches_the_band_at_2_3() -> None:
    answers = _answers({"p1-a": (3, 0, 0), "p1-b": (3, 0, 0), "p2-a": (0, 0, 0),
                        "p2-b": (0, 0, 0), "p3-a": (2, 2, 0), "p3-b": (0, 0, 0)})
    result = score(_governance(), answers)["sections"][0]
    tree = _flat(result["groups"])
    assert tree["p1"][0] == 1 and tree["p2"][0] == 0 and tree["p3"][0] == 0.5
    assert tree["function"] == (0.5, 3, "level-0")
    answers = _answers({"p1-a": (3, 0, 0), "p1-b": (3, 0, 0), "p2-a": (3, 0, 0),
                        "p2-b": (3, 0, 0), "p3-a": (0, 0, 0), "p3-b": (0, 0, 0)})
    result = score(_governance(), answers)["sections"][0]
    assert _flat(result["groups"])["function"] == (0.6667, 3, "two-thirds")  # (1 + 1 + 0) / 3
    assert result["band"]["id"] == "two-thirds"


def test_a_band_written_0_67_is_not_reached_by_two_thirds() -> None:
    spec = _governance()
    spec["sections"][0]["bands"] = [band("low", 0), band("rounded", 0.67)]
    answers = _answers({"p1-a": (3, 0, 0), "p1-b": (3, 0, 0), "p2-a": (3, 0, 0),
                        "p2-b": (3, 0, 0), "p3-a": (0, 0, 0), "p3-b": (0, 0, 0)})
    result = score(spec, answers)["sections"][0]
    assert (result["score"], result["band"]["id"]) == (0.6667, "low")


def test_decimals_add_up_exactly() -> None:
    # 0.7 + 0.1 is 0.7999999999999999 in binary floating point; the engine counts 0.8.
    asked = [question("q0", "d", values=(0, 0.7)), question("q1", "d", values=(0, 0.1))]
    spec = maturity([section("s", asked, aggregate="sum",
                             bands=[band("below", 0), band("at", 0.8)])], ["d"])
    assert score(spec, {"q0": "v1", "q1": "v1"})["sections"][0]["band"]["id"] == "at"


def test_weighted_groups_and_their_own_bands() -> None:
    own = [band("weak", 0, ("Practice one needs work.",)), band("strong", "5/2")]
    spec = _governance(p1={"aggregate": "weighted-mean", "weights": {"p1-a": 3}, "bands": own})
    answers = _answers({"p1-a": (3, 3, 0), "p1-b": (1, 0, 0)})  # streams 2 and 0.25
    result = score(spec, answers)
    tree = _flat(result["sections"][0]["groups"])
    assert tree["p1"] == (1.5625, 3, "weak")  # (3 * 2 + 0.25) / 4, on its own bands
    assert tree["p2"] == (None, 3, None)  # nothing answered yet
    assert tree["function"] == (1.5625, 3, "level-1")  # only answered practices count
    assert "Practice one needs work." in [a["text"] for a in result["advice"]]


def test_overall_mean_and_weighted_mean_of_sections() -> None:
    first = section("first", [question("a1", "a"), question("a2", "a")], aggregate="sum")
    second = section("second", [question("b1", "b"), question("b2", "b")], aggregate="sum",
                     weight=3)
    overall_bands = [band("low", 0, ("Start with the basics.",)), band("high", "7/4")]
    answers = {"a1": "v3", "a2": "v2", "b1": "v3", "b2": "v3"}  # sections 1.5 and 2
    spec = maturity([first, second], ["a", "b"], overall="mean", bands=overall_bands)
    result = score(spec, answers)
    assert result["overall"]["kind"] == "band"
    assert (result["overall"]["score"], result["overall"]["max"]) == (1.75, 2)
    assert result["overall"]["id"] == "high"  # 7/4 exactly
    spec["overall"] = "weighted-mean"
    result = score(spec, answers)
    assert (result["overall"]["score"], result["overall"]["id"]) == (1.875, "high")
    low = score(spec, {"a1": "v1", "b1": "v1"})  # 0.25 and 0.25
    assert (low["overall"]["id"], low["overall"]["score"]) == ("low", 0.25)
    assert "Start with the basics." in [a["text"] for a in low["advice"]]


def test_first_section_still_gives_the_stage_of_the_first_section() -> None:
    bands = [band("start", 0), band("end", 2)]  # band ids are stages of the model
    spec = maturity([section("s", [question("a1", "a"), question("a2", "a")],
                             aggregate="sum", bands=bands)], ["a"])
    result = score(spec, {"a1": "v3", "a2": "v3"})
    assert (result["overall"]["kind"], result["overall"]["id"]) == ("stage", "end")


def test_a_complete_result_always_has_an_overall_result() -> None:
    spec = _governance()
    every = {q["id"]: "v0" for q in spec["sections"][0]["questions"]}
    result = score(spec, every)
    assert result["complete"] is True
    assert result["overall"]["id"] == "level-0"  # a band that is not a stage of the model


def test_advice_lists_only_what_was_written() -> None:
    spec = _three("sum")
    spec["dimensions"][0]["actions"] = []
    spec["sections"][0]["bands"][0]["advice"] = [{"text": " ", "links": []}]
    result = score(spec, {"q0": "v0", "q1": "v0", "q2": "v0"})
    assert result["advice"] == []
    spec["dimensions"][0]["actions"] = ["Write the plan down"]
    result = score(spec, {"q0": "v0", "q1": "v0", "q2": "v0"})
    assert [a["text"] for a in result["advice"]] == ["D (Level 0): Write the plan down"]
