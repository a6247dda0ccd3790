"""Each destination's escaping: what reaches a terminal, a spreadsheet, a Markdown page, a Mermaid
diagram, an SVG/HTML page and a calendar can never be read as anything but text."""

from __future__ import annotations

import csv
import io
import re
import xml.dom.minidom

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codingpath.ids import is_credential_id, is_role_id
from codingpath.render.escape import (
    csv_cell,
    dot_string,
    ics_text,
    markdown_cell,
    markdown_inline,
    mermaid_label,
    terminal,
    terminal_line,
    xml_attribute,
    xml_text,
)

HOSTILE_NAME = "X\x1b]0;TITLE\x1b\\\x1b[2J\x1b]52;c;SGVsbG8=\x1b\\\x07"


def _has_control(text: str, allowed: str = "") -> bool:
    return any((ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) and c not in allowed for c in text)


def test_terminal_shows_escape_sequences_instead_of_obeying_them() -> None:
    shown = terminal(HOSTILE_NAME)
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("X\\x1b]0;TITLE\\x1b\\")


def test_terminal_keeps_newlines_but_terminal_line_does_not() -> None:
    assert terminal("a\nb\tc") == "a\nb\tc"
    assert terminal_line("a\nerror: forged") == "a\\nerror: forged"


def test_terminal_shows_surrogate_escaped_bytes_and_bidi_overrides() -> None:
    shown = terminal("Jos\udce9 \u202eevil")
    assert shown == "Jos\\udce9 \\u202eevil"
    shown.encode("utf-8")  # a lone surrogate would make this raise


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "+cmd|'/c calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=1+1"],
)
def test_csv_cell_neutralises_formulas(cell: str) -> None:
    assert csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Alice", "-5", "+1.5", "12", "3e4", "", "a=b"])
def test_csv_cell_leaves_plain_text_and_numbers_alone(cell: str) -> None:
    assert csv_cell(cell) == cell


def test_markdown_cell_escapes_html_pipes_and_newlines() -> None:
    cell = markdown_cell("<script>alert(1)</script>|<img src=x onerror=alert(1)>\nnext")
    assert "<script" not in cell and "<img" not in cell
    assert "\\|" in cell and "\n" not in cell and "<br>" in cell


def test_markdown_inline_cannot_start_a_new_line() -> None:
    assert markdown_inline("Ann\n# Injected\r\n<b>x</b>") == "Ann # Injected &lt;b&gt;x&lt;/b&gt;"


def test_mermaid_label_uses_entity_codes_for_syntax() -> None:
    label = mermaid_label('A"] --> B["x<img src=x onerror=alert(1)>#')
    assert '"' not in label and "<" not in label and "]" not in label
    assert label.startswith("A#34;#93; --#62; B#91;#34;x#60;img")
    assert mermaid_label("Coding Manager (CPC) *") == "Coding Manager (CPC) *"


def test_dot_string_is_one_quoted_string() -> None:
    assert dot_string('a"b\\\nc\x1b') == '"a\\"b\\\\\\nc\ufffd"'


def test_ics_text_drops_controls_rfc5545_forbids() -> None:
    assert ics_text("a\x1b\x07;b,c\\\nd\te") == "a\\;b\\,c\\\\\\nd\te"


def test_ids_follow_the_grammar() -> None:
    assert is_role_id("medical-coder") and not is_role_id("zz-$(touch PWNED)") and not is_role_id("a\n")
    assert is_credential_id("CCS-P") and not is_credential_id("cpc") and not is_credential_id(3)


@given(st.text())
def test_terminal_output_never_holds_a_control_character(text: str) -> None:
    assert not _has_control(terminal(text), allowed="\t\n")
    assert not _has_control(terminal_line(text))
    terminal(text).encode("utf-8")


@given(st.text())
def test_xml_escaping_is_always_well_formed(text: str) -> None:
    document = f'<svg xmlns="http://www.w3.org/2000/svg"><text a="{xml_attribute(text)}">{xml_text(text)}</text></svg>'
    xml.dom.minidom.parseString(document.encode("utf-8"))


@given(st.text())
def test_csv_cells_are_never_live_formulas(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_cell(text)])
    (cell,) = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or re.fullmatch(r"[+-][\d.eE+-]+", cell)


@given(st.text())
def test_markdown_and_mermaid_stay_on_one_line(text: str) -> None:
    assert "\n" not in markdown_cell(text) and "\n" not in markdown_inline(text)
    assert "\n" not in mermaid_label(text) and '"' not in mermaid_label(text)
    assert not _has_control(ics_text(text), allowed="\t")
