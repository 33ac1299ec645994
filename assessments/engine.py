"""Score a reader's answers against an assessment spec. Standard library only.

    from assessments import score
    result = score(spec, {"answers": {"question-id": "option-id"}, "role": "role-id"})

`spec` is the JSON the build writes for each assessment (see generators/specs.py).
`score` never raises on bad answers: unknown questions, unknown options and a
missing role are reported in `result["issues"]` and left out of the scoring.
The result is plain JSON: the overall stage, band, outcome or verdict; each
section's score and chart numbers; the reasons behind them; the advice, linked to
playbook pages; and every sentence the result shows, worded once (assessments/wording.py)
for the browser to render and `playbook assess` to print.
"""

from __future__ import annotations

from typing import Any

from assessments import rules
from assessments.scores import band_for, combine, exact, plain, written
from assessments.sentences import listed, position
from assessments.wording import word

ENGINE_VERSION = "1"
SPEC_VERSION = 1


def score(spec: dict[str, Any], answers: Any) -> dict[str, Any]:
    """The result of `answers` (a mapping, or `{"answers": ..., "role": ...}`)."""
    chosen, role, issues = read_answers(spec, answers)
    sections = []
    for section in spec["sections"]:
        if section["rule"] == "skills-gap":
            sections.append(rules.skills_gap(spec, section, chosen, role))
        else:
            sections.append(rules.RULES[section["rule"]](spec, section, chosen))
    questions = [q for section in spec["sections"] for q in section["questions"]]
    result: dict[str, Any] = {
        "engine_version": ENGINE_VERSION, "assessment": spec["id"], "title": spec["title"],
        "type": spec["type"], "playbook_version": spec.get("playbook_version"), "role": role,
        "answered": sum(1 for q in questions if q["id"] in chosen), "total": len(questions),
        "unanswered": [q["id"] for q in questions if q["id"] not in chosen],
        "issues": issues, "sections": sections,
    }
    result["complete"] = not result["unanswered"]
    result.update(_overall(spec, sections, chosen))
    # Scores are exact while the rules and the overall result work with them; the
    # result hands them out as plain numbers.
    for section in sections:
        section["score"] = plain(section["score"])
    if result["overall"] and "score" in result["overall"]:
        result["overall"]["score"] = plain(result["overall"]["score"])
    return word(spec, result)


def read_answers(spec: dict[str, Any], answers: Any
                 ) -> tuple[dict[str, dict[str, Any]], str | None, list[dict[str, str]]]:
    """Valid answers by question id, the chosen role, and the problems with the rest."""
    issues: list[dict[str, str]] = []
    role = None
    if isinstance(answers, dict) and isinstance(answers.get("answers"), dict):
        role = answers.get("role")
        answers = answers["answers"]
    if not isinstance(answers, dict):
        return {}, None, [{"question": "", "message": "answers must be a mapping of question "
                                                      "ids to answers"}]
    questions = {q["id"]: q for s in spec["sections"] for q in s["questions"]}
    chosen = {}
    for question_id, answer in answers.items():
        question = questions.get(question_id)
        if question is None:
            issues.append({"question": str(question_id), "message": "no such question"})
            continue
        option = _option(question, answer)
        if option is None:
            issues.append({"question": question_id,
                           "message": f"{answer!r} is not an answer to this question"})
        else:
            chosen[question_id] = option
    role = _role(spec, role, issues)
    return chosen, role, issues


def _option(question: dict[str, Any], answer: Any) -> dict[str, Any] | None:
    if answer is None:
        return None
    for option in question["options"]:
        if isinstance(answer, str) and answer == option["id"]:
            return option
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        matches = [o for o in question["options"] if o.get("value") == answer]
        return matches[0] if len(matches) == 1 else None
    return None


def _role(spec: dict[str, Any], role: Any, issues: list[dict[str, str]]) -> str | None:
    if spec["type"] != "skills-gap":
        return None
    known = [r["id"] for r in spec.get("roles", [])]
    if role in known:
        return str(role)
    message = "choose a role to compare against" if role in (None, "") else (
        f"{role!r} is not a role of this playbook")
    issues.append({"question": "role", "message": message + "; ratings are compared with the "
                   "default target"})
    return None


def _overall(spec: dict[str, Any], sections: list[dict[str, Any]],
             chosen: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The headline result, its reasons and its advice."""
    overall: dict[str, Any] | None = None
    advice: list[dict[str, Any]] = []
    if spec["type"] == "maturity":
        overall, advice = _maturity(spec, sections)
    elif spec["type"] == "selector":
        first = next((s for s in sections if s.get("winner")), None)
        if first is not None and first["score"] is not None:
            overall = _outcome(first)
    else:
        first = sections[0] if sections else None
        if first is not None and first["band"] is not None:
            overall = {"kind": "band", **first["band"]}
    # A selector's verdicts are about its best fit: none before it has one.
    judged = spec["type"] != "selector" or overall is not None
    verdict = _verdict(spec, sections, chosen) if judged else None
    if verdict is not None:
        advice += verdict["advice"]
    for section in sections:
        advice += section["advice"]
    return {"overall": overall,
            "verdict": None if verdict is None else {k: verdict[k] for k in
                                                     ("id", "label", "summary")},
            "advice": _unique(advice),
            "why": [line for section in sections for line in section["why"]]}


def _outcome(section: dict[str, Any]) -> dict[str, Any]:
    """The best fit of a selector; when outcomes tie, all of them, in the order of the
    chart, as one label ('Pod and Hybrid fit equally'), each also in `tied`."""
    winner, band = section["winner"], section["band"]
    tied = [{"id": o["id"], "label": o["label"], "url": o.get("url")}
            for o in section.get("tied") or []]
    label = f"{listed([o['label'] for o in tied])} fit equally" if tied else winner["label"]
    return {"kind": "outcome", "id": winner["id"], "label": label, "fit": band,
            "summary": band["summary"] if band else "", "url": winner.get("url"),
            "tied": tied}


def _maturity(spec: dict[str, Any], sections: list[dict[str, Any]]
              ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The overall stage of a maturity assessment (or band, for `mean` and
    `weighted-mean`), and the advice that goes with it."""
    how = spec.get("overall")
    if how in ("mean", "weighted-mean"):
        return _mean_of_sections(spec, sections, how)
    staged = [s for s in sections if s["stage"] is not None]
    if how == "none":
        return None, []
    if not staged:
        # Sections that can only ever give a band (dimension-mean and count, with band ids
        # that are not stages) give the overall result by their band instead.
        if any(s["rule"] in ("cumulative-stages", "anchored-stages") for s in sections):
            return None, []
        banded = [s for s in sections if s["band"] is not None]
        if not banded:
            return None, []
        return {"kind": "band", **banded[0]["band"]}, []
    pick = staged[0] if how == "first-section" else min(staged,
                                                        key=lambda s: s["stage"]["number"])
    stage = pick["stage"]
    guide = spec.get("stage_advice", {}).get(stage["id"], {})
    # A stage reached through a band of the same id (dimension-mean) has that band's colour.
    band = pick["band"]
    colour = band.get("colour") if band and band["id"] == stage["id"] else None
    return ({"kind": "stage", "id": stage["id"], "label": stage["name"],
             "number": stage["number"], "summary": guide.get("summary", ""),
             "url": stage.get("url"), "position": position(spec, stage),
             "word": spec.get("stage_word") or "stage", "colour": colour},
            list(guide.get("advice", [])))


def _mean_of_sections(spec: dict[str, Any], sections: list[dict[str, Any]], how: str
                      ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The mean (or weighted mean, by section `weight`) of the section scores, banded
    by the assessment's own `bands`. Sections without a score yet are left out."""
    weight = {s["id"]: exact(s.get("weight", 1)) for s in spec["sections"]}
    scored = [s for s in sections if s["score"] is not None]
    value = combine(how, [(exact(s["score"]), weight[s["id"]]) for s in scored])
    most = combine(how, [(exact(s["max"]), weight[s["id"]]) for s in scored
                         if s["max"] is not None])
    band = band_for(spec.get("bands", []), value)
    if band is None:
        return None, []
    return ({"kind": "band", "id": band["id"], "label": band["label"],
             "summary": band["summary"], "colour": band.get("colour"), "score": value,
             "max": plain(most)},
            list(band["advice"]))


def _verdict(spec: dict[str, Any], sections: list[dict[str, Any]],
             chosen: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    scores = {s["id"]: s["score"] for s in sections}
    for verdict in spec.get("verdicts", []):
        if all(_holds(c, scores, chosen) for c in verdict["when"]):
            return dict(verdict)
    return None


def _holds(condition: dict[str, Any], scores: dict[str, Any],
           chosen: dict[str, dict[str, Any]]) -> bool:
    if condition.get("section") is not None:
        value = scores.get(condition["section"])
    else:
        option = chosen.get(condition.get("question", ""))
        value = None if option is None else option.get("value")
    if value is None:
        return False
    low, high = condition.get("min"), condition.get("max")
    return (low is None or value >= low - 1e-9) and (high is None or value <= high + 1e-9)


def _unique(advice: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, kept = set(), []
    for item in written(advice):
        if item["text"] not in seen:
            seen.add(item["text"])
            kept.append(item)
    return kept
