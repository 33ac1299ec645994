"""The plain-text report of `playbook assess`: groups nested under the group they belong
to, the overall score, and a complete result that never reads as missing."""

from __future__ import annotations

from typing import Any

from assessments import score
from generators.assess import render_text
from tests.engine.builders import band, maturity, question, section
from tests.engine.fixtures import example_spec, questions

GOVERNANCE = example_spec("secure-engineering", "governance-maturity")


def _every(spec: dict[str, Any], value: float) -> dict[str, str]:
    return {q["id"]: next(o["id"] for o in q["options"] if o["value"] == value)
            for q in questions(spec)}


def test_groups_are_printed_nested() -> None:
    answers = _every(GOVERNANCE, 0.5) | {"risk-appetite-agreed": "every-team"}
    lines = render_text(score(GOVERNANCE, answers)).splitlines()
    # Streams 1.5 each but Strategy & Metrics A (2); practices 1.75, 1.5, 1.5; function 19/12.
    start = lines.index("Governance:")
    assert lines[start + 1:start + 11] == [
        "  Average 1.58 of 3: Level 1",
        "  Governance: 1.58 of 3 \u00b7 Level 1",
        "    Strategy & Metrics: 1.75 of 3 \u00b7 Level 1",
        "      Strategy & Metrics A – plan: 2 of 3 \u00b7 Level 2",
        "      Strategy & Metrics B – measure: 1.5 of 3 \u00b7 Level 1",
        "    Policy & Compliance: 1.5 of 3 \u00b7 Level 1",
        "      Policy & Compliance A – policies and standards: 1.5 of 3 \u00b7 Level 1",
        "      Policy & Compliance B – obligations: 1.5 of 3 \u00b7 Level 1",
        "    Education & Guidance: 1.5 of 3 \u00b7 Level 1",
        "      Education & Guidance A – training: 1.5 of 3 \u00b7 Level 1",
    ]
    assert "Your result: Level 1, 1.58 of 3" in lines


def test_a_complete_result_without_an_overall_result_says_where_to_look() -> None:
    spec = maturity([section("s", [question("q", "d")], bands=[band("good", 1)])], ["d"],
                    overall="none")
    result = score(spec, {"q": "v0"})
    assert result["complete"] is True and result["overall"] is None
    text = render_text(result)
    assert "Your result: Results by part" in text.splitlines()
    assert "What to do next" not in text
