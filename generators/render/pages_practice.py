"""Pages about practice: onboarding paths, routines, meetings and metrics."""

from __future__ import annotations

from typing import Any

from generators.model.metric import Metric
from generators.render import schedule, urls
from generators.render.graph import Graph
from generators.render.page import FREQUENCY_ORDER, FREQUENCY_TITLES, PageSpec, area_titles


def onboarding(g: Graph) -> list[PageSpec]:
    paths = g.of("onboarding-path")
    pages = [PageSpec(urls.ONBOARDING, "onboarding_index.md.j2", "Onboarding", ["Onboarding"], {
        "paths": [(g.link("onboarding-path", pid), p, g.links("role", p.roles))
                  for pid, p in paths.items()],
        "routines": [(g.link("routine", rid), r) for rid, r in g.of("routine").items()]})]
    for pid, path in paths.items():
        phases = [(phase, [_activity(g, a) for a in phase.activities]) for phase in path.phases]
        pages.append(PageSpec(g.uri("onboarding-path", pid), "onboarding_path.md.j2", path.name,
                              ["Onboarding"], {"path": path, "phases": phases,
                                               "roles": g.links("role", path.roles),
                                               "backlinks": g.backlinks("onboarding-path", pid)},
                              path.summary))
    for rid, routine in g.of("routine").items():
        steps = [(s, g.links("competency", s.competencies)) for s in routine.steps]
        pages.append(PageSpec(g.uri("routine", rid), "routine.md.j2", routine.name,
                              ["Onboarding", "Routine"],
                              {"routine": routine, "steps": steps,
                               "roles": g.links("role", routine.roles),
                               "backlinks": g.backlinks("routine", rid)}, routine.summary))
    return pages


def _activity(g: Graph, activity: Any) -> dict[str, Any]:
    related = (g.links("competency", activity.competencies) + g.links("cadence", activity.cadences)
               + g.links("exercise", activity.exercises) + g.links("routine", activity.routines))
    return {"activity": activity, "related": related}


def meetings(g: Graph) -> list[PageSpec]:
    cadences = g.of("cadence")
    slots = schedule.slots(g)
    by_frequency = []
    for frequency in FREQUENCY_ORDER:
        group = [(g.link("cadence", cid), c, slots[cid]) for cid, c in cadences.items()
                 if c.frequency == frequency]
        if group:
            by_frequency.append((FREQUENCY_TITLES[frequency], group))
    regular = [f for f in FREQUENCY_ORDER[:6] if any(c.frequency == f for c in cadences.values())]
    span = (f", from {FREQUENCY_TITLES[regular[0]].lower()} to "
            f"{FREQUENCY_TITLES[regular[-1]].lower()}") if len(regular) > 1 else ""
    any_calendar = any(s.in_calendar for s in slots.values())
    pages = [PageSpec(urls.MEETINGS, "meetings_index.md.j2", "Meetings", ["Meeting"],
                      {"by_frequency": by_frequency,
                       "all_ics": urls.ALL_MEETINGS_ICS if any_calendar else None,
                       "placeholders": any(s.in_calendar and s.to_agree for s in slots.values()),
                       "span": span})]
    for cid, cadence in cadences.items():
        pages.append(PageSpec(g.uri("cadence", cid), "cadence.md.j2", cadence.name, ["Meeting"], {
            "cadence": cadence, "frequency": FREQUENCY_TITLES[cadence.frequency],
            "slot": slots[cid],
            "attendees": g.links("role", cadence.attendees),
            "owner": g.link("role", cadence.owner) if cadence.owner else None,
            "team_models": g.links("team-model", cadence.team_models),
            "ics": urls.calendar_uri(cid) if slots[cid].in_calendar else None,
            "backlinks": g.backlinks("cadence", cid)},
            cadence.purpose))
    return pages


INDICATOR_TITLES = {"leading": "Leading indicators", "current": "Current indicators",
                    "lagging": "Lagging indicators", None: "Other metrics"}
INDICATOR_LABELS = {"leading": "Leading indicator", "current": "Current indicator",
                    "lagging": "Lagging indicator"}
RECOMMENDED = "our recommendation"


def indicator_label(metric: Metric) -> str:
    """The metric's place on the chain as the site shows it, marked when the class is
    the playbook's own recommendation rather than taken from its sources."""
    if metric.indicator is None:
        return ""
    label = INDICATOR_LABELS[metric.indicator]
    return f"{label} ({RECOMMENDED})" if metric.indicator_basis == "recommended" else label


def metrics(g: Graph) -> list[PageSpec]:
    groups = [(title, [(g.link("metric", mid), m, indicator_label(m))
                       for mid, m in g.of("metric").items() if m.indicator == indicator])
              for indicator, title in INDICATOR_TITLES.items()]
    groups = [(title, items) for title, items in groups if items]
    placed = any(m.indicator for m in g.of("metric").values())
    if not placed:  # no metric is placed on the chain: one list, no heading
        groups = [("", items) for _title, items in groups]
    areas = area_titles(g)
    pages = [PageSpec(urls.METRICS, "metrics_index.md.j2", "Metrics", ["Metric"],
                      {"groups": groups, "area_titles": areas, "placed": placed,
                       "recommended": any(m.indicator_basis == "recommended"
                                          for m in g.of("metric").values())})]
    for mid, metric in g.of("metric").items():
        pages.append(PageSpec(g.uri("metric", mid), "metric.md.j2", metric.name, ["Metric"],
                              {"metric": metric, "indicator": indicator_label(metric),
                               "area": areas[metric.area],
                               "backlinks": g.backlinks("metric", mid)}, metric.description))
    return pages
