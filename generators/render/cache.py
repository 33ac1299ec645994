"""Render only what changed: pages and calendars remembered with a fingerprint of what
they show, for `playbook serve`, which compiles the same playbook again and again.

A page's text depends only on its template, its context and a few settings, so its
fingerprint is built from those: entities by the hash of their JSON (computed once
per compile), links, lists and plain values as they are. A page whose fingerprint
did not change is not rendered again; every other page is, so the result is the
same as a full render (a test compares the two).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel


class Fingerprints:
    """Fingerprints of values, with each entity hashed once.

    Kept across compiles, an entity read from an unchanged file (the same object) is
    not hashed again; `next_compile()` forgets the entities the last compile did not use.
    """

    def __init__(self) -> None:
        self.models: dict[int, tuple[BaseModel, int]] = {}
        self.previous: dict[int, tuple[BaseModel, int]] = {}

    def next_compile(self) -> None:
        self.previous, self.models = self.models, {}

    def of(self, value: Any) -> Any:
        """A hashable value that changes whenever `value`'s content does."""
        if value is None or isinstance(value, str | int | float | bool):
            return value
        if isinstance(value, BaseModel):
            known = self.models.get(id(value))
            if known is None or known[0] is not value:
                known = self.previous.get(id(value))
                if known is None or known[0] is not value:
                    known = (value, hash(value.model_dump_json()))
                self.models[id(value)] = known
            return ("model", type(value).__name__, known[1])
        if isinstance(value, list | tuple):
            return tuple(self.of(item) for item in value)
        if isinstance(value, dict):
            return tuple((key, self.of(item)) for key, item in value.items())
        if isinstance(value, set | frozenset):
            return tuple(sorted((self.of(item) for item in value), key=repr))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return (type(value).__name__, tuple(self.of(getattr(value, f.name))
                                                for f in dataclasses.fields(value)))
        return repr(value)


class RenderCache:
    """Rendered pages and calendars by path, with the fingerprint they were made from."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[int, str | bytes]] = {}
        self.hits = 0
        self.prints = Fingerprints()

    def get(self, uri: str, fingerprint: int) -> str | bytes | None:
        known = self.files.get(uri)
        if known is not None and known[0] == fingerprint:
            self.hits += 1
            return known[1]
        return None

    def put(self, uri: str, fingerprint: int, content: str | bytes) -> None:
        self.files[uri] = (fingerprint, content)
