"""Plain-text renderers: Markdown tables and CSV. No rich here."""

from __future__ import annotations

import csv
from typing import TextIO

from .escape import csv_cell, markdown_cell, markdown_inline, terminal
from .view import View

__all__ = ["csv_row", "write_csv", "write_markdown"]


def write_markdown(view: View, out: TextIO) -> None:
    for i, table in enumerate(view.tables):
        if i:
            out.write("\n")
        if table.title:
            out.write(f"### {markdown_inline(table.title)}\n\n")
        out.write("| " + " | ".join(markdown_cell(c) for c in table.columns) + " |\n")
        out.write("|" + "|".join("---" for _ in table.columns) + "|\n")
        for row in table.rows:
            out.write("| " + " | ".join(markdown_cell(c) for c in row) + " |\n")
        if table.caption:
            out.write("\n" + "\n".join(markdown_inline(line) for line in table.caption.splitlines()) + "\n")
    if view.notes:
        out.write("\n" + "\n".join(f"- {markdown_inline(note)}" for note in view.notes) + "\n")


def write_csv(view: View, out: TextIO) -> None:
    """The view's records (else its first table) as CSV with a header row; a cell never holds a
    line break, so each row is one line for line-based tools."""
    table = view.records or (view.tables[0] if view.tables else None)
    if table is None:
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_row(table.columns))
    writer.writerows(csv_row(tuple(" ".join(cell.split("\n")) for cell in row)) for row in table.rows)


def csv_row(cells: tuple[str, ...] | list[str]) -> list[str]:
    """Cells for a CSV file: no formula a spreadsheet would run (OWASP's leading quote), and no
    control character a terminal would obey when the CSV is printed."""
    return [csv_cell(terminal(cell)) for cell in cells]
