"""Spec fixtures and answer helpers for the engine tests (standard library only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SPECS = Path(__file__).resolve().parent / "specs"


def spec(assessment_id: str) -> dict[str, Any]:
    return json.loads((SPECS / f"{assessment_id}.json").read_text(encoding="utf-8"))


def questions(spec_: dict[str, Any], section: str | None = None) -> list[dict[str, Any]]:
    return [q for s in spec_["sections"] if section in (None, s["id"]) for q in s["questions"]]


def by_stage(spec_: dict[str, Any], stage: str) -> list[str]:
    return [q["id"] for q in questions(spec_) if q["stage"] == stage]


def every(spec_: dict[str, Any], option: str, section: str | None = None) -> dict[str, str]:
    """Answer every question (of one section) with the option of this id."""
    return {q["id"]: option for q in questions(spec_, section)}
