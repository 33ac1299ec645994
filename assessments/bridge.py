"""JSON in, JSON out: the one function the browser calls through Pyodide."""

from __future__ import annotations

import json

from assessments.engine import score


def score_json(spec_text: str, answers_text: str) -> str:
    """Score answers given as JSON text against a spec given as JSON text."""
    try:
        answers = json.loads(answers_text)
    except ValueError as exc:
        return json.dumps({"error": f"answers are not valid JSON: {exc}"})
    return json.dumps(score(json.loads(spec_text), answers), ensure_ascii=False)
