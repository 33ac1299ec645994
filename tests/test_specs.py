"""Assessment specs: the fixtures the engine tests read match what the build emits."""

from __future__ import annotations

from tests.engine import make_specs


def test_specs_are_current() -> None:
    for name, text in make_specs.render().items():
        committed = make_specs.HERE / "specs" / name
        assert committed.read_text(encoding="utf-8") == text, (
            f"{committed} is stale: run 'python -m tests.engine.make_specs'")
