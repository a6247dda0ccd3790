"""Walk the sourced facts of a credential or role: for `data check` and the README's data age."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .models import Sourced

__all__ = ["iter_sourced"]


def iter_sourced(model: BaseModel, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Sourced]]:
    """Every `Sourced` block inside `model`, with its path, outermost first."""
    if isinstance(model, Sourced):
        yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from iter_sourced(value, (*path, name))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_sourced(item, (*path, name, i))
