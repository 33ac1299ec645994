"""Every sentence a result shows is in the result: the progress line, the line a screen
reader announces, each section's line, its chart's words and table, the development
plan's lead, the note where advice will be, the problems with the answers and how a
saved result reads. Standard library only: these tests also run inside Pyodide."""

from __future__ import annotations

from assessments import score
from tests.engine.fixtures import by_stage, example_spec, spec

SKILLS = example_spec("secure-engineering", "engineering-skills")


def test_progress_and_the_announcement() -> None:
    team = spec("team-maturity")
    result = score(team, {})
    assert result["progress"] == ("Answered 0 of 20 questions: the result firms up as you "
                                  "answer the rest.")
    assert result["announcement"] == "Result: Forming. Answered 0 of 20."
    assert result["summary_text"] == "Forming"
    every = dict.fromkeys([q["id"] for s in team["sections"] for q in s["questions"]], "yes")
    assert score(team, every)["progress"] == "Answered 20 of 20 questions."
    health = score(spec("team-health"), {})
    assert health["announcement"] == f"No result yet. Answered 0 of {health['total']}."
    assert health["summary_text"] == "no result"
    assert health["advice_note"] == "Advice appears here as you answer."


def test_a_stage_line_and_its_chart() -> None:
    ladder = spec("transformation-level")
    result = score(ladder, dict.fromkeys(by_stage(ladder, "level-1"), "yes"))
    section = result["sections"][0]
    assert section["result_text"] == "Level: Random Acts of Social (level 1 of 0\u20135)"
    assert section["summary_text"] == "1 of 5 \u00b7 Random Acts of Social"
    chart = section["chart"]
    assert chart["title"] == f"Bar chart: {section['title']}"
    assert chart["label"].startswith(f"Bar chart of {section['title']}: Random Acts of Social "
                                     "100%; ")
    assert chart["label"].endswith(f"; {round(chart['threshold'] * 100)}% needed")
    assert chart["legend"] == [{"kind": "threshold", "text": f"{round(chart['threshold'] * 100)}%"
                                " needed to reach a stage"}]
    table = section["table"]
    assert table["caption"] == f"Scores: {section['title']}"
    assert table["columns"] == ["Item", "Score", "Out of"]
    assert table["rows"][0] == ["Random Acts of Social", "100%", "100%"]
    assert table["rows"][1][1:] == ["0%", "100%"]
    assert [row[0] for row in table["rows"]] == [e["label"] for e in section["scores"]]


def test_skills_below_target_in_the_chart_the_table_and_the_plan() -> None:
    result = score(SKILLS, {"answers": {"technical-craft": "l6", "secure-delivery": "l2"},
                            "role": "staff-engineer"})
    section = result["sections"][0]
    assert [item["kind"] for item in section["chart"]["legend"]] == ["bar", "target", "gap"]
    assert section["chart"]["legend"][1]["text"] == "target for the role"
    assert section["table"]["columns"] == ["Item", "Score", "Out of", "Target"]
    rows = {row[0]: row[1:] for row in section["table"]["rows"]}
    assert rows["Secure delivery"] == ["2", "6", "4 (below target)"]
    assert rows["Technical craft"] == ["6", "6", "4"]
    assert section["plan_text"] == "Skills below the target, most urgent first."
    assert section["categories_text"].startswith("Averages: ")
    assert result["role_text"] == "Compared with the targets for Staff Engineer."
    level = score(SKILLS, {"answers": {"technical-craft": "l6"}, "role": "staff-engineer"})
    assert level["sections"][0]["plan_text"] == (
        "No gaps: every skill you rated meets the target.")


def test_a_part_with_nothing_to_show_says_so() -> None:
    result = score(SKILLS, {})
    section = result["sections"][0]
    assert section["empty_text"] == "Nothing to show yet: answer the questions of this part."
    assert section["plan_text"] == "Rate your skills to see which ones to develop first."
    assert section["chart"] is None and section["table"] is None
    assert section["summary_text"] == "not answered"
    assert result["role_text"] is None
    assert [issue["text"] for issue in result["issues"]] == [
        "Role: Choose a role to compare against; ratings are compared with the default target"]


def test_groups_are_labelled_and_answers_not_used_name_their_question() -> None:
    governance = example_spec("secure-engineering", "governance-maturity")
    result = score(governance, {"nope": "x", "risk-appetite-agreed": "never"})
    assert result["sections"][0]["groups_label"] == "Scores by group: Governance"
    texts = [issue["text"] for issue in result["issues"]]
    assert texts[0] == "nope: No such question"
    question = next(q["text"] for s in governance["sections"] for q in s["questions"]
                    if q["id"] == "risk-appetite-agreed")
    assert texts[1] == f"{question}: 'never' is not an answer to this question"
