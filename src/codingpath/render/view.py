"""What a command hands to the renderers: a `View` (a JSON payload and display tables) and the
formats it can be written in. Plain data, so that every renderer can import it without importing
the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Format", "Table", "View"]

Format = Literal["table", "json", "markdown", "csv", "html", "svg"]


@dataclass(frozen=True)
class Table:
    """A display table; `group_column` draws a rule wherever that column's value changes;
    `narrow_columns` are short values (tiers, ids, statuses) that should not wrap while wider
    columns can."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    row_styles: tuple[str | None, ...] = ()
    group_column: int | None = None
    narrow_columns: tuple[int, ...] = ()
    # (detail, into): on a terminal, show column `detail` as a second line of column `into`
    # instead of a column of its own, so long free text wraps under a short title.
    fold_detail: tuple[int, int] | None = None


@dataclass(frozen=True)
class View:
    """What a command shows: `payload` for JSON, `tables` for everything else (the first is the
    main table, the one CSV writes), `notes` printed under the tables."""

    payload: dict[str, Any]
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
