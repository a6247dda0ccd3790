"""What a readiness verdict and a plan depend on: the memo keys of `readiness`. Prints nothing.

Two people with equal keys get equal answers, so each answer is computed once per key:
- `RoleKey`: a role's verdict (eligible, or which gap) reads only the parts of a standing its
  requirements name, and the eligibility rules of the credentials they name (for how long a missing
  credential takes at the least);
- `PlanScope`: the planner's time to a role reads only what a route to it can use (a superset of
  the planner's own scope), with years to the month and no more than the largest threshold that
  counts them; and when no role move can help within the window, less still.
Keys hold strings for "met" and "never", not True and None: True == 1 == 1.0 would make "met"
equal one year, or one month.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..engine import Standing
from ..planning.ladder import build_ladder
from ..taxonomy import EDUCATION_LEVELS, TIERS

if TYPE_CHECKING:
    from ..models import Requirement, Role

__all__ = ["MET", "NEVER", "PlanScope", "RoleKey"]

MET, NEVER = "met", "never"


@dataclass(frozen=True)
class RoleKey:
    """What of a standing one role's verdict looks at: its requirements, and the eligibility rules
    of the credentials they name (for how long a missing credential takes at the least)."""

    role_id: str
    education: int | None
    cahiim: bool
    credentials: frozenset[str]
    experience: tuple[tuple[tuple[str, ...], tuple[str, ...], float], ...]
    training: frozenset[str]
    routes_experience: tuple[tuple[tuple[str, ...], tuple[str, ...], float], ...] = ()
    routes_education: bool = False

    @classmethod
    def of(cls, role: Role, catalog: Catalog) -> RoleKey:
        req = role.requirements
        named = frozenset(c for group in req.credentials for c in group)
        routes = [route for c in sorted(named) if c in catalog.credentials
                  for route in catalog.credentials[c].eligibility.routes]
        return cls(role.id, None if req.education is None else EDUCATION_LEVELS.index(req.education),
                   req.cahiim_accredited, named,
                   tuple((rule.tracks, rule.roles, rule.years) for rule in req.experience), frozenset(req.training),
                   tuple(dict.fromkeys((rule.tracks, rule.roles, rule.years) for r in routes for rule in r.experience)),
                   any(r.education for r in routes))

    def key(self, standing: Standing, current_role: str | None, cache: dict[tuple[Any, ...], float]) -> tuple[Any, ...]:
        education: Any = None
        if self.routes_education:
            education = (standing.education, standing.cahiim_accredited)
        elif self.education is not None:
            met = standing.education >= self.education and (standing.cahiim_accredited or not self.cahiim)
            # Short: the gap message names the level held.
            education = MET if met else (standing.education, standing.cahiim_accredited)
        years = []
        for tracks, roles, needed in (*self.experience, *self.routes_experience):
            has = cache.get((tracks, roles))
            if has is None:
                has = cache[(tracks, roles)] = standing.track_years(tracks, roles)
            years.append(MET if has + 1e-9 >= needed else has)  # short: the message names the years
        return (self.role_id, current_role == self.role_id, education, standing.credentials & self.credentials,
                standing.apprentice & self.credentials, tuple(years),
                standing.training & self.training if self.training else None)

    def waiting(self, standing: Standing, current_role: str | None, catalog: Catalog) -> tuple[Any, ...] | None:
        """A plan key for "keep working": the months had on each rule (up to its threshold),
        when time in the current role counts toward every rule still short and the role leads to
        the target (a plan moves only up the ladder); else None."""
        role = catalog.roles.get(current_role or "")
        if role is None or self.role_id not in role.leads_to:
            return None
        had = []
        for tracks, roles, needed in self.experience:
            has = standing.track_years(tracks, roles)
            if has + 1e-9 < needed and not (set(tracks) & set(role.tracks) or role.id in roles
                                           or (not tracks and not roles)):
                return None
            had.append(round(min(has, needed) * 12))
        return (self.role_id, "waiting", tuple(had))


Rule = tuple[tuple[str, ...], tuple[str, ...], float]  # (tracks, roles, years) of an experience rule


@dataclass(frozen=True)
class _Parts:
    """What a set of requirements names: credentials, courses, the largest threshold per track
    (per named role, for any experience), the highest education, CAHIIM, and the rules."""

    credentials: frozenset[str]
    training: frozenset[str]
    tracks: tuple[tuple[str, float], ...]
    roles: tuple[tuple[str, float], ...]
    any_cap: float
    level: int
    cahiim: bool
    rules: tuple[Rule, ...]

    @classmethod
    def of(cls, requirements: list[Requirement]) -> _Parts:
        tracks: dict[str, float] = {}
        roles: dict[str, float] = {}
        rules = tuple(dict.fromkeys((rule.tracks, rule.roles, rule.years)
                                    for r in requirements for rule in r.experience))
        for rule_tracks, rule_roles, years in rules:
            for track in rule_tracks:
                tracks[track] = max(tracks.get(track, 0.0), years)
            for role_id in rule_roles:
                roles[role_id] = max(roles.get(role_id, 0.0), years)
        return cls(
            frozenset(c for r in requirements for group in r.credentials for c in group),
            frozenset(t for r in requirements for t in r.training),
            tuple(sorted(tracks.items())), tuple(sorted(roles.items())),
            max((years for t, r, years in rules if not t and not r), default=0.0),
            max((EDUCATION_LEVELS.index(r.education) for r in requirements if r.education), default=0),
            any(r.cahiim_accredited for r in requirements), rules,
        )


def _closure(catalog: Catalog, target: Role, *, stones: bool) -> list[Requirement]:
    """The target's requirements and, transitively, the eligibility and apprentice-removal routes
    of every credential they name; with `stones`, also the requirements of every role of no
    higher tier on a track they count (or named by them), until no new one appears."""
    cap = TIERS.index(target.tier)
    pending: list[Requirement] = [target.requirements]
    found: list[Requirement] = []
    seen: set[int] = set()
    credentials: set[str] = set()
    tracks: set[str] = set()
    named: set[str] = set()
    roles_in: set[str] = {target.id}
    # Every role a climb up the ladder to the target may pass through: its requirements count.
    ladder = [catalog.roles[r] for r in build_ladder(catalog, target).distance if r is not None] if stones else []
    for role in ladder:
        roles_in.add(role.id)
        pending.append(role.requirements)
    while pending:
        while pending:
            req = pending.pop()
            if id(req) in seen:
                continue
            seen.add(id(req))
            found.append(req)
            for cid in (c for group in req.credentials for c in group if c in catalog.credentials):
                if cid not in credentials:
                    credentials.add(cid)
                    credential = catalog.credentials[cid]
                    pending.extend(credential.eligibility.routes)
                    pending.extend(credential.apprentice.removal if credential.apprentice else ())
            for rule in req.experience:
                tracks.update(rule.tracks)
                named.update(rule.roles)
        if stones:
            for role in catalog.roles.values():
                useful = (TIERS.index(role.tier) <= cap and set(role.tracks) & tracks) or role.id in named
                if useful and role.id not in roles_in:
                    roles_in.add(role.id)
                    pending.append(role.requirements)
    return found


@dataclass(frozen=True)
class PlanScope:
    """What a route to one target can depend on: a superset of the planner's own scope (the
    target's requirements, the eligibility and apprentice-removal routes of every credential they
    name, transitively, and the requirements of the roles it may pass through on the way), with
    years to the month up to the largest threshold that counts them. When every experience rule of
    the target and of those exams is met, too short to be met within the window, or accrued by the
    current role, a route within the window needs no role move: it depends only on education,
    credentials, courses and those shortfalls (`chain`). Such a key identifies the route's time only
    when it is within the window; a longer time is reported as a gap without it."""

    target: str
    full: _Parts
    chain: _Parts
    accrual: dict[str | None, tuple[Any, ...]]  # role -> which counted tracks its time accrues

    @classmethod
    def of(cls, catalog: Catalog, target: Role) -> PlanScope:
        full = _Parts.of(_closure(catalog, target, stones=True))
        counted = dict(full.tracks)
        named = dict(full.roles)
        accrual: dict[str | None, tuple[Any, ...]] = {
            role.id: (tuple(t for t in role.tracks if t in counted), role.id in named)
            for role in catalog.roles.values()
        }
        return cls(target.id, full, _Parts.of(_closure(catalog, target, stones=False)), accrual)

    def key(self, standing: Standing, current_role: str | None, within_months: float,
            catalog: Catalog) -> tuple[Any, ...]:
        chain = self.chain
        role = catalog.roles.get(current_role or "")
        statuses: list[Any] = []
        # Without a move the route must already stand one move from the target.
        at_door = (self.target in role.leads_to) if role is not None else catalog.roles[self.target].tier == "entry"
        for tracks, roles, years in chain.rules:
            short = years - standing.track_years(tracks, roles)
            if short <= 1e-9:
                statuses.append(MET)
            elif short * 12 > within_months + 1e-9:
                statuses.append(NEVER)  # cannot be met within the window by any route
            elif role is not None and (set(tracks) & set(role.tracks) or role.id in roles or not (tracks or roles)):
                statuses.append(round(short * 12))  # the current role accrues it: no move can be faster
            else:
                break
        else:
            if at_door:
                # A route within the window needs no role move: it depends on education, credentials,
                # courses and the shortfalls that can close in time.
                # The current role too: a plan climbs the ladder from it.
                return (self.target, "chain", current_role, min(standing.education, chain.level),
                        standing.cahiim_accredited if chain.cahiim else None,
                        standing.credentials & chain.credentials, standing.apprentice & chain.credentials,
                        standing.training & chain.training, tuple(statuses))

        # Years beyond every threshold that counts them change nothing; below, they count to the month.
        def months(years: float, cap: float) -> int:
            return round(min(years, cap) * 12)

        full = self.full
        return (
            self.target,
            # the role itself, not only what it accrues: a plan climbs the ladder from it
            current_role,
            min(standing.education, full.level),
            standing.cahiim_accredited if full.cahiim else None,
            standing.credentials & full.credentials,
            standing.apprentice & full.credentials,
            standing.training & full.training,
            tuple(months(standing.years_by_track.get(t, 0.0), c) for t, c in full.tracks),
            tuple(months(standing.years_by_role.get(r, 0.0), c) for r, c in full.roles),
            months(sum(standing.years_by_role.values()), full.any_cap) if full.any_cap else 0,
        )
