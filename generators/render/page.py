"""A page to render: where it goes, which template, and its linked context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FAMILY_TITLES = {
    "leadership": "Leadership",
    "specialist": "Specialists",
    "execution": "Execution",
    "support": "Support",
}

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
