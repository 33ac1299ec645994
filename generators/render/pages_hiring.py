"""Hiring pages: the process, a printable kit per role and per interview round, and each
hiring tool."""

from __future__ import annotations

from typing import Any

from generators.render import assets, urls
from generators.render.graph import Graph
from generators.render.page import PageSpec
from generators.render.pages_people import hiring_profile
from generators.render.sentences import listed

#: A kit without a hiring profile carries every tool of a kind only while the playbook
#: has at most this many of it: with more, none of them is general, and the kit points
#: to the hiring page instead (so kits stay one page each however large the playbook).
GENERAL_MOST = 3


def _too_many(g: Graph, kind: str) -> bool:
    return len(g.of(kind)) > GENERAL_MOST


def _general(g: Graph, kind: str) -> list[Any]:
    return [] if _too_many(g, kind) else list(g.of(kind).values())


def hiring(g: Graph) -> list[PageSpec]:
    if urls.HIRING not in g.own_pages:
        return []  # no hiring content: no hiring page, and no kits
    kits = {rid: _kit(g, rid, role) for rid, role in g.of("role").items()}
    pages = [PageSpec(urls.HIRING, "hiring_index.md.j2", "Hiring", ["Hiring"], {
        "processes": [(g.link("hiring-process", pid), _covers(process))
                      for pid, process in g.of("hiring-process").items()],
        "kits": [(g.link("role", rid), urls.kit_uri(rid),
                  [(r.name, uri) for _loop, rounds in kit["round_kits"] for r, uri in rounds])
                 for rid, kit in kits.items()],
        "tools": [(kind.replace("-", " ").title() + "s", [g.link(kind, eid) for eid in g.of(kind)])
                  for kind in ("exercise", "interview-loop", "scorecard", "question-set")
                  if g.of(kind)],
        "metrics": [(g.link("metric", mid), m) for mid, m in g.of("metric").items()
                    if m.area == "hiring"],
    })]
    for pid, process in g.of("hiring-process").items():
        pages.append(PageSpec(g.uri("hiring-process", pid), "hiring_process.md.j2", process.name,
                              ["Hiring"], {"process": process,
                                           "backlinks": g.backlinks("hiring-process", pid)},
                              process.summary))
    for rid, kit in kits.items():
        role = kit["role"]
        pages.append(PageSpec(urls.kit_uri(rid), "kit.md.j2", f"Hiring kit: {role.name}",
                              ["Hiring", "Hiring kit"], kit))
        pages += _round_kits(g, kit)
    for kind, template in (("exercise", "exercise.md.j2"),
                           ("interview-loop", "interview_loop.md.j2"),
                           ("scorecard", "scorecard.md.j2"),
                           ("question-set", "question_set.md.j2")):
        for eid, entity in g.of(kind).items():
            on_screen = urls.scorecard_tools_uri(eid) if kind == "scorecard" else None
            pages.append(PageSpec(g.uri(kind, eid), template, entity.name, ["Hiring"],
                                  {"entity": entity, "scale": _scale(g, entity),
                                   "backlinks": g.backlinks(kind, eid),
                                   "on_screen": on_screen},
                                  getattr(entity, "summary", "")))
    pages += [_scorecard_tools(g, cid, card) for cid, card in g.of("scorecard").items()]
    return pages


def _scorecard_tools(g: Graph, cid: str, card: Any) -> PageSpec:
    """A scorecard to fill in on screen, and the debrief of several interviewers' cards."""
    rounds = list(dict.fromkeys(r.name for loop_ in g.of("interview-loop").values()
                                for r in loop_.rounds))
    return PageSpec(urls.scorecard_tools_uri(cid), "scorecard_tools.md.j2",
                    f"{card.name}: fill in and debrief", ["Hiring", "Scorecard"], {
                        "card": card, "scale": _scale(g, card), "rounds": rounds,
                        "card_link": g.link("scorecard", cid),
                        "spec_uri": assets.scorecard_spec_uri(cid)},
                    f"Fill in the {card.name} on screen and export it, or combine the "
                    f"interviewers' cards in a debrief.", meta={"scorecard": cid})


def _covers(process: Any) -> str:
    """What a hiring process page holds, in words."""
    parts = ["its phases"]
    if process.sourcing:
        parts.append("sourcing channels")
    if process.decision_steps:
        parts.append("how decisions are made")
    return listed(parts)


def _scale(g: Graph, entity: Any) -> Any:
    scale_id = getattr(entity, "scale", None)
    return g.get("scale", scale_id) if scale_id else None


def _kit(g: Graph, role_id: str, role: Any) -> dict[str, Any]:
    profile = hiring_profile(g, role_id)
    if profile:
        exercises = [g.get("exercise", e) for e in profile.exercises]
        loops = [g.get("interview-loop", profile.interview_loop)] if profile.interview_loop else []
        cards = [g.get("scorecard", profile.scorecard)] if profile.scorecard else []
        sets = [g.get("question-set", q) for q in profile.question_sets]
    else:  # the playbook's general tools, while there are few enough to be general
        exercises = []
        loops, cards, sets = (_general(g, kind)
                              for kind in ("interview-loop", "scorecard", "question-set"))
    processes = _general(g, "hiring-process")
    return {"role": role, "role_link": g.link("role", role_id), "profile": profile,
            "exercises": exercises, "loops": loops,
            "round_kits": [(loop_, [(r, urls.round_kit_uri(
                role_id, r.id, loop_.id if len(loops) > 1 else None)) for r in loop_.rounds])
                for loop_ in loops],
            "scorecards": [(card, g.get("scale", card.scale)) for card in cards],
            "question_sets": sets, "process": processes,
            "hiring_index": urls.HIRING,
            "more_tools": not profile and any(_too_many(g, kind) for kind in (
                "interview-loop", "scorecard", "question-set", "hiring-process")),
            "tools": {"exercise": {e.id: g.uri("exercise", e.id) for e in exercises},
                      "interview-loop": {x.id: g.uri("interview-loop", x.id) for x in loops},
                      "scorecard": {c.id: g.uri("scorecard", c.id) for c in cards},
                      "question-set": {q.id: g.uri("question-set", q.id) for q in sets}}}


def _round_kits(g: Graph, kit: dict[str, Any]) -> list[PageSpec]:
    """One printable kit per round of each interview loop of a role's kit: the fields to
    fill in, the round's questions with room for notes, the scorecard and the decision."""
    role = kit["role"]
    pages = []
    for loop_, rounds in kit["round_kits"]:
        for number, (round_, uri) in enumerate(rounds, start=1):
            pages.append(PageSpec(
                uri, "round_kit.md.j2", f"{round_.name}: {role.name}",
                ["Hiring", "Interview kit"], {
                    "role": role, "role_link": kit["role_link"], "kit": urls.kit_uri(role.id),
                    "loop": loop_, "round": round_, "number": number, "rounds": len(rounds),
                    "question_sets": [g.get("question-set", q) for q in round_.question_sets],
                    "scorecards": kit["scorecards"],
                    "on_screen": {card.id: urls.scorecard_tools_uri(card.id)
                                  for card, _ in kit["scorecards"]}},
                f"The printable kit for the {round_.name} round, hiring for the role of "
                f"{role.name}."))
    return pages
