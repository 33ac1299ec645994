"""Assessment specs: the fixtures the engine tests read match what the build emits."""

from __future__ import annotations

from tests.engine import make_specs


def test_specs_are_current() -> None:
    for name, text in make_specs.render().items():
        committed = make_specs.HERE / "specs" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"{committed} is stale: run 'python -m tests.engine.make_specs'")


def test_scorecard_spec_holds_what_a_debrief_needs() -> None:
    from generators.check import compile_playbook
    from generators.render.specs import build_scorecard_specs

    card = build_scorecard_specs(compile_playbook(make_specs.PLAYBOOK).playbook)[
        "candidate-scorecard"]
    assert card["kind"] == "scorecard" and card["title"] == "Candidate Scorecard"
    assert len(card["criteria"]) == 12 and {c["weight"] for c in card["criteria"]} == {1}
    assert [lv["value"] for lv in card["scale"]["levels"]] == [1, 2, 3, 4, 5]
    assert card["max"] == 60
    assert [(r["id"], r["min"]) for r in card["recommendations"]] == [
        ("not-a-fit", 0), ("hire-with-reservations", 36), ("strong-hire", 48)]
    assert card["url"] == "hiring/scorecards/candidate-scorecard/"
