"""Version label schemes: how a playbook names its versions, and how labels order.

Quarterly labels (`2026-Q4`) are the default; a playbook may declare `semver`
(`v1.2`, `1.2.3`) or `monthly` (`2026-11`) with `version_scheme` in its manifest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SchemeName = Literal["quarterly", "semver", "monthly"]
DEFAULT_SCHEME: SchemeName = "quarterly"


@dataclass(frozen=True)
class VersionScheme:
    """A form of version label and the order of its labels."""

    name: str
    pattern: re.Pattern[str]
    form: str
    """How a label is written, for messages: `YEAR-QN`."""
    example: str

    def key(self, label: str) -> tuple[int, ...] | None:
        """The key that orders labels of this scheme, or None when `label` is not one.

        A part left out counts as lower than any written one, so `1.2` comes before
        `1.2.0`, as mike lists them in `versions.json`.
        """
        match = self.pattern.match(label)
        if match is None:
            return None
        return tuple(-1 if part is None else int(part) for part in match.groups())


SCHEMES: dict[str, VersionScheme] = {
    "quarterly": VersionScheme("quarterly", re.compile(r"^(\d{4})-Q([1-4])$"), "YEAR-QN",
                               "2026-Q4"),
    "semver": VersionScheme("semver", re.compile(r"^v?(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?$"),
                            "MAJOR.MINOR or MAJOR.MINOR.PATCH, with or without a leading v",
                            "v1.2"),
    "monthly": VersionScheme("monthly", re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), "YEAR-MM",
                             "2026-11"),
}

#: What any scheme accepts: the pattern editors check `version` against.
ANY_LABEL_PATTERN = "^(" + "|".join(s.pattern.pattern[1:-1] for s in SCHEMES.values()) + ")$"


def label_problem(label: str, scheme: str | None) -> str | None:
    """Why `label` is not a label of `scheme` (None: the default, not declared), or None."""
    chosen = SCHEMES[scheme or DEFAULT_SCHEME]
    if chosen.key(label) is not None:
        return None
    label = label if len(label) <= 40 else label[:37] + "..."
    if scheme is None:
        return (f"'{label}' is not a version label (use {chosen.form}, e.g. "
                f"'{chosen.example}'; for labels such as 'v1.2' or '2026-11', declare "
                "version_scheme: semver or monthly in playbook.yml)")
    return (f"'{label}' is not a {scheme} version label (use {chosen.form}, e.g. "
            f"'{chosen.example}')")
