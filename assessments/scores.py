"""Exact scores, the bands they reach, and the pieces every rule's result is made of.

Answer values, weights and band limits are read as exact fractions: a JSON number by
the decimal it was written as (0.1 is one tenth, not the nearest binary float), a text
such as "2/3" as that fraction. Sums and means are then exact, so a mean of 2/3 reaches
a band whose `min` is "2/3", and 0.7 + 0.1 reaches a band at 0.8. A band `min` written
as 0.67 is the author's own rounding: 2/3 is below it. Scores become plain numbers,
rounded to four places, only when they are handed out (`plain`).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

Option = dict[str, Any]
Answers = dict[str, Option]
Result = dict[str, Any]


def exact(value: Any) -> Fraction:
    """`value` (a number, or a text such as "2/3" or "0.5") as an exact fraction."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def plain(value: Fraction | float | None) -> float | None:
    """A score as the JSON result shows it: a float rounded to four places."""
    return None if value is None else round(float(value), 4)


def two_places(value: Fraction) -> str:
    """A score with two decimals, a half rounded up as the browser shows it (2.125: 2.13)."""
    return f"{math.floor(value * 100 + Fraction(1, 2)) / 100:.2f}"


def combine(how: str, pairs: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    """The `sum`, `mean` or `weighted-mean` of `(value, weight)` pairs; None for none."""
    if not pairs:
        return None
    if how == "sum":
        return sum((value for value, _weight in pairs), Fraction(0))
    if how == "weighted-mean":
        total = sum((weight for _value, weight in pairs), Fraction(0))
        if total > 0:
            return sum((value * weight for value, weight in pairs), Fraction(0)) / total
    return sum((value for value, _weight in pairs), Fraction(0)) / len(pairs)


def top_of(question: dict[str, Any]) -> Fraction:
    """The highest value an answer to this question can have."""
    values = [exact(o["value"]) for o in question["options"] if o.get("value") is not None]
    return max(values) if values else Fraction(0)


def answer_of(question: dict[str, Any], answers: Answers) -> Fraction | None:
    """The value of the reader's answer to this question, if it has one."""
    option = answers.get(question["id"])
    return None if option is None or option.get("value") is None else exact(option["value"])


def band_for(bands: list[dict[str, Any]], value: Fraction | None) -> dict[str, Any] | None:
    """The highest band whose minimum the value reaches: a value equal to a band's
    `min` is in that band."""
    if value is None:
        return None
    found = None
    for band in bands:
        if value >= exact(band["min"]):
            found = band
    return found


def brief(band: dict[str, Any] | None) -> dict[str, Any] | None:
    """A band as results show it: its id, label, summary and colour (red, amber, green or
    None when the playbook gives it none)."""
    return None if band is None else {"id": band["id"], "label": band["label"],
                                      "summary": band["summary"],
                                      "colour": band.get("colour")}


def answer_text(question: dict[str, Any], answers: Answers) -> str:
    option = answers.get(question["id"])
    label = option["label"] if option else "not answered"
    return f"\u201c{question['text']}\u201d: {label}"


def base(section: dict[str, Any], **fields: Any) -> Result:
    """A section's result with every field a rule may leave empty."""
    result: Result = {"id": section["id"], "title": section["title"], "rule": section["rule"],
                      "score": None, "max": None, "stage": None, "position": None,
                      "band": None, "scores": [], "why": [], "advice": []}
    result.update(fields)
    return result


def written(advice: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The advice items that say something (an item with blank text is left out)."""
    return [item for item in advice if str(item.get("text") or "").strip()]
