"""What a command hands to the renderers: `Table` and `View` are frozen plain data with quiet
defaults, every `Format` has a writer, CSV prefers a view's records, and a table's narrow layout
takes over below WIDE columns."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import typing

import pytest

from codingpath.render import emit
from codingpath.render.rich_table import layout_for
from codingpath.render.view import TITLE_WIDTH, WIDE, Format, Table, View

NARROW = Table("Roles", ("Role",), (("Coder",),))
FULL = Table("Roles", ("Role", "Tier", "Summary"), (("Coder", "entry", "Assigns codes to records."),), narrow=NARROW)
RECORDS = Table("", ("role", "tier", "unconfirmed"), (("coder", "entry", "no"),))
VIEW = View({"format_version": 1, "roles": ["coder"]}, (FULL,), ("a note",), RECORDS)


def test_a_table_has_no_styling_unless_asked():
    table = Table("T", ("A",), (("x",),))
    assert table.caption is None and table.narrow is None and table.group_column is None
    assert table.row_styles == () and table.narrow_columns == () and table.breakable_columns == ()
    assert table.title_columns == () and table.fold_detail is None and table.group_headings is False


def test_a_view_has_no_notes_or_records_unless_given():
    view = View({}, ())
    assert view.notes == () and view.records is None


def test_tables_and_views_cannot_be_changed_once_made():
    with pytest.raises(dataclasses.FrozenInstanceError):
        FULL.title = "Other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        VIEW.notes = ()  # type: ignore[misc]
    assert hash(FULL) == hash(Table(FULL.title, FULL.columns, FULL.rows, narrow=NARROW))  # tuples all through


def test_the_formats_are_the_four_a_view_is_written_in():
    assert set(typing.get_args(Format)) == {"table", "json", "markdown", "csv"}


@pytest.mark.parametrize("fmt", typing.get_args(Format))
def test_every_format_writes_the_view(fmt: str):
    out = io.StringIO()
    emit(VIEW, fmt, out)  # type: ignore[arg-type]
    text = out.getvalue()
    assert text.endswith("\n")
    if fmt == "json":
        assert json.loads(text) == VIEW.payload
    else:
        assert "oder" in text  # 'Coder' or 'coder', whatever the format's table holds


def test_csv_writes_the_records_not_the_display_table():
    out = io.StringIO()
    emit(VIEW, "csv", out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["role", "tier", "unconfirmed"], ["coder", "entry", "no"]]


def test_markdown_writes_the_display_table_and_the_notes():
    out = io.StringIO()
    emit(VIEW, "markdown", out)
    assert "| Role | Tier | Summary |" in out.getvalue() and out.getvalue().endswith("- a note\n")


def test_the_narrow_layout_is_used_below_wide_columns_only():
    assert layout_for(FULL, WIDE)[0] is FULL
    assert layout_for(FULL, WIDE - 1)[0] is NARROW
    assert layout_for(NARROW, 40)[0] is NARROW  # a table without a narrow layout keeps its own


def test_the_title_width_holds_the_longest_titles_it_is_meant_for():
    assert len("Revenue Cycle Manager") <= TITLE_WIDTH and len("Senior Medical Coder") <= TITLE_WIDTH
