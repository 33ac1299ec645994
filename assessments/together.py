"""The views people use together, from the files they exported: a team view, a
calibration and a debrief. Standard library only.

Each function takes files as `(name, text)` pairs and returns `(view, problems)`: the view
when every file can be used, else None and every problem, one sentence each naming its
file. A view's `read_notes` say what reading the files left out (answers or ratings of
another playbook version that match nothing in this one). The browser (through
assessments/bridge.py) and `playbook assess` call these same functions, so the same files
give the same numbers and sentences in both.
"""

from __future__ import annotations

import json
from typing import Any

from assessments.calibration import calibrate, calibration_csv, calibration_markdown
from assessments.debrief import debrief, debrief_csv
from assessments.exports import Named, read_answer_files, version_note
from assessments.scorecards import read_scorecards
from assessments.team import team_csv, team_view

Outcome = tuple[dict[str, Any] | None, list[str]]


def team_from_files(spec: dict[str, Any], files: list[Named]) -> Outcome:
    """The team view of the exported answers in `files`."""
    sets, problems = read_answer_files(spec, files, "a team view")
    if problems:
        return None, problems
    return team_view(spec, sets), []


def calibration_from_files(spec: dict[str, Any], own: Named, other: Named,
                           role: str | None = None) -> Outcome:
    """The calibration of two skills files: `own` (the person's) and `other` (their
    manager's, or anyone's rating of them). The role is `role`, else the one in the
    person's own file."""
    if not any(s["rule"] == "skills-gap" for s in spec["sections"]):
        return None, [f"\u201c{spec['id']}\u201d is not a skills assessment: a calibration "
                      f"compares skills ratings."]
    sets, problems = read_answer_files(spec, [own, other], "a calibration")
    if problems:
        return None, problems
    chosen = role or sets[0]["role"] or sets[1]["role"]
    view = calibrate(spec, sets[0], sets[1], chosen)
    view["read_notes"] = [n for n in (version_note(spec, s) for s in sets) if n]
    return view, []


def debrief_from_files(spec: dict[str, Any], files: list[Named]) -> Outcome:
    """The debrief of the scorecards in `files`."""
    cards, problems, notes = read_scorecards(spec, files)
    if problems:
        return None, problems
    view = debrief(spec, cards)
    view["read_notes"] = notes
    return view, []


#: What each view exports as: CSV for every view, Markdown for a calibration, JSON for all.
EXPORTS = {"team": {"csv": team_csv},
           "calibration": {"csv": calibration_csv, "markdown": calibration_markdown},
           "debrief": {"csv": debrief_csv}}


def export(view: dict[str, Any], output: str) -> str:
    """A view as the text of an exported file: `output` is json, csv or (a calibration)
    markdown. The browser's downloads and `playbook assess --format` use this."""
    if output == "json":
        return json.dumps(view, indent=2, ensure_ascii=False) + "\n"
    return EXPORTS[view["kind"]][output](view)
