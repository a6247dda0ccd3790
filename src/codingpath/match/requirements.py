"""What a posting asks for, as structured values with the sentence each came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..records import as_record
from ..taxonomy import TRACKS

if TYPE_CHECKING:
    from ..models import Requirement

__all__ = [
    "CredentialNeed",
    "EducationNeed",
    "ExperienceNeed",
    "Extraction",
    "Need",
    "Mention",
    "OtherNeed",
    "PostingRequirement",
    "RequirementKind",
    "requirement_rule",
]

RequirementKind = Literal["credential", "experience", "education", "other"]
YEARLESS = 1 / 12  # "experience teaching coders": any amount; a month is the least a plan can add


@dataclass(frozen=True)
class CredentialNeed:
    """One of `any_of` (catalogue ids); `unknown` names alternatives codingpath does not know."""

    any_of: tuple[str, ...]
    unknown: tuple[str, ...] = ()
    apprentice_accepted: bool = False  # "CPC-A accepted": the apprentice designation is enough
    eligible_accepted: bool = False  # "RHIT eligible": being allowed to sit the exam is enough
    within_months: int | None = None  # "within 12 months of hire": not needed on the first day

    def as_dict(self) -> dict[str, object]:
        return {"any_of": list(self.any_of), "unknown": list(self.unknown),
                "apprentice_accepted": self.apprentice_accepted, "eligible_accepted": self.eligible_accepted,
                "within_months": self.within_months}


@dataclass(frozen=True)
class ExperienceNeed:
    """`years` (None: some) on any of `tracks` (none: any experience); `setting` is not checkable."""

    years: float | None
    tracks: tuple[str, ...]
    setting: str | None = None
    max_years: float | None = None  # "3-5 years": the top of the range, shown, never required
    label: str = "experience"

    def as_dict(self) -> dict[str, object]:
        return {"years": self.years, "max_years": self.max_years, "tracks": list(self.tracks),
                "setting": self.setting, "label": self.label}


@dataclass(frozen=True)
class EducationNeed:
    """At least `level`; `field` and "or equivalent experience" are shown, not checked."""

    level: str
    field: str | None = None
    equivalent_accepted: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"level": self.level, "field": self.field, "equivalent_accepted": self.equivalent_accepted}


@dataclass(frozen=True)
class OtherNeed:
    """Something credential-like that codingpath recognises but cannot check ("CTR", "Epic certification")."""

    name: str

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name}


Need = CredentialNeed | ExperienceNeed | EducationNeed | OtherNeed


@dataclass(frozen=True)
class PostingRequirement:
    """One requirement: its kind, whether it is required, the sentence it came from and where."""

    kind: RequirementKind
    required: bool
    text: str
    line: int
    parsed: Need

    @property
    def after_hire(self) -> bool:
        """A credential the posting wants within some months of hire: not needed on the first day."""
        return isinstance(self.parsed, CredentialNeed) and self.parsed.within_months is not None

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "required": self.required, "text": self.text, "line": self.line,
                "parsed": self.parsed.as_dict()}


@dataclass(frozen=True)
class Extraction:
    """Everything read from one posting."""

    source: str
    title: str
    requirements: tuple[PostingRequirement, ...]

    @property
    def checkable(self) -> tuple[PostingRequirement, ...]:
        return tuple(r for r in self.requirements if r.kind != "other")

    @property
    def unchecked(self) -> tuple[PostingRequirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "other")


@dataclass
class Mention:
    """(Inside extraction.) Something found in a sentence, at [start, end), before it is known to be required or not."""

    start: int
    end: int
    kind: str
    need: Need
    tail: int = -1  # where the item's own words end (experience: "of inpatient coding"), for windows
    ids: list[str] = field(default_factory=list)


def requirement_rule(requirement: PostingRequirement) -> Requirement | None:
    """A posting requirement as the engine's Requirement (None for what it cannot check)."""
    from ..models import ExperienceRule, Requirement  # the posting's rule is validated as the data's are

    need = requirement.parsed
    if isinstance(need, CredentialNeed):
        return as_record(Requirement(credentials=(need.any_of,), full_credential=not need.apprentice_accepted))
    if isinstance(need, ExperienceNeed):
        years = min(need.years if need.years is not None else YEARLESS, 40.0)
        return as_record(Requirement(experience=(ExperienceRule(
            years=years, tracks=tuple(t for t in TRACKS if t in need.tracks), label=need.label),)))
    if isinstance(need, EducationNeed):
        return as_record(Requirement(education=need.level))  # type: ignore[arg-type]
    return None
