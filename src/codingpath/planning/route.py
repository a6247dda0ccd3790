"""The fastest route from a profile to a role, as dated steps: `plan_route`. Prints nothing.

Role moves follow the ladder (`ladder.py`): to a role the current one leads to, a minimum tenure
apart. An A* search on elapsed months (ties broken on exam fees, then fewer unknown fees and unconfirmed
rules, then fewer steps, then doing each step as early as it can be done, then the roles a person
would usually prefer: closest in kind to the target, higher tier, the usual next step) over
states: the credentials held (and which only as an apprentice), education, trainings, the current
role, the experience accrued per track, and what is under way (one exam or course at a time, one
degree).
Experience accrues on the current role's tracks while everything else runs. Every rule is checked
with `engine.assess`, so `plan` and `next` cannot disagree about one. The time unit is a month:
experience rules are in (half) years, and a plan that prints YYYY-MM should not be steered by
day-rounding.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..engine import assess
from ..errors import InputError
from .notes import unreachable_reason
from .recommend import wait_for_recommendations
from .result import Plan
from .search import Route, Search
from .state import MIN_STAY_MONTHS
from .steps import build_plan

if TYPE_CHECKING:
    from ..models import Profile

__all__ = ["plan_route"]


def plan_route(profile: Profile, catalog: Catalog, target_id: str, *, start: date,
               hours_per_week: float = 10.0, avoid: frozenset[str] = frozenset(),
               min_tenure: int = MIN_STAY_MONTHS, degree_pace: str = "part-time") -> Plan:
    """The fastest route (then the cheapest) from `profile` to meeting `target_id`'s published
    requirements, climbing the ladder with moves `min_tenure` months apart; `avoid` names
    credentials the route must not use."""
    if target_id not in catalog.roles:
        raise InputError(f"unknown role {target_id!r}")
    if degree_pace not in ("part-time", "full-time"):
        raise InputError(f"the degree pace is part-time or full-time; found {degree_pace!r}")
    part_time = degree_pace == "part-time"
    if not 0 <= min_tenure <= 120:
        raise InputError(f"the minimum tenure must be 0 to 120 months; found {min_tenure}")
    if not 0 < hours_per_week <= 168:
        raise InputError(f"hours per week must be more than 0 and at most 168; found {hours_per_week:g}")
    target = catalog.roles[target_id]
    search = Search.for_target(catalog, profile, target, start, hours_per_week, frozenset(avoid), min_tenure,
                               part_time=part_time)
    context = search.context
    first = context.initial_state(profile)
    if assess(target.requirements, context.standing(first)).met:
        return build_plan(context, profile, Route([], 0, first), eligible_now=True)
    found = search.run(first)
    if isinstance(found, str) and context.fitting:
        # The credentials that fit the path cannot be had on it (CCDS needs the CDI years the
        # role it opens would give): any credential of a group will do.
        search = Search.for_target(catalog, profile, target, start, hours_per_week, frozenset(avoid), min_tenure,
                                   fit=False, part_time=part_time)
        context = search.context
        found = search.run(first)
    if isinstance(found, str):
        reason = unreachable_reason(context, first) or found
        return Plan(target, False, False, f"{target.title}: {reason}", (), start, None, 0.0, 0.0, (),
                    not target.requirements.confirmed, hours_per_week)
    return build_plan(context, profile, wait_for_recommendations(context, found), eligible_now=False)
