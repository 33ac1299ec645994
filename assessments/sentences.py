"""The sentences a result shows, worded once by the engine: numbers, counts, lists of
names, places on a ladder, and every line of a result. Standard library only.

The browser renders these strings as they are and `playbook assess` prints them, so
the same answers read the same wherever they are scored.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any


def number(value: float) -> str:
    """A number for reading: at most two decimals, no trailing zeros, a real minus sign."""
    rounded = math.floor(value * 100 + 0.5) / 100
    text = repr(abs(rounded))
    text = text[:-2] if text.endswith(".0") else text
    return ("\u2212" if rounded < 0 else "") + text


def counted(value: float | Fraction, one: str, many: str | None = None,
            shown: str | None = None) -> str:
    """A number and its noun, singular only for exactly one: '1 point', '2 points',
    '0 points', '1.5 points'. The number reads as `shown` when given (say, `number(value)`),
    else in its shortest form."""
    noun = one if float(value) == 1 else (many or one + "s")
    return f"{float(value):g} {noun}" if shown is None else f"{shown} {noun}"


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


def band_text(band: dict[str, Any]) -> str:
    """A band's label, with its colour's name when the label does not say it already:
    the colour is never the only way to tell bands apart."""
    colour = band.get("colour")
    label = str(band["label"])
    if colour in ("red", "amber", "green") and colour not in label.lower():
        return f"{label}, {colour}"
    return label


def _counted(value: float, noun: str) -> str:
    """'1 point', '2 points', '0.5 points', '−1 points': `counted`, the number read by
    `number`."""
    return counted(value, noun, shown=number(value))


def value_text(rule: str, entry: dict[str, Any]) -> str:
    """How to read one chart entry's number, by its section's scoring rule."""
    value = entry.get("value")
    if value is None:
        return "not answered"
    shown, most = number(value), number(entry["max"])
    if rule == "cumulative-stages":
        return f"{math.floor(value + 0.5)}%"
    if rule == "anchored-stages":
        return f"{shown} of {_counted(entry['max'], 'answer')}"
    if rule == "points":
        return f"{shown} of {_counted(entry['max'], 'point')}"
    text = f"{shown} of {most}"
    if rule == "dimension-mean" and entry.get("band") and entry["band"].get("label"):
        text += " \u00b7 " + band_text(entry["band"])
    if rule == "skills-gap":
        if entry.get("target") is not None:
            text += " \u00b7 target " + number(entry["target"])
        if entry.get("below_target"):
            text += " \u00b7 below target"
    return text


def score_text(section: dict[str, Any]) -> str | None:
    """The line that sums up a section's score, or None when it has none."""
    score, rule = section["score"], section["rule"]
    if score is None:
        return None
    if rule in ("cumulative-stages", "anchored-stages"):
        return section.get("position") or None
    if rule == "points":
        if len(section.get("tied") or []) > 1:
            return "Tied for first place"
        return "The best fit leads by " + _counted(score, "point")
    of = f"{number(score)} of {number(section['max'])}"
    if rule == "dimension-mean":
        measure = section.get("measure") or "average"
        return f"{measure[:1].upper()}{measure[1:]} {of}"
    return ("Average " if rule == "skills-gap" else "Score ") + of


def group_texts(items: list[dict[str, Any]]) -> None:
    for item in items:
        value = item.get("value")
        item["text"] = ("not answered" if value is None
                        else f"{number(value)} of {number(item['max'])}")
        item["band_text"] = band_text(item["band"]) if item.get("band") else None
        group_texts(item.get("members") or [])


def _rating(spec: dict[str, Any], question_id: str, value: float) -> str:
    """A rating with its option's label, from the question's own options ('2 · Basic')."""
    labels = [o["label"] for s in spec["sections"] for q in s["questions"]
              if q["id"] == question_id for o in q["options"] if o.get("value") == value]
    return number(value) + (f" \u00b7 {labels[-1]}" if labels else "")


def skill_texts(spec: dict[str, Any], section: dict[str, Any]) -> None:
    for category in section.get("categories") or []:
        category["text"] = number(category["value"])
    for row in section.get("plan") or []:
        row["rating_text"] = _rating(spec, row["question"], row["rating"])
        row["target_text"] = _rating(spec, row["question"], row["target"])
        row["gap_text"] = number(row["gap"])
