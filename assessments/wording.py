"""A result with every sentence it shows, worded once by the engine. Standard library only.

The browser renders these strings as they are and `playbook assess` prints them, so
the same answers read the same wherever they are scored.
"""

from __future__ import annotations

from typing import Any

from assessments import charts, overview
from assessments.sentences import (
    band_text,
    group_texts,
    number,
    score_text,
    skill_texts,
    value_text,
)


def section_line(section: dict[str, Any]) -> str | None:
    """The line that sums up a section: its stage ('Stage: Forming (stage 1 of 5)'), or its
    score and band ('Average 2.5 of 5: Watch, amber'), or None when it has neither."""
    score, band = section["score_text"], section["band_text"]
    if section["stage"] and section["rule"] != "dimension-mean":
        place = f" ({score})" if score else ""
        return f"{section['stage_label']}: {section['stage']['name']}{place}"
    if score and band:
        return f"{score}: {band}"
    return score or band or None


def plan_text(section: dict[str, Any]) -> str | None:
    """What a skills-gap section's development plan holds, or None for other sections."""
    if section["rule"] != "skills-gap":
        return None
    if section.get("plan"):
        return "Skills below the target, most urgent first."
    if section.get("rows"):
        return "No gaps: every skill you rated meets the target."
    return "Rate your skills to see which ones to develop first."


def summary_text(section: dict[str, Any]) -> str:
    """A section of a saved result in a few words: '3 of 5 \u00b7 Forming'."""
    parts = []
    if section["score"] is not None and section["max"] is not None:
        parts.append(f"{number(section['score'])} of {number(section['max'])}")
    if section["stage"]:
        parts.append(str(section["stage"]["name"]))
    elif section["band"]:
        parts.append(str(section["band"]["label"]))
    return " \u00b7 ".join(parts) or "not answered"


def _lines(section: dict[str, Any]) -> None:
    """The sentences of a section beside its numbers."""
    section["result_text"] = section_line(section)
    categories = section.get("categories") or []
    section["categories_text"] = ("Averages: " + " \u00b7 ".join(
        f"{c['label']} {c['text']}" for c in categories)) if categories else None
    shown = section["scores"] or section["result_text"] or section["categories_text"]
    section["empty_text"] = (None if shown else
                             "Nothing to show yet: answer the questions of this part.")
    section["groups_label"] = (f"Scores by group: {section['title']}"
                               if section.get("groups") else None)
    section["plan_text"] = plan_text(section)
    section["summary_text"] = summary_text(section)


def word(spec: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """`result` with its sentences. Each section gets `score_text`, `band_text`,
    `stage_label`, `result_text`, `categories_text`, `empty_text`, `groups_label`,
    `plan_text`, `summary_text`, its `chart` and `table`, a `text` beside the number of
    every chart entry, group and skills category, and the rating, target and gap of each
    row of its development plan; the result gets the sentences about it as a whole
    (`overview.word_overall`)."""
    stage_word = spec.get("stage_word") or "stage"
    spec_sections = {s["id"]: s for s in spec["sections"]}
    for section in result["sections"]:
        section["score_text"] = score_text(section)
        section["band_text"] = band_text(section["band"]) if section["band"] else None
        section["stage_label"] = stage_word[:1].upper() + stage_word[1:]
        for entry in section["scores"]:
            entry["text"] = value_text(section["rule"], entry)
        group_texts(section.get("groups") or [])
        skill_texts(spec, section)
        _lines(section)
        section["chart"] = charts.chart(spec_sections.get(section["id"]), section)
        section["table"] = charts.table(section)
    return overview.word_overall(spec, result)
