"""How long a gap takes to close: the planner's fastest route to a stand-in role whose published
requirements are the posting's. The only module of `match` that calls the planner.

The stand-in roles take the tier and tracks of the role the posting resembles, so that the
planner's stepping stones (roles no higher than the target) are the ones a person applying for
such a job would use.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..engine import Standing, assess
from ..records import as_record, new_record
from ..taxonomy import EDUCATION_LEVELS, TIERS
from .requirements import (
    EducationNeed,
    ExperienceNeed,
    Extraction,
    PostingRequirement,
    requirement_rule,
)

if TYPE_CHECKING:
    from ..models import Profile, Requirement, Role, Source

__all__ = ["GapPlanner", "plan_function"]

MEMO_SIZE = 20_000


def plan_function() -> Callable[..., Any]:
    """The planner's entry point, imported here and nowhere else in `match`."""
    from ..planning import plan_route

    return plan_route


class GapPlanner:
    """Plans to the posting's requirements (each one, or every required one at once) for a person."""

    def __init__(self, extraction: Extraction, catalog: Catalog, today: date, resembles: str | None,
                 hours_per_week: float = 10.0, bound_months: float | None = None) -> None:
        """With `bound_months`, `months_to_required` plans only when a route could end within that
        many months, and answers None otherwise (for a team: who is close, not how far the rest are)."""
        self.today, self.hours_per_week, self.bound_months = today, hours_per_week, bound_months
        self.resembles = resembles
        # No degree programme in the data is shorter than this: the least a missing degree takes.
        self.degree_months = 12 * min((p.years for p in catalog.education), default=0.0)
        self.plan = plan_function()
        like = catalog.roles.get(resembles or "")
        self._ids: dict[int, str] = {}
        roles: dict[str, Role] = {}
        source = new_record("Source", url=extraction.source or "posting", as_of="undated", note="the job posting")
        for i, requirement in enumerate(extraction.requirements):
            rule = _rule(requirement)
            if rule is not None:
                self._ids[i] = f"posting-requirement-{i}"
                roles[self._ids[i]] = _stand_in(self._ids[i], rule, like, source)
        self.required = tuple(r for r in extraction.requirements if r.required and not r.after_hire)
        combined = _combine([rule for rule in map(_rule, self.required) if rule is not None])
        self.combined_id = "posting-required" if combined is not None else None
        if combined is not None:
            roles["posting-required"] = _stand_in("posting-required", combined, like, source)
        self.index = {id(r): i for i, r in enumerate(extraction.requirements)}
        self.cap_years = _longest_rule(catalog, [r for r in map(_rule, extraction.requirements) if r is not None])
        self.catalog = Catalog(catalog.credentials, {**_with_doors(catalog, like, tuple(roles)), **roles},
                               catalog.trainings, catalog.education, catalog.occupations, catalog.files)
        self._memo: OrderedDict[Any, float | None] = OrderedDict()
        self.plans = 0

    def months(
        self, profile: Profile, requirement: PostingRequirement, standing: Standing | None = None,
    ) -> float | None:
        """Months to meet one requirement on the fastest route; None when the data holds no route."""
        role_id = self._ids.get(self.index.get(id(requirement), -1))
        if role_id is None:
            return None
        return self._remembered(profile, role_id, standing)

    def months_to_required(self, profile: Profile, standing: Standing | None = None) -> float | None:
        """Months to meet every requirement needed at hire, remembered per distinct standing."""
        if self.combined_id is None:
            return 0.0
        if standing is not None and self.bound_months is not None and self._floor(standing) > self.bound_months + 1e-9:
            return None
        return self._remembered(profile, self.combined_id, standing)

    def _remembered(self, profile: Profile, role_id: str, standing: Standing | None) -> float | None:
        """A plan's months, remembered per target and distinct standing (people repeat in a team)."""
        waiting = None if standing is None else self._waiting(profile, role_id, standing)
        if waiting is not None:
            return waiting
        key = None if standing is None else (role_id, *_standing_key(profile, standing, self.cap_years))
        if key is not None and key in self._memo:
            self._memo.move_to_end(key)
            return self._memo[key]
        months = self._months(profile, role_id)
        if key is not None:
            self._memo[key] = months
            if len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return months

    def _waiting(self, profile: Profile, role_id: str, standing: Standing) -> float | None:
        """When experience is all that is missing and the current role accrues every kind that is
        short, the fastest route is to keep working: the shortfall, in whole months (as `team`)."""
        rule = self.catalog.roles[role_id].requirements
        current = self.catalog.roles.get(profile.current_role or "")
        gaps = assess(rule, standing).gaps
        if current is None or not gaps or any(g.kind != "experience" for g in gaps):
            return None
        for experience in rule.experience:
            short = experience.years - standing.track_years(experience.tracks, experience.roles)
            if short > 1e-9 and not (experience.roles or set(experience.tracks) & set(current.tracks)):
                return None
        return float(math.ceil(max(g.years_short for g in gaps) * 12 - 1e-9))

    def _floor(self, standing: Standing) -> float:
        """Months no route can beat: the largest experience shortfall, or a degree still to earn."""
        floor = 0.0
        for requirement in self.required:
            need = requirement.parsed
            if isinstance(need, ExperienceNeed) and need.years is not None:
                floor = max(floor, 12 * (need.years - standing.track_years(need.tracks, ())))
            elif isinstance(need, EducationNeed) and standing.education < EDUCATION_LEVELS.index(need.level):
                floor = max(floor, self.degree_months)
        return floor

    def _months(self, profile: Profile, role_id: str) -> float | None:
        plan = self.plan(profile, self.catalog, role_id, start=self.today, hours_per_week=self.hours_per_week)
        self.plans += 1
        if not plan.feasible:
            return None
        return 0.0 if plan.eligible_now else round(plan.total_years * 12, 1)


def _rule(requirement: PostingRequirement) -> Requirement | None:
    return requirement_rule(requirement)


def _combine(rules: list[Requirement]) -> Requirement | None:
    """Every rule at once (an AND): the highest education, every credential group, every experience."""
    if not rules:
        return None
    levels = [r.education for r in rules if r.education is not None]
    education = max(levels, key=EDUCATION_LEVELS.index) if levels else None
    combined: Requirement = new_record(
        "Requirement",
        education=education,
        credentials=tuple(g for r in rules for g in r.credentials),
        experience=tuple(e for r in rules for e in r.experience),
        full_credential=any(r.full_credential for r in rules),
    )
    return combined


def _with_doors(catalog: Catalog, like: Role | None, stand_ins: tuple[str, ...]) -> dict[str, Role]:
    """The catalogue's roles, with the posting's stand-ins where the ladder has the role it
    resembles: led to from the roles that lead to that role, from the role itself (the same job
    elsewhere) and from every role of its tier or above (an employer takes whoever meets its
    requirements, and any of them could take such a job elsewhere first, as a credential wanted
    "within 18 months of hire" is earned working in the job). The ladder still shapes the way to the
    experience a posting asks for."""
    tier = TIERS.index(like.tier) if like else 0

    def door(role: Role) -> bool:
        return like is None or role.id == like.id or like.id in role.leads_to or TIERS.index(role.tier) >= tier

    def onward(role: Role) -> tuple[str, ...]:
        also = (like.id,) if like is not None and like.id != role.id and like.id not in role.leads_to else ()
        return (*role.leads_to, *also, *stand_ins)

    return {rid: role.model_copy(update={"leads_to": onward(role)}) if door(role) else role
            for rid, role in catalog.roles.items()}


def _stand_in(role_id: str, rule: Requirement, like: Role | None, source: Source) -> Role:
    from ..models import Role, RoleRequirements  # a stand-in is validated as the data's roles are

    requirements = RoleRequirements.model_validate({**rule.model_dump(exclude={"description"}),
                                                    "confidence": "confirmed", "sources": (source.model_dump(),)})
    return as_record(Role(id=role_id, title="the posting", tier=like.tier if like else "mid",
                          tracks=like.tracks if like else ("coding",), summary="a job posting's requirements",
                          requirements=requirements))


def _longest_rule(catalog: Catalog, rules: list[Requirement]) -> float:
    """The most years any rule a route could have to meet asks for: the posting's, and those to sit
    (or remove the apprentice designation of) the credentials it names, and theirs in turn. Once past
    it, more experience changes no plan."""
    every = list(rules)
    seen: set[str] = set()
    queue = [c for r in rules for group in r.credentials for c in group]
    while queue:
        cid = queue.pop()
        credential = catalog.credentials.get(cid)
        if cid in seen or credential is None:
            continue
        seen.add(cid)
        routes = [*credential.eligibility.routes, *(credential.apprentice.removal if credential.apprentice else ())]
        every.extend(routes)
        queue.extend(c for route in routes for group in route.credentials for c in group)
    return max((e.years for r in every for e in r.experience), default=0.0)


def _standing_key(profile: Profile, standing: Standing, cap_years: float) -> tuple[Any, ...]:
    """What a plan can depend on: education, credentials, courses, the current role, and years on
    each track to the month up to the most any rule asks for. No rule names a role (the planner's
    rules count tracks), so years by role are left out."""
    years = tuple(sorted((track, int(min(value, cap_years) * 12)) for track, value in standing.years_by_track.items()
                         if value > 0))
    return (standing.education, standing.cahiim_accredited, standing.credentials, standing.apprentice,
            standing.training, profile.current_role, years)
