"""What the career map's page and picture share: escaping, status words and colours, contrast.

Every string from the data or a profile reaches HTML or SVG through `markup`: characters XML 1.0
does not allow (control codes, lone surrogates) become U+FFFD, and `<`, `>`, `&` and quotes become
entities, so a title from an employer's overlay cannot open a tag or break an attribute. Links
accept only http(s) addresses: a `javascript:` or `file:` source is shown as text.

Each status has a word, a shape and a colour, so it still reads in grey print or to someone who does
not tell green from red. The colours are checked against WCAG AA (4.5:1 for text) by the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .escape import xml_attribute

__all__ = ["MapStatus", "PALETTE", "STATUS_WORDS", "StatusStyle", "contrast_ratio", "link_or_text", "markup"]

MapStatus = Literal["held", "eligible", "gap", "target"]

def markup(text: str) -> str:
    """`text` as HTML/XML character data or attribute value (render/escape.py's rules)."""
    return xml_attribute(text)


def link_or_text(url: str, text: str | None = None) -> str:
    """A link for an http(s) address; anything else (a citation key, another scheme) as plain text."""
    label = markup(text or url)
    if re.match(r"https?://[^\s<>\"']+$", url):
        return f'<a href="{markup(url)}">{label}</a>'
    return label


@dataclass(frozen=True)
class StatusStyle:
    """How one status looks: `ink` is the text colour on `tint` (the card) and white on `band`."""

    word: str
    meaning: str
    band: str
    tint: str
    ink: str
    border: str  # a CSS border style: the shape that tells statuses apart without colour


PALETTE: dict[MapStatus, StatusStyle] = {
    "held": StatusStyle("held", "your current or a past role", "#1d4ed8", "#e8effd", "#123a9c", "solid"),
    "eligible": StatusStyle("eligible", "you meet the published requirements", "#15703a", "#e6f4ea", "#0f5229",
                            "solid"),
    "gap": StatusStyle("gap", "something is missing", "#4b5563", "#f5f6f8", "#374151",
                       "dashed"),
    "target": StatusStyle("target", "the role you are aiming for", "#9a3412", "#fdf0e6", "#7c2d12", "double"),
}
STATUS_WORDS = {status: style.word for status, style in PALETTE.items()}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21; AA text needs 4.5)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
