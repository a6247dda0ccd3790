"""Markdown and CSV from a View: cells escaped for each format, only the main table in CSV."""

from __future__ import annotations

import csv
import io

from codingpath.render import emit
from codingpath.render.text import write_csv, write_markdown
from codingpath.render.view import Table, View

VIEW = View(
    {"format_version": 1},
    (Table("Roles", ("Role", "Note"), (("Coder | II", "line one\nline two"), ("=1+1", "plain")), "a caption"),
     Table("Second", ("A",), (("x",),))),
    ("a note",),
)


def test_markdown_escapes_pipes_and_newlines_and_keeps_every_table():
    out = io.StringIO()
    write_markdown(VIEW, out)
    text = out.getvalue()
    assert "| Coder \\| II | line one<br>line two |" in text
    assert text.startswith("### Roles\n\n| Role | Note |\n|---|---|\n")
    assert "\na caption\n" in text and "### Second" in text and text.endswith("\n- a note\n")


def test_csv_writes_the_main_table_only_and_quotes_what_needs_it():
    out = io.StringIO()
    write_csv(VIEW, out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["Role", "Note"], ["Coder | II", "line one line two"], ["'=1+1", "plain"]]  # a formula is shown as text (OWASP)
    assert "Second" not in out.getvalue()


def test_csv_of_a_view_without_tables_is_empty():
    out = io.StringIO()
    write_csv(View({}, ()), out)
    assert out.getvalue() == ""


def test_emit_json_is_the_payload():
    out = io.StringIO()
    emit(VIEW, "json", out)
    assert out.getvalue() == '{\n  "format_version": 1\n}\n'
