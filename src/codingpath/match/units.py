"""A posting's lines as units a recruiter reads one at a time (a bullet, a paragraph), each with
the kind of section it sits in; and a unit's sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .posting import Posting, PostingLine
from .vocabulary import SECTION_EXCLUDED, SECTION_PREFERRED, SECTION_REQUIRED

__all__ = ["Context", "Unit", "classify_heading", "sentences", "units"]

Context = Literal["required", "preferred", "excluded", "unknown"]

_LABEL = re.compile(r"^(?P<label>[A-Z][\w /&'’,-]{2,45}?)\s*:\s+(?P<rest>\S.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(“\"])")
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|Ph\.D|St|Dr|Mr|Ms|Mrs|U\.S|Inc|Jr|Sr|vs|approx|min|No)\.$", re.I)


@dataclass(frozen=True)
class Unit:
    """A bullet or paragraph: its text, the line it starts on and its section's kind."""

    text: str
    line: int
    context: Context
    breaks: tuple[tuple[int, int], ...] = ()  # (offset in text, line) where each joined line begins
    bullet: bool = False
    headed: bool = False  # under a heading (of any kind), not in the text before the first one

    def line_at(self, offset: int) -> int:
        """The posting line that holds this offset of the text."""
        line = self.line
        for start, number in self.breaks:
            if start <= offset:
                line = number
        return line


def classify_heading(text: str) -> Context | None:
    """What a heading announces; None when it names no kind of section (a job title, say)."""
    if SECTION_PREFERRED.search(text):
        return "preferred"
    if SECTION_EXCLUDED.search(text):
        return "excluded"
    if SECTION_REQUIRED.search(text):
        return "required"
    return None


def _is_heading(line: PostingLine) -> bool:
    if line.heading:
        return True
    if line.bullet:
        return False
    words = len(line.text.split())
    text = line.text.rstrip()
    if text.endswith(":") and words <= 8:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and text.upper() == text and words <= 8 and not text.endswith("."):
        return True
    # A short line that names a section ("Who should apply"), but not "CPC required" or "4 years".
    plain = not re.search(r"\d|\b[A-Z]{2,}", text)
    return words <= 4 and plain and not text.endswith(".") and classify_heading(text) is not None


def _continues_bullet(previous: PostingLine | None, line: PostingLine) -> bool:
    """A bullet wrapped onto the next line ("- 2 years of" / "  experience in management"): the
    second line starts in lower case, so it is the bullet's text, never a heading that names a
    section."""
    return (previous is not None and previous.bullet and not line.bullet and not line.heading
            and line.number == previous.number + 1 and line.text[:1].islower()
            and not previous.text.rstrip().endswith((":", ".")))


def units(posting: Posting) -> list[Unit]:
    """Headings set the context; a labelled line ("Education: ...") sets its own; the title line and
    the heading lines themselves are not units. Lines of one paragraph are joined."""
    context: Context = "unknown"
    headed = False
    out: list[Unit] = []
    previous: PostingLine | None = None
    for index, line in enumerate(posting.lines):
        if index == 0 and line.text == posting.title:
            previous = None
            continue
        if _is_heading(line) and not _continues_bullet(previous, line):
            label = line.text.rstrip(":").strip()
            context = classify_heading(label) or ("unknown" if line.heading else context)
            headed = True
            previous = None
            continue
        text, own = line.text, context
        inline = _LABEL.match(text)
        labelled = False
        if inline and len(inline["label"].split()) <= 5:
            kind = classify_heading(inline["label"])
            if kind is not None:
                text, own, labelled = inline["rest"], kind, True
        joins = (previous is not None and not labelled and out and not line.bullet
                 and line.number == previous.number + 1 and not previous.text.endswith(":")
                 and (not previous.bullet or line.text[:1].islower()))
        if joins:
            last = out[-1]
            breaks = (*last.breaks, (len(last.text) + 1, line.number))
            out[-1] = Unit(f"{last.text} {text}", last.line, last.context, breaks, last.bullet, last.headed)
        else:
            out.append(Unit(text, line.number, own, (), line.bullet, headed))
        previous = line
    return out


def sentences(text: str) -> list[str]:
    """Split on sentence ends, not after abbreviations ("e.g.", "Ph.D.", "St.")."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if parts and _ABBREVIATIONS.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]
