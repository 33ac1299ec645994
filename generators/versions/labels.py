"""Quarterly version labels such as `2026-Q4`: checked and ordered."""

from __future__ import annotations

import re

from generators.errors import UserError

LABEL = re.compile(r"^(\d{4})-Q([1-4])$")


class LabelError(UserError):
    """Not a version label."""


def parse(label: str) -> tuple[int, int]:
    """`2026-Q4` -> (2026, 4), the key that orders labels."""
    match = LABEL.match(label)
    if not match:
        raise LabelError(f"'{label}' is not a version label (use YEAR-QN, e.g. '2026-Q4')")
    return int(match.group(1)), int(match.group(2))


def previous(labels: list[str], label: str) -> str | None:
    """The newest of `labels` older than `label`, if any."""
    older = [other for other in labels if LABEL.match(other) and parse(other) < parse(label)]
    return max(older, key=parse) if older else None
