"""How the engine words counts, lists of names and places on a ladder. Standard library only.

The browser and `playbook assess` show these words as they are, so a result reads the
same wherever it is shown.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any


def counted(number: float | Fraction, one: str, many: str | None = None) -> str:
    """A number and its noun, singular only for exactly one: '1 point', '2 points',
    '0 points', '1.5 points'."""
    value = float(number)
    return f"{value:g} {one if value == 1 else (many or one + 's')}"


def listed(names: list[str]) -> str:
    """Names joined for reading: 'A', 'A and B', 'A, B and C'."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def position(spec: dict[str, Any], stage: dict[str, Any]) -> str:
    """Where `stage` sits on the ladder of the assessment's model, in the model's own word
    for a stage: 'stage 2 of 5' for stages numbered 1 to 5, 'level 2 of 0–5' for a ladder
    numbered from 0 (six levels are never 'of 5'), 'stage 20 of 10–40' for any other
    numbering."""
    word = spec.get("stage_word") or "stage"
    numbers = [s["number"] for s in spec["stages"]]
    if numbers == list(range(1, len(numbers) + 1)):
        return f"{word} {stage['number']} of {len(numbers)}"
    return f"{word} {stage['number']} of {numbers[0]}\u2013{numbers[-1]}"
