"""`playbook assess`: score a saved answers file with the same engine the browser runs;
with several files, the views people use together (a team view, a self-vs-manager
calibration, an interview debrief), made by the same engine functions the browser calls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessments import score, together
from assessments.exports import too_many
from generators import files
from generators.check import compile_playbook
from generators.errors import ContentError, Problem, UserError, did_you_mean, display_path
from generators.render.specs import build_scorecard_specs, build_specs

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
    spec = _spec(playbook_dir, assessment_id)
    answers = read_answers_file(answers_file, assessment_id)
    if role is not None:
        answers["role"] = role
    return score(spec, answers)


def _spec(playbook_dir: Path, spec_id: str, kind: str = "assessment") -> dict[str, Any]:
    """The spec of an assessment (or a scorecard) of the playbook, built as the site's."""
    playbook = compile_playbook(playbook_dir).playbook
    specs = build_scorecard_specs(playbook) if kind == "scorecard" else build_specs(playbook)
    if spec_id not in specs:
        hint = did_you_mean(spec_id, specs)
        where = "list them with 'playbook assess --list'" if kind == "assessment" else (
            f"its scorecards: {', '.join(sorted(specs)) or 'none'}")
        raise ContentError([Problem(display_path(playbook_dir), 1, 1, "",
                                    f"no {kind} '{spec_id}'", hint or where)])
    return specs[spec_id]


def _texts(paths: list[Path], what: str) -> list[tuple[str, str]]:
    """Each file as (its name, its text), for the engine to check and read."""
    problem = too_many(paths, what)
    if problem:
        raise AnswersError(problem)
    texts = []
    for path in paths:
        data = files.read_bytes(path, None, limit=MAX_ANSWERS_BYTES)
        try:
            texts.append((display_path(path), data.decode("utf-8")))
        except UnicodeDecodeError:
            raise AnswersError(f"{display_path(path)}: not UTF-8 text, so not an "
                               f"exported file.") from None
    return texts


def _made(outcome: tuple[dict[str, Any] | None, list[str]]) -> dict[str, Any]:
    view, problems = outcome
    if view is None:
        raise AnswersError("\n".join(problems))
    return view


def team(playbook_dir: Path, assessment_id: str, paths: list[Path]) -> dict[str, Any]:
    """The team view of exported answer files."""
    spec = _spec(playbook_dir, assessment_id)
    return _made(together.team_from_files(spec, _texts(paths, "a team view")))


def calibration(playbook_dir: Path, assessment_id: str, own: Path, other: Path,
                role: str | None = None) -> dict[str, Any]:
    """The calibration of a person's skills file against someone else's rating of them."""
    spec = _spec(playbook_dir, assessment_id)
    first, second = _texts([own, other], "a calibration")
    return _made(together.calibration_from_files(spec, first, second, role))


def debrief(playbook_dir: Path, scorecard_id: str, paths: list[Path]) -> dict[str, Any]:
    """The interview debrief of interviewers' scorecard files."""
    spec = _spec(playbook_dir, scorecard_id, "scorecard")
    return _made(together.debrief_from_files(spec, _texts(paths, "a debrief")))


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


def render_together(view: dict[str, Any], output: str) -> str:
    """A team view, calibration or debrief as `output` (text, json or csv) says. A
    calibration's text is Markdown."""
    if output in ("json", "csv"):
        # Printed line by line: the terminal (or the shell's redirection) ends each line.
        return together.export(view, output).replace("\r\n", "\n").rstrip("\n")
    if view["kind"] == "calibration":
        return together.export(view, "markdown").rstrip("\n") + _notes(view["read_notes"])
    return (_team_text(view) if view["kind"] == "team" else _debrief_text(view))


def _notes(notes: list[str] | None) -> str:
    return "".join(f"\n{note}" for note in notes or [])


def _team_text(view: dict[str, Any]) -> str:
    lines = [f"{view['title']}: the team view", view["people_text"]]
    for section in view["sections"]:
        lines += ["", f"{section['title']}: {section['text']}"]
        lines += [f"  {text}" for text in (section["team_text"],
                                           section["distribution_text"]) if text]
        for item in section["dimensions"]:
            lines.append(f"  {item['label']}: {item['text']}")
            if item["distribution_text"]:
                lines.append(f"    {item['distribution_text']}")
    lines += ["", "Where the team disagrees most:"]
    lines += [f"  {line}" for line in view["disagreements_text"]]
    lines += ["", "Answers per question:"]
    lines += [f"  \u201c{q['text']}\u201d: {q['counts_text']}" for q in view["questions"]]
    return "\n".join(lines) + _notes(view["read_notes"])


def _debrief_text(view: dict[str, Any]) -> str:
    lines = [f"{view['title']}: debrief", view["interviewers_text"], view["score_text"],
             view["recommendation_text"]]
    if view["recommendation"]:
        lines.append(f"  {view['recommendation']['guidance']}")
    lines += ["", view["disagreements_text"]]
    for criterion in view["criteria"]:
        flag = f" {criterion['flag_text']}" if criterion["flag_text"] else ""
        lines.append(f"  {criterion['name']}: {criterion['ratings_text']} "
                     f"({criterion['mean_text']}).{flag}")
    if view["notes"]:
        lines += ["", "Notes:"]
        for note in view["notes"]:
            lines.append(f"  {note['field']}:")
            lines += [f"    {t['interviewer']} ({t['round']}): {t['text'] or '-'}"
                      for t in note["texts"]]
    return "\n".join(lines) + _notes(view["read_notes"])
