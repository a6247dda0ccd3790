"""A profile against a posting's requirements, with the engine and tracks `next` uses, and the time
to close each gap from the planner. Prints nothing.

Verdicts: `meets` (every requirement met), `meets-required` (every required one; some preferred
not), `gaps` (a required one is not met). A credential wanted "within N months of hire" is not
needed on the first day: it counts as met when the planner's route earns it within the window.
Items codingpath cannot check are listed, never counted either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ..catalog import Catalog
from ..engine import Standing, assess, evaluate_credential, standing_of
from .closing import GapPlanner
from .requirements import (
    CredentialNeed,
    EducationNeed,
    ExperienceNeed,
    Extraction,
    PostingRequirement,
    requirement_rule,
)
from .resemble import resembles

if TYPE_CHECKING:
    from ..models import Profile, Requirement

__all__ = ["HONEST_NOTE", "MatchResult", "RequirementResult", "Verdict", "evaluate_posting"]

Verdict = Literal["meets", "meets-required", "gaps"]
Status = Literal["met", "gap", "after-hire", "unchecked"]
HONEST_NOTE = ("meets = meets the posting's stated requirements as read by codingpath; it is not a promise of an "
               "interview or an offer, and the employer decides what counts.")


@dataclass(frozen=True)
class RequirementResult:
    """One requirement for one person: met, a gap (as `next` spells it), earned after hire, or unchecked."""

    requirement: PostingRequirement
    status: Status
    message: str
    months: float | None = None  # the planner's months to close a gap (None: no route, or not planned)
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {**self.requirement.as_dict(), "status": self.status, "message": self.message,
                "months_to_close": self.months, "notes": list(self.notes)}


@dataclass(frozen=True)
class MatchResult:
    """A person against one posting."""

    verdict: Verdict
    results: tuple[RequirementResult, ...]
    resembles: str | None
    months_to_required: float | None  # months to meet every required item at hire (0: now; None: no route)

    @property
    def gaps(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.results if r.status == "gap")

    @property
    def unchecked(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.results if r.status == "unchecked")


def evaluate_posting(extraction: Extraction, profile: Profile, catalog: Catalog, today: date, *,
                     planner: GapPlanner | None = None, plan_each_gap: bool = True) -> MatchResult:
    """Each requirement met or not, the verdict, and (with `plan_each_gap`) months to close each gap."""
    standing = standing_of(profile, catalog, today)
    if planner is None:
        planner = GapPlanner(extraction, catalog, today, resembles(extraction, catalog))
    role = planner.resembles
    checked = [_check(requirement, standing, catalog) for requirement in extraction.requirements]
    # Without a plan for each gap (a team), a credential due after hire is planned only when nothing
    # needed at hire is missing: otherwise the verdict is already "gaps" whatever its plan says.
    missing_at_hire = any(r.status == "gap" and r.requirement.required and not r.requirement.after_hire
                          for r in checked)
    results = []
    for result in checked:
        if result.status == "gap" and (plan_each_gap or result.requirement.after_hire and not missing_at_hire):
            result = _with_months(result, planner.months(profile, result.requirement, standing))
        results.append(result)
    required_gaps = [r for r in results if r.status == "gap" and r.requirement.required]
    preferred_gaps = [r for r in results if r.status == "gap" and not r.requirement.required]
    verdict: Verdict = "gaps" if required_gaps else "meets-required" if preferred_gaps else "meets"
    months = planner.months_to_required(profile, standing) if missing_at_hire else 0.0
    return MatchResult(verdict, tuple(results), role, months)


def _with_months(result: RequirementResult, months: float | None) -> RequirementResult:
    need = result.requirement.parsed
    if not (isinstance(need, CredentialNeed) and need.within_months):
        return RequirementResult(result.requirement, result.status, result.message, months, result.notes)
    window = need.within_months
    if months is not None and months <= window:
        return RequirementResult(result.requirement, "after-hire", f"{result.message}; a planned route takes about "
                                 f"{months:g} months", months, result.notes)
    route = "no route in codingpath's data" if months is None else f"the fastest planned route takes {months:g} months"
    return RequirementResult(result.requirement, "gap", f"{result.message}; {route}", months, result.notes)


def _check(requirement: PostingRequirement, standing: Standing, catalog: Catalog) -> RequirementResult:
    need = requirement.parsed
    rule = requirement_rule(requirement)
    if rule is None:
        return RequirementResult(requirement, "unchecked", "codingpath has no record of it: check it yourself")
    if isinstance(need, CredentialNeed):
        return _check_credential(requirement, need, standing, catalog, rule)
    notes: list[str] = []
    gaps = assess(rule, standing).gaps
    if isinstance(need, ExperienceNeed):
        if need.setting:
            notes.append(f"the setting ({need.setting}) is not checked: a profile does not record it")
        if need.years is None:
            has = standing.track_years(need.tracks, ())
            message = "has some" if has > 0 else f"needs some {need.label}; has none"
            return RequirementResult(requirement, "met" if has > 0 else "gap", message, notes=tuple(notes))
    if isinstance(need, EducationNeed):
        if need.field:
            notes.append(f"the field of study ({need.field}) is not checked")
        if gaps and need.equivalent_accepted:
            message = gaps[0].message + " (the posting accepts equivalent work experience: the employer decides)"
            return RequirementResult(requirement, "gap", message, notes=tuple(notes))
    if gaps:
        return RequirementResult(requirement, "gap", "; ".join(g.message for g in gaps), notes=tuple(notes))
    return RequirementResult(requirement, "met", "met", notes=tuple(notes))


def _check_credential(requirement: PostingRequirement, need: CredentialNeed, standing: Standing, catalog: Catalog,
                      rule: Requirement) -> RequirementResult:
    held = standing.credentials - standing.apprentice
    # A credential that retires another (RHIA replaces RHIT) answers a request for the one it retires.
    retired = {old: cid for cid in held if cid in catalog.credentials for old in catalog.credentials[cid].replaces}
    for cid in need.any_of:
        if cid in held:
            return RequirementResult(requirement, "met", f"holds {cid}")
        if cid in retired:
            return RequirementResult(requirement, "met", f"holds {retired[cid]}, which replaces {cid}")
        if need.apprentice_accepted and cid in standing.apprentice:
            return RequirementResult(requirement, "met", f"holds {cid}-A (the posting accepts it)")
    if need.eligible_accepted:
        for cid in need.any_of:
            credential = catalog.credentials.get(cid)
            if credential is not None and evaluate_credential(credential, standing).eligible:
                return RequirementResult(requirement, "met", f"may sit the {cid} exam (the posting accepts "
                                         f"{cid}-eligible)")
    message = "; ".join(g.message for g in assess(rule, standing).gaps)
    if need.unknown:
        message += f" (or {', '.join(need.unknown)}, which codingpath does not check)"
    if need.within_months:
        message += f" within {need.within_months} months of hire"
    return RequirementResult(requirement, "gap", message)
