"""Read a job posting (plain text, Markdown or a saved HTML page) as numbered lines of plain text.

A posting is whatever someone copied from a job board: the reader keeps what a person would read
(headings, bullets, paragraphs), drops what they would not (scripts, styles, navigation, HTML tags,
Markdown emphasis), and remembers each line's number in the original file so that every extracted
requirement can point back to it. Nothing here judges the content.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, Problem, unreadable

__all__ = ["MAX_BYTES", "Posting", "PostingLine", "parse_posting", "read_posting"]

# The longest real postings are a few tens of KB; a megabyte is a file that is not a posting.
MAX_BYTES = 1_000_000
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "br", "tr", "td", "th", "table", "section", "article", "main", "body",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl", "hr", "blockquote", "pre", "header",
})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "nav", "footer", "template", "svg", "form", "button",
                           "head", "iframe"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HTML_HINT = re.compile(r"<\s*(!doctype|html|body|p|div|li|ul|h[1-6]|br|section|span|strong|b)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦○>]|o(?=\s)|\d{1,2}[.)]|[a-z][.)](?=\s))\s+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class PostingLine:
    """One line a reader sees: its text (plain), its line in the file, and how it was marked."""

    number: int
    text: str
    heading: bool = False  # an HTML or Markdown heading, or a line that is bold and nothing else
    bullet: bool = False


@dataclass(frozen=True)
class Posting:
    """A posting as lines of text; `source` names the file (or '<stdin>') in messages."""

    source: str
    title: str
    lines: tuple[PostingLine, ...]
    html: bool = False


def read_posting(path: str, stdin: BinaryIO | None = None) -> Posting:
    """Read and parse a posting file ('-' reads standard input); InputError (exit 2) when it cannot."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            raw = (stdin or sys.stdin.buffer).read(MAX_BYTES + 1)
        else:
            if Path(path).is_dir():
                raise InputError(Problem(name, "is a directory, not a job posting (give a .txt, .md or .html file)"))
            with open(path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise unreadable(name, exc) from None
    return parse_posting(_decode(raw, name), name, html=path.lower().endswith((".html", ".htm")) or None)


def _decode(raw: bytes, name: str) -> str:
    """Bytes -> text, refusing a file that is too large, binary, empty or not UTF-8."""
    if len(raw) > MAX_BYTES:
        raise InputError(Problem(name, f"is larger than {MAX_BYTES // 1_000_000} MB; a job posting is a few "
                                       "pages of text: refusing to read it"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(Problem(name, "is UTF-16 encoded; save the posting as UTF-8 text"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(Problem(name, "contains a NUL byte: this looks like a binary file (a PDF or Word "
                                       "document?); copy the posting's text into a .txt file", line))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(Problem(name, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the posting as "
                                       "UTF-8 text", line, column)) from None
    if not text.strip():
        raise InputError(Problem(name, "is empty: no posting to read"))
    return text


def parse_posting(text: str, source: str = "<posting>", *, html: bool | None = None) -> Posting:
    """Text (or HTML, detected when `html` is None) -> a Posting of plain lines."""
    is_html = bool(_HTML_HINT.search(text)) if html is None else html
    lines = _html_lines(text) if is_html else _text_lines(text)
    if not lines:
        why = " once its HTML tags are removed" if is_html else ""
        raise InputError(Problem(source, "holds no readable text" + why))
    return Posting(source, _title(lines), tuple(lines), is_html)


def _title(lines: list[PostingLine]) -> str:
    """The first heading, else the first line: job boards put the job title first."""
    for line in lines[:8]:
        if line.heading:
            return line.text
    return lines[0].text


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _text_lines(text: str) -> list[PostingLine]:
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        heading = bool(_MD_HEADING.match(raw))
        body = _MD_HEADING.sub("", raw)
        bullet = bool(_BULLET.match(body)) and not heading
        body = _BULLET.sub("", body) if bullet else body
        bold_only = bool(re.fullmatch(r"\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*", body))
        body = _clean(_MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", body)))
        if body:
            out.append(PostingLine(number, body, heading or bold_only, bullet))
    return out


class _HtmlText(HTMLParser):
    """Collects text blocks with the source line each one starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[PostingLine] = []
        self.parts: list[tuple[int, str]] = []  # (source line, text): a block may span lines
        self.skipping = 0
        self.heading = False
        self.bullet = False
        self.bold_parts: list[str] = []
        self.in_bold = 0
        self.title: str | None = None
        self.in_title = False

    def flush(self) -> None:
        text = _clean("".join(part for _, part in self.parts))
        bold = _clean("".join(self.bold_parts))
        if text:
            heading = self.heading or bold.rstrip(":") == text.rstrip(":")
            pieces: dict[int, str] = {}
            for number, part in self.parts:
                pieces[number] = pieces.get(number, "") + part
            cleaned = [(number, _clean(piece)) for number, piece in pieces.items() if _clean(piece)]
            if heading or len(cleaned) == 1:
                self.lines.append(PostingLine(cleaned[0][0], text, heading, self.bullet))
            else:  # one line each, so a requirement points at its own line; `units` joins them again
                self.lines.extend(PostingLine(number, piece, False, self.bullet and i == 0)
                                  for i, (number, piece) in enumerate(cleaned))
        self.parts, self.bold_parts, self.heading, self.bullet = [], [], False, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.heading = tag in _HEADING_TAGS
            self.bullet = tag == "li"
        elif tag in ("b", "strong"):
            self.in_bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()
        elif tag in ("b", "strong"):
            self.in_bold = max(0, self.in_bold - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title and self.title is None and data.strip():
            self.title = _clean(data)
        if self.skipping:
            return
        number = self.getpos()[0]
        for i, piece in enumerate(data.split("\n")):
            self.parts.append((number + i, piece + ("\n" if i < data.count("\n") else "")))
        if self.in_bold:
            self.bold_parts.append(data)


def _html_lines(text: str) -> list[PostingLine]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser.flush()
    lines = parser.lines
    if parser.title and not any(line.heading for line in lines[:8]):
        # A page without headings: its <title> ("Coder II | Employer") names the job.
        lines.insert(0, PostingLine(1, parser.title.split(" | ")[0], heading=True))
    return lines
