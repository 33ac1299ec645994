"""Walk model classes and instances by their type annotations.

Used to find every cross-reference (`RefTo` markers) in a loaded entity, and to
find which model class sits at a location when explaining a schema error.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel

from generators.model.common import RefTo

Loc = tuple[str | int, ...]


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip `Annotated[...]`, returning the bare type and its metadata."""
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], [*metadata, *args[1:]]
    return annotation, metadata


def _ref_kind(metadata: list[Any]) -> str | None:
    return next((m.kind for m in metadata if isinstance(m, RefTo)), None)


def iter_refs(value: Any, annotation: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """Yield `(loc, kind, id)` for every reference inside `value`, dict keys included."""
    bare, metadata = _unwrap(annotation)
    kind = _ref_kind(metadata)
    if kind and isinstance(value, str):
        yield loc, kind, value
        return
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            field_type = info.annotation if not info.metadata else typing.Annotated[
                (info.annotation, *info.metadata)]
            yield from iter_refs(getattr(value, name), field_type, (*loc, name))
        return
    origin, args = typing.get_origin(bare), typing.get_args(bare)
    if origin in (Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                yield from iter_refs(value, arg, loc)
        return
    if origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_refs(item, args[0], (*loc, index))
    elif origin is dict and isinstance(value, dict):
        key_kind = _ref_kind(_unwrap(args[0])[1])
        for key, item in value.items():
            if key_kind:
                yield (*loc, key), key_kind, key
            yield from iter_refs(item, args[1], (*loc, key))


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class whose field list applies at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    bare = _unwrap(current)[0]
    return bare if isinstance(bare, type) and issubclass(bare, BaseModel) else None


def _step(annotation: Any, part: str | int) -> Any:
    bare = _unwrap(annotation)[0]
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        info = bare.model_fields.get(str(part))
        return info.annotation if info else None
    origin, args = typing.get_origin(bare), typing.get_args(bare)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _step(inner[0], part) if len(inner) == 1 else None
    if origin is list:
        return args[0]
    if origin is dict:
        return args[1]
    return None


def iter_instances(value: Any, cls: type[BaseModel], loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Yield `(loc, instance)` for every instance of `cls` inside `value`."""
    if isinstance(value, cls):
        yield loc, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_instances(getattr(value, name), cls, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_instances(item, cls, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_instances(item, cls, (*loc, key))
