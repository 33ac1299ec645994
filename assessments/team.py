"""The team view of an assessment: many people's answers, side by side. Standard library
only.

    view = team_view(spec, [{"answers": {...}, "role": ...}, ...])

Each answer set is scored alone by the engine (`score`); the team view then reads, for
every section and every dimension (every entry of a section's chart), the numbers of all
the people who have one, and for every question, the answers given.

Quartiles use the *inclusive* method (statistics.quantiles(..., method="inclusive"),
Excel's QUARTILE.INC): in the sorted values x[0..n-1], the quartile at p (1/4, 1/2,
3/4) lies at position p*(n-1), between its two neighbours by linear interpolation. The
median is the middle quartile, and one value is its own quartiles. The interquartile range
is the upper quartile minus the lower; the spread is the maximum minus the minimum.
Numbers are exact fractions until they are handed out.

The team's band (or stage) is the playbook's own rule applied to the median: a section or
dimension with bands takes the band its median reaches (`band_for`, as one person's score
does); a section scored in stages takes the highest stage whose number the median reaches
(for an even number of people between two stages, the lower one, as `anchored-stages`
does). A selector's sections have no band: their distribution counts each person's best fit.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from typing import Any

from assessments.engine import ENGINE_VERSION, read_answers, score
from assessments.exports import version_note
from assessments.scores import band_for, brief, exact, plain
from assessments.team_words import word_team

MOST_DISAGREED = 5
STAGED = ("cumulative-stages", "anchored-stages")


def quartiles(values: list[Fraction]) -> tuple[Fraction, Fraction, Fraction]:
    """The lower quartile, median and upper quartile of `values` (not empty), by the
    inclusive method."""
    ordered = sorted(values)
    last = len(ordered) - 1

    def at(p: Fraction) -> Fraction:
        place = p * last
        low = int(place)
        if low >= last:
            return ordered[last]
        return ordered[low] + (ordered[low + 1] - ordered[low]) * (place - low)

    return at(Fraction(1, 4)), at(Fraction(1, 2)), at(Fraction(3, 4))


def stats(values: list[Fraction]) -> tuple[dict[str, Any], Fraction | None]:
    """How many values there are, their median, minimum, maximum, quartiles, interquartile
    range and spread as plain numbers (all None when there are none); and the exact
    median, for the band it reaches."""
    if not values:
        return {"count": 0, "median": None, "min": None, "max": None, "q1": None, "q3": None,
                "iqr": None, "spread": None}, None
    q1, median, q3 = quartiles(values)
    return {"count": len(values), "median": plain(median), "min": plain(min(values)),
            "max": plain(max(values)), "q1": plain(q1), "q3": plain(q3),
            "iqr": plain(q3 - q1), "spread": plain(max(values) - min(values))}, median


def team_view(spec: dict[str, Any], answer_sets: list[Any]) -> dict[str, Any]:
    """The team view of `answer_sets` (each a mapping of answers, or `{"answers": ...,
    "role": ...}`, as `exports.read_answer_files` reads them; names are not needed). The
    order of the sets does not change it."""
    results = [score(spec, answers) for answers in answer_sets]
    chosen = [read_answers(spec, answers)[0] for answers in answer_sets]
    sections = [_section(spec, s, [r["sections"][i] for r in results])
                for i, s in enumerate(spec["sections"])]
    questions = [_question(q, chosen) for s in spec["sections"] for q in s["questions"]]
    ranked = sorted((q for q in questions if q["spread"]),
                    key=lambda q: (-q["spread"], -(q["iqr"] or 0), q["id"]))
    view = {"kind": "team", "engine_version": ENGINE_VERSION, "assessment": spec["id"],
            "title": spec["title"], "type": spec["type"],
            "playbook_version": spec.get("playbook_version"), "people": len(results),
            "sections": sections, "questions": questions,
            "disagreements": [q["id"] for q in ranked[:MOST_DISAGREED]],
            "read_notes": _notes(spec, answer_sets)}
    return word_team(view)


def _section(spec: dict[str, Any], section: dict[str, Any],
             results: list[dict[str, Any]]) -> dict[str, Any]:
    numbers, median = stats([exact(r["score"]) for r in results if r["score"] is not None])
    entry: dict[str, Any] = {"id": section["id"], "title": section["title"],
                             "rule": section["rule"], **numbers,
                             "most": results[0]["max"] if results else None}
    entry["band"], entry["stage"] = _team_band(spec, section, median)
    entry["distribution"] = _distribution(spec, section, results)
    entry["dimensions"] = [_dimension(section, eid, label, results)
                           for eid, label in _parts(spec, section, results)]
    return entry


def _parts(spec: dict[str, Any], section: dict[str, Any], results: list[dict[str, Any]]
           ) -> list[tuple[str, str]]:
    """The parts of a section the team view shows a line for, in the spec's order (never
    in the order of the files): its dimensions, a skills section's every skill, the
    stages an anchored section counts; none for a selector, a ladder of stages or a count
    (whose one number is the section's own)."""
    if section["rule"] in ("points", "cumulative-stages", "count"):
        return []
    if section["rule"] == "skills-gap":
        return [(q["id"], q["text"]) for q in section["questions"]]
    labels = {e["id"]: e["label"] for r in results for e in r["scores"]}
    order = [*(d["id"] for d in spec["dimensions"]), *(s["id"] for s in spec["stages"]),
             section["id"]]
    return sorted(labels.items(), key=lambda item: (
        order.index(item[0]) if item[0] in order else len(order), item[0]))


def _team_band(spec: dict[str, Any], section: dict[str, Any], median: Fraction | None
               ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if median is None or section["rule"] == "points":
        return None, None
    if section["rule"] in STAGED:
        reached = [s for s in spec["stages"] if exact(s["number"]) <= median]
        stage = reached[-1] if reached else None
        return None, None if stage is None else {"id": stage["id"], "name": stage["name"],
                                                 "number": stage["number"]}
    band = brief(band_for(section["bands"], median))
    stage = next((s for s in spec["stages"] if band and s["id"] == band["id"]), None)
    return band, None if stage is None else {"id": stage["id"], "name": stage["name"],
                                             "number": stage["number"]}


def _distribution(spec: dict[str, Any], section: dict[str, Any],
                  results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How many people reached each band (or stage, or best fit), in the playbook's
    order; a place no one reached counts 0."""
    if section["rule"] == "points":
        places = [(o["id"], o["label"]) for o in spec["outcomes"]]
        reached = [r["winner"]["id"] for r in results if r.get("winner")]
    elif section["rule"] in STAGED:
        places = [(s["id"], s["name"]) for s in spec["stages"]]
        reached = [r["stage"]["id"] for r in results if r["stage"]]
    else:
        places = [(b["id"], b["label"]) for b in section["bands"]]
        reached = [r["band"]["id"] for r in results if r["band"]]
    return [{"id": pid, "label": label, "count": reached.count(pid)} for pid, label in places]


def _dimension(section: dict[str, Any], eid: str, label: str,
               results: list[dict[str, Any]]) -> dict[str, Any]:
    values = [exact(e["value"]) for r in results for e in r["scores"]
              if e["id"] == eid and e.get("value") is not None]
    numbers, median = stats(values)
    band = brief(band_for(section["bands"], median)) if section["bands"] else None
    bands = [e["band"]["id"] for r in results for e in r["scores"]
             if e["id"] == eid and e.get("band")]
    return {"id": eid, "label": label, **numbers, "band": band,
            "distribution": [{"id": b["id"], "label": b["label"], "count": bands.count(b["id"])}
                             for b in section["bands"]]}


def _question(question: dict[str, Any], chosen: list[dict[str, Any]]) -> dict[str, Any]:
    """The answers given to one question: a count per option, and the spread of their
    values."""
    given = [c[question["id"]] for c in chosen if question["id"] in c]
    counts = [{"id": o["id"], "label": o["label"],
               "count": sum(1 for g in given if g["id"] == o["id"])}
              for o in question["options"]]
    numbers, _median = stats([exact(g["value"]) for g in given if g.get("value") is not None])
    return {"id": question["id"], "text": question["text"], "answered": len(given),
            "counts": counts, **numbers}



def _notes(spec: dict[str, Any], answer_sets: list[Any]) -> list[str]:
    """What reading each named file of another version (or with answers to questions this
    version does not have) did."""
    return [note for answers in answer_sets if isinstance(answers, dict) and answers.get("name")
            for note in [version_note(spec, answers)] if note]


CSV_COLUMNS = ("part", "id", "label", "answered", "median", "minimum", "maximum",
               "lower quartile", "upper quartile", "interquartile range", "spread",
               "team band", "distribution")


def team_csv(view: dict[str, Any]) -> str:
    """The team view as CSV: a row per section, per dimension and per question, with the
    numbers of the view (no names: there are none)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for section in view["sections"]:
        team = section["stage"]["name"] if section["stage"] else (
            section["band"]["label"] if section["band"] else "")
        writer.writerow(["section", section["id"], section["title"],
                         *_numbers(section), team, section["distribution_text"] or ""])
        for item in section["dimensions"]:
            writer.writerow(["dimension", item["id"], item["label"], *_numbers(item),
                             item["band"]["label"] if item["band"] else "",
                             item["distribution_text"] or ""])
    for question in view["questions"]:
        writer.writerow(["question", question["id"], question["text"], *_numbers(question),
                         "", question["counts_text"]])
    return out.getvalue()


def _numbers(item: dict[str, Any]) -> list[Any]:
    return [item.get("answered", item["count"]),
            *("" if item[k] is None else f"{item[k]:g}"
              for k in ("median", "min", "max", "q1", "q3", "iqr", "spread"))]


def team_json(view: dict[str, Any]) -> str:
    """The team view as JSON text, as `playbook assess --team --format json` writes it."""
    return json.dumps(view, indent=2, ensure_ascii=False) + "\n"
