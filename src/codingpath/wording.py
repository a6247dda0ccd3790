"""How things are said, in one place: requirements as short phrases, education levels, counted
words ("1 year", "2 years") and the "did you mean" after a near miss. Shared by every output format."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Credential, Requirement

__all__ = ["close_matches", "counted", "credentials_text", "did_you_mean", "education_text", "experience_text",
           "level_name", "months_in_words", "plural", "requirement_text", "retired_text", "short_level_name",
           "suggestion", "yes_or_no", "years_in_words", "years_text"]

# The words a questionnaire answer or a roster cell may say yes or no with (pydantic reads each the same way).
_YES_NO = {"y": True, "yes": True, "true": True, "1": True, "n": False, "no": False, "false": False, "0": False}

def yes_or_no(text: str) -> bool | None:
    """True for yes, y, true, 1 and False for no, n, false, 0 (any case, spaces around); else None."""
    return _YES_NO.get(text.strip().lower())


# Each education level: (in a table cell, in a sentence).
_LEVEL_WORDS = {
    "none": ("none", "no formal education"),
    "high-school": ("high school", "a high-school diploma or equivalent"),
    "associate": ("associate", "an associate degree"),
    "bachelor": ("bachelor's", "a bachelor's degree"),
    "master": ("master's", "a master's degree"),
    "doctorate": ("doctorate", "a doctorate"),
}


def level_name(level: str) -> str:
    """An education level in a sentence: 'an associate degree'."""
    return _LEVEL_WORDS[level][1]


def short_level_name(level: str) -> str:
    """An education level in a table cell: "bachelor's"."""
    return _LEVEL_WORDS[level][0]


def plural(count: float, word: str, many: str | None = None) -> str:
    """`word` for one, else its plural: `many` for an irregular one ('person', 'people')."""
    return word if count == 1 else (many or word + "s")


def counted(count: float, word: str, many: str | None = None) -> str:
    """'1 year', '2 years', '0.5 years'; `many` for an irregular plural ('person', 'people')."""
    number = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{number} {plural(count, word, many)}"


def months_in_words(months: int) -> str:
    """A span the way people say it: '3 months', '1 year', '1 year 7 months', '2 years'."""
    years, rest = divmod(max(0, months), 12)
    if not years:
        return counted(rest, "month")
    return counted(years, "year") + (f" {counted(rest, 'month')}" if rest else "")


def years_in_words(years: float) -> str:
    """A span given in years, to the nearest month: 0.25 -> '3 months', 1.6 -> '1 year 7 months'."""
    return months_in_words(round(years * 12))


years_text = years_in_words  # every span is said in the same words


def close_matches(word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The choices closest to `word`, best first (difflib's ratio, at least `cutoff`)."""
    import difflib  # only when a word was not found: shell completion and --help never need it

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """"; did you mean 'X'?" for a near miss, else ''."""
    close = close_matches(str(word), choices)
    return suggestion(close)


def suggestion(close: list[str]) -> str:
    """"; did you mean 'X'?" for the first of `close`, else ''."""
    return f"; did you mean {close[0]!r}?" if close else ""


def credentials_text(req: Requirement) -> str:
    parts = []
    for group in req.credentials:
        parts.append(group[0] if len(group) == 1 else "one of " + ", ".join(group))
    return "; ".join(parts) or "-"


def experience_text(req: Requirement) -> str:
    parts = []
    for rule in req.experience:
        parts.append(f"{years_in_words(rule.years)} {rule.label}")
    return "; ".join(parts) or "-"


def education_text(req: Requirement) -> str:
    if req.education is None:
        return "-"
    text = short_level_name(req.education)
    if req.cahiim_accredited:
        text += " (CAHIIM HIM)"
    return text


def requirement_text(req: Requirement) -> str:
    """One line: 'associate (CAHIIM HIM); one of CPC/CCS; 3 yr coding experience'."""
    if req.description:
        return req.description
    parts = [p for p in (education_text(req), credentials_text(req), experience_text(req)) if p != "-"]
    parts += [f"training {t}" for t in req.training]
    return "; ".join(parts) or "no prerequisite"


def retired_text(credential: Credential) -> str:
    """'the CPC-P exam is no longer offered (AAPC; unconfirmed): holders keep the credential'."""
    status = credential.status
    sure = "" if status is None or status.confidence == "confirmed" else f"; {status.confidence}"
    return (f"the {credential.id} exam is no longer offered ({credential.body}{sure}): holders keep the "
            "credential, and no one can earn it now")
