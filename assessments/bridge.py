"""JSON in, JSON out: the functions the browser calls through Pyodide.

Files travel as a JSON list of `{"name": ..., "text": ...}`; a view that cannot be made
comes back as `{"problems": [sentence, ...]}`, each sentence naming its file. The views of
several files are imported when first asked for, so scoring one result starts no slower."""

from __future__ import annotations

import json
from typing import Any

from assessments.engine import score


def score_json(spec_text: str, answers_text: str) -> str:
    """Score answers given as JSON text against a spec given as JSON text."""
    try:
        answers = json.loads(answers_text)
    except ValueError as exc:
        return json.dumps({"error": f"answers are not valid JSON: {exc}"})
    return json.dumps(score(json.loads(spec_text), answers), ensure_ascii=False)


def _files(files_text: str) -> list[tuple[str, str]] | None:
    try:
        files = json.loads(files_text)
    except ValueError:
        return None
    if not isinstance(files, list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str)
            and isinstance(f.get("text"), str) for f in files):
        return None
    return [(f["name"], f["text"]) for f in files]


def _answer(outcome: tuple[dict[str, Any] | None, list[str]]) -> str:
    view, problems = outcome
    return json.dumps({"problems": problems} if view is None else view, ensure_ascii=False)


BAD_FILES = json.dumps({"problems": ["the files are not a list of names and texts"]})


def team_json(spec_text: str, files_text: str) -> str:
    """The team view of exported answer files (see `together.team_from_files`)."""
    from assessments import together

    files = _files(files_text)
    return BAD_FILES if files is None else _answer(
        together.team_from_files(json.loads(spec_text), files))


def calibration_json(spec_text: str, files_text: str, role: str | None = None) -> str:
    """The calibration of two skills files, the person's own first."""
    from assessments import together

    files = _files(files_text)
    if files is None or len(files) != 2:
        return json.dumps({"problems": ["a calibration takes two files: the person's own "
                                        "ratings, then the other's"]})
    return _answer(together.calibration_from_files(json.loads(spec_text), files[0], files[1],
                                                   role or None))


def debrief_json(spec_text: str, files_text: str) -> str:
    """The debrief of interviewers' scorecard files."""
    from assessments import together

    files = _files(files_text)
    return BAD_FILES if files is None else _answer(
        together.debrief_from_files(json.loads(spec_text), files))


def scorecard_json(spec_text: str, card_text: str) -> str:
    """One interviewer's scorecard as they fill it: the file they export and its score (a
    debrief of this one card: total, band and recommendation by the scorecard's rule)."""
    from assessments import scorecards

    try:
        card = json.loads(card_text)
    except ValueError as exc:
        return json.dumps({"error": f"the scorecard is not valid JSON: {exc}"})
    return json.dumps(scorecards.score_card(json.loads(spec_text), card), ensure_ascii=False)


def export_json(view_text: str, output: str) -> str:
    """A team view, calibration or debrief as an exported file's text (json, csv or, for a
    calibration, markdown): the same text `playbook assess --format` prints."""
    from assessments import together

    return together.export(json.loads(view_text), output)
