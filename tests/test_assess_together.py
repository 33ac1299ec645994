"""`playbook assess --team / --compare / --debrief` on the default playbook, run as a user
runs it; the same files through the browser's bridge give the same view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assessments import bridge
from assessments.exports import MAX_FILES
from assessments.scorecards import scorecard_file
from generators.check import compile_playbook
from generators.render.specs import build_scorecard_specs, build_specs
from tests.conftest import DEFAULT_PLAYBOOK
from tests.test_cli import run

SPECS = build_specs(compile_playbook(DEFAULT_PLAYBOOK).playbook)
CARDS = build_scorecard_specs(compile_playbook(DEFAULT_PLAYBOOK).playbook)
PLAYBOOK = ("--playbook", str(DEFAULT_PLAYBOOK))


def _export(spec: dict[str, Any], answers: dict[str, str], role: str | None = None
            ) -> dict[str, Any]:
    return {"format": "playbook-assessment", "format_version": 1, "assessment": spec["id"],
            "playbook_version": spec["playbook_version"], "exported": "2026-11-30T10:00:00Z",
            "role": role, "answers": answers, "history": []}


def _team_files(folder: Path) -> list[str]:
    """Five team-health files: person i answers question j with option (i * j) mod 5."""
    spec = SPECS["team-health"]
    questions = [q for s in spec["sections"] for q in s["questions"]]
    names = []
    for i in range(5):
        answers = {q["id"]: q["options"][(i * j) % 5]["id"] for j, q in enumerate(questions)}
        (folder / f"p{i}.json").write_text(json.dumps(_export(spec, answers)), "utf-8")
        names.append(f"p{i}.json")
    return names


def test_team_view_as_text_csv_and_json_the_same_as_the_browsers(tmp_path: Path) -> None:
    names = _team_files(tmp_path)
    text = run("assess", "team-health", *names, "--team", *PLAYBOOK, cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "Answers of 5 people, without names." in text.stdout
    assert "Where the team disagrees most:" in text.stdout
    csv = run("assess", "team-health", *names, "--team", "--format", "csv", *PLAYBOOK,
              cwd=tmp_path)
    assert csv.stdout.splitlines()[0].startswith("part,id,label,answered,median,")
    assert csv.stdout.splitlines()[1].startswith("section,health,Team health check,5,")
    cli = json.loads(run("assess", "team-health", *names, "--team", "--format", "json",
                         *PLAYBOOK, cwd=tmp_path).stdout)
    files = [{"name": n, "text": (tmp_path / n).read_text("utf-8")} for n in names]
    browser = json.loads(bridge.team_json(json.dumps(SPECS["team-health"]), json.dumps(files)))
    assert cli == browser and cli["people"] == 5


def test_bad_team_files_one_line_each_and_nothing_printed(tmp_path: Path) -> None:
    names = _team_files(tmp_path)
    (tmp_path / "broken.json").write_text("{", "utf-8")
    (tmp_path / "again.json").write_text((tmp_path / "p1.json").read_text("utf-8"), "utf-8")
    result = run("assess", "team-maturity", "p0.json", "--team", *PLAYBOOK, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("playbook: error: p0.json: holds answers to \u201cteam-health\u201d, "
                             "not \u201cteam-maturity\u201d.\n")
    result = run("assess", "team-health", *names, "broken.json", "again.json", "--team",
                 *PLAYBOOK, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "playbook: error: broken.json: not valid JSON (line 1, column 2).",
        "playbook: error: again.json: the same file as p1.json; each person's file counts "
        "once."]


def test_too_many_files_say_the_limit(tmp_path: Path) -> None:
    names = [f"{i}.json" for i in range(MAX_FILES + 1)]
    result = run("assess", "team-health", *names, "--team", *PLAYBOOK, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("playbook: error: 201 files given: a team view takes at most "
                             "200 files at once; nothing was read.\n")


def test_calibration_as_markdown_and_csv(tmp_path: Path) -> None:
    spec = SPECS["skills-self-assessment"]
    first = spec["sections"][0]["questions"][0]
    (tmp_path / "me.json").write_text(json.dumps(_export(spec, {first["id"]: "novice"},
                                                         "sdr-absm")), "utf-8")
    (tmp_path / "manager.json").write_text(json.dumps(_export(spec, {first["id"]: "proficient"})),
                                           "utf-8")
    result = run("assess", "skills-self-assessment", "me.json", "--compare", "manager.json",
                 *PLAYBOOK, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Calibration: ")
    assert "1 competency rated 2 or more levels apart." in lines
    assert (f"1. **{first['text']}**: Self 1 \u00b7 Novice, Manager 4 \u00b7 Proficient, "
            f"target 3 (3 levels apart). **Flagged.**") in lines
    csv = run("assess", "skills-self-assessment", "me.json", "--compare", "manager.json",
              "--format", "csv", *PLAYBOOK, cwd=tmp_path).stdout.splitlines()
    assert csv[0] == ("competency,category,Self,Self: level,Manager,Manager: level,target,"
                      "Self: gap,Manager: gap,levels apart,flagged,agenda")
    assert csv[1] == f"{first['text']},{first['category']},1,Novice,4,Proficient,3,2,-1,3,yes,1"
    single = run("assess", "skills-self-assessment", "me.json", "--format", "csv", *PLAYBOOK,
                 cwd=tmp_path)
    assert (single.returncode, single.stdout) == (1, "")
    assert single.stderr == ("playbook: error: --format csv is offered with --team, --compare "
                             "and --debrief; a single result is offered as text or json\n")


def test_debrief_of_three_interviewers(tmp_path: Path) -> None:
    card = CARDS["candidate-scorecard"]
    names = []
    for who, rating, initiative in (("Sam", 4, 1), ("Alex", 3, 3), ("Kim", 3, 5)):
        ratings = {c["id"]: rating for c in card["criteria"]} | {"initiative": initiative}
        data = scorecard_file(card, {"candidate": "Robin Example", "round": f"{who} round",
                                     "interviewer": who, "ratings": ratings, "notes": {}})
        (tmp_path / f"{who}.json").write_text(json.dumps(data), "utf-8")
        names.append(f"{who}.json")
    result = run("assess", "candidate-scorecard", *names, "--debrief", *PLAYBOOK, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # Eleven criteria at a mean of 10/3, initiative at 3: 39.67 of 60.
    assert lines[2] == ("Combined score 39.67 of 60: an average of 3.31 per criterion "
                        "(Average).")
    assert lines[3] == "Recommendation: Hire with Reservations."
    assert lines[6] == "1 criterion with ratings 2 or more points apart, listed first."
    assert lines[7] == ("  Initiative: Alex 3 \u00b7 Kim 5 \u00b7 Sam 1 (mean 3, spread 4). "
                        "Ratings 4 points apart: compare the evidence.")
    wrong = run("assess", "candidate-scorecard", "Sam.json", "Sam.json", "--debrief",
                *PLAYBOOK, cwd=tmp_path)
    assert (wrong.returncode, wrong.stdout) == (1, "")
    assert wrong.stderr == ("playbook: error: Sam.json: a second scorecard from Sam for the "
                            "round \u201cSam round\u201d (the first is Sam.json).\n")
