"""The fastest route from a profile to a role, as dated steps. Prints nothing.

An A* search on elapsed months (ties broken on exam fees, then fewer unknown fees and unconfirmed
rules, then fewer steps, then doing each step as early as it can be done, then the roles a person
would usually prefer: closest in kind to the target, higher tier, the usual next step) over
states: the credentials held (and which only as an apprentice), education, trainings, the current
role, the experience accrued per track, and what is under way (one exam or course at a time, one
degree).
Experience accrues on the current role's tracks while everything else runs. Every rule is checked
with `engine.assess`, so `plan` and `next` cannot disagree about one. The time unit is a month:
experience rules are in (half) years, and a plan that prints YYYY-MM should not be steered by
day-rounding.

This module is the public face: `plan_route` and what it returns. The work is split by job:
`plan_scope` (what a route to the target can need), `plan_state` (states and the moves between
them), `plan_bounds` (the heuristic), `plan_search` (the A* itself), `plan_steps` (a route as
steps a person can read) and `plan_apply` (dates, and the profile after following a plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .catalog import Catalog
from .engine import assess
from .errors import InputError
from .models import Profile, Role
from .plan_apply import add_months, apply_plan
from .plan_search import Search
from .plan_state import MIN_STAY_MONTHS

__all__ = ["MIN_STAY_MONTHS", "Plan", "Step", "StepKind", "add_months", "apply_plan", "plan_route"]

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


def plan_route(profile: Profile, catalog: Catalog, target_id: str, *, start: date,
               hours_per_week: float = 10.0, avoid: frozenset[str] = frozenset()) -> Plan:
    """The fastest route (then the cheapest) from `profile` to meeting `target_id`'s published
    requirements; `avoid` names credentials the route must not use."""
    from .plan_steps import build_plan, unreachable_reason  # it imports Plan and Step from here

    if target_id not in catalog.roles:
        raise InputError(f"unknown role {target_id!r}")
    if not 0 < hours_per_week <= 168:
        raise InputError(f"hours per week must be more than 0 and at most 168; found {hours_per_week:g}")
    target = catalog.roles[target_id]
    search = Search(catalog, profile, target, start, hours_per_week, frozenset(avoid))
    first = search.initial(profile)
    if assess(target.requirements, search.standing(first)).met:
        return build_plan(search, profile, [], 0, eligible_now=True)
    found = search.run(first)
    if isinstance(found, str):
        reason = unreachable_reason(search, first) or found
        return Plan(target, False, False, f"{target.title}: {reason}", (), start, None, 0.0, 0.0, (),
                    not target.requirements.confirmed, hours_per_week)
    actions, months = found
    return build_plan(search, profile, actions, months, eligible_now=False)

