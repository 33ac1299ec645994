"""Turn pydantic validation errors into located, readable problems."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from generators.errors import Problem, did_you_mean
from generators.load import SourceFile
from generators.model.walk import model_at

_EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "finite_number": "expected a finite number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date (YYYY-MM-DD)",
}

#: Fields that earlier versions filled in when left out: what to write instead.
_MISSING_HINTS = {
    "currency": "write its ISO 4217 code, e.g. 'currency: EUR'; earlier versions assumed USD, "
                "and `playbook migrate` writes that in",
}


def explain(exc: ValidationError, source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, placed at the offending key or value."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message, hint = describe(error, loc, model)
        problems.append(source.problem(loc, message, hint))
    return problems


def describe(error: Any, loc: tuple[str | int, ...],
              model: type[BaseModel]) -> tuple[str, str]:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing", _MISSING_HINTS.get(str(loc[-1]) if loc else "", "")
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        fields = list(owner.model_fields) if owner else []
        return f"unknown field '{loc[-1]}'", did_you_mean(str(loc[-1]), fields)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return (f"{_show(value)} is not one of {', '.join(allowed)}",
                did_you_mean(str(value), allowed))
    if kind == "string_pattern_mismatch":
        if "/" in str(ctx.get("pattern", "")):
            return _item_pattern_message(value)
        return _pattern_message(value)
    if kind in _EXPECTED:
        return f"{_EXPECTED[kind]}, got {_describe_input(value)}", ""
    if kind == "too_short" and isinstance(value, list | str):
        need = ctx.get("min_length", 1)
        noun = "item" if isinstance(value, list) else "character"
        return f"needs at least {need} {noun}{'s' if need != 1 else ''}", ""
    if kind == "string_too_long":
        return f"text is longer than {ctx.get('max_length')} characters", ""
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "greater than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        bound = next(iter(ctx.values()), "")
        shown = f"{bound:g}" if isinstance(bound, int | float) else str(bound)
        return f"must be {words} {shown}, got {_show(value)}", ""
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    return f"{error['msg'][:1].lower()}{error['msg'][1:]}", ""


def _pattern_message(value: Any) -> tuple[str, str]:
    suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    hint = f"use lower-case words joined by hyphens, e.g. '{suggestion}'" if suggestion else ""
    return f"{_show(value)} is not a valid id", hint


def _item_pattern_message(value: Any) -> tuple[str, str]:
    """For a reference to an item inside an entity, such as a framework's stage."""
    parts = [re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-")
             for part in str(value).split("/", 1)]
    hint = "write the id of the entity and the id of its item, joined by '/'"
    if len(parts) == 2 and all(parts):
        hint += f", e.g. '{parts[0]}/{parts[1]}'"
    return f"{_show(value)} is not a reference to an item", hint


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe_input(value: Any) -> str:
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, str):
        return f"text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__
