"""The skills gap on scales of four, five and six levels: ratings and targets on the same
scale, the most a rating can be taken from that scale. Standard library only: these tests
also run inside Pyodide (tests/pyodide)."""

from __future__ import annotations

from typing import Any

from assessments import score
from tests.engine.builders import band, skills
from tests.engine.fixtures import example_spec


def _rows(spec: dict[str, Any], answers: dict[str, str], role: str | None) -> dict[str, Any]:
    result = score(spec, {"answers": answers, "role": role})
    return {"section": result["sections"][0], "result": result,
            "rows": {r["question"]: r for r in result["sections"][0]["rows"]}}


def test_four_levels() -> None:
    spec = skills((1, 2, 3, 4), {"design": {"lead": 4}, "testing": {"lead": 2}},
                  bands=[band("early", 1), band("strong", 3)])
    got = _rows(spec, {"design": "v1", "testing": "v3"}, "lead")  # rated 2 and 4
    assert (got["rows"]["design"]["gap"], got["rows"]["design"]["priority"]["id"]) == (2, "high")
    assert (got["rows"]["testing"]["gap"], got["rows"]["testing"]["priority"]["id"]) == (-2, "low")
    assert got["section"]["max"] == 4
    assert [s["max"] for s in got["section"]["scores"]] == [4, 4]
    assert (got["section"]["score"], got["section"]["band"]["id"]) == (3, "strong")
    assert [p["question"] for p in got["section"]["plan"]] == ["design"]


def test_five_levels() -> None:
    spec = skills((1, 2, 3, 4, 5), {"design": {"lead": 5}, "testing": {"lead": 3.5}})
    got = _rows(spec, {"design": "v3", "testing": "v2"}, "lead")  # rated 4 and 3
    assert (got["rows"]["design"]["gap"], got["rows"]["design"]["priority"]["id"]) == (1,
                                                                                       "medium")
    assert (got["rows"]["testing"]["gap"], got["rows"]["testing"]["priority"]["id"]) == (0.5,
                                                                                        "low")
    assert got["section"]["max"] == 5 and got["section"]["score"] == 3.5


def test_six_levels() -> None:
    spec = skills((1, 2, 3, 4, 5, 6), {"design": {"principal": 6}, "testing": {"principal": 6}})
    got = _rows(spec, {"design": "v5", "testing": "v3"}, "principal")  # rated 6 and 4
    assert got["rows"]["design"]["gap"] == 0
    assert (got["rows"]["testing"]["gap"], got["rows"]["testing"]["priority"]["id"]) == (2, "high")
    assert got["section"]["max"] == 6
    assert [(s["value"], s["max"], s["target"]) for s in got["section"]["scores"]] == [
        (6, 6, 6), (4, 6, 6)]


def test_a_scale_from_zero_and_a_default_target() -> None:
    spec = skills((0, 1, 2, 3), {"design": {}}, default_target=2)
    got = _rows(spec, {"design": "v0"}, None)
    assert (got["rows"]["design"]["rating"], got["rows"]["design"]["target"]) == (0, 2)
    assert got["rows"]["design"]["gap"] == 2 and got["section"]["max"] == 3


SKILLS = example_spec("secure-engineering", "engineering-skills")


def test_the_example_ladder_compares_levels_with_levels() -> None:
    answers = {"technical-craft": "l6", "secure-delivery": "l3", "mentoring": "l5",
               "incident-response": "l2"}
    got = _rows(SKILLS, answers, "principal-engineer")
    rows = got["rows"]
    # Principal engineers need L6 craft, delivery and mentoring; incident response L4.
    assert [(q, rows[q]["rating"], rows[q]["target"], rows[q]["gap"]) for q in rows] == [
        ("technical-craft", 6, 6, 0), ("secure-delivery", 3, 6, 3), ("mentoring", 5, 6, 1),
        ("incident-response", 2, 4, 2)]
    assert got["section"]["max"] == 6
    assert {s["max"] for s in got["section"]["scores"]} == {6}
    assert [p["question"] for p in got["section"]["plan"]] == ["secure-delivery",
                                                              "incident-response", "mentoring"]
    assert (got["section"]["score"], got["result"]["overall"]["label"]) == (4, "Senior")


def test_the_example_ladder_uses_the_default_where_a_role_needs_nothing() -> None:
    got = _rows(SKILLS, {"mentoring": "l1", "incident-response": "l5"}, "associate-engineer")
    assert got["rows"]["mentoring"]["target"] == 2  # associates need no mentoring: default
    assert got["rows"]["incident-response"]["gap"] == -3
