"""`codingpath.render.posting_text`: text from a posting or roster made harmless for each output
format: controls and direction marks shown, spreadsheet formulas defused, Markdown escaped."""

from __future__ import annotations

import json

import pytest

from codingpath.render.posting_text import for_csv, for_format, for_json_output, for_markdown, for_terminal


def test_plain_text_and_newlines_pass_unchanged():
    text = "Coder II — remote, 2 yrs CPC\nApply by 6/1"
    assert for_terminal(text) == text and for_csv(text) == text


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[31mred", "\\x1b[31mred"),
    ("a\tb", "a\\x09b"),
    ("bell\x07", "bell\\x07"),
    ("\x7f", "\\x7f"),
    ("\x9b", "\\x9b"),
    ("evil\u202egnp.exe", "evil\\u202egnp.exe"),
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("\ufeffBOM", "\\ufeffBOM"),
])
def test_controls_and_direction_marks_are_shown_as_escapes(raw, shown):
    assert for_terminal(raw) == shown


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_is_quoted(cell):
    assert for_csv(cell).startswith("'")
    assert "\t" not in for_csv(cell) and "\r" not in for_csv(cell)


def test_a_formula_sign_inside_a_cell_is_left_alone():
    assert for_csv("CPC=required") == "CPC=required"


def test_markdown_markup_is_escaped():
    assert for_markdown("*bold* _it_ [link](x) #h `code` !img ~s \\") == (
        "\\*bold\\* \\_it\\_ \\[link\\](x) \\#h \\`code\\` \\!img \\~s \\\\")
    assert for_markdown("\x1b") == "\\\\x1b"  # the escape's own backslash is escaped too


def test_each_format_gets_its_escape():
    assert for_format("=1", "csv") == "'=1"
    assert for_format("*x*", "markdown") == "\\*x\\*"
    for fmt in ("table", "html", "svg"):
        assert for_format("=*x*\x1b", fmt) == "=*x*\\x1b"


def test_json_output_escapes_what_json_dumps_leaves_raw():
    dumped = json.dumps("a\u202eb\x85c", ensure_ascii=False)
    safe = for_json_output(dumped)
    assert safe == '"a\\u202eb\\u0085c"'
    assert json.loads(safe) == "a\u202eb\x85c"
