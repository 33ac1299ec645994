"""The security-governance assessment of the secure-engineering example playbook: stream
sums, practice and function means, bands at 0, 2/3, 1, 2 and 3, all worked out by hand.
Standard library only: these tests also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from typing import Any

from assessments import score
from tests.engine.fixtures import example_spec, option_ids, questions

GOVERNANCE = example_spec("secure-engineering", "governance-maturity")

# Three answers per stream, in the order of the assessment's questions.
STREAMS = {
    "strategy-metrics-a": (1, 0.5, 0.25),  # 1.75 -> Level 1
    "strategy-metrics-b": (1, 1, 0.5),  # 2.5 -> Level 2
    "policy-compliance-a": (1, 0, 0),  # 1, exactly the Level 1 limit
    "policy-compliance-b": (0.25, 0.25, 0),  # 0.5 -> Level 0
    "education-guidance-a": (0, 0, 0),  # 0, exactly the Level 0 limit
    "education-guidance-b": (0.5, 0.25, 0),  # 0.75 -> Getting started (from 2/3)
}


def _answers(streams: dict[str, tuple[float, float, float]]) -> dict[str, str]:
    values = {}
    for stream, picks in streams.items():
        ids = [q["id"] for q in questions(GOVERNANCE) if q["dimension"] == stream]
        assert len(ids) == 3, stream
        values.update(dict(zip(ids, picks, strict=True)))
    return option_ids(GOVERNANCE, values)


def _tree(items: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str, Any, str]]:
    rows = []
    for item in items:
        rows.append((depth, item["label"], item["value"],
                     item["band"]["label"] if item["band"] else "-"))
        rows += _tree(item["members"], depth + 1)
    return rows


def test_streams_practices_and_the_function_by_hand() -> None:
    result = score(GOVERNANCE, _answers(STREAMS))
    assert result["complete"] is True
    section = result["sections"][0]
    assert _tree(section["groups"]) == [
        (0, "Governance", 1.0833, "Level 1"),  # (2.125 + 0.75 + 0.375) / 3 = 13/12
        (1, "Strategy & Metrics", 2.125, "Level 2"),  # (1.75 + 2.5) / 2
        (2, "Strategy & Metrics A – plan", 1.75, "Level 1"),
        (2, "Strategy & Metrics B – measure", 2.5, "Level 2"),
        (1, "Policy & Compliance", 0.75, "Getting started"),  # (1 + 0.5) / 2
        (2, "Policy & Compliance A – policies and standards", 1, "Level 1"),
        (2, "Policy & Compliance B – obligations", 0.5, "Level 0"),
        (1, "Education & Guidance", 0.375, "Level 0"),  # (0 + 0.75) / 2
        (2, "Education & Guidance A – training", 0, "Level 0"),
        (2, "Education & Guidance B – know-how", 0.75, "Getting started"),
    ]
    assert {item["max"] for item in section["scores"]} == {3}
    assert (section["score"], section["max"], section["band"]["label"]) == (1.0833, 3, "Level 1")
    overall = result["overall"]
    assert (overall["label"], overall["score"], overall["max"]) == ("Level 1", 1.0833, 3)
    assert "Strategy & Metrics A – plan: total 1.75 of 3, Level 1" in result["why"]
    assert "Strategy & Metrics: average 2.13 of 3, Level 2" in result["why"]  # 2.125


def test_the_function_at_exactly_two_thirds() -> None:
    # Strategy & Metrics 1 (both streams 1), Policy & Compliance 1, Education & Guidance 0.
    one = (1, 0, 0)
    result = score(GOVERNANCE, _answers({s: (one if not s.startswith("education") else (0, 0, 0))
                                         for s in STREAMS}))
    assert result["overall"]["label"] == "Getting started"  # 2/3 reaches the band at 2/3
    assert result["overall"]["score"] == 0.6667
    assert result["sections"][0]["groups"][0]["band"]["label"] == "Getting started"


def test_just_below_two_thirds_stays_at_level_0() -> None:
    # One answer a quarter lower: (0.875 + 1 + 0) / 3 = 0.625.
    streams = {s: ((1, 0, 0) if not s.startswith("education") else (0, 0, 0)) for s in STREAMS}
    streams["strategy-metrics-a"] = (0.5, 0.25, 0)
    result = score(GOVERNANCE, _answers(streams))
    assert (result["overall"]["label"], result["overall"]["score"]) == ("Level 0", 0.625)


def test_every_practice_everywhere_is_level_3_and_nothing_is_level_0() -> None:
    top = score(GOVERNANCE, _answers({s: (1, 1, 1) for s in STREAMS}))
    assert {row[3] for row in _tree(top["sections"][0]["groups"])} == {"Level 3"}
    assert (top["overall"]["label"], top["overall"]["score"]) == ("Level 3", 3)
    assert not any(a["text"].startswith("Strategy & Metrics A") for a in top["advice"])
    bottom = score(GOVERNANCE, _answers({s: (0, 0, 0) for s in STREAMS}))
    assert {row[2] for row in _tree(bottom["sections"][0]["groups"])} == {0}
    assert bottom["overall"]["label"] == "Level 0"


def test_the_result_firms_up_as_streams_are_answered() -> None:
    result = score(GOVERNANCE, _answers({"strategy-metrics-b": (1, 1, 0.5)}))
    rows = {row[1]: row[2] for row in _tree(result["sections"][0]["groups"])}
    assert rows["Strategy & Metrics"] == 2.5  # the one answered stream
    assert rows["Policy & Compliance"] is None
    assert rows["Governance"] == 2.5
    assert result["complete"] is False
