"""Reading several exported files at once, for the views people use together (a team
view, a calibration, a debrief). Standard library only.

Every file is given as `(name, text)`; every problem is one sentence that names the file.
A file with a problem is left out of nothing: the caller shows the problems and changes
nothing, as an import of one file does in the browser.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from assessments.engine import read_answers
from assessments.sentences import counted

MAX_FILES = 200
MAX_FILE_BYTES = 5 * 1024 * 1024
EXPORT_FORMAT = "playbook-assessment"

Named = tuple[str, str]


def too_many(files: list[Any], what: str) -> str | None:
    """The problem with the number of files, or None: at most `MAX_FILES` at once."""
    if len(files) > MAX_FILES:
        return (f"{len(files)} files given: {what} takes at most {MAX_FILES} files at once; "
                f"nothing was read.")
    if not files:
        return f"no files given: {what} needs at least one."
    return None


def parse(name: str, text: str) -> tuple[Any, str | None]:
    """The JSON in `text`, or the problem with it in one sentence naming the file."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return None, f"{name}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
    try:
        return json.loads(text), None
    except ValueError as exc:
        where = (f" (line {exc.lineno}, column {exc.colno})"
                 if isinstance(exc, json.JSONDecodeError) else "")
        return None, f"{name}: not valid JSON{where}."


def answer_set(spec: dict[str, Any], name: str, data: Any) -> tuple[dict[str, Any] | None,
                                                                   str | None]:
    """The answers and role in one parsed file (an export of the browser, or a plain
    mapping of question ids to answers), or the problem with it."""
    if not isinstance(data, dict):
        return None, f"{name}: not an export of a playbook assessment."
    if "format" in data and data["format"] != EXPORT_FORMAT:
        return None, f"{name}: not an export of a playbook assessment."
    exported_for = data.get("assessment")
    if exported_for is not None and exported_for != spec["id"]:
        shown = str(exported_for)[:60]
        return None, f"{name}: holds answers to \u201c{shown}\u201d, not \u201c{spec['id']}\u201d."
    answers = data.get("answers") if "answers" in data or "format" in data else data
    if not isinstance(answers, dict) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool)
            for v in answers.values()):
        return None, f"{name}: its answers are not in the expected form."
    role = data.get("role") if "answers" in data else None
    if role is not None and not isinstance(role, str):
        return None, f"{name}: its role is not in the expected form."
    version = data.get("playbook_version")
    return {"name": name, "answers": answers, "role": role,
            "playbook_version": version if isinstance(version, str) else None}, None


def read_each(files: list[Named], what: str,
              read: Callable[[str, Any, list[Any]], tuple[Any, str | None]]
              ) -> tuple[list[Any], list[str]]:
    """Every file of `files` parsed and read by `read(name, data, read so far)`, which
    returns the item or the problem with it; the items, in order, and every problem (at
    most `MAX_FILES` files are read). A view is made only when there are no problems."""
    problem = too_many(files, what)
    if problem:
        return [], [problem]
    items: list[Any] = []
    problems: list[str] = []
    for name, text in files:
        data, problem = parse(name, text)
        item = None
        if problem is None:
            item, problem = read(name, data, items)
        if problem:
            problems.append(problem)
        elif item is not None:
            items.append(item)
    return items, problems


def read_answer_files(spec: dict[str, Any], files: list[Named], what: str
                      ) -> tuple[list[dict[str, Any]], list[str]]:
    """The answer sets of `files`, in their order, and every problem with them. The same
    file twice (the same content) is a problem: it would count one person twice."""
    seen: dict[str, str] = {}

    def read(name: str, data: Any, _sets: list[Any]) -> tuple[Any, str | None]:
        found, problem = answer_set(spec, name, data)
        if problem is not None or found is None:
            return None, problem
        key = json.dumps(data, sort_keys=True)
        if key in seen:
            return None, f"{name}: the same file as {seen[key]}; each person's file counts once."
        seen[key] = name
        return found, None

    return read_each(files, what, read)


def unmatched(spec: dict[str, Any], answer: dict[str, Any]) -> int:
    """How many answers of a file match no question (or no option) of this version."""
    return sum(1 for issue in read_answers(spec, answer)[2] if issue["question"] != "role")


def version_note(spec: dict[str, Any], answer: dict[str, Any]) -> str | None:
    """What reading a file of another playbook version did, as an import says it."""
    left_out = unmatched(spec, answer)
    other = answer.get("playbook_version")
    if not left_out and (other is None or other == spec.get("playbook_version")):
        return None
    text = f"{answer['name']}"
    if other is not None and other != spec.get("playbook_version"):
        text += f" is from playbook version {other}: its answers were matched by question id."
    else:
        text += ":"
    if left_out:
        noun = counted(left_out, "answer")
        verb = "matches" if left_out == 1 else "match"
        text += (f" {noun} no longer {verb} a question of this version and "
                 f"{'was' if left_out == 1 else 'were'} left out.")
    return text
