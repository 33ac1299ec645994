"""The planned reference walk finds exactly what a walk of every field finds."""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel

from generators.check import compile_playbook
from generators.model.common import EntityLink, RefTo
from generators.model.walk import iter_instances, iter_refs
from tests.conftest import DEFAULT_PLAYBOOK


def _every_field(value: Any, annotation: Any, loc: tuple[Any, ...] = ()) -> set[Any]:
    """References found by visiting every field of every value, as a reference answer."""
    found: set[Any] = set()
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata += extra
    kind = next((m.kind for m in metadata if isinstance(m, RefTo)), None)
    if kind and isinstance(value, str):
        return {(loc, kind, value)}
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            field = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata \
                else info.annotation
            found |= _every_field(getattr(value, name), field, (*loc, name))
        return found
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        for arg in args:
            found |= _every_field(value, arg, loc)
    elif origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            found |= _every_field(item, args[0], (*loc, index))
    elif origin is dict and isinstance(value, dict):
        key = args[0]
        key_meta = typing.get_args(key)[1:] if typing.get_origin(key) is typing.Annotated else ()
        key_kind = next((m.kind for m in key_meta if isinstance(m, RefTo)), None)
        for name, item in value.items():
            if key_kind:
                found.add(((*loc, name), key_kind, name))
            found |= _every_field(item, args[1], (*loc, name))
    return found


def _all_instances(value: Any, loc: tuple[Any, ...] = ()) -> list[Any]:
    found = [(loc, value)] if isinstance(value, EntityLink) else []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += _all_instances(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _all_instances(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            found += _all_instances(item, (*loc, key))
    return found


def test_planned_walks_find_every_reference_of_the_default_playbook() -> None:
    playbook = compile_playbook(DEFAULT_PLAYBOOK).playbook
    total = 0
    for kind in playbook.entities:
        for entity in playbook.of(kind).values():
            planned = list(iter_refs(entity, type(entity)))
            assert len(planned) == len(set(planned)), "a reference is reported once"
            assert set(planned) == _every_field(entity, type(entity))
            assert list(iter_instances(entity, EntityLink)) == _all_instances(entity)
            total += len(planned)
    assert total > 500  # the default playbook is densely linked (691 references)
