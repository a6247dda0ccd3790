"""One person's readiness for a set of roles, fast enough for a whole workforce. Prints nothing.

A cell (person x role) is:
- `eligible`: meets the role's published requirements now (`engine.evaluate_role`);
- `ready`: does not yet, but the planner's fastest route (`planning.plan_route`) gets there within
  the window;
- `gap`: neither; `missing` is the main missing item (the one that takes longest to close);
- `current`: the role is the person's current role.

What makes 200,000 people cheap:
- a role's verdict depends only on the parts of a standing its requirements look at (the
  credentials they name, years on the tracks they count while short of the threshold, ...), so
  verdicts are remembered per role on exactly those parts;
- a plan is made only for a gap that could close within the window: an experience shortfall, a
  degree (no programme in the data is shorter than two years), or the study for every exam that
  would fill a missing credential, longer than the window cannot;
- plans are remembered per target role on what a route to it can depend on (`PlanScope`), years
  to the month: when only experience is missing and the current role accrues it, the shortfall
  alone; when no role move can help within the window, the education, credentials and courses the
  target and its exams name; otherwise also the roles it may pass through and the current role.
A test checks the result against planning every gap of every person (tests/team/test_team.py).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..catalog import Catalog
from ..dates import add_months
from ..engine import Gap, Standing, current_tier_index, evaluate_role, standing_of
from ..errors import Problem
from ..load.profiles import LoadedProfile
from ..planning.ladder import months_in_current_role
from ..planning.state import MIN_STAY_MONTHS
from ..taxonomy import EDUCATION_LEVELS, TIERS
from .readiness_keys import PlanScope, RoleKey

if TYPE_CHECKING:
    from ..models import EducationProgram, Profile, Requirement

__all__ = ["Cell", "CellStatus", "PersonResult", "ReadinessEvaluator", "RenewalDue"]

CellStatus = Literal["eligible", "ready", "gap", "current"]
MEMO_SIZE = 50_000  # verdicts / plans remembered each (least recently used dropped first)
HOURS_PER_WEEK = 10.0
PlanFunction = Callable[..., Any]


@dataclass(frozen=True)
class Cell:
    """One person's readiness for one role."""

    role: str
    status: CellStatus
    months: float | None = None  # the plan's time in months, when a plan was made and found a route
    missing: str | None = None  # the main missing item of a gap
    unconfirmed: bool = False  # the role's requirements rest on an unconfirmed source


@dataclass(frozen=True)
class RenewalDue:
    """A held credential whose renewal cycle ends within the window."""

    credential: str
    body: str
    cycle_end: date
    ceus_required: int | None
    ceus_missing: float | None


@dataclass(frozen=True)
class PersonResult:
    """A person's cells, renewals due and profile warnings."""

    name: str
    file: str
    line: int | None
    current_role: str | None
    cells: tuple[Cell, ...]
    renewals: tuple[RenewalDue, ...] = ()
    undated_credentials: tuple[str, ...] = ()  # held without an earned date: no renewal date known
    warnings: tuple[Problem, ...] = ()


def _opens(program: EducationProgram, level: int) -> bool:
    """Whether someone at `level` can take `program` and gain by it: a higher level, or (a
    certificate) a CAHIIM-accredited HIM education at the level they hold."""
    start, end = EDUCATION_LEVELS.index(program.from_level), EDUCATION_LEVELS.index(program.level)
    return start <= level and (level < end or (program.cahiim_accredited and level <= end))


class _Memo(OrderedDict[Any, Any]):
    """A dictionary that forgets its least recently used entries beyond `size`."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def lookup(self, key: Any, default: Any = None) -> Any:
        value = self.get(key, _ABSENT)
        if value is _ABSENT:
            return default
        self.move_to_end(key)
        return value

    def store(self, key: Any, value: Any) -> None:
        self[key] = value
        if len(self) > self.size:
            self.popitem(last=False)


_ABSENT = object()


class ReadinessEvaluator:
    """Evaluates people one at a time against the roles of interest, remembering what repeats."""

    def __init__(self, catalog: Catalog, today: date, *, roles: Sequence[str] = (), within_months: int = 6,
                 planner: PlanFunction | None = None, hours_per_week: float = HOURS_PER_WEEK,
                 min_tenure: int = MIN_STAY_MONTHS) -> None:
        if planner is None:
            from ..planning import plan_route  # only a team with a gap to plan needs the planner

            planner = plan_route
        self.catalog, self.today, self.roles = catalog, today, tuple(roles)
        self.within_months = within_months
        self.horizon = add_months(today, within_months)
        self.planner: PlanFunction = planner
        self.hours_per_week = hours_per_week
        self.min_tenure = min_tenure  # months between two moves of a plan (`plan --min-tenure`)
        self.plans = 0  # plans computed (after memoisation), for the benchmark and the summary
        self._verdicts = _Memo(MEMO_SIZE)
        self._plans = _Memo(MEMO_SIZE)
        # Plans other processes made (a multiprocessing manager's dict), when several share the work.
        self.shared_plans: Any = None
        self._role_keys = {role.id: RoleKey.of(role, catalog) for role in catalog.roles.values()}
        self._plan_scopes: dict[str, PlanScope] = {}
        ordered = sorted(catalog.roles.values(), key=lambda r: (TIERS.index(r.tier), r.title))
        self._by_tier = {i: tuple(r.id for r in ordered if TIERS.index(r.tier) == i) for i in range(len(TIERS))}
        # The shortest programme someone at each education level can start: a lower bound for an
        # education gap (a high-school equivalency takes months, a degree years).
        self._degree_floor = {level: min((p.years for p in catalog.education if _opens(p, level)), default=0.0)
                              for level in range(len(EDUCATION_LEVELS))}

    def roles_for(self, profile: Profile) -> tuple[str, ...]:
        """The roles asked for, else every role one tier above the person's current tier
        (`engine.current_tier_index`); with neither a current role nor experience in a known role,
        the entry tier. Nothing above the top tier."""
        if self.roles:
            return self.roles
        known = profile.current_role in self.catalog.roles or any(
            e.role in self.catalog.roles for e in profile.experience)
        if not known:
            return self._by_tier[0]
        return self._by_tier.get(current_tier_index(profile, self.catalog) + 1, ())

    def evaluate(self, loaded: LoadedProfile, line: int | None = None) -> PersonResult:
        profile = loaded.profile
        standing = standing_of(profile, self.catalog, self.today)
        years: dict[tuple[Any, ...], float] = {}  # per experience rule, shared by the roles with it
        cells = tuple(self._cell(profile, standing, role_id, years) for role_id in self.roles_for(profile))
        renewals, undated = self._renewals(profile)
        return PersonResult(profile.name or Path(loaded.source).stem, loaded.source, line, profile.current_role,
                            cells, renewals, undated, loaded.warnings)

    # -- one cell ---------------------------------------------------------------------------------
    def _cell(self, profile: Profile, standing: Standing, role_id: str, years: dict[tuple[Any, ...], float]) -> Cell:
        key = self._role_keys[role_id].key(standing, profile.current_role, years)
        verdict: tuple[Cell, float, bool] | None = self._verdicts.lookup(key)
        if verdict is None:
            verdict = self._verdict(role_id, standing, profile.current_role)
            self._verdicts.store(key, verdict)
        cell, floor_years, only_experience = verdict
        if cell.status != "gap" or floor_years * 12 > self.within_months + 1e-9:
            return cell
        plan_years = self._plan_years(profile, standing, role_id, only_experience)
        if plan_years is None:
            return cell
        # A remembered plan may be someone's a few days ahead (years are keyed to the month):
        # never less than this person's own experience shortfall.
        months = round(max(plan_years, floor_years) * 12, 1)
        if months <= self.within_months + 1e-9:
            return Cell(role_id, "ready", months=months, unconfirmed=cell.unconfirmed)
        return cell  # the route is longer than the window (its exact length was not needed)

    def _verdict(self, role_id: str, standing: Standing, current_role: str | None) -> tuple[Cell, float, bool]:
        """The cell without a plan, a lower bound in years on the time to close every gap, and
        whether experience is all that is missing."""
        result = evaluate_role(self.catalog.roles[role_id], standing, current_role=current_role)
        if result.status != "gap":
            status: CellStatus = "current" if result.status == "held" else "eligible"
            return Cell(role_id, status, unconfirmed=result.unconfirmed), 0.0, False
        main, floor_years = self._main_gap(result.gaps, standing)
        only_experience = all(g.kind == "experience" for g in result.gaps)
        return Cell(role_id, "gap", missing=main.message, unconfirmed=result.unconfirmed), floor_years, only_experience

    def _main_gap(self, gaps: tuple[Gap, ...], standing: Standing) -> tuple[Gap, float]:
        """The gap that takes longest to close (the first of equals), and that lower bound in years:
        the experience short; a degree; the quickest credential of a group to study for and to
        become eligible for; a course's hours."""
        def floor(gap: Gap) -> float:
            if gap.kind == "experience":
                return gap.years_short
            if gap.kind == "education":
                return self._degree_floor[standing.education]
            if gap.kind == "training":
                training = self.catalog.trainings.get(gap.options[0]) if gap.options else None
                return self._study_years(training.hours) if training else 0.0
            if any(c in standing.apprentice for c in gap.options):
                return 0.0  # the designation may go by a removal route; left to the planner
            return min((self._credential_floor(c, standing) for c in gap.options), default=0.0)

        bounds = [floor(g) for g in gaps]
        worst = max(range(len(gaps)), key=lambda i: (bounds[i], -i))
        return gaps[worst], bounds[worst]

    def _study_years(self, hours: float) -> float:
        # The planner rounds study up to whole months; this is never more than it.
        return hours / self.hours_per_week * 7 / 365.25

    def _credential_floor(self, credential_id: str, standing: Standing) -> float:
        """At least this long to earn a credential: its study time, and the time to meet the
        nearest of its eligibility routes (a degree, experience still short), whichever is longer;
        never, for an exam no longer offered."""
        credential = self.catalog.credentials.get(credential_id)
        if credential is None:
            return 0.0
        if not credential.offered:
            return math.inf  # no one can earn it now (the planner never schedules it)
        routes = credential.eligibility.routes
        eligible_in = min((self._route_floor(route, standing) for route in routes), default=0.0)
        return max(self._study_years(credential.study.hours), eligible_in)

    def _route_floor(self, route: Requirement, standing: Standing) -> float:
        floor = 0.0
        if route.education is not None:
            needed = EDUCATION_LEVELS.index(route.education)
            if standing.education < needed or (route.cahiim_accredited and not standing.cahiim_accredited):
                floor = self._degree_floor[standing.education]
        for rule in route.experience:
            floor = max(floor, rule.years - standing.track_years(rule.tracks, rule.roles))
        return floor

    def _plan_years(self, profile: Profile, standing: Standing, role_id: str, only_experience: bool) -> float | None:
        waiting = self._role_keys[role_id].waiting(standing, profile.current_role, self.catalog) \
            if only_experience else None
        if waiting is not None:
            # Only experience is missing and the current role accrues every kind that is short:
            # the fastest route is to keep working, whatever else the person holds.
            key: tuple[Any, ...] = waiting
        else:
            scope = self._plan_scopes.get(role_id)
            if scope is None:
                scope = self._plan_scopes[role_id] = PlanScope.of(self.catalog, self.catalog.roles[role_id])
            key = scope.key(standing, profile.current_role, self.within_months, self.catalog)
        # A plan's first move waits out the minimum tenure in the current role: part of the key.
        key = (*key, max(0, self.min_tenure - months_in_current_role(profile, self.today)))
        years = self._plans.lookup(key, _ABSENT)
        if years is _ABSENT and self.shared_plans is not None:
            found = self.shared_plans.get(key)  # (years,): years may be None (no route)
            years = found[0] if found else _ABSENT
        if years is _ABSENT:
            plan = self.planner(profile, self.catalog, role_id, start=self.today, hours_per_week=self.hours_per_week,
                                min_tenure=self.min_tenure)
            self.plans += 1
            years = (0.0 if plan.eligible_now else float(plan.total_years)) if plan.feasible else None
            if self.shared_plans is not None:
                self.shared_plans[key] = (years,)
        self._plans.store(key, years)
        return cast("float | None", years)

    # -- renewals ---------------------------------------------------------------------------------
    def _renewals(self, profile: Profile) -> tuple[tuple[RenewalDue, ...], tuple[str, ...]]:
        """Renewals whose cycle ends by the horizon (cycles as `renewals` counts them), and the
        credentials held without an earned date."""
        if not profile.credentials:
            return (), ()
        from ..renewals import current_cycle, cycle_starts, renewals_of

        credentials = self.catalog.credentials
        held = [c for c in profile.credentials if c.id in credentials]
        ids = {c.id for c in held}
        replaced = {old for c in held for old in credentials[c.id].replaces if old in ids}
        undated = tuple(c.id for c in held if c.earned is None and c.id not in replaced)
        # The full report (pooled CEU totals, CEUs logged) only for the few with a cycle ending soon.
        starts = cycle_starts(profile, self.catalog)
        if not any(c.id in starts and c.id not in replaced
                   and current_cycle(starts[c.id], credentials[c.id].renewal.cycle_years, self.today)[1] <= self.horizon
                   for c in held):
            return (), undated
        due = tuple(
            RenewalDue(" + ".join(d.ids), d.lead.credential.body, d.lead.cycle_end, d.lead.ceus_required,
                       d.lead.ceus_missing)
            for d in renewals_of(profile, self.catalog, self.today).deadlines
            if d.lead.cycle_end is not None and d.lead.cycle_end <= self.horizon
        )
        return due, undated
