"""Years of experience in a sentence ("3+ years", "minimum of two years", "2-3 years", "seven (7)
years") and of what: the career tracks codingpath counts, and a care setting it cannot check."""

from __future__ import annotations

import re
from ..models import TRACKS
from .requirements import ExperienceNeed, Mention
from .vocabulary import HEAD_TRACKS, NUMBER_WORDS, SETTINGS, TRACK_WORDS

__all__ = ["experience_label", "experience_mentions"]

_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)(?:\s*\(\d+\))?"
_YEARS = re.compile(
    rf"(?:(?:a\s+)?minimum\s+(?:of\s+)?|at\s+least\s+|min\.?\s+)?(?P<min>{_NUM})"
    rf"(?:\s*(?:-|–|to)\s*(?P<max>{_NUM}))?\s*(?:\+|plus\b|or\s+more\b)?\s*(?P<unit>years?|yrs?\.?|months?)(?![\w-])",
    re.I)
_NOT_EXPERIENCE_BEFORE = re.compile(r"\b(within|after|every|for the (?:first|past)|over the (?:past|last))\s*$", re.I)
_NOT_EXPERIENCE_AFTER = re.compile(r"^\s*(of hire|of employment|old|ago|of age|from)\b", re.I)
_YEARLESS = re.compile(r"^(?:(?:\w+\s+){0,2})experience\b(?P<rest>.*)$", re.I)
_STOP = re.compile(r"[;.]|\b\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?)\b", re.I)
_LABELS = {"coding": "coding", "management": "supervisory or management", "audit": "audit", "billing": "billing",
           "him": "HIM", "cdi": "CDI", "compliance": "compliance", "education": "teaching", "data": "data analysis",
           "privacy": "privacy"}


def _number(text: str) -> float:
    text = re.sub(r"\s*\(\d+\)", "", text).lower()
    return float(text) if text[0].isdigit() else float(NUMBER_WORDS[text])


def experience_mentions(sentence: str) -> list[Mention]:
    """Each amount of experience in the sentence with its kind; none when nothing says it is experience."""
    out = []
    matches = [m for m in _YEARS.finditer(sentence)
               if not _NOT_EXPERIENCE_BEFORE.search(sentence[: m.start()])
               and not _NOT_EXPERIENCE_AFTER.match(sentence[m.end():])]
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        cut = re.search(r"[;]", sentence[match.end():stop])
        of_what = sentence[match.end(): match.end() + cut.start() if cut else stop]
        tracks, setting = kinds(of_what)
        if not tracks and "experience" not in (of_what + sentence[: match.start()]).lower():
            continue
        scale = 1 / 12 if match["unit"].lower().startswith("month") else 1.0
        years = round(_number(match["min"]) * scale, 2)
        top = round(_number(match["max"]) * scale, 2) if match["max"] else None
        need = ExperienceNeed(years, tracks, setting, top, experience_label(tracks, setting))
        out.append(Mention(match.start(), match.end(), "experience", need, tail=match.end() + len(of_what)))
    if not out:
        yearless = _YEARLESS.match(sentence)
        if yearless:
            tracks, setting = kinds(yearless["rest"])
            if tracks:
                need = ExperienceNeed(None, tracks, setting, None, experience_label(tracks, setting))
                out.append(Mention(0, yearless.end(), "experience", need))
    return out


def kinds(text: str) -> tuple[tuple[str, ...], str | None]:
    """The tracks a phrase names (in codingpath's track order) and the first care setting in it."""
    found: set[str] = set()
    for pattern, tracks in TRACK_WORDS:
        if pattern.search(text):
            found.update(tracks)
    if found & HEAD_TRACKS:
        found &= HEAD_TRACKS
    settings = [(m.start(), name) for pattern, name in SETTINGS for m in [pattern.search(text)] if m]
    setting = min(settings)[1] if settings and found else None
    return tuple(t for t in TRACKS if t in found), setting


def experience_label(tracks: tuple[str, ...], setting: str | None) -> str:
    """'inpatient coding experience', 'HIM experience', 'audit or billing experience'."""
    shown = [t for t in tracks if not (t == "coding" and "him" in tracks)]
    words = " or ".join(_LABELS[t] for t in shown) if shown else "work"
    if setting and "coding" in tracks and setting not in words:
        words = f"{setting} {words}"
    return f"{words} experience"
