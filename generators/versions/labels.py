"""Version labels such as `2026-Q4`, `v1.2` or `2026-11`: checked and ordered by the
playbook's version scheme (see `generators.model.version_scheme`)."""

from __future__ import annotations

from generators.errors import UserError
from generators.model.version_scheme import DEFAULT_SCHEME, SCHEMES, label_problem


class LabelError(UserError):
    """Not a version label of the scheme."""


def parse(label: str, scheme: str | None = None) -> tuple[int, ...]:
    """The key that orders `label` among labels of `scheme` (None: the default scheme,
    which the playbook does not declare): `2026-Q4` -> (2026, 4)."""
    key = SCHEMES[scheme or DEFAULT_SCHEME].key(label)
    if key is None:
        raise LabelError(label_problem(label, scheme) or label)
    return key


def previous(labels: list[str], label: str, scheme: str | None = None) -> str | None:
    """The newest of `labels` older than `label`, if any; labels of another scheme (from
    before the playbook changed schemes) are passed over."""
    chosen = SCHEMES[scheme or DEFAULT_SCHEME]
    current = parse(label, scheme)
    older = [(key, other) for other in labels
             if (key := chosen.key(other)) is not None and key < current]
    return max(older)[1] if older else None
