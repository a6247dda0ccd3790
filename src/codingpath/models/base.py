"""The words the models share: education levels, tiers, tracks, focus areas, confidence, and the
frozen base model every other model derives from."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every annotation
# string when the classes are created, a third of this module's import time.

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["EDUCATION_LEVELS", "TIERS", "TRACKS", "Confidence", "EducationLevel", "Focus", "Frozen", "Tier", "Track"]

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



class Frozen(BaseModel):
    """Base: immutable, and a misspelt key is an error rather than silently ignored."""

    # defer_build: a model's validator is built when it first validates, not at import, so a command
    # that reads the data from the cache (cache.py) never pays for the data models' validators.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
