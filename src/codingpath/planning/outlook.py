"""What to do next, as a coding manager would answer it: the target role first, then the roles the
current role leads to and those one tier up (every other role only when asked), roles open now
before the rest, the rest by the months the planner needs to close their gaps; and above them the
one step that opens the most of those roles soonest. Prints nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..engine import RoleResult, current_tier_index, evaluate_role, standing_of
from ..taxonomy import TIERS
from .apply import months_between
from .fit import recommended_credentials
from .result import Plan, StepKind
from .route import plan_route
from .state import MIN_STAY_MONTHS

if TYPE_CHECKING:
    from ..models import Profile, Role

__all__ = ["BestStep", "NextRole", "Outlook", "next_outlook", "recommended_credentials"]


@dataclass(frozen=True)
class NextRole:
    """One role of the list, with the planner's months to close its gaps (0 when eligible;
    None when the data holds no route) and the credentials its employers prefer that the person
    lacks."""

    result: RoleResult
    target: bool
    on_ladder: bool  # the current role leads to it (or, for someone without a role, it is an entry role)
    months_to_close: int | None
    recommended: tuple[str, ...]
    plan: Plan | None


@dataclass(frozen=True)
class BestStep:
    """The one action that opens the most of the listed roles soonest."""

    kind: StepKind
    subject: str
    description: str
    opens: tuple[str, ...]  # role ids
    months: int  # months from today until it is done


@dataclass(frozen=True)
class Outlook:
    roles: tuple[NextRole, ...]
    best: BestStep | None


def _listed(profile: Profile, catalog: Catalog, show_all: bool) -> list[tuple[Role, bool]]:
    """The roles to show with whether each is on the ladder from the current role."""
    tier = current_tier_index(profile, catalog)
    current = catalog.roles.get(profile.current_role or "")
    onward = set(current.leads_to) if current else {r.id for r in catalog.roles.values() if r.tier == "entry"}
    out = []
    for role in catalog.roles.values():
        if role.id == profile.current_role:
            continue
        on_ladder = role.id in onward
        if show_all or on_ladder or role.id == profile.target_role or TIERS.index(role.tier) == tier + 1:
            out.append((role, on_ladder))
    return out


def next_outlook(profile: Profile, catalog: Catalog, today: date, *, show_all: bool = False,
                 min_tenure: int = MIN_STAY_MONTHS) -> Outlook:
    """The `next` list for `profile` on `today`, ranked, with the best next step."""
    standing = standing_of(profile, catalog, today)
    held = [c.id for c in profile.credentials]
    rows = []
    for role, on_ladder in _listed(profile, catalog, show_all):
        result = evaluate_role(role, standing, catalog=catalog)
        plan = None
        months: int | None = 0
        if result.status != "eligible":
            plan = plan_route(profile, catalog, role.id, start=today, min_tenure=min_tenure)
            months = months_between(today, plan.finish) if plan.feasible and plan.finish else None
        rows.append(NextRole(result, role.id == profile.target_role, on_ladder, months,
                             recommended_credentials(role, held), plan))
    rows.sort(key=_rank)
    return Outlook(tuple(rows), _best_step(rows, today, catalog, current_tier_index(profile, catalog)))


def _rank(row: NextRole) -> tuple[object, ...]:
    """The target first; then roles open now, those up the ladder and the higher tier first; then
    the rest by the months to close their gaps (no route last)."""
    tier = TIERS.index(row.result.role.tier)
    if row.result.status == "eligible":
        return (not row.target, 0, not row.on_ladder, -tier, 0, row.result.role.title)
    months = row.months_to_close
    return (not row.target, 1, months is None, months or 0, len(row.result.gaps), row.result.role.title)


def _best_step(rows: list[NextRole], today: date, catalog: Catalog, tier: int) -> BestStep | None:
    """The action shared by the most plans of the listed roles, the soonest done first: what a
    person can start on now that keeps the most doors opening. Never a move to a role below the
    person's tier (`tier`): a plan may start a change of career there (a coding manager's route to
    Privacy Officer starts in release of information), but no counselor leads with a step down."""
    found: dict[tuple[str, str], tuple[set[str], int, str]] = {}
    for row in rows:
        if row.plan is None or not row.plan.feasible:
            continue
        for step in row.plan.steps:
            if step.kind == "experience" or step.subject == row.result.role.id:
                continue
            if step.kind == "role" and catalog.tier_index(catalog.roles[step.subject].tier) < tier:
                continue
            key = (step.kind, step.subject)
            opens, done, words = found.get(key, (set(), months_between(today, step.end), step.description))
            opens.add(row.result.role.id)
            found[key] = (opens, min(done, months_between(today, step.end)), words)
    if not found:
        return None
    (kind, subject), (opens, months, words) = min(found.items(), key=lambda item: (
        -len(item[1][0]), item[1][1], item[0]))
    order = [r.result.role.id for r in rows]
    return BestStep(kind, subject, words, tuple(sorted(opens, key=order.index)), months)  # type: ignore[arg-type]
