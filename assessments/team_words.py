"""The sentences of a team view, worded once by the engine. Standard library only.

The browser renders these strings as they are and `playbook assess --team` prints them.
"""

from __future__ import annotations

from typing import Any

from assessments.sentences import band_text, counted, number


def range_text(item: dict[str, Any]) -> str:
    """'range 2–4.5, middle half 3–4', or 'everyone alike at 3' when there is no spread."""
    if item["spread"] == 0:
        return f"everyone alike at {number(item['min'])}"
    return (f"range {number(item['min'])}\u2013{number(item['max'])}, middle half "
            f"{number(item['q1'])}\u2013{number(item['q3'])}")


def stats_text(item: dict[str, Any], most: float | None = None) -> str:
    """'Median 3.5 of 5 (range 2–4.5, middle half 3–4) · Watch, amber', or 'not answered'."""
    if item["median"] is None:
        return "not answered"
    of = f" of {number(most)}" if most is not None else ""
    text = f"Median {number(item['median'])}{of} ({range_text(item)})"
    if item.get("stage"):
        text += f" \u00b7 {item['stage']['name']}"
    elif item.get("band"):
        text += f" \u00b7 {band_text(item['band'])}"
    return text


def distribution_text(places: list[dict[str, Any]]) -> str | None:
    """'Healthy 2 · Watch 1 · At risk 0', or None when there are no places to count."""
    if not places:
        return None
    return " \u00b7 ".join(f"{p['label']} {p['count']}" for p in places)


def word_team(view: dict[str, Any]) -> dict[str, Any]:
    """`view` with its sentences: `people_text`, each section's `text`, `team_text` and
    `distribution_text`, each dimension's `text` and `distribution_text`, each question's
    `text_counts` and `spread_text`, and `disagreements_text`, one line per question
    where the team disagrees most (or one line saying it agrees)."""
    people = view["people"]
    view["people_text"] = f"Answers of {counted(people, 'person', 'people')}, without names."
    for section in view["sections"]:
        section["text"] = stats_text(section, section.get("most"))
        team = section["stage"]["name"] if section["stage"] else (
            band_text(section["band"]) if section["band"] else None)
        section["team_text"] = f"The team as a whole: {team}" if team else None
        section["distribution_text"] = distribution_text(section["distribution"])
        for dimension in section["dimensions"]:
            dimension["text"] = stats_text(dimension)
            dimension["distribution_text"] = distribution_text(
                [p for p in dimension["distribution"]])
    questions = {q["id"]: q for q in view["questions"]}
    for question in view["questions"]:
        question["counts_text"] = " \u00b7 ".join(
            f"{c['label']} {c['count']}" for c in question["counts"])
        question["spread_text"] = (None if question["median"] is None else
                                   f"{counted(question['answered'], 'answer')}, "
                                   f"{range_text(question)}")
    view["disagreements_text"] = [
        f"\u201c{questions[qid]['text']}\u201d: {questions[qid]['spread_text']}"
        for qid in view["disagreements"]] or [
        "The team answered every question alike." if people > 1 else
        "One person's answers: nothing to compare yet."]
    return view
