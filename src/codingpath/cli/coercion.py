"""Option values coerced without building a pydantic validator for each parameter.

Typer coerces every parameter of the command a run invokes through a pydantic `TypeAdapter`, built
on the run: a millisecond or more a parameter, and the import of pydantic's whole validation stack
for a command that would otherwise never need it. The values codingpath's options take are plain:
a string, a whole number in a range, one of an enum's values, a path. `QuickParam` coerces exactly
those the way Typer's own helpers do (the same functions Typer's adapters call), and hands anything
else (a value out of range, a misspelt choice, a list, a type not named here) to Typer's adapter,
so every result and every error message is Typer's own.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer._coercion import RuntimeParam, build_runtime_param
from typer.core import _TyperParameter

if TYPE_CHECKING:
    from typer._click import Context

__all__ = ["install_quick_coercion"]

_UNSURE = object()  # the quick path does not decide: Typer's adapter does


class QuickParam(RuntimeParam):
    """A parameter's coercion: the plain cases here, the rest by Typer's adapter (built only then)."""

    def coerce(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if param.multiple or param.nargs == -1:
            if value is None:
                return ()  # what every RuntimeParam answers for a repeatable option not given
            strings = isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
            if self.annotation == list[str] and strings and self.parameter_info.parser is None:
                return list(value)  # what Typer's list adapter makes of strings
        else:
            if value is None:
                return None  # what every RuntimeParam answers for a value not given
            quick = _quick(self.annotation, self.parameter_info, value, param, ctx)
            if quick is not _UNSURE:
                return quick
        return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        return self.coerce(value, param, ctx)


def _quick(annotation: Any, info: Any, value: Any, param: _TyperParameter, ctx: Context) -> Any:
    """The coerced value for the plain cases, else _UNSURE."""
    if info.parser is not None:
        return _UNSURE
    if annotation is str:
        return value if isinstance(value, str) else _UNSURE
    if annotation is int:
        return _whole_number(value, info)
    if annotation is float:
        return _decimal(value, info)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        from typer._param_types import coerce_cli_choice

        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            return _UNSURE
    if annotation is Path and info.path_type is None and (isinstance(value, Path) or _plain_path(value)):
        from typer._param_types import coerce_cli_path

        try:  # as Typer's adapter does, but with the Path already made (Typer would build an adapter for it)
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        except ValueError:
            return _UNSURE
    return _UNSURE


def _plain_path(value: object) -> bool:
    return isinstance(value, str) and value != "" and "\0" not in value


def _whole_number(value: Any, info: Any) -> Any:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
    elif type(value) is int:
        number = value
    else:
        return _UNSURE
    if info.clamp or (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        return _UNSURE
    return number


def _decimal(value: Any, info: Any) -> Any:
    """A float written as plain digits with at most one point ("10", "7.5"), or a float default."""
    if isinstance(value, str) and value.isascii() and value.replace(".", "", 1).isdigit():
        number = float(value)
    elif type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        number = value
    else:
        return _UNSURE
    if info.clamp or (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        return _UNSURE
    return number


def install_quick_coercion(command: Any, ctx: Context) -> None:
    """Give each parameter of `command` (its help option included) a QuickParam, unless Typer
    already built its coercion."""
    if command is None:
        return
    for param in command.get_params(ctx):
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            descriptor = param.type_descriptor
            if descriptor.file_annotation is None:
                param._runtime_param = QuickParam(annotation=descriptor.annotation,
                                                  parameter_info=descriptor.parameter_info)
