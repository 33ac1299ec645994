"""`playbook assess`: score a saved answers file with the same engine the browser runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessments import score
from generators import files
from generators.check import compile_playbook
from generators.errors import ContentError, Problem, UserError, did_you_mean, display_path
from generators.render.specs import build_specs

MAX_ANSWERS_BYTES = 1024 * 1024


class AnswersError(UserError):
    """The answers file cannot be used."""


def list_assessments(playbook_dir: Path) -> list[dict[str, Any]]:
    """Every assessment of the playbook: id, type, audience and title."""
    checked = compile_playbook(playbook_dir)
    items: list[Any] = sorted(checked.playbook.of("assessment").values(), key=lambda a: a.id)
    return [{"id": a.id, "type": a.type, "audience": a.audience, "title": a.title} for a in items]


def assess(playbook_dir: Path, assessment_id: str, answers_file: Path,
           role: str | None = None) -> dict[str, Any]:
    """Score the answers in `answers_file` (a browser export or a plain mapping)."""
    checked = compile_playbook(playbook_dir)
    specs = build_specs(checked.playbook)
    if assessment_id not in specs:
        hint = did_you_mean(assessment_id, specs)
        raise ContentError([Problem(display_path(playbook_dir), 1, 1, "",
                                    f"no assessment '{assessment_id}'",
                                    hint or "list them with 'playbook assess --list'")])
    answers = read_answers_file(answers_file, assessment_id)
    if role is not None:
        answers["role"] = role
    return score(specs[assessment_id], answers)


def read_answers_file(path: Path, assessment_id: str) -> dict[str, Any]:
    """The answers and role from a file exported by the browser, or a plain mapping.

    Any file the user names is read, but only a regular file of at most
    `MAX_ANSWERS_BYTES` (an export of the largest assessment is a few kilobytes).
    """
    name = display_path(path)
    data = files.read_json(path, limit=MAX_ANSWERS_BYTES)
    if not isinstance(data, dict):
        raise AnswersError(f"{name}: expected a JSON object of answers")
    if "answers" not in data:
        return {"answers": data}
    exported_for = data.get("assessment")
    if exported_for not in (None, assessment_id):
        shown = exported_for if isinstance(exported_for, str) else json.dumps(exported_for)[:40]
        raise AnswersError(f"{name}: these answers are for '{shown}', not "
                           f"'{assessment_id}'")
    if not isinstance(data["answers"], dict):
        raise AnswersError(f"{name}: 'answers' must be an object of question ids to answers")
    role = data.get("role")
    if role is not None and not isinstance(role, str):
        raise AnswersError(f"{name}: 'role' must be the id of a role")
    return {"answers": data["answers"], "role": role}


def render_text(result: dict[str, Any]) -> str:
    """A plain-text report of a result."""
    lines = [result["title"], ""]
    overall, verdict = result["overall"], result["verdict"]
    if overall:
        fit = f" ({_coloured(overall['fit'])})" if overall.get("fit") else ""
        if overall.get("score") is not None and overall.get("max") is not None:
            fit = f" ({overall['score']:g} of {overall['max']:g})"
        if overall.get("position"):
            fit = f", {overall['position']}"
        lines.append(f"Result: {_coloured(overall)}{fit}")
        if overall.get("summary"):
            lines.append(f"  {overall['summary']}")
    elif result["complete"]:
        lines.append("Result: see each part below")
    if verdict:
        lines += [f"Verdict: {verdict['label']}", f"  {verdict['summary']}"]
    lines.append(f"Answered {result['answered']} of {result['total']}")
    for section in result["sections"]:
        lines += ["", f"{section['title']}:"]
        if section.get("groups"):
            lines += _tree(section["groups"], "  ")
            continue
        unit = " points" if section["rule"] == "points" else ""
        lines += ["  " + _score_line(item, unit) for item in section["scores"]]
    lines += ["", "Why:"] + [f"  {line}" for line in result["why"]]
    plan = [row for s in result["sections"] for row in s.get("plan", [])]
    if plan:
        lines += ["", "Development plan:"]
        lines += [f"  {row['priority']['label'] if row['priority'] else '-'}: {row['name']} "
                  f"(rated {row['rating']:g}, target {row['target']:g})" for row in plan]
    if result["advice"]:
        lines += ["", "What to do next:"]
        for advice in result["advice"]:
            links = ", ".join(f"{link['title']} <{link['url']}>" for link in advice["links"])
            lines.append(f"  - {advice['text']}" + (f" [{links}]" if links else ""))
    if result["issues"]:
        lines += ["", "Answers not used:"]
        lines += [f"  {issue['question']}: {issue['message']}" for issue in result["issues"]]
    return "\n".join(lines)


def _score_line(item: dict[str, Any], unit: str = "") -> str:
    """One chart entry: '<label>: <value> of <max>[ points][, target <t>][ (<band>)]'."""
    value = "-" if item["value"] is None else f"{item['value']:g}"
    band = f" ({_coloured(item['band'])})" if item.get("band") else ""
    target = f", target {item['target']:g}" if item.get("target") is not None else ""
    below = ", below target" if item.get("below_target") else ""
    if unit and item["max"] == 1:
        unit = unit.rstrip("s")  # "0 of 1 point"
    return f"{item['label']}: {value} of {item['max']:g}{unit}{target}{below}{band}"


def _coloured(band: dict[str, Any]) -> str:
    """A band's label, with its colour when it has one the label does not already say."""
    colour = band.get("colour")
    if not colour or colour in band["label"].lower():
        return str(band["label"])
    return f"{band['label']}, {colour}"


def _tree(items: list[dict[str, Any]], indent: str) -> list[str]:
    """Groups and their members, each level indented two more spaces."""
    lines = []
    for item in items:
        lines.append(indent + _score_line(item))
        lines += _tree(item.get("members", []), indent + "  ")
    return lines
