"""Pydantic models of the career data: credentials, roles, trainings, education programmes and
occupations, as `data/*.yaml` holds them.

Every fact in the data is grouped in a block that carries its own provenance (`Sourced`): the
certifying body's page or career guide it came from, the date that page states (`as_of`) and how
sure we are of it (`confidence`). The engine never treats an `unconfirmed` fact as a rule.
"""

# No `from __future__ import annotations` here: pydantic would have to evaluate every annotation
# string when the classes are created, a third of this module's import time.

import re
from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..ids import CREDENTIAL_ID, ROLE_ID
from ..records import CredentialMethods, FeeMethods, RequirementMethods, SourcedMethods, SourceMethods
from .base import Confidence, EducationLevel, Focus, Frozen, Tier, Track

__all__ = ["Apprentice", "Body", "Credential", "CredentialStatus", "CreditedTracks", "Pace",
           "CredentialGroup", "CredentialsFile", "EducationProgram", "Eligibility", "Exam",
           "ExperienceRule", "Fee", "Introduced", "Occupation", "Recommendation", "Renewal", "Requirement", "Role",
           "RoleRequirements", "RolesFile", "Source", "Sourced", "Study", "Training"]

# "2025", "2025-06", "2025-06-01", or "undated" (the page gave no date; see `retrieved`).
_AS_OF = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|undated)$")



class Source(Frozen, SourceMethods):
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


class Sourced(Frozen, SourcedMethods):
    """A block of facts that share their sources and confidence."""

    confidence: Confidence
    sources: tuple[Source, ...] = Field(min_length=1)
    note: str | None = None


class ExperienceRule(Frozen):
    """At least `years` of experience in roles on one of `tracks` or in one of `roles`."""

    years: float = Field(gt=0, le=40)
    tracks: tuple[Track, ...] = ()
    roles: tuple[str, ...] = ()
    label: str = Field(min_length=1)


CredentialGroup = tuple[str, ...]


class Requirement(Frozen, RequirementMethods):
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


class Fee(Sourced, FeeMethods):
    """An exam fee in US dollars; member/non-member where the body prices them apart."""

    usd: float | None = Field(default=None, ge=0)
    member_usd: float | None = Field(default=None, ge=0)
    non_member_usd: float | None = Field(default=None, ge=0)


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
    specific_subject: str | None = None  # what those CEUs must be on: "auditing", "specialty"

    @model_validator(mode="after")
    def _specific_ceus_name_their_subject(self) -> "Renewal":
        if (self.specific_ceus is None) != (self.specific_subject is None):
            raise ValueError("specific_ceus and specific_subject go together")
        return self


class Study(Sourced):
    """Preparation time for the exam, in hours of study."""

    hours: float = Field(gt=0)


class Introduced(Sourced):
    year: int = Field(ge=1900, le=2100)


class CredentialStatus(Sourced):
    """Whether the body still offers the exam; holders of a retired one keep it."""

    state: Literal["offered", "retired"]


class Credential(Frozen, CredentialMethods):
    id: str = Field(pattern=CREDENTIAL_ID)
    name: str
    body: str
    focus: tuple[Focus, ...] = Field(min_length=1)
    # One specialty's coding (AAPC's CEMC, CGSC...), usually added to a core credential such as
    # the CPC: a posting's "AAPC certification" means the core ones, not these.
    specialty: bool = False
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


class Training(Frozen):
    """A course a requirement may name (an 80-contact-hour coding course, Practicode)."""

    id: str = Field(pattern=ROLE_ID)
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
    id: str = Field(pattern=ROLE_ID)
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
