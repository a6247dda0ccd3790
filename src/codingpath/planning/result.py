"""What the planner returns: a `Plan` of dated `Step`s. Plain frozen values, so render and team
code can read them without knowing how the route was found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..models import Role


__all__ = ["Plan", "Step", "StepKind"]

StepKind = Literal["credential", "experience", "role", "education", "training", "apprentice"]


@dataclass(frozen=True)
class Step:
    """One thing to do, when, what it costs and which published requirement it meets."""

    kind: StepKind
    description: str
    start: date
    end: date
    cost_usd: float | None
    satisfies: str
    alternatives: tuple[str, ...]
    unconfirmed: bool
    subject: str = ""  # the credential, role or training id, or the education level
    apprentice: bool = False  # a credential passed with an apprentice designation (CPC-A)
    cahiim_accredited: bool = False  # a degree from a CAHIIM-accredited HIM programme


@dataclass(frozen=True)
class Plan:
    """A route to `target` (or why there is none); `finish` is when every requirement is met."""

    target: Role
    eligible_now: bool
    feasible: bool
    reason: str | None
    steps: tuple[Step, ...]
    start: date
    finish: date | None
    total_years: float
    total_fees_usd: float
    notes: tuple[str, ...]
    unconfirmed: bool = False  # the route rests on an unconfirmed rule or requirement
    hours_per_week: float = 10.0
