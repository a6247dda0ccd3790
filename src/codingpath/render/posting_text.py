"""Text copied from a job posting (or a roster), made safe for each output format.

A posting is someone else's text: it may carry terminal escape sequences, right-to-left overrides,
a cell that a spreadsheet would run as a formula, or Markdown and HTML that would change a page.
Every string that came from an input passes through one of these before it is written.
"""

from __future__ import annotations

import re

__all__ = ["for_csv", "for_format", "for_json_output", "for_markdown", "for_terminal"]

# C0 and C1 controls (but not newline), DEL, and the bidirectional and zero-width format characters
# that can reorder or hide what a terminal or a page shows.
_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Markdown's own markup; < > & are HTML-escaped by the Markdown writer (render/escape.py).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#!~])")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """Control and direction characters shown as escapes (\\x1b), so they print and do nothing."""
    return _UNSAFE.sub(_visible, text)


def for_csv(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR is quoted with an apostrophe
    (OWASP's advice for CSV injection); controls made visible."""
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return for_terminal(text)


def for_markdown(text: str) -> str:
    """Markdown's special characters escaped (the writer HTML-escapes and handles | and newlines)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", for_terminal(text))


def for_format(text: str, fmt: str) -> str:
    """The escape for a display format (table, markdown, csv, html, svg)."""
    if fmt == "csv":
        return for_csv(text)
    if fmt == "markdown":
        return for_markdown(text)
    return for_terminal(text)  # rich's HTML and SVG export escape < > & themselves


def for_json_output(text: str) -> str:
    """JSON text with the characters json.dumps leaves raw (C1 controls, direction marks) as \\u escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
