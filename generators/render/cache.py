"""Render only what changed: pages and calendars remembered with a fingerprint of what
they show.

A page's text depends only on its template, its context and a few settings, so its
fingerprint is a digest of those: entities by the digest of their JSON (computed
once each), links, lists and plain values as they are. A page whose fingerprint did
not change is not rendered again; every other page is, so the result is the same as
a full render (a test compares the two).

`playbook serve` keeps the texts in memory between compiles. `playbook build` keeps
the fingerprints in the site source folder (`FINGERPRINTS`), beside the pages it wrote
there, so a build after a small change renders only what the change touched; a page
is reused only when the file on disk still holds exactly what was written.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generators.files import digest

#: The fingerprints of the pages in a site source, beside its docs folder.
FINGERPRINTS = ".playbook-pages.json"


class Fingerprints:
    """Fingerprints of values, with each entity hashed once.

    Kept across compiles, an entity read from an unchanged file (the same object) is
    not hashed again; `next_compile()` forgets the entities the last compile did not use.
    """

    def __init__(self) -> None:
        self.models: dict[int, tuple[BaseModel, str]] = {}
        self.previous: dict[int, tuple[BaseModel, str]] = {}

    def next_compile(self) -> None:
        self.previous, self.models = self.models, {}

    def of(self, value: Any) -> Any:
        """A value, made of tuples and plain values, that changes whenever `value`'s
        content does."""
        if value is None or isinstance(value, str | int | float | bool):
            return value
        if isinstance(value, BaseModel):
            known = self.models.get(id(value))
            if known is None or known[0] is not value:
                known = self.previous.get(id(value))
                if known is None or known[0] is not value:
                    known = (value, digest(value.model_dump_json()))
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

    def key(self, *parts: Any) -> str:
        """The fingerprint of `parts`, as a stable digest."""
        return digest(repr(self.of(parts)))


class RenderCache:
    """Rendered pages and calendars by path, with the fingerprint they were made from;
    optionally backed by a site source folder written before."""

    def __init__(self, folder: Path | None = None) -> None:
        self.files: dict[str, tuple[str, str | bytes]] = {}
        self.hits = 0
        self.prints = Fingerprints()
        self.folder = folder
        self.stored: dict[str, list[str]] = {}
        if folder is not None:
            self.stored = _read_index(folder / FINGERPRINTS)

    def get(self, uri: str, fingerprint: str) -> str | bytes | None:
        known = self.files.get(uri)
        if known is not None and known[0] == fingerprint:
            self.hits += 1
            return known[1]
        stored = self.stored.get(uri)
        if self.folder is not None and stored is not None and stored[0] == fingerprint:
            path = self.folder / "docs" / uri
            try:
                data = path.read_bytes()
            except OSError:
                return None
            if digest(data) == stored[1]:  # exactly what was written: reuse it
                self.hits += 1
                content: str | bytes = data.decode("utf-8") if uri.endswith(".md") else data
                self.files[uri] = (fingerprint, content)
                return content
        return None

    def put(self, uri: str, fingerprint: str, content: str | bytes) -> None:
        self.files[uri] = (fingerprint, content)

    def save(self) -> None:
        """Keep the fingerprints beside the site source just written."""
        if self.folder is None:
            return
        index = {uri: [fingerprint, digest(content)]
                 for uri, (fingerprint, content) in sorted(self.files.items())}
        if index != self.stored:  # unchanged: leave the file (and its timestamp) alone
            (self.folder / FINGERPRINTS).write_text(json.dumps(index), encoding="utf-8")
            self.stored = index


def _read_index(path: Path) -> dict[str, list[str]]:
    """The stored fingerprints, or none when the file is missing or not ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {uri: entry for uri, entry in data.items()
            if isinstance(uri, str) and isinstance(entry, list) and len(entry) == 2
            and all(isinstance(part, str) for part in entry)}
