"""Resolve cross-references and run lint rules over the whole playbook."""

from __future__ import annotations

from generators.errors import Problem
from generators.validate import Playbook


def resolve(playbook: Playbook) -> list[Problem]:
    """Every cross-reference and lint problem of the playbook."""
    return []
