"""The words around a section's chart: its title, its description for screen readers,
its legend, and the table that gives the same numbers (read aloud, and printed).
Standard library only."""

from __future__ import annotations

import math
from typing import Any

from assessments.sentences import band_text, number

NO_VALUE = "\u2013"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _percent(value: float) -> str:
    return f"{math.floor(value * 100 + 0.5)}%"


def threshold(spec_section: dict[str, Any] | None, section: dict[str, Any]) -> float | None:
    """The share of a stage's statements needed to reach it (cumulative stages), or None."""
    if section["rule"] != "cumulative-stages" or spec_section is None:
        return None
    value = spec_section.get("threshold")
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    return float(value) if 0 < value <= 1 else None


def chart(spec_section: dict[str, Any] | None, section: dict[str, Any]
          ) -> dict[str, Any] | None:
    """The chart's `title`, its `label` (every entry and its value, for screen readers),
    its `legend` (a `kind` of mark and its `text`) and the stage `threshold` it marks;
    None when the section has nothing to chart."""
    scores = section["scores"]
    if not scores:
        return None
    needed = threshold(spec_section, section)
    legend = []
    if any(_is_number(e.get("target")) for e in scores):
        legend += [{"kind": "bar", "text": "your rating"},
                   {"kind": "target", "text": "target for the role"}]
    if any(e.get("below_target") for e in scores):
        legend.append({"kind": "gap", "text": "short of the target"})
    if needed is not None:
        legend.append({"kind": "threshold",
                       "text": f"{_percent(needed)} needed to reach a stage"})
    title = section["title"]
    described = "; ".join(f"{e['label']} {e['text']}" for e in scores)
    if needed is not None:
        described += f"; {_percent(needed)} needed"
    return {"title": f"Bar chart: {title}", "label": f"Bar chart of {title}: {described}",
            "legend": legend, "threshold": needed}


def table(section: dict[str, Any]) -> dict[str, Any] | None:
    """The chart's numbers as a table: `caption`, `columns`, and `rows` of cells (the
    entry's label first); None when the section has nothing to chart."""
    scores = section["scores"]
    if not scores:
        return None
    targets = any(_is_number(e.get("target")) for e in scores)
    bands = any(e.get("band") for e in scores)
    staged = section["rule"] == "cumulative-stages"
    rows = []
    for entry in scores:
        value, most = entry.get("value"), entry.get("max")
        cells = [str(entry["label"]),
                 "not answered" if value is None else (
                     f"{math.floor(value + 0.5)}%" if staged else number(value)),
                 "100%" if staged else (number(most) if _is_number(most) else NO_VALUE)]
        if targets:
            target = entry.get("target")
            cells.append(NO_VALUE if not _is_number(target) else number(target) + (
                " (below target)" if entry.get("below_target") else ""))
        if bands:
            band = entry.get("band")
            cells.append(band_text(band) if band and band.get("label") else NO_VALUE)
        rows.append(cells)
    columns = ["Item", "Score", "Out of"] + (["Target"] if targets else []) + (
        ["Band"] if bands else [])
    return {"caption": f"Scores: {section['title']}", "columns": columns, "rows": rows}
