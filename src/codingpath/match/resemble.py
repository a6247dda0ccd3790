"""Which codingpath role a posting most resembles: by the words of its title, its tier, the kinds of
work it names and the credentials it asks for. A pointer for `codingpath role` and `plan`, not a
claim that the employer uses codingpath's titles."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..catalog import Catalog, slug
from ..taxonomy import TIERS
from .requirements import CredentialNeed, ExperienceNeed, Extraction

if TYPE_CHECKING:
    from ..models import Role

__all__ = ["posting_tier", "posting_tracks", "resembles"]

_TIER_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(director|vp|vice president|chief|head of|executive)\b", re.I), "master"),
    (re.compile(r"\b(manager|management)\b", re.I), "advanced"),
    (re.compile(r"\b(supervisor|lead|senior|sr|auditor|ii|iii|analyst|educator|consultant|specialist ii"
                r"|validation)\b", re.I), "mid"),
    (re.compile(r"\b(apprentice|apprenticeship|trainee|entry|i|clerk|assistant|associate)\b", re.I), "entry"),
)
_TRACK_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(audit\w*|validation|review|payment integrity|health plan|payer)\b", re.I), "audit"),
    (re.compile(r"\b(cdi|documentation)\b", re.I), "cdi"),
    (re.compile(r"\b(manager|director|supervisor|vp|vice president|operations)\b", re.I), "management"),
    (re.compile(r"\b(him|health information|release of information|registrar|records)\b", re.I), "him"),
    (re.compile(r"\b(billing|revenue|claims|practice)\b", re.I), "billing"),
    (re.compile(r"\b(compliance)\b", re.I), "compliance"),
    (re.compile(r"\b(data|analytics|informatics)\b", re.I), "data"),
    (re.compile(r"\b(privacy|security)\b", re.I), "privacy"),
    (re.compile(r"\b(educator|education|trainer)\b", re.I), "education"),
    (re.compile(r"\b(coder|coding|apprentice)\b", re.I), "coding"),
)
_NOISE = frozenset({"remote", "hybrid", "the", "and", "of", "a", "i", "ii", "iii", "level", "specialist"})
_STEMS = {"coder": "coding", "coders": "coding", "auditing": "auditor", "audit": "auditor", "surgical": "surgery"}


def _words(text: str) -> set[str]:
    return {_STEMS.get(w, w) for w in slug(text).split("-") if w and w not in _NOISE}


def _settings(extraction: Extraction) -> set[str]:
    """The care settings its experience names, as words a role's summary would use."""
    return {word for r in extraction.requirements if isinstance(r.parsed, ExperienceNeed) and r.parsed.setting
            for word in _words(r.parsed.setting)}


def posting_tier(extraction: Extraction) -> str:
    """The tier its title names, else the one its required years suggest."""
    for pattern, tier in _TIER_WORDS:
        if pattern.search(extraction.title):
            return tier
    years = max((r.parsed.years or 0 for r in extraction.requirements
                 if r.required and isinstance(r.parsed, ExperienceNeed)), default=0.0)
    return "entry" if years < 3 else "mid" if years < 5 else "advanced" if years < 8 else "master"


def posting_tracks(extraction: Extraction) -> set[str]:
    """The kinds of work its title names; the required experience's, when the title names none."""
    tracks = {track for pattern, track in _TRACK_WORDS if pattern.search(extraction.title)}
    if not tracks:
        tracks = {t for r in extraction.requirements if r.required and isinstance(r.parsed, ExperienceNeed)
                  for t in r.parsed.tracks}
    return tracks or {"coding"}


def resembles(extraction: Extraction, catalog: Catalog) -> str | None:
    """The id of the role that scores highest (ties: the lower tier, then the title)."""
    if not catalog.roles:
        return None
    title = _words(extraction.title)
    tier = TIERS.index(posting_tier(extraction))
    tracks = posting_tracks(extraction)
    asked = {c for r in extraction.requirements if isinstance(r.parsed, CredentialNeed) for c in r.parsed.any_of}
    settings = _settings(extraction)
    specialties = {c.id for c in catalog.credentials.values() if c.specialty}

    def score(role: Role) -> float:
        # A one-word alias ("Coder") should not outscore a two-word title that says more.
        names = [_words(name) for name in (role.title, *role.aliases)]
        overlap = max((len(title & words) / (len(words) + 1) for words in names if words), default=0.0)
        offered = {c for group in role.requirements.credentials for c in group} | set(role.preferred_credentials)
        # A role open to any of a dozen specialty credentials is not less like a posting naming one.
        offered = {c for c in offered if c in asked or c not in specialties}
        shared = len(asked & offered) / len(asked | offered) if asked else 0.0
        setting = len(settings & _words(role.summary))
        return (4 * overlap + 2 * len(tracks & set(role.tracks)) - len(set(role.tracks) - tracks)
                - abs(TIERS.index(role.tier) - tier) + 2 * shared + 1.5 * setting)

    best = max(catalog.roles.values(), key=lambda r: (score(r), -TIERS.index(r.tier), r.title))
    return best.id
