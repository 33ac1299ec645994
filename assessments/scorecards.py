"""The scorecard file an interviewer exports, and the check of several of them before a
debrief. Standard library only.

A scorecard file is a small JSON object:

    {"kind": "playbook-scorecard", "format_version": 1,
     "scorecard": "candidate-scorecard", "playbook_version": "2026-Q4",
     "candidate": "Robin Example", "round": "Panel", "interviewer": "Sam",
     "ratings": {"sales-acumen": 4, "initiative": "excellent", ...},
     "notes": {"Strengths (1)": "...", ...}}

A rating is a value of the scorecard's scale or the id of one of its levels; null (or no
entry) is a criterion the interviewer did not rate. Ratings of
criteria this version does not have (a file from another playbook version, with renamed
criteria) are matched by id, as imports are: the rest are left out and said so.
"""

from __future__ import annotations

from typing import Any

from assessments.exports import Named, read_each
from assessments.scores import exact, plain
from assessments.sentences import counted

KIND = "playbook-scorecard"
FORMAT_VERSION = 1
WHAT = "a debrief"


def scorecard_file(spec: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The file an interviewer exports: `card` holds the candidate, round, interviewer,
    ratings and notes."""
    return {"kind": KIND, "format_version": FORMAT_VERSION, "scorecard": spec["id"],
            "playbook_version": spec.get("playbook_version"), "candidate": card["candidate"],
            "round": card["round"], "interviewer": card["interviewer"],
            "ratings": dict(card["ratings"]), "notes": dict(card.get("notes") or {})}


def score_card(spec: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The file of one scorecard as it is being filled in (`card`: candidate, round,
    interviewer, ratings by criterion id, notes by field), its score (the debrief of this
    one card), the fields still to fill before it can be exported, and how many criteria
    are rated. Ratings that are not a level of the scale are left out."""
    from assessments.debrief import debrief

    ratings = {c["id"]: card.get("ratings", {}).get(c["id"]) for c in spec["criteria"]}
    values = {k: _value(spec, v) for k, v in ratings.items() if v is not None}
    read = {"name": "", "candidate": str(card.get("candidate") or "").strip(),
            "round": str(card.get("round") or "").strip(),
            "interviewer": str(card.get("interviewer") or "").strip(),
            "ratings": {k: v for k, v in values.items() if v is not None},
            "notes": {str(k): str(v) for k, v in (card.get("notes") or {}).items()}}
    file = scorecard_file(spec, {**read, "ratings": {k: v for k, v in ratings.items()
                                                     if values.get(k) is not None}})
    missing = [f for f in ("candidate", "round", "interviewer") if not read[f]]
    rated = len(read["ratings"])
    progress = f"{rated} of {counted(len(spec['criteria']), 'criterion', 'criteria')} rated."
    return {"file": file, "view": debrief(spec, [read]), "missing": missing,
            "progress_text": progress}


def read_scorecards(spec: dict[str, Any], files: list[Named]
                    ) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The scorecards in `files`, every problem with them (one sentence each, naming the
    file) and what reading them left out. The cards are usable only when there are no
    problems."""
    def read(name: str, data: Any, cards: list[Any]) -> tuple[Any, str | None]:
        card, problem = _card(spec, name, data)
        return (None, problem) if problem or card is None else (card, _clash(card, cards))

    cards, problems = read_each(files, WHAT, read)
    notes = [_left_out(spec, card) for card in cards if card["left_out"]]
    return cards, problems, notes


def _card(spec: dict[str, Any], name: str, data: Any) -> tuple[dict[str, Any] | None,
                                                              str | None]:
    if isinstance(data, dict) and data.get("format") == "playbook-assessment":
        return None, (f"{name}: holds answers to the assessment \u201c{data.get('assessment')}"
                      f"\u201d, not a scorecard.")
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return None, f"{name}: not a scorecard exported from the playbook."
    if data.get("scorecard") != spec["id"]:
        return None, (f"{name}: a scorecard of \u201c{str(data.get('scorecard'))[:60]}\u201d, "
                      f"not \u201c{spec['id']}\u201d.")
    for field in ("candidate", "round", "interviewer"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            return None, f"{name}: names no {field}."
    ratings, notes = data.get("ratings"), data.get("notes", {})
    if not isinstance(ratings, dict):
        return None, f"{name}: its ratings are not in the expected form."
    if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
        return None, f"{name}: its notes are not in the expected form."
    known = {c["id"]: c for c in spec["criteria"]}
    values, left_out = {}, []
    for criterion, rating in ratings.items():
        if criterion not in known:
            left_out.append(str(criterion))
            continue
        if rating is None:
            continue
        value = _value(spec, rating)
        if value is None:
            return None, (f"{name}: the rating of \u201c{known[criterion]['name']}\u201d "
                          f"({str(rating)[:20]}) is not a level of the scorecard's scale.")
        values[criterion] = value
    version = data.get("playbook_version")
    return {"name": name, "candidate": data["candidate"].strip(),
            "round": data["round"].strip(), "interviewer": data["interviewer"].strip(),
            "ratings": values, "notes": {str(k): v for k, v in notes.items()},
            "playbook_version": version if isinstance(version, str) else None,
            "left_out": left_out}, None


def _value(spec: dict[str, Any], rating: Any) -> float | None:
    for level in spec["scale"]["levels"]:
        if rating == level["id"] or (isinstance(rating, int | float)
                                     and not isinstance(rating, bool)
                                     and exact(rating) == exact(level["value"])):
            return plain(exact(level["value"]))
    return None


def _clash(card: dict[str, Any], cards: list[dict[str, Any]]) -> str | None:
    """A card about another candidate than the first, or a second card of the same
    interviewer for the same round."""
    if cards and card["candidate"] != cards[0]["candidate"]:
        return (f"{card['name']}: is about \u201c{card['candidate']}\u201d, not "
                f"\u201c{cards[0]['candidate']}\u201d as {cards[0]['name']} is; a debrief is "
                f"about one candidate.")
    for other in cards:
        if (other["interviewer"], other["round"]) == (card["interviewer"], card["round"]):
            return (f"{card['name']}: a second scorecard from {card['interviewer']} for the "
                    f"round \u201c{card['round']}\u201d (the first is {other['name']}).")
    return None


def _left_out(spec: dict[str, Any], card: dict[str, Any]) -> str:
    count = len(card["left_out"])
    version = card["playbook_version"]
    origin = (f" is from playbook version {version}:" if version and version !=
              spec.get("playbook_version") else ":")
    verb = "matches" if count == 1 else "match"
    return (f"{card['name']}{origin} {counted(count, 'rating')} no longer {verb} a criterion "
            f"of this scorecard and {'was' if count == 1 else 'were'} left out.")
