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
    """A plain-text report of a result, in the sentences the engine wrote for it (the
    same the browser shows)."""
    words = result["headline"]
    fit = f" ({words['fit']})" if words["fit"] else ""
    place = f", {words['score']}" if words["score"] else ""
    lines = [result["title"], "", f"{words['kicker']}: {words['label']}{fit}{place}"]
    if words["summary"]:
        lines.append(f"  {words['summary']}")
    verdict = result["verdict"]
    if verdict:
        lines += [f"Verdict: {verdict['label']}", f"  {verdict['summary']}"]
    lines.append(result["progress"] + (f" {result['role_text']}" if result["role_text"] else ""))
    for section in result["sections"]:
        lines += ["", f"{section['title']}:"]
        lines += [f"  {text}" for text in (section["result_text"], section["categories_text"],
                                          section["empty_text"]) if text]
        if section.get("groups"):
            lines += _tree(section["groups"], "  ")
            continue
        lines += [f"  {item['label']}: {item['text']}" for item in section["scores"]]
    lines += ["", "Why:"] + [f"  {line}" for line in result["why"]]
    lines += _plan(result)
    if result["advice"] or result["advice_note"]:
        lines += ["", "What to do next:"]
        if result["advice_note"]:
            lines.append(f"  {result['advice_note']}")
        for advice in result["advice"]:
            links = ", ".join(f"{link['title']} <{link['url']}>" for link in advice["links"])
            lines.append(f"  - {advice['text']}" + (f" [{links}]" if links else ""))
    if result["issues"]:
        lines += ["", "Answers not used:"] + [f"  {issue['text']}" for issue in result["issues"]]
    return "\n".join(lines)


def _plan(result: dict[str, Any]) -> list[str]:
    """The development plan of each skills-gap section: what it holds, then its rows."""
    sections = [s for s in result["sections"] if s.get("plan_text")]
    if not sections:
        return []
    lines = ["", "Development plan:"]
    for section in sections:
        lines.append(f"  {section['plan_text']}")
        lines += [f"  {row['priority']['label'] if row['priority'] else '-'}: {row['name']} "
                  f"(rated {row['rating_text']}, target {row['target_text']}, "
                  f"gap {row['gap_text']})" for row in section["plan"]]
    return lines


def _tree(items: list[dict[str, Any]], indent: str) -> list[str]:
    """Groups and their members, each level indented two more spaces."""
    lines = []
    for item in items:
        band = f" \u00b7 {item['band_text']}" if item.get("band_text") else ""
        lines.append(f"{indent}{item['label']}: {item['text']}{band}")
        lines += _tree(item.get("members", []), indent + "  ")
    return lines
