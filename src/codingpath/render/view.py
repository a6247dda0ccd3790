"""What a command hands to the renderers: a `View` (a JSON payload and display tables) and the
formats it can be written in. Plain data, so that every renderer can import it without importing
the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["TITLE_WIDTH", "WIDE", "Format", "Table", "View"]

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
    # On a terminal: the group column's values as heading rows instead of a column of their own.
    group_headings: bool = False
    # Columns whose long words (web addresses) may be cut across lines; no other word ever is.
    breakable_columns: tuple[int, ...] = ()
    # Title columns: a title of up to TITLE_WIDTH characters stays on one line.
    title_columns: tuple[int, ...] = ()
    # The layout for terminals narrower than WIDE columns (shorter forms, fewer columns); markdown,
    # CSV and pictures use this table itself.
    narrow: Table | None = None


WIDE = 120  # a terminal at least this wide gets a view's full table
TITLE_WIDTH = 22  # 'Senior Medical Coder', 'Revenue Cycle Manager' on one line


@dataclass(frozen=True)
class View:
    """What a command shows: `payload` for JSON, `tables` for everything else, `notes` printed under
    the tables. CSV writes `records` (one plain row per item, no line breaks, an `unconfirmed`
    column) when the view has them, else the first table."""

    payload: dict[str, Any]
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    records: Table | None = None
