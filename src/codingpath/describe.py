"""Short human phrases for requirements, shared by every output format."""

from __future__ import annotations

from .models import Requirement
from .wording import years_in_words

__all__ = ["credentials_text", "education_text", "experience_text", "requirement_text"]

_SHORT_LEVEL = {
    "none": "none",
    "high-school": "high school",
    "associate": "associate",
    "bachelor": "bachelor's",
    "master": "master's",
    "doctorate": "doctorate",
}


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
    text = _SHORT_LEVEL[req.education]
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
