"""Rich tables for the terminal. Colour only when the stream is a terminal and NO_COLOR is unset
(rich's own detection); piped output is plain text wrapped to 80 columns."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from .escape import terminal
from .view import TITLE_WIDTH, WIDE, Table, View

__all__ = ["column_widths", "console_for", "layout_for", "shown", "to_rich", "write_tables"]

MIN_COLUMNS = 20


def console_for(out: TextIO, *, record: bool = False, width: int | None = None) -> Console:
    # Cells are data, never markup or :emoji: codes ("[CAHIIM]" must print as written); not parsing
    # them for either is also a third of the time a big table takes to render.
    return Console(file=out, record=record, width=width or _usable_columns(), highlight=False, soft_wrap=False,
                   markup=False, emoji=False)


def _usable_columns() -> int | None:
    """None (rich's own choice) unless $COLUMNS is set to something no table fits in (0, -1, 'x'),
    which rich would obey and print nothing: then the 80 columns of a plain terminal."""
    text = os.environ.get("COLUMNS")
    if text is None:
        return None
    try:
        return None if int(text) >= MIN_COLUMNS else 80
    except ValueError:
        return 80


def shown(view: View) -> View:
    """The view with every string's control characters shown rather than obeyed: a name from a
    file may hold escape sequences that set a window title, clear the screen or write the
    clipboard. Done before layout, so widths are those of what is printed."""
    def table(t: Table) -> Table:
        return replace(t, title=terminal(t.title), columns=tuple(map(terminal, t.columns)),
                       rows=tuple(tuple(map(terminal, row)) for row in t.rows),
                       caption=terminal(t.caption) if t.caption else t.caption)

    return replace(view, tables=tuple(map(table, view.tables)), notes=tuple(map(terminal, view.notes)))


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


Row = tuple[str, str | None]  # ("row" | "heading" | "section", style)


def _display(table: Table) -> tuple[tuple[str, ...], list[Row], list[tuple[str, ...]]]:
    """Columns and rows as the terminal shows them: a folded detail column under its title, a rule
    where the group changes, the group's value as a heading row when `group_headings`. Each row
    comes with its kind and style."""
    detail, into = table.fold_detail or (None, None)
    group = table.group_column if table.group_headings else None
    keep = [i for i in range(len(table.columns)) if i not in (detail, group)]
    rows: list[tuple[str, ...]] = []
    kinds: list[Row] = []
    previous = None
    for n, row in enumerate(table.rows):
        if table.group_column is not None and row[table.group_column] != previous:
            if previous is not None:
                kinds.append(("section", None))
                rows.append(())
            if group is not None:
                kinds.append(("heading", "bold"))
                rows.append((row[group].upper(), *([""] * (len(keep) - 1))))
            previous = row[table.group_column]
        cells = list(row)
        if detail is not None and into is not None:
            cells[into] = row[into] + "\n" + row[detail]
        rows.append(tuple(cells[i] for i in keep))
        kinds.append(("row", table.row_styles[n] if n < len(table.row_styles) else None))
    return tuple(table.columns[i] for i in keep), kinds, rows


def column_widths(table: Table, width: int) -> list[int] | None:
    """Widths (without padding) that keep every word of every cell and header whole within
    `width`: each column at least its longest word (a short title its whole line), the room left
    given where it saves the most lines. None when even the longest words do not fit."""
    columns, styles, rows = _display(table)
    n = len(columns)
    narrow = {i for i in range(n) if _kept_index(table, i) in table.narrow_columns}
    breakable = {i for i in range(n) if _kept_index(table, i) in table.breakable_columns}
    titles = {i for i in range(n) if _kept_index(table, i) in table.title_columns}
    lows, highs, cells = [], [], []
    body = [row for (kind, _), row in zip(styles, rows, strict=False) if kind != "section"]
    for i, header in enumerate(columns):
        texts = [header] + [row[i] for row in body]
        cells.append([[[cell_len(w) for w in line.split()] for line in text.split("\n")] for text in texts])
        high = max(_longest_line(t) for t in texts)
        if i in narrow:
            low = high
        elif i in breakable:
            low = min(high, 12)
        else:
            low = max(_longest_word(t) for t in texts)
            if i in titles:
                low = max(low, min(high, TITLE_WIDTH))
        lows.append(low)
        highs.append(max(high, low))
    room = width - (3 * n + 1)  # a space of padding each side of a cell, a rule between, the edges
    if sum(highs) <= room:
        return highs
    if sum(lows) > room:
        return None
    return _share(cells, lows, highs, room)


def _height(words: list[list[int]], width: int) -> int:
    """Lines a cell takes at `width`: its lines, each wrapped word by word (lengths given)."""
    total = 0
    for line in words:
        lines, used = 1, -1
        for length in line:
            if used + 1 + length > width and used > 0:
                lines, used = lines + 1, length
            else:
                used += 1 + length
        total += lines
    return total


def _share(cells: list[list[list[list[int]]]], lows: list[int], highs: list[int], room: int) -> list[int]:
    """Widen columns from their longest word toward their longest line. Each time, the column whose
    next useful widening (the least that saves one of its cells a line) saves the most lines of the
    table per character, then of its cells, gets it."""
    widths = list(lows)
    spare = room - sum(lows)
    memo: dict[tuple[int, int], list[int]] = {}

    def heights(i: int, width: int) -> list[int]:
        if (i, width) not in memo:
            memo[i, width] = [_height(cell, width) for cell in cells[i]]
        return memo[i, width]

    def table_lines(candidate: list[int]) -> int:
        columns = [heights(i, w) for i, w in enumerate(candidate)]
        return sum(max(row) for row in zip(*columns, strict=False))

    while spare > 0:
        now = table_lines(widths)
        best: tuple[tuple[float, float], int, int] | None = None
        for i in range(len(widths)):
            before = sum(heights(i, widths[i]))
            for grow in range(1, min(spare, highs[i] - widths[i]) + 1):
                after = sum(heights(i, widths[i] + grow))
                if after < before:
                    trial = widths[:i] + [widths[i] + grow] + widths[i + 1:]
                    key = ((now - table_lines(trial)) / grow, (before - after) / grow)
                    if best is None or key > best[0]:
                        best = (key, i, grow)
                    break
        if best is None:
            break
        _, i, grow = best
        widths[i] += grow
        spare -= grow
    return widths


def _kept_index(table: Table, shown: int) -> int:
    """The index in `table.columns` of the `shown`-th column on the terminal."""
    detail, _ = table.fold_detail or (None, None)
    group = table.group_column if table.group_headings else None
    return [i for i in range(len(table.columns)) if i not in (detail, group)][shown]


def layout_for(table: Table, width: int) -> tuple[Table, list[int] | None]:
    """The table to show at this width (the narrow layout below WIDE columns, or when the full one
    cannot keep its words whole) and its column widths."""
    if table.narrow is not None and width < WIDE:
        return layout_for(table.narrow, width)
    widths = column_widths(table, width)
    if widths is None and table.narrow is not None:
        return layout_for(table.narrow, width)
    return table, widths


def to_rich(table: Table, width: int | None = None) -> RichTable:
    shown, widths = layout_for(table, width) if width is not None else (table, None)
    rich = RichTable(
        title=shown.title or None,
        caption=shown.caption,
        box=box.SIMPLE_HEAD,
        show_lines=False,
        title_justify="left",
        caption_justify="left",
        expand=False,
    )
    columns, styles, rows = _display(shown)
    for i, column in enumerate(columns):
        kept = _kept_index(shown, i)
        rich.add_column(column, overflow="fold", no_wrap=kept in shown.narrow_columns,
                        width=widths[i] if widths else None)
    detail, into = shown.fold_detail or (None, None)
    into_shown = None if into is None else [_kept_index(shown, i) for i in range(len(columns))].index(into)
    for (kind, style), row in zip(styles, rows, strict=False):
        if kind == "section":
            rich.add_section()
            continue
        cells: list[Text | str] = list(row)
        if kind == "row" and into_shown is not None:
            title, _, rest = row[into_shown].partition("\n")
            cells[into_shown] = Text(title + "\n") + Text(rest, style="dim")
        rich.add_row(*cells, style=style)
    return rich


def _print_view(console: Console, view: View, *, fit: bool = True) -> None:
    """The tables (laid out for the console's width when `fit`) and the notes under them."""
    for i, table in enumerate(view.tables):
        if i:
            console.print()
        console.print(to_rich(table, console.width if fit else None))
    for note in view.notes:
        console.print(note, markup=False)


def write_tables(view: View, out: TextIO) -> None:
    _print_view(console_for(out), shown(view))
