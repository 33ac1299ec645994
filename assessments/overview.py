"""The sentences about a result as a whole: its headline, how far the answers have come,
the line a screen reader announces, the problems with the answers, the note where advice
will be, and how a saved result names it. Standard library only."""

from __future__ import annotations

from typing import Any

from assessments.sentences import band_text, counted, number


def headline(result: dict[str, Any]) -> dict[str, Any]:
    """The headline: a kicker ('Your stage'), the label, its score or place on the
    ladder, the best fit's band and a summary."""
    overall = result["overall"]
    if overall is None:
        if result["complete"]:
            return {"kicker": "Your result", "label": "Results by part", "score": None,
                    "fit": None, "summary": "Each part's result is shown below."}
        return {"kicker": "Your result", "label": "No result yet", "score": None, "fit": None,
                "summary": "Answer the questions above: the result updates with every answer."}
    tied = len(overall.get("tied") or []) > 1
    kicker = {"stage": f"Your {overall.get('word') or 'stage'}",
              "outcome": "Equal best fits" if tied else "Best fit"}.get(overall["kind"],
                                                                        "Your result")
    score = overall.get("position") or None
    if score is None and overall.get("score") is not None and overall.get("max") is not None:
        score = f"{number(overall['score'])} of {number(overall['max'])}"
    label = band_text(overall) if overall.get("colour") and not tied else overall["label"]
    fit = overall.get("fit")
    return {"kicker": kicker, "label": label, "score": score,
            "fit": band_text(fit) if fit and fit.get("label") else None,
            "summary": overall.get("summary") or ""}



def progress(result: dict[str, Any]) -> str:
    """How many questions are answered: 'Answered 3 of 10 questions: the result firms up
    as you answer the rest.'"""
    total = result["total"]
    return (f"Answered {result['answered']} of {counted(total, 'question', shown=number(total))}"
            + ("." if result["complete"] else ": the result firms up as you answer the rest."))


def role_text(spec: dict[str, Any], role: str | None) -> str | None:
    """Which role's targets the ratings are compared with, or None without a role."""
    found = next((r for r in spec.get("roles") or [] if r["id"] == role), None)
    return None if found is None else f"Compared with the targets for {found['title']}."


def announcement(result: dict[str, Any]) -> str:
    """The one line a screen reader hears when the result changes."""
    overall, verdict = result["overall"], result["verdict"]
    text = (f"Result: {overall['label']}." if overall else
            "Results by part below." if result["complete"] else "No result yet.")
    if verdict:
        text += f" {verdict['label']}."
    return text + f" Answered {result['answered']} of {result['total']}."


def issue_text(spec: dict[str, Any], issue: dict[str, str]) -> str:
    """A problem with the answers, after the question it is about: 'Role: Choose a role…'."""
    message = issue["message"]
    message = message[:1].upper() + message[1:]
    question = issue["question"]
    if not question:
        return message
    texts = {q["id"]: q["text"] for s in spec["sections"] for q in s["questions"]}
    return f"{'Role' if question == 'role' else texts.get(question, question)}: {message}"


def word_overall(spec: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """`result` with its `headline`, `progress`, `role_text`, `announcement`,
    `advice_note` (where advice will appear, while there is none yet), each issue's
    `text`, and `summary_text` (how a saved result names its overall result)."""
    result["headline"] = headline(result)
    result["progress"] = progress(result)
    result["role_text"] = role_text(spec, result["role"])
    result["announcement"] = announcement(result)
    result["advice_note"] = (None if result["advice"] or result["complete"] else
                             "Advice appears here as you answer.")
    for issue in result["issues"]:
        issue["text"] = issue_text(spec, issue)
    result["summary_text"] = result["overall"]["label"] if result["overall"] else "no result"
    return result
