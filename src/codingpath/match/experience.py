"""Years of experience in a sentence ("3+ years", "minimum of two years", "2-3 years", "seven (7)
years") and of what: the career tracks codingpath counts, and a care setting it cannot check."""

from __future__ import annotations

import re

from ..taxonomy import TRACKS
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
# "Previous auditing experience", "prior lead or supervisory experience", "Experience training coders".
_YEARLESS = re.compile(r"(?:^|\b(?:prior|previous|some|proven|demonstrated|hands-on)\s+)"
                       r"(?P<before>(?:[\w/-]+\s+){0,4}?)"
                       r"experience\b(?P<rest>[^;.]*)", re.I)
_NONE_NEEDED = re.compile(r"\bno\b[^;.]*\bexperience\b|\bexperience (?:is )?not (?:required|necessary|needed)\b", re.I)
_NESTED = re.compile(rf"(?P<min>{_NUM})\s+of\s+(?:which|these|them|those)\b", re.I)
_ALTERNATIVE = re.compile(r"\b(in lieu of|instead of|in place of|as a substitute)\b", re.I)
_OF_WHAT_END = re.compile(r",\s*(?=(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)|\bincluding\b|;", re.I)
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
    matches = [m for m in [*_YEARS.finditer(sentence), *_NESTED.finditer(sentence)]
               if not _NOT_EXPERIENCE_BEFORE.search(sentence[: m.start()])
               and not _NOT_EXPERIENCE_AFTER.match(sentence[m.end():])]
    matches.sort(key=lambda m: m.start())
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        cut = _OF_WHAT_END.search(sentence[match.end():stop])
        of_what = sentence[match.end(): match.end() + cut.start() if cut else stop]
        if _ALTERNATIVE.search(of_what):  # "or 2 years of coding in lieu of a degree": not asked for itself
            continue
        tracks, setting = kinds(of_what)
        nested = match.re is _NESTED  # "2 of which in management": only with a kind of its own
        if not tracks and (nested or "experience" not in (of_what + sentence[: match.start()]).lower()):
            continue
        unit = match.groupdict().get("unit") or "years"
        scale = 1 / 12 if unit.lower().startswith("month") else 1.0
        years = round(_number(match["min"]) * scale, 2)
        top = round(_number(match["max"]) * scale, 2) if match.groupdict().get("max") else None
        need = ExperienceNeed(years, tracks, setting, top, experience_label(tracks, setting))
        out.append(Mention(match.start(), match.end(), "experience", need, tail=match.end() + len(of_what)))
    out.extend(_yearless(sentence, [m.start() for m in matches]))
    return out


def _yearless(sentence: str, years_at: list[int]) -> list[Mention]:
    """Experience of a kind without a number of years, in clauses that give none."""
    out = []
    start = 0
    for clause in sentence.split(";"):
        end = start + len(clause)
        if not any(start <= at < end for at in years_at):
            found = _YEARLESS.search(clause)
            if found and not _NONE_NEEDED.search(clause):
                tracks, setting = kinds(found["before"] + " " + found["rest"])
                if tracks:
                    need = ExperienceNeed(None, tracks, setting, None, experience_label(tracks, setting))
                    out.append(Mention(start + found.start(), start + found.end(), "experience", need))
        start = end + 1
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
