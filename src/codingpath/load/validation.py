"""Turn pydantic validation errors into located, human-sized problems.

Pydantic reports a location such as `('credentials', 0, 'earned')`; the YAML document knows which
line and column that is. Unknown keys get a "did you mean" from the model's own field names.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import models
from ..errors import Problem
from ..wording import did_you_mean
from .document import YamlDocument

__all__ = ["problems_from_validation"]


def problems_from_validation(
    exc: ValidationError, document: YamlDocument, model: type[BaseModel] | None = None
) -> list[Problem]:
    """One Problem per pydantic error, located in the YAML file."""
    model = model or _model_of(exc)
    problems = []
    errors = exc.errors(include_url=False)
    paths = [tuple(part for part in error["loc"] if _is_path_part(part, document)) for error in errors]
    for error, path in zip(errors, paths, strict=True):
        kind = error["type"]
        if kind == "too_short" and any(len(other) > len(path) and other[: len(path)] == path for other in paths):
            continue  # `tracks: [codng]`: the bad item is the problem, not that no item was left
        if kind == "extra_forbidden":
            key = path[-1] if path else "?"
            allowed = _fields_at(model, path[:-1]) if model else []
            message = f"unknown key {key!r}{did_you_mean(str(key), allowed)}"
            if not did_you_mean(str(key), allowed) and allowed:
                message += f" (expected one of: {', '.join(allowed)})"
            problems.append(document.problem(path, message, key=True))
            continue
        message = _message(error)
        problems.append(document.problem(path, message))
    return _unique(problems)


def _message(error: Mapping[str, Any]) -> str:
    text = str(error["msg"])
    text = text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        found = error.get("input")
        return f"must be one of {expected}; found {found!r}{did_you_mean(str(found), _literal_choices(expected))}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"must be a mapping of keys to values; found {_describe(error.get('input'))}"
    if kind in {"tuple_type", "list_type"}:
        found = error.get("input")
        plain = isinstance(found, (str, int, float)) and str(found).strip() and str(found).isprintable()
        hint = f" (a list of one is written [{found}])" if plain and len(str(found)) <= 40 else ""
        return f"must be a list; found {_describe(found)}{hint}"
    expected = _EXPECTED.get(kind)
    if expected is not None and "input" in error:
        return f"{expected.format(**error.get('ctx', {}))}; found {_describe(error['input'])}"
    if "input" in error and kind not in {"value_error", "assertion_error"}:
        return f"{text}; found {_describe(error['input'])}"
    found = error.get("input")
    if isinstance(found, (str, int, float)) and not isinstance(found, bool) and repr(found) not in text:
        text += f"; found {found!r}"  # a validator's own message that does not quote the value
    return text


# Pydantic's error type -> what was expected, in the words a profile's author would use.
_EXPECTED = {
    "greater_than_equal": "must be at least {ge:g}",
    "greater_than": "must be more than {gt:g}",
    "less_than_equal": "must be at most {le:g}",
    "less_than": "must be less than {lt:g}",
    "finite_number": "must be a finite number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "string_pattern_mismatch": "must match the pattern {pattern}",
    "too_short": "must list at least {min_length} item(s)",  # found: an empty list
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "date_type": "must be a date (YYYY-MM or YYYY-MM-DD)",
    "date_parsing": "must be a date (YYYY-MM or YYYY-MM-DD)",
    "date_from_datetime_parsing": "must be a date (YYYY-MM or YYYY-MM-DD)",
    "date_from_datetime_inexact": "must be a date (YYYY-MM or YYYY-MM-DD)",
}


def _literal_choices(expected: str) -> list[str]:
    return [part.strip(" '\"") for part in expected.replace(" or ", ", ").split(",")]


def _describe(value: Any) -> str:
    """The value found, as its author wrote it in YAML (not as Python's repr shows it)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        # `name: 2021-01-01`: YAML reads an unquoted date as a date.
        return f"the date {value.isoformat()} (put it in quotes to use it as text)"
    if isinstance(value, str) and len(value) > 60:
        return repr(value[:57] + "...")
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    if isinstance(value, (list, tuple)):
        return "a list" if value else "an empty list"
    if value is None:
        return "nothing (an empty value)"
    if value == "":
        return "an empty value"
    return repr(value)


# The names pydantic inserts in an error's location for validators and union members; a key of the
# user's (even one holding `[` or an escape character) is never one of these.
_PYDANTIC_STEP = re.compile(r"(function-(after|before|wrap|plain)|tagged-union|union|chain|lax-or-strict|"
                            r"json-or-python|nullable|default|constrained-\w+)\[.*\]|str|int|float|bool")


def _is_path_part(part: Any, document: YamlDocument) -> bool:
    return isinstance(part, int) or not (isinstance(part, str) and _PYDANTIC_STEP.fullmatch(part))


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _model_of(exc: ValidationError) -> type[BaseModel] | None:
    candidate = getattr(models, exc.title, None)
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None


def _fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """Field names of the model found by walking `path` down from `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
