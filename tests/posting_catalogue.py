"""The catalogue of job postings in tests/postings/: each posting beside a YAML file with what a
recruiter reads in it (its requirements, the role it resembles) and the verdict for each example
profile. Shared by the tests and by benchmarks/bench_match.py.

A requirement is compared on its kind, whether it is required, and its structured value (the
credentials of a one-of group, years and tracks, education level, or the name of an unchecked
item); the source sentence is not compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from codingpath.match.requirements import (
    CredentialNeed,
    EducationNeed,
    ExperienceNeed,
    OtherNeed,
    PostingRequirement,
)

POSTINGS = Path(__file__).resolve().parent / "postings"
# Written after the extractor was frozen and measured as they came, never tuned against: the honest
# figure. The postings above were written first and the vocabulary grew while reading them.
HOLDOUT = POSTINGS / "holdout"
# A second batch, written once the first had been used to fix the extractor, and measured once.
FRESH = POSTINGS / "fresh"
PROFILES = ("newcomer", "apprentice", "experienced-coder", "director-candidate")

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Expected:
    """What a recruiter reads in a posting; and, for the held-out ones, where codingpath is known to
    read it differently (`missed`, `extra`, `verdicts_given`), so that a test notices any change."""

    posting: Path
    title: str
    resembles: str
    requirements: tuple[Key, ...]
    verdicts: dict[str, str]
    missed: tuple[Key, ...] = ()
    extra: tuple[Key, ...] = ()
    verdicts_given: dict[str, str] | None = None

    @property
    def verdicts_now(self) -> dict[str, str]:
        return {**self.verdicts, **(self.verdicts_given or {})}


def catalogue(folder: Path = POSTINGS) -> list[Expected]:
    """Every posting of a folder with its expectations, by file name."""
    out = []
    for spec in sorted(folder.glob("*.yaml")):
        posting = next(p for p in folder.glob(spec.stem + ".*") if p.suffix != ".yaml")
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
        known = data.get("known_differences") or {}
        out.append(Expected(posting, data["title"], data["resembles"],
                            tuple(expected_key(item) for item in data["requirements"]), data["verdicts"],
                            tuple(expected_key(item) for item in known.get("missed", ())),
                            tuple(expected_key(item) for item in known.get("extra", ())),
                            known.get("verdicts_given")))
    return out


def expected_key(item: dict[str, Any]) -> Key:
    required = bool(item["required"])
    if "credential" in item:
        return ("credential", required, frozenset(item["credential"]), frozenset(item.get("unknown", ())),
                bool(item.get("apprentice_accepted")), bool(item.get("eligible_accepted")), item.get("within_months"))
    if "experience" in item:
        years = item["experience"]
        return ("experience", required, None if years is None else float(years), frozenset(item["tracks"]),
                item.get("setting"))
    if "education" in item:
        return ("education", required, item["education"], bool(item.get("equivalent_accepted")))
    return ("other", required, item["other"].lower())


def extracted_key(requirement: PostingRequirement) -> Key:
    need, required = requirement.parsed, requirement.required
    if isinstance(need, CredentialNeed):
        return ("credential", required, frozenset(need.any_of), frozenset(need.unknown), need.apprentice_accepted,
                need.eligible_accepted, need.within_months)
    if isinstance(need, ExperienceNeed):
        return ("experience", required, need.years, frozenset(need.tracks), need.setting)
    if isinstance(need, EducationNeed):
        return ("education", required, need.level, need.equivalent_accepted)
    assert isinstance(need, OtherNeed)
    return ("other", required, need.name.lower())


def compare(expected: tuple[Key, ...], extracted: tuple[Key, ...]) -> tuple[int, list[Key], list[Key]]:
    """(matched, missed expected keys, extra extracted keys)."""
    remaining = list(extracted)
    missed = []
    for key in expected:
        if key in remaining:
            remaining.remove(key)
        else:
            missed.append(key)
    return len(expected) - len(missed), missed, remaining
