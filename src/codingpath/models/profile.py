"""Pydantic models of a profile: what a person writes about themselves. Ids are checked against the
catalog later (`load.profiles`), so these models only check shape and ranges."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every annotation
# string when the classes are created, a third of this module's import time.

from datetime import date

from pydantic import Field, field_validator, model_validator

from ..dates import parse_month
from ..records import ProfileMethods
from ..taxonomy import HIGH_SCHOOL_EQUIVALENTS
from .base import EducationLevel, Frozen

__all__ = ["CeuEntry", "EducationRecord", "ExperienceEntry", "HeldCredential", "Profile"]


class EducationRecord(Frozen):
    level: EducationLevel = "none"
    field: str | None = None
    cahiim_accredited: bool = False

    @field_validator("level", mode="before")
    @classmethod
    def _equivalency(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in HIGH_SCHOOL_EQUIVALENTS:
            return "high-school"
        return value


class HeldCredential(Frozen):
    id: str = Field(min_length=1)
    earned: date | None = None
    apprentice: bool = False

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: object) -> object:
        return {"id": value} if isinstance(value, str) else value

    @field_validator("earned", mode="before")
    @classmethod
    def _earned(cls, value: object) -> object:
        return parse_month(value)


class ExperienceEntry(Frozen):
    """Time in one role: either `years`, or `start` (and `end`; no end means ongoing)."""

    role: str = Field(min_length=1)
    years: float | None = Field(default=None, ge=0, le=60)
    start: date | None = None
    end: date | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _months(cls, value: object) -> object:
        return parse_month(value)

    @model_validator(mode="after")
    def _years_or_dates(self) -> "ExperienceEntry":
        if self.end is not None and self.start is None:
            raise ValueError("end needs a start")
        if self.years is None and self.start is None:
            raise ValueError("give either years or start (with an optional end)")
        if self.years is not None and self.start is not None:
            raise ValueError("give either years or start/end, not both")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class CeuEntry(Frozen):
    """Continuing education logged toward a renewal."""

    date: date
    hours: float = Field(gt=0, le=200)
    description: str | None = None
    credential: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return parse_month(value)


class Profile(Frozen, ProfileMethods):
    """A person's education, credentials and experience, as written in their YAML profile."""

    name: str | None = None
    education: EducationRecord = Field(default_factory=EducationRecord)  # not built at import time
    credentials: tuple[HeldCredential, ...] = ()
    experience: tuple[ExperienceEntry, ...] = ()
    training: tuple[str, ...] = ()
    current_role: str | None = None
    target_role: str | None = None
    ceus: tuple[CeuEntry, ...] = ()

    @field_validator("education", mode="before")
    @classmethod
    def _education_short_form(cls, value: object) -> object:
        return {"level": value} if isinstance(value, str) else value
