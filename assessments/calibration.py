"""Self-vs-other calibration of a skills assessment: a person's own ratings beside
someone else's (their manager's) for the same role. Standard library only.

    view = calibrate(spec, self_answers, other_answers, role="sdr")

Per competency (each question of a skills-gap section): both ratings, the role's target,
both gaps (target minus rating, as the skills-gap rule has them) and how many levels apart
the two ratings are, counted on the question's own scale (its options in the order of
their values), so a scale of 4, 5 or 6 levels, or one numbered from 0, reads the same. Two
levels or more apart is flagged for discussion.

The discussion agenda holds every competency where the two ratings differ or either is
below the target: the largest disagreement first, then the larger of the two gaps to the
target, then by name.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from typing import Any

from assessments.engine import ENGINE_VERSION, read_answers
from assessments.scores import exact, plain
from assessments.sentences import counted, number

FLAG_LEVELS = 2


def calibrate(spec: dict[str, Any], own: Any, other: Any, role: str | None = None,
              labels: tuple[str, str] = ("Self", "Manager")) -> dict[str, Any]:
    """The calibration of `own` and `other` answers (each a mapping, or `{"answers":
    ...}`) against `role`'s targets (the sections' default target without a role)."""
    mine = read_answers(spec, own)[0]
    theirs = read_answers(spec, other)[0]
    roles = {r["id"] for r in spec.get("roles", [])}
    chosen = role if role in roles else None
    rows = [_row(section, question, mine, theirs, chosen)
            for section in spec["sections"] if section["rule"] == "skills-gap"
            for question in section["questions"]]
    for row in rows:
        _word(row, labels)
    both = [r for r in rows if r["levels_apart"] is not None]
    agenda = sorted((r for r in both if r["levels_apart"] or max(
        r["own_gap"] or 0, r["other_gap"] or 0) > 0),
        key=lambda r: (-r["levels_apart"], -max(r["own_gap"] or 0, r["other_gap"] or 0),
                       r["name"]))
    flagged = [r for r in rows if r["flagged"]]
    view = {"kind": "calibration", "engine_version": ENGINE_VERSION,
            "assessment": spec["id"], "title": spec["title"],
            "playbook_version": spec.get("playbook_version"), "role": chosen,
            "labels": list(labels), "rows": rows,
            "agenda": [r["question"] for r in agenda], "flagged": [r["question"] for r in flagged]}
    return _sentences(spec, view, role, roles)


def _row(section: dict[str, Any], question: dict[str, Any], mine: dict[str, Any],
         theirs: dict[str, Any], role: str | None) -> dict[str, Any]:
    target = question["targets"].get(role, section.get("default_target")) if role else (
        section.get("default_target"))
    order = [o["id"] for o in sorted((o for o in question["options"]
                                      if o.get("value") is not None),
                                     key=lambda o: exact(o["value"]))]
    own, other = mine.get(question["id"]), theirs.get(question["id"])
    apart = (abs(order.index(own["id"]) - order.index(other["id"]))
             if own and other and own["id"] in order and other["id"] in order else None)
    return {"question": question["id"], "name": question["text"],
            "category": question.get("category"), "competency": question.get("competency"),
            "levels": len(order), "own": _rating(own), "other": _rating(other),
            "target": None if target is None else plain(exact(target)),
            "own_gap": _gap(target, own), "other_gap": _gap(target, other),
            "levels_apart": apart, "flagged": apart is not None and apart >= FLAG_LEVELS}


def _rating(option: dict[str, Any] | None) -> dict[str, Any] | None:
    if option is None or option.get("value") is None:
        return None
    return {"id": option["id"], "label": option["label"], "value": plain(exact(option["value"]))}


def _gap(target: Any, option: dict[str, Any] | None) -> float | None:
    if target is None or option is None or option.get("value") is None:
        return None
    return plain(exact(target) - Fraction(exact(option["value"])))


def _word(row: dict[str, Any], labels: tuple[str, str]) -> None:
    """The sentences of one competency."""
    def rating(item: dict[str, Any] | None) -> str:
        return "not rated" if item is None else f"{number(item['value'])} \u00b7 {item['label']}"

    row["own_text"], row["other_text"] = rating(row["own"]), rating(row["other"])
    row["target_text"] = "no target" if row["target"] is None else number(row["target"])
    row["own_gap_text"] = "\u2013" if row["own_gap"] is None else number(row["own_gap"])
    row["other_gap_text"] = "\u2013" if row["other_gap"] is None else number(row["other_gap"])
    apart = row["levels_apart"]
    row["apart_text"] = ("not rated by both" if apart is None else "same level" if apart == 0
                         else counted(apart, "level") + " apart")
    row["flag_text"] = (f"{labels[0]} and {labels[1].lower()} are {counted(apart, 'level')} "
                        f"apart: discuss the evidence." if row["flagged"] and apart else None)
    # The competency's line on the agenda, after its name.
    row["agenda_text"] = (f"{labels[0]} {row['own_text']}, {labels[1]} {row['other_text']}, "
                          f"target {row['target_text']} ({row['apart_text']}).")


def _sentences(spec: dict[str, Any], view: dict[str, Any], asked: str | None,
               roles: set[str]) -> dict[str, Any]:
    names = {r["id"]: r.get("title", r["id"]) for r in spec.get("roles", [])}
    if view["role"]:
        view["role_text"] = f"Targets of the role {names[view['role']]}."
    elif asked:
        view["role_text"] = (f"\u201c{asked}\u201d is not a role of this playbook: ratings are "
                             f"compared with the default target.")
    else:
        view["role_text"] = "No role chosen: ratings are compared with the default target."
    flagged = len(view["flagged"])
    view["flagged_text"] = (f"{counted(flagged, 'competency', 'competencies')} rated "
                            f"{FLAG_LEVELS} or more levels apart." if flagged else
                            f"No competency rated {FLAG_LEVELS} or more levels apart.")
    view["agenda_text"] = ("To discuss, the largest disagreement first, then the largest gap "
                           "to the target." if view["agenda"] else
                           "Nothing to discuss: the ratings agree and meet the target.")
    return view


def calibration_markdown(view: dict[str, Any]) -> str:
    """The calibration as Markdown: the agenda, then every competency in a table."""
    own, other = view["labels"]
    rows = {r["question"]: r for r in view["rows"]}
    lines = [f"# Calibration: {view['title']}", "", view["role_text"], "",
             view["flagged_text"], "", "## Discussion agenda", "", view["agenda_text"], ""]
    for index, qid in enumerate(view["agenda"], 1):
        row = rows[qid]
        flag = " **Flagged.**" if row["flagged"] else ""
        lines.append(f"{index}. **{_cell(row['name'])}**: {row['agenda_text']}{flag}")
    lines += ["", "## Every competency", "",
              f"| Competency | {own} | {other} | Target | {own}: gap | {other}: gap | Apart |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {_cell(r['name'])} | {r['own_text']} | {r['other_text']} | "
              f"{r['target_text']} | {r['own_gap_text']} | {r['other_gap_text']} | "
              f"{r['apart_text']}{' (flagged)' if r['flagged'] else ''} |" for r in view["rows"]]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell or a bold span."""
    return text.replace("|", "\\|").replace("*", "\\*")


def calibration_csv(view: dict[str, Any]) -> str:
    """The calibration as CSV: a row per competency, with its place on the agenda."""
    own, other = view["labels"]
    place = {qid: index for index, qid in enumerate(view["agenda"], 1)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["competency", "category", own, f"{own}: level", other, f"{other}: level",
                     "target", f"{own}: gap", f"{other}: gap", "levels apart", "flagged",
                     "agenda"])
    for row in view["rows"]:
        writer.writerow([row["name"], row["category"] or "", *_rated(row["own"]),
                         *_rated(row["other"]), _plain(row["target"]), _plain(row["own_gap"]),
                         _plain(row["other_gap"]), _plain(row["levels_apart"]),
                         "yes" if row["flagged"] else "", place.get(row["question"], "")])
    return out.getvalue()


def _rated(item: dict[str, Any] | None) -> list[str]:
    return ["", ""] if item is None else [_plain(item["value"]), item["label"]]


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
