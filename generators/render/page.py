"""A page to render: where it goes, which template, and its linked context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generators.model.vocabulary import titles


def family_titles(g: Any) -> dict[str, str]:
    """Role family -> title, in display order: the manifest's role_families, else the
    families the roles use, A to Z, as written."""
    manifest = g.playbook.manifest
    return titles(manifest.role_families if manifest else [],
                  (role.family for role in g.of("role").values()))


def area_titles(g: Any) -> dict[str, str]:
    """Metric area -> title, in display order, like `family_titles`."""
    manifest = g.playbook.manifest
    return titles(manifest.metric_areas if manifest else [],
                  (metric.area for metric in g.of("metric").values()))

FREQUENCY_ORDER = ["daily", "weekly", "biweekly", "monthly", "quarterly", "yearly",
                   "per-event", "ongoing", "once"]
FREQUENCY_TITLES = {
    "daily": "Daily", "weekly": "Weekly", "biweekly": "Every two weeks", "monthly": "Monthly",
    "quarterly": "Quarterly", "yearly": "Yearly", "per-event": "As needed",
    "ongoing": "Ongoing", "once": "One-off",
}


@dataclass
class PageSpec:
    """One generated Markdown page."""

    uri: str
    template: str
    title: str
    tags: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
