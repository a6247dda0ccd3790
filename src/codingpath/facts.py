"""Walk the sourced facts of a credential or role: for `data check` and the README's data age."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .records import Record, SourcedMethods

if TYPE_CHECKING:
    from .models import Sourced

__all__ = ["iter_sourced"]


def iter_sourced(entry: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Sourced]]:
    """Every `Sourced` block inside `entry` (a record or a model), with its path, outermost first."""
    if isinstance(entry, SourcedMethods):
        yield path, entry  # type: ignore[misc]
    for name, value in vars(entry).items():
        if _is_entry(value):
            yield from iter_sourced(value, (*path, name))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if _is_entry(item):
                    yield from iter_sourced(item, (*path, name, i))


def _is_entry(value: object) -> bool:
    """A record, or a pydantic model (whose fields are its `vars`, as a record's are)."""
    return isinstance(value, Record) or hasattr(type(value), "model_fields")
