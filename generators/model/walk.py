"""Walk model classes and instances by their type annotations.

Used to find every cross-reference (`RefTo` markers) in a loaded entity, and to
find which model class sits at a location when explaining a schema error.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterator
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
    """Yield `(loc, kind, id)` for every reference inside `value`, dict keys included.

    The walk is planned once per type: fields whose type can hold no reference
    (most of them: names, text, numbers) are never visited.
    """
    walker = _walker_of(annotation)
    if walker is not None:
        yield from walker(value, loc)


Walker = Callable[[Any, Loc], Iterator[tuple[Loc, str, str]]]


@functools.cache
def _walker_of(annotation: Any) -> Walker | None:
    """A function yielding the references in a value of this type, or None if it has none."""
    bare, metadata = _unwrap(annotation)
    kind = _ref_kind(metadata)
    if kind:
        def ref(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
            if isinstance(value, str):
                yield loc, kind, value
        return ref
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return _model_walker(bare)
    origin, args = typing.get_origin(bare), typing.get_args(bare)
    if origin in (Union, types.UnionType):
        options = [w for arg in args if arg is not type(None)
                   for w in [_walker_of(arg)] if w is not None]
        if not options:
            return None

        def union(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
            for option in options:
                yield from option(value, loc)
        return union
    if origin is list:
        item_walker = _walker_of(args[0])
        if item_walker is None:
            return None

        def each(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield from item_walker(item, (*loc, index))
        return each
    if origin is dict:
        key_kind = _ref_kind(_unwrap(args[0])[1])
        value_walker = _walker_of(args[1])
        if key_kind is None and value_walker is None:
            return None

        def mapping(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
            if isinstance(value, dict):
                for key, item in value.items():
                    if key_kind:
                        yield (*loc, key), key_kind, key
                    if value_walker is not None:
                        yield from value_walker(item, (*loc, key))
        return mapping
    return None


def _model_walker(model: type[BaseModel]) -> Walker | None:
    fields = [(name, walker) for name, info in model.model_fields.items()
              for walker in [_walker_of(_field_type(info))] if walker is not None]
    if not fields:
        return None

    def walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
        if type(value) is not model:  # another option of a union, or a subclass
            if isinstance(value, model):
                yield from iter_refs(value, type(value), loc)
            return
        for name, walker in fields:
            yield from walker(getattr(value, name), (*loc, name))
    return walk


def _field_type(info: Any) -> Any:
    return info.annotation if not info.metadata else typing.Annotated[
        (info.annotation, *info.metadata)]


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class whose field list applies at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    bare = _unwrap(current)[0]
    if typing.get_origin(bare) in (Union, types.UnionType):  # an optional part: `X | None`
        inner = [a for a in typing.get_args(bare) if a is not type(None)]
        bare = _unwrap(inner[0])[0] if len(inner) == 1 else None
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
        for name in _fields_holding(type(value), cls):
            yield from iter_instances(getattr(value, name), cls, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_instances(item, cls, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_instances(item, cls, (*loc, key))


@functools.cache
def _fields_holding(model: type[BaseModel], cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose type can hold an instance of `cls`."""
    return tuple(name for name, info in model.model_fields.items()
                 if _can_hold(info.annotation, cls, frozenset()))


def _can_hold(annotation: Any, cls: type[BaseModel], seen: frozenset[type]) -> bool:
    bare = _unwrap(annotation)[0]
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        if issubclass(bare, cls) or issubclass(cls, bare):
            return True
        if bare in seen:
            return False
        return any(_can_hold(info.annotation, cls, seen | {bare})
                   for info in bare.model_fields.values())
    if bare is Any:
        return True
    return any(_can_hold(arg, cls, seen) for arg in typing.get_args(bare)
               if arg is not type(None) and not isinstance(arg, str))
