"""Turn a command's result into output: a rich table, JSON, Markdown, CSV (and pages, pictures).

Commands build a `View` (a JSON payload plus display tables) from core results and hand it to
`emit`. Only the `table`, `html` and `svg` formats import rich, so a piped `--format json` never
pays for it.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO, assert_never

from .view import Format, Table, View

__all__ = ["Format", "Table", "View", "emit"]


def emit(view: View, fmt: Format, stream: TextIO | None = None) -> None:
    """Write a view in the chosen format."""
    out = stream or sys.stdout
    match fmt:
        case "json":
            from .escape import json_text

            out.write(json_text(json.dumps(view.payload, indent=2, ensure_ascii=False, default=str)) + "\n")
        case "markdown":
            from .text import write_markdown

            write_markdown(view, out)
        case "csv":
            from .text import write_csv

            write_csv(view, out)
        case "table":
            from .rich_table import write_tables

            write_tables(view, out)
        case "html" | "svg":
            from .rich_table import write_export

            write_export(view, out, fmt)
        case _:
            assert_never(fmt)
