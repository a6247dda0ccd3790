"""Turn a command's result into output: a rich table, JSON, Markdown or CSV.

Commands build a `View` (a JSON payload plus display tables) from core results and hand it to
`emit`. Only the `table` format imports rich, so a piped `--format json` never pays for it. The
career map's page and picture are drawn by `lattice_page` and `ladder_svg`, not from a View.
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
        case _:
            assert_never(fmt)
