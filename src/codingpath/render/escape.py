"""Escaping for every place codingpath's output goes, one function per destination's rules.

Any string that came from a file (a profile's name, a roster cell, an overlay's titles, a file
name) can hold whatever its author typed, so nothing is written anywhere without passing through
the function for that destination:

- `terminal`: a terminal obeys escape sequences (set the window title, clear the screen, write the
  clipboard with OSC 52), so every C0/C1 control character, DEL, a lone surrogate and the bidi
  overrides that reorder a line are shown as a visible `\\x1b`-style escape instead.
- `csv_cell`: a spreadsheet runs a cell starting with `= + - @`, a tab or a carriage return as a
  formula; OWASP's advice is to prefix such a cell with a single quote (a plain number is left
  alone, it cannot be a formula).
- `markdown_cell`, `markdown_inline`: HTML-escaped (Markdown renderers pass raw HTML through), the
  table's `|` escaped, and newlines kept from breaking out of a cell or a heading.
- `mermaid_label`: Mermaid's `#code;` entity codes for anything but letters, digits and spaces.
- `xml_text`, `xml_attribute`: only the characters XML 1.0 allows, with `& < > " '` as entities.
- `ics_text`: RFC 5545 TEXT, which forbids control characters other than a tab.
- `dot_string`: a Graphviz double-quoted string.
- `json_text`: JSON as `json.dumps(..., ensure_ascii=False)` wrote it, with the characters it leaves
  raw that a terminal obeys or an encoder refuses (DEL, C1 controls, lone surrogates) as `\\uXXXX`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "csv_cell",
    "dot_string",
    "ics_text",
    "json_text",
    "markdown_cell",
    "markdown_inline",
    "mermaid_label",
    "terminal",
    "terminal_line",
    "xml_attribute",
    "xml_text",
]

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates (surrogate-escaped bytes from a
# non-UTF-8 argv or file name, which no encoder can write), and the bidi controls that let a string
# display in a different order than it reads (the "Trojan Source" trick).
_COMPILED: dict[str, re.Pattern[str]] = {}


def _pattern(source: str) -> re.Pattern[str]:
    """`source` compiled on first use: compiling the character classes below with their wide
    Unicode ranges costs milliseconds each (the XML one most), and a run that writes a table uses
    one of them."""
    compiled = _COMPILED.get(source)
    if compiled is None:
        compiled = _COMPILED[source] = re.compile(source)
    return compiled


_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_UNSAFE = "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_ESCAPE_NAMES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPE_NAMES:
        return _ESCAPE_NAMES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """`text` safe to show on a terminal, keeping tabs and newlines (a table cell may wrap)."""
    return _TERMINAL_UNSAFE.sub(_visible, text)


def terminal_line(text: str) -> str:
    """`text` as one safe terminal line: newlines too become visible, so a message or a file name
    cannot forge a second line of output (`error: ...` on a line of its own)."""
    return _pattern(_LINE_UNSAFE).sub(_visible, text)


_JSON_RAW_UNSAFE = "[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


def json_text(dumped: str) -> str:
    """Serialised JSON safe to print: these characters can only occur inside its strings, where
    a `\\uXXXX` escape means the same character to any JSON reader."""
    return _pattern(_JSON_RAW_UNSAFE).sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# OWASP "CSV Injection": cells starting with these are formulas to Excel, LibreOffice and Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text rather than runs as a formula."""
    if text.startswith(_FORMULA_START) and not _pattern(_PLAIN_NUMBER).match(text):
        return "'" + text
    return text


# Outside XML 1.0's Char production, plus DEL and the C1 controls XML allows but discourages: a
# page or picture saved from a hostile name must not carry a terminal's CSI (U+009B) either.
_XML_DISALLOWED = "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def _xml_chars(text: str) -> str:
    return _pattern(_XML_DISALLOWED).sub("\ufffd", text)


def _html_escape() -> Callable[..., str]:
    from html import escape  # only for pages, pictures and Markdown: not every run writes them

    return escape


def xml_text(text: str) -> str:
    """Character data for XML 1.0 (and HTML): disallowed characters become U+FFFD, markup escaped."""
    return _html_escape()(_xml_chars(text), quote=False)


def xml_attribute(text: str) -> str:
    """A double- or single-quoted XML 1.0 attribute value."""
    return _html_escape()(_xml_chars(text), quote=True)


def markdown_inline(text: str) -> str:
    """Text on one Markdown line (a heading, a list item): HTML-escaped, line breaks as spaces."""
    one_line = " ".join(_pattern(_LINE_UNSAFE).sub(" ", text).split())
    return _html_escape()(one_line, quote=False)


def markdown_cell(text: str) -> str:
    """A Markdown table cell: HTML-escaped, `|` escaped, line breaks as `<br>`."""
    lines = [_html_escape()(_TERMINAL_UNSAFE.sub(" ", line), quote=False) for line in re.split(r"\r\n|\r|\n", text)]
    return "<br>".join(lines).replace("|", "\\|")


_MERMAID_PUNCTUATION = frozenset(" .,:!?*+-/()'_%")


def mermaid_label(text: str) -> str:
    """A Mermaid label for inside double quotes: letters, digits and plain punctuation as they are,
    every other character as a `#code;` entity, so nothing (a quote, a bracket, `<`, `#`, `&`, a
    backtick, a newline) is read as syntax or markup."""
    text = " ".join(_pattern(_LINE_UNSAFE).sub(" ", text).split())
    return "".join(char if char.isalnum() or char in _MERMAID_PUNCTUATION else f"#{ord(char)};" for char in text)


def dot_string(text: str) -> str:
    """A Graphviz double-quoted string; a line break becomes DOT's centred `\\n`."""
    text = _TERMINAL_UNSAFE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\n", "\\n") + '"'


_ICS_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"


def ics_text(text: str) -> str:
    """An RFC 5545 TEXT value (3.3.11): backslash, `;` and `,` escaped, line breaks as `\\n`,
    control characters (which the RFC's grammar leaves out) and C1 controls dropped."""
    text = _pattern(_ICS_CONTROL).sub("", text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
