"""The interview debrief: several interviewers' scorecards for one candidate, side by side.
Standard library only.

    cards, problems, notes = read_scorecards(spec, [(name, text), ...])
    view = debrief(spec, cards)

Per criterion: each interviewer's rating, their mean and their spread (highest minus
lowest); a spread of 2 points or more is a disagreement, and disagreements come first
(the largest first, then in the scorecard's order), then the other criteria in the
scorecard's order.

The combined score follows the scorecard's own rule: its total is the weighted sum of the
ratings (every criterion of a scorecard weighs 1), here of each criterion's mean rating;
the recommendation is the highest whose `min` that total reaches, given only when every
criterion has at least one rating. The band is the level of the scale the average rating
per criterion reaches (3.4 on a 1-5 scale: the level valued 3). Interviewers are listed
by name, then round, so the order of the files does not matter.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import Any

from assessments.engine import ENGINE_VERSION
from assessments.scores import band_for, exact, plain
from assessments.sentences import counted, listed, number

DISAGREE = 2


def debrief(spec: dict[str, Any], cards: list[dict[str, Any]]) -> dict[str, Any]:
    """The debrief of `cards` (as `read_scorecards` reads them) on scorecard `spec`."""
    cards = sorted(cards, key=lambda c: (c["interviewer"], c["round"], c.get("name", "")))
    criteria = [_criterion(c, cards) for c in spec["criteria"]]
    ordered = sorted(criteria, key=lambda c: (not c["flagged"],
                                              -(c["spread"] or 0) if c["flagged"] else 0))
    weights = {c["id"]: exact(c.get("weight", 1)) for c in spec["criteria"]}
    rated = [c for c in criteria if c["_mean"] is not None]
    total = sum((c["_mean"] * weights[c["id"]] for c in rated), Fraction(0))
    complete = bool(cards) and len(rated) == len(criteria)
    average = (total / sum((weights[c["id"]] for c in rated), Fraction(0))) if rated else None
    recommendation = band_for(spec["recommendations"], total) if complete else None
    band = band_for([{**lv, "min": lv["value"]} for lv in sorted(
        spec["scale"]["levels"], key=lambda lv: exact(lv["value"]))], average)
    for criterion in criteria:
        del criterion["_mean"]
    view = {"kind": "debrief", "engine_version": ENGINE_VERSION, "scorecard": spec["id"],
            "title": spec["title"], "playbook_version": spec.get("playbook_version"),
            "candidate": cards[0]["candidate"] if cards else None,
            "interviewers": [{"interviewer": c["interviewer"], "round": c["round"],
                              "total": _total(c, weights, len(criteria))} for c in cards],
            "criteria": ordered, "complete": complete,
            "score": plain(total) if rated else None, "max": spec["max"],
            "average": plain(average),
            "band": None if band is None else {"id": band["id"], "label": band["label"]},
            "recommendation": None if recommendation is None else {
                k: recommendation[k] for k in ("id", "label", "guidance")},
            "notes": _notes(spec, cards)}
    return _sentences(view)


def _criterion(criterion: dict[str, Any], cards: list[dict[str, Any]]) -> dict[str, Any]:
    ratings = [{"interviewer": c["interviewer"], "round": c["round"],
                "rating": c["ratings"].get(criterion["id"])} for c in cards]
    values = [exact(r["rating"]) for r in ratings if r["rating"] is not None]
    mean = sum(values, Fraction(0)) / len(values) if values else None
    spread = max(values) - min(values) if values else None
    return {"id": criterion["id"], "name": criterion["name"],
            "section": criterion.get("section_name"), "ratings": ratings,
            "mean": plain(mean), "spread": plain(spread),
            "flagged": spread is not None and spread >= DISAGREE, "_mean": mean}


def _total(card: dict[str, Any], weights: dict[str, Fraction], count: int) -> float | None:
    """One interviewer's own total, when they rated every criterion."""
    if len(card["ratings"]) < count:
        return None
    return plain(sum((exact(v) * weights.get(k, Fraction(1))
                      for k, v in card["ratings"].items()), Fraction(0)))


def _notes(spec: dict[str, Any], cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each notes field (the scorecard's first, then any other a card has), with every
    interviewer's text beside it; a field no one filled is left out."""
    fields = list(spec.get("notes", []))
    fields += [f for c in cards for f in c["notes"] if f not in fields]
    fields = list(dict.fromkeys(fields))
    return [{"field": field, "texts": [{"interviewer": c["interviewer"], "round": c["round"],
                                        "text": c["notes"].get(field, "").strip()}
                                       for c in cards]}
            for field in fields if any(c["notes"].get(field, "").strip() for c in cards)]


def _sentences(view: dict[str, Any]) -> dict[str, Any]:
    """Every sentence the debrief shows."""
    people = [f"{i['interviewer']} ({i['round']})" for i in view["interviewers"]]
    view["interviewers_text"] = (f"{counted(len(people), 'scorecard')} for "
                                 f"{view['candidate']}: {listed(people)}." if people
                                 else "No scorecards yet.")
    for criterion in view["criteria"]:
        criterion["ratings_text"] = " \u00b7 ".join(
            r["interviewer"] + " " + ("\u2013" if r["rating"] is None else number(r["rating"]))
            for r in criterion["ratings"])
        criterion["mean_text"] = ("not rated" if criterion["mean"] is None else
                                  f"mean {number(criterion['mean'])}, spread "
                                  f"{number(criterion['spread'])}")
        criterion["flag_text"] = (f"Ratings {counted(criterion['spread'], 'point')} apart: "
                                  f"compare the evidence." if criterion["flagged"] else None)
    flagged = sum(1 for c in view["criteria"] if c["flagged"])
    view["disagreements_text"] = (
        f"{counted(flagged, 'criterion', 'criteria')} with ratings {DISAGREE} or more points "
        f"apart, listed first." if flagged else
        f"No criterion with ratings {DISAGREE} or more points apart.")
    if view["score"] is None:
        view["score_text"] = "No ratings yet."
    else:
        band = f" ({view['band']['label']})" if view["band"] else ""
        view["score_text"] = (f"Combined score {number(view['score'])} of "
                              f"{number(view['max'])}: an average of "
                              f"{number(view['average'])} per criterion{band}.")
    recommendation = view["recommendation"]
    view["recommendation_text"] = (
        f"Recommendation: {recommendation['label']}." if recommendation else
        "No recommendation yet: not every criterion has a rating.")
    return view


def debrief_csv(view: dict[str, Any]) -> str:
    """The debrief as CSV: a row per criterion (disagreements first, as the view lists
    them) with a column per interviewer, then the totals and the recommendation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    people = [f"{i['interviewer']} ({i['round']})" for i in view["interviewers"]]
    writer.writerow(["criterion", "section", *people, "mean", "spread", "disagreement"])
    for criterion in view["criteria"]:
        writer.writerow([criterion["name"], criterion["section"] or "",
                         *(_plain(r["rating"]) for r in criterion["ratings"]),
                         _plain(criterion["mean"]), _plain(criterion["spread"]),
                         "yes" if criterion["flagged"] else ""])
    writer.writerow(["total", "", *(_plain(i["total"]) for i in view["interviewers"]),
                     _plain(view["score"]), "",
                     view["recommendation"]["label"] if view["recommendation"] else ""])
    return out.getvalue()


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
