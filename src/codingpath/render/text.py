"""Plain-text renderers: Markdown tables and CSV. No rich here."""

from __future__ import annotations

import csv
from typing import TextIO

from .view import View

__all__ = ["write_csv", "write_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def write_markdown(view: View, out: TextIO) -> None:
    for i, table in enumerate(view.tables):
        if i:
            out.write("\n")
        if table.title:
            out.write(f"### {table.title}\n\n")
        out.write("| " + " | ".join(_cell(c) for c in table.columns) + " |\n")
        out.write("|" + "|".join("---" for _ in table.columns) + "|\n")
        for row in table.rows:
            out.write("| " + " | ".join(_cell(c) for c in row) + " |\n")
        if table.caption:
            out.write(f"\n{table.caption}\n")
    if view.notes:
        out.write("\n" + "\n".join(f"- {note}" for note in view.notes) + "\n")


def write_csv(view: View, out: TextIO) -> None:
    """The view's records (else its first table) as CSV with a header row; a cell never holds a
    line break, so each row is one line for line-based tools."""
    table = view.records or (view.tables[0] if view.tables else None)
    if table is None:
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(tuple(" ".join(cell.split("\n")) for cell in row) for row in table.rows)
