"""Rich tables for the terminal. Colour only when the stream is a terminal and NO_COLOR is unset
(rich's own detection); piped output is plain text wrapped to 80 columns."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from .view import Table, View

__all__ = ["console_for", "to_rich", "write_export", "write_tables"]


def console_for(out: TextIO, *, record: bool = False, width: int | None = None) -> Console:
    # Cells are data, never markup or :emoji: codes ("[CAHIIM]" must print as written); not parsing
    # them for either is also a third of the time a big table takes to render.
    return Console(file=out, record=record, width=width, highlight=False, soft_wrap=False, markup=False,
                   emoji=False)


def to_rich(table: Table) -> RichTable:
    rich = RichTable(
        title=table.title or None,
        caption=table.caption,
        box=box.SIMPLE_HEAD,
        show_lines=False,
        title_justify="left",
        caption_justify="left",
        expand=False,
    )
    detail, into = table.fold_detail or (None, None)
    for i, column in enumerate(table.columns):
        if i != detail:
            rich.add_column(column, overflow="fold", no_wrap=i in table.narrow_columns)
    previous = None
    for i, row in enumerate(table.rows):
        if table.group_column is not None:
            value = row[table.group_column]
            if previous is not None and value != previous:
                rich.add_section()
            previous = value
        style = table.row_styles[i] if i < len(table.row_styles) else None
        cells: list[Text | str] = list(row)
        if detail is not None and into is not None:
            cells[into] = Text(row[into] + "\n") + Text(row[detail], style="dim")
            del cells[detail]
        rich.add_row(*cells, style=style)
    return rich


def _print_view(console: Console, view: View) -> None:
    for i, table in enumerate(view.tables):
        if i:
            console.print()
        console.print(to_rich(table))
    for note in view.notes:
        console.print(note, markup=False)


def write_tables(view: View, out: TextIO) -> None:
    _print_view(console_for(out), view)


def write_export(view: View, out: TextIO, fmt: str) -> None:
    """The tables as a standalone HTML page or SVG picture (rich's export), for print or sharing."""
    import io

    console = console_for(io.StringIO(), record=True, width=160)
    _print_view(console, view)
    title = view.tables[0].title if view.tables else "codingpath"
    if fmt == "html":
        out.write(console.export_html(inline_styles=True, code_format=_html_page(title)))
    else:
        out.write(console.export_svg(title=title, code_format=_svg_offline()))


# rich's page, plus a <title>, and a print layout: landscape, small enough for 160 columns.
_HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
body {{ color: {foreground}; background-color: {background}; margin: 1.5em; }}
pre {{ font-size: 13px; line-height: 1.3; }}
@media print {{ @page {{ size: landscape; margin: 10mm; }} body {{ margin: 0; }} pre {{ font-size: 6.5pt; }} }}
</style>
</head>
<body>
<pre style="font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace">\
<code style="font-family:inherit">{code}</code></pre>
</body>
</html>
"""


def _html_page(title: str) -> str:
    import html

    return _HTML_PAGE.replace("@TITLE@", html.escape(title).replace("{", "{{").replace("}", "}}"))


def _svg_offline() -> str:
    """rich's SVG template without its web-font URLs: a shared picture should not fetch anything."""
    import re

    from rich._export_format import CONSOLE_SVG_FORMAT

    return re.sub(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)', "", CONSOLE_SVG_FORMAT)
