"""The words the career data and profiles share: education levels, tiers, tracks, focus areas and
how sure a fact is. Plain Literals and tuples, so the core reads them without loading pydantic."""

from __future__ import annotations

from typing import Literal

__all__ = ["EDUCATION_LEVELS", "HIGH_SCHOOL_EQUIVALENTS", "TIERS", "TRACKS", "Confidence", "EducationLevel", "Focus",
           "Tier", "Track"]

EducationLevel = Literal["none", "high-school", "associate", "bachelor", "master", "doctorate"]
EDUCATION_LEVELS: tuple[EducationLevel, ...] = (
    "none",
    "high-school",
    "associate",
    "bachelor",
    "master",
    "doctorate",
)
Tier = Literal["entry", "mid", "advanced", "master"]
TIERS: tuple[Tier, ...] = ("entry", "mid", "advanced", "master")
Track = Literal[
    "coding", "billing", "audit", "compliance", "cdi", "management", "education", "data",
    "privacy", "him",
]
TRACKS: tuple[Track, ...] = (
    "coding", "billing", "audit", "compliance", "cdi", "management", "education", "data",
    "privacy", "him",
)
Focus = Literal[
    "physician", "outpatient", "inpatient", "risk adjustment", "billing", "audit", "compliance",
    "cdi", "management", "data", "privacy", "him",
]
Confidence = Literal["confirmed", "third-party", "unconfirmed"]

# A high-school equivalency certificate (GED, HiSET and the states' HSE) is what employers and
# certifying bodies accept as a high-school diploma, so a profile may say so in its own words.
HIGH_SCHOOL_EQUIVALENTS = ("ged", "hse", "hiset", "tasc", "high school")
