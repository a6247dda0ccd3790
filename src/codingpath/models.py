"""Pydantic models of the career data (credentials, roles) and of a person's profile.

Every fact in the data is grouped in a block that carries its own provenance (`Sourced`): the
certifying body's page or career guide it came from, the date that page states (`as_of`) and how
sure we are of it (`confidence`). The engine never treats an `unconfirmed` fact as a rule.
"""

# No `from __future__ import annotations` here: pydantic would have to evaluate every annotation
# string when the classes are created, a third of this module's import time (issue 7).

import re
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "EDUCATION_LEVELS",
    "TIERS",
    "TRACKS",
    "Apprentice",
    "Body",
    "CeuEntry",
    "CredentialStatus",
    "CreditedTracks",
    "Credential",
    "CredentialGroup",
    "EducationLevel",
    "EducationProgram",
    "EducationRecord",
    "ExperienceEntry",
    "HeldCredential",
    "Profile",
    "CredentialsFile",
    "RolesFile",
    "Eligibility",
    "Exam",
    "ExperienceRule",
    "Fee",
    "Occupation",
    "Pace",
    "Requirement",
    "Role",
    "RoleRequirements",
    "Renewal",
    "Source",
    "Sourced",
    "Study",
    "Tier",
    "Track",
    "Training",
]

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

# "2025", "2025-06", "2025-06-01", or "undated" (the page gave no date; see `retrieved`).
_AS_OF = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|undated)$")


class Frozen(BaseModel):
    """Base: immutable, and a misspelt key is an error rather than silently ignored."""

    # defer_build: a model's validator is built when it first validates, not at import, so a command
    # that reads the data from the cache (cache.py) never pays for the data models' validators.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(Frozen):
    """Where a fact was read, and the date that page states."""

    url: str = Field(min_length=1)
    as_of: str
    retrieved: str | None = None
    note: str | None = None

    @field_validator("as_of", mode="before")
    @classmethod
    def _as_of_text(cls, value: object) -> object:
        return value.isoformat() if isinstance(value, date) else str(value)

    @field_validator("as_of")
    @classmethod
    def _as_of_form(cls, value: str) -> str:
        if not _AS_OF.match(value):
            raise ValueError("as_of must be YYYY, YYYY-MM, YYYY-MM-DD or 'undated'")
        return value

    @property
    def year(self) -> int | None:
        """The year the source states, or None when undated."""
        return None if self.as_of == "undated" else int(self.as_of[:4])


class Sourced(Frozen):
    """A block of facts that share their sources and confidence."""

    confidence: Confidence
    sources: tuple[Source, ...] = Field(min_length=1)
    note: str | None = None

    @property
    def confirmed(self) -> bool:
        return self.confidence != "unconfirmed"


class ExperienceRule(Frozen):
    """At least `years` of experience in roles on one of `tracks` or in one of `roles`."""

    years: float = Field(gt=0, le=40)
    tracks: tuple[Track, ...] = ()
    roles: tuple[str, ...] = ()
    label: str = Field(min_length=1)


CredentialGroup = tuple[str, ...]


class Requirement(Frozen):
    """All of these at once (an AND); each credential group is a one-of."""

    description: str | None = None
    education: EducationLevel | None = None
    cahiim_accredited: bool = False
    credentials: tuple[CredentialGroup, ...] = ()
    experience: tuple[ExperienceRule, ...] = ()
    training: tuple[str, ...] = ()
    # An apprentice designation (CPC-A) does not satisfy the credential groups.
    full_credential: bool = False

    @field_validator("credentials")
    @classmethod
    def _groups_not_empty(cls, groups: tuple[CredentialGroup, ...]) -> tuple[CredentialGroup, ...]:
        if any(not group for group in groups):
            raise ValueError("a credential group must name at least one credential")
        return groups

    @property
    def is_empty(self) -> bool:
        return not (self.education or self.credentials or self.experience or self.training)


class Eligibility(Sourced):
    """Who may sit an exam: any one route suffices; no routes means no prerequisite."""

    routes: tuple[Requirement, ...] = ()
    conditions: tuple[str, ...] = ()  # administrative, not checked: "AAPC membership"


class Recommendation(Sourced):
    """What a body recommends before the exam; never a reason to call someone ineligible."""

    routes: tuple[Requirement, ...] = Field(min_length=1)


class Apprentice(Sourced):
    """An apprentice designation (CPC-A) and the routes that remove it."""

    designation: str
    applies_when: str
    removal: tuple[Requirement, ...] = Field(min_length=1)


class Fee(Sourced):
    """An exam fee in US dollars; member/non-member where the body prices them apart."""

    usd: float | None = Field(default=None, ge=0)
    member_usd: float | None = Field(default=None, ge=0)
    non_member_usd: float | None = Field(default=None, ge=0)

    @property
    def planning_usd(self) -> float | None:
        """The figure a plan adds up: the single price, else the non-member price."""
        return self.usd if self.usd is not None else self.non_member_usd


class Exam(Sourced):
    questions: int | None = Field(default=None, gt=0)
    duration_hours: float | None = Field(default=None, gt=0)
    retake_wait_days: int | None = Field(default=None, ge=0)


class Renewal(Sourced):
    cycle_years: int = Field(gt=0, le=10)
    ceus: int | None = Field(default=None, ge=0)
    ceu_note: str | None = None
    # CEUs that must be on the credential's own subject, within the total (AAPC: 16 auditing for
    # CPMA, 8 specialty CEUs for each specialty credential).
    specific_ceus: int | None = Field(default=None, ge=0)


class Study(Sourced):
    """Preparation time for the exam, in hours of study."""

    hours: float = Field(gt=0)


class Introduced(Sourced):
    year: int = Field(ge=1900, le=2100)


class CredentialStatus(Sourced):
    """Whether the body still offers the exam; holders of a retired one keep it."""

    state: Literal["offered", "retired"]


class Credential(Frozen):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9-]*$")
    name: str
    body: str
    focus: tuple[Focus, ...] = Field(min_length=1)
    summary: str
    eligibility: Eligibility
    recommended: Recommendation | None = None
    apprentice: Apprentice | None = None
    renewal: Renewal
    exam: Exam | None = None
    fee: Fee | None = None
    study: Study
    introduced: Introduced | None = None
    replaces: tuple[str, ...] = ()  # earning this one retires these (RHIA replaces RHIT)
    status: CredentialStatus | None = None  # None: offered, as far as the sources show

    @property
    def offered(self) -> bool:
        """False when the exam is believed retired: a plan must not schedule it."""
        return self.status is None or self.status.state == "offered"


class Training(Frozen):
    """A course a requirement may name (an 80-contact-hour coding course, Practicode)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    hours: float = Field(gt=0)
    cost_usd: float | None = Field(default=None, ge=0)
    provenance: Sourced


class Pace(Sourced):
    """How long a programme takes at another pace (part-time beside a full-time job)."""

    years: float = Field(gt=0, le=12)


class EducationProgram(Frozen):
    """How long a degree, certificate or equivalency takes, so the planner can schedule one.

    `years` is the full-time duration; `part_time` the duration beside a full-time job. A
    programme with `cahiim_accredited` leaves its graduate with a CAHIIM-accredited HIM education
    (the RHIT/RHIA routes); a certificate keeps the level it starts from (`level == from_level`).
    """

    level: EducationLevel
    years: float = Field(gt=0, le=10)
    from_level: EducationLevel = "high-school"
    name: str | None = None
    kind: Literal["degree", "certificate", "equivalency"] = "degree"
    cahiim_accredited: bool = False
    part_time: Pace | None = None
    provenance: Sourced


class Occupation(Frozen):
    """A federal occupation code (O*NET-SOC) with its published pay and outlook."""

    code: str = Field(pattern=r"^\d{2}-\d{4}(\.\d{2})?$")
    title: str
    median_pay_usd: float | None = None
    pay_year: int | None = None
    employment: int | None = None
    employment_year: int | None = None
    outlook: str | None = None
    provenance: Sourced


class RoleRequirements(Requirement, Sourced):
    """What employers typically ask for a role, with the career guides that say so."""


class CreditedTracks(Sourced):
    """Tracks a role carries beyond its own title's work (coding management counted as audit
    experience), with the sources that justify counting its time there."""

    tracks: tuple[Track, ...] = Field(min_length=1)


class Role(Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    aliases: tuple[str, ...] = ()
    tier: Tier
    tracks: tuple[Track, ...] = Field(min_length=1)
    summary: str
    requirements: RoleRequirements
    preferred_credentials: tuple[str, ...] = ()
    leads_to: tuple[str, ...] = ()
    occupation: str | None = None
    # False for a destination that is not a step on the way anywhere (a firm's owner, a professor):
    # a route never passes through it.
    stepping_stone: bool = True
    credited_tracks: CreditedTracks | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Role":
        if self.id in self.leads_to:
            raise ValueError(f"role {self.id!r} lists itself in leads_to")
        if self.credited_tracks and not set(self.credited_tracks.tracks) <= set(self.tracks):
            raise ValueError("credited_tracks must be among the role's tracks")
        return self


class Body(Frozen):
    """A certifying body or publisher of record, and the web domains that are its own pages: a
    fact read there may be `confirmed`; anywhere else it is third-party."""

    name: str = Field(min_length=1)
    domains: tuple[str, ...] = Field(min_length=1)


class CredentialsFile(Frozen):
    """The document `data/credentials.yaml`."""

    bodies: tuple[Body, ...] = ()
    credentials: tuple[Credential, ...]
    trainings: tuple[Training, ...] = ()
    education: tuple[EducationProgram, ...] = ()


class RolesFile(Frozen):
    """The document `data/roles.yaml`."""

    roles: tuple[Role, ...]
    occupations: tuple[Occupation, ...] = ()


# ---------------------------------------------------------------------------------------------
# Profiles: what a person writes about themselves. Ids are checked against the catalog later
# (see `profile.py`), so these models only check shape and ranges.

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _parse_month(value: object) -> object:
    """Accept 2024-01 or 2024-01-15 (YAML gives a date for the latter) as the first of a month."""
    if isinstance(value, datetime):  # `2024-01-15 09:00` in YAML: the day is what counts
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # pydantic reads 0 as 1970-01-01
        raise ValueError(f"expected a date as YYYY-MM or YYYY-MM-DD, found {value!r}")
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value.strip())
        if not match:
            raise ValueError(f"expected a date as YYYY-MM or YYYY-MM-DD, found {value!r}")
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


# A high-school equivalency certificate (GED, HiSET and the states' HSE) is what employers and
# certifying bodies accept as a high-school diploma, so a profile may say so in its own words.
HIGH_SCHOOL_EQUIVALENTS = ("ged", "hse", "hiset", "tasc", "high school")


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
        return _parse_month(value)


class ExperienceEntry(Frozen):
    """Time in one role: either `years`, or `start` (and `end`; no end means ongoing)."""

    role: str = Field(min_length=1)
    years: float | None = Field(default=None, ge=0, le=60)
    start: date | None = None
    end: date | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _months(cls, value: object) -> object:
        return _parse_month(value)

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
        return _parse_month(value)


class Profile(Frozen):
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

    def holds(self, credential_id: str) -> HeldCredential | None:
        """The held credential with this id, if any."""
        return next((c for c in self.credentials if c.id == credential_id), None)
