"""Which parts of a changelog path name other entities, read from the model's types.

The changelog compares bundles (plain dicts), but a reader wants names, not ids: an
attendee added to a meeting is a role, a key of `allocation` is a team model. The
`RefTo` markers that the checker resolves references with say which is which.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Union

from pydantic import BaseModel

from generators.model import KINDS
from generators.model.common import RefTo


@functools.cache
def references(kind: str, path: tuple[Any, ...]) -> tuple[tuple[str | None, ...], str | None]:
    """For a path inside an entity of `kind`, as the changelog writes it (field names,
    dict keys, list indexes, and `("[key]", value)` for a list item found by its key): the
    kind of entity each part names (a dict key or an item key that is a reference, else
    None), and the kind of entity the value at its end refers to (or None)."""
    entity = KINDS.get(kind)
    current: Any = entity.model if entity else None
    names: list[str | None] = []
    for part in path:
        bare = _optional(current)
        origin, args = typing.get_origin(bare), typing.get_args(bare)
        named = None
        if isinstance(bare, type) and issubclass(bare, BaseModel) and isinstance(part, str):
            info = bare.model_fields.get(part)
            current = _field_type(info) if info else None
        elif origin is dict:
            named = _ref(args[0]) if isinstance(part, str) else None
            current = args[1]
        elif origin is list and isinstance(part, tuple):
            item = _optional(args[0])
            info = item.model_fields.get(str(part[0]).strip("[]")) if isinstance(
                item, type) and issubclass(item, BaseModel) else None
            named = _ref(_field_type(info)) if info else None
            current = args[0]
        elif origin is list:
            current = args[0]
        else:
            current = None
        names.append(named)
    value = _ref(current)
    bare = _optional(current)
    if value is None and typing.get_origin(bare) is list:
        value = _ref(typing.get_args(bare)[0])
    return tuple(names), value


def _metadata(annotation: Any) -> tuple[Any, list[Any]]:
    found: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        found += more
    return annotation, found


def _optional(annotation: Any) -> Any:
    """The type inside `Annotated[...]` and `X | None`."""
    bare = _metadata(annotation)[0]
    if typing.get_origin(bare) in (Union, types.UnionType):
        inner = [arg for arg in typing.get_args(bare) if arg is not type(None)]
        return _metadata(inner[0])[0] if len(inner) == 1 else None
    return bare


def _ref(annotation: Any) -> str | None:
    """The kind a reference of this type points to, or None."""
    bare, found = _metadata(annotation)
    if typing.get_origin(bare) in (Union, types.UnionType):
        inner = [arg for arg in typing.get_args(bare) if arg is not type(None)]
        return _ref(inner[0]) if len(inner) == 1 else None
    return next((m.kind for m in found if isinstance(m, RefTo)), None)


def _field_type(info: Any) -> Any:
    return typing.Annotated[(info.annotation, *info.metadata)] if info.metadata \
        else info.annotation
