"""The A* search itself: from the profile's state to the first state that meets the target, on
elapsed months, then fees, unknown fees, unconfirmed rules, steps, lateness and the roles' order
of preference, in that order. Moves come from `plan_state.Moves`, bounds from
`plan_bounds.Bounds`; this module compiles the target's scope once and runs the search."""

from __future__ import annotations

import heapq
import math
from datetime import date

from .catalog import Catalog
from .engine import Standing, standing_of
from .models import EDUCATION_LEVELS, TIERS, Profile, Requirement, Role
from .plan_bounds import At, Bounds
from .plan_scope import Compiled, Scope, degree_chains, study_months
from .plan_state import Action, Moves, State

__all__ = ["HORIZON_MONTHS", "MAX_STATES", "Search"]

HORIZON_MONTHS = 50 * 12  # beyond a working life a target counts as unreachable
MAX_STATES = 60_000


class Search(Moves, Bounds):
    """A* over `State`s on lexicographic keys (months, fees, unknown fees, unconfirmed rules,
    steps, lateness, preference): the first state popped that meets the target ends a fastest
    route, as long as the bounds (`Bounds`) never overestimate. The last criterion settles most of
    what would otherwise be left to the order states happen to be looked at in, so a tighter
    bound seldom changes which of two equally good routes is chosen."""

    def __init__(self, catalog: Catalog, profile: Profile, target: Role, start: date,
                 hours_per_week: float, avoid: frozenset[str]) -> None:
        self.catalog, self.target, self.start, self.hours_per_week = catalog, target, start, hours_per_week
        self.scope = scope = Scope(catalog, target, avoid)
        self.base = standing_of(profile, catalog, start)
        self.keys = (*scope.tracks, *(f"role:{r}" for r in scope.role_keys))
        self.accrues = {role.id: self._accrual(role) for role in (*scope.roles.values(), target)}
        if profile.current_role in catalog.roles and profile.current_role not in self.accrues:
            self.accrues[profile.current_role] = self._accrual(catalog.roles[profile.current_role])
        self.study = {cid: study_months(c.study.hours, hours_per_week) for cid, c in scope.credentials.items()}
        self.training_months = {t: study_months(catalog.trainings[t].hours, hours_per_week) for t in scope.trainings}
        # The order roles are preferred in when several would do: closest in kind to the target,
        # then the higher tier, then the usual next step (most roles lead to it).
        popularity = {r.id: len(catalog.leads_from(r.id)) for r in scope.roles.values()}
        self.role_order = sorted(scope.roles.values(), key=lambda r: (
            -len(set(r.tracks) & set(target.tracks)), -TIERS.index(r.tier), -popularity[r.id], r.title))
        self.rank = {r.id: i for i, r in enumerate(self.role_order)}
        self.role_accrues = [(r, self.accrues[r.id]) for r in self.role_order]
        self.rules = list({(rule.tracks, rule.roles, rule.years): rule
                           for req, _, _ in scope.requirements for rule in req.experience}.values())
        self.rule_keys = [frozenset(i for i, k in enumerate(self.keys)
                                    if k in rule.tracks or k[5:] in rule.roles or (k == "role:*" and not rule.tracks))
                          for rule in self.rules]
        need = max(max(scope.levels, default=0), max(scope.cahiim_levels, default=-1) + 1)
        self.programs = [p for p in catalog.education if EDUCATION_LEVELS.index(p.level) <= need]
        self.chain = degree_chains(self.programs)
        known = [c.fee.planning_usd for c in catalog.credentials.values() if c.fee and c.fee.planning_usd is not None]
        self.unknown_fee = max(known, default=0.0)  # an unknown fee never ranks as cheap
        self.fee_rank = {cid: c.fee.planning_usd if c.fee and c.fee.planning_usd is not None else self.unknown_fee
                         for cid, c in scope.credentials.items()}
        self.openings: list[int] = []
        self._at: dict[State, At] = {}
        self._shorts: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._meets: dict[tuple, bool] = {}
        self.entries: dict[tuple, float] = {}  # role entry bounds, by requirement and what they depend on
        key_index = {k: i for i, k in enumerate(self.keys)}
        self._fast = [None if rule.roles or not rule.tracks else
                      [(self.base.years_by_track.get(tr, 0.0), key_index.get(tr)) for tr in rule.tracks]
                      for rule in self.rules]
        index = {(r.tracks, r.roles, r.years): i for i, r in enumerate(self.rules)}
        # One Compiled per distinct requirement: roles that ask the same share their bounds.
        distinct: dict[Compiled, Compiled] = {}
        self.compiled = {id(req): distinct.setdefault(c, c) for req, _, _ in scope.requirements
                         for c in [Compiled(tuple(index[(r.tracks, r.roles, r.years)] for r in req.experience),
                                            EDUCATION_LEVELS.index(req.education) if req.education else None,
                                            req.cahiim_accredited, tuple(frozenset(g) for g in req.credentials),
                                            req.full_credential)]}
        self.target_rules = self.compiled[id(target.requirements)].rules
        self.target_level = self.compiled[id(target.requirements)].level
        # The roles that serve each rule of the target, lowest tier first (see `At.soonest`).
        by_tier = sorted(self.role_order, key=lambda r: TIERS.index(r.tier))
        self.servers = {i: [r for r in by_tier if self.accrues[r.id] & self.rule_keys[i] and r.id != target.id]
                        for i in self.target_rules}
        # Read on every state, so worked out once: the roles that serve two rules of the target,
        # the requirements each owner brings into play, and each group's longest study.
        self.server_reqs = {i: [self.compiled[id(r.requirements)] for r in roles] for i, roles in self.servers.items()}
        self.joint = {(i, j): [r for r in self.servers[i] if self.accrues[r.id] & self.rule_keys[j]]
                      for i in self.target_rules for j in self.target_rules}
        self.owned: dict[tuple[str, str], list[Requirement]] = {}
        for req, kind, owner in scope.requirements:
            self.owned.setdefault((kind, owner), []).append(req)
        self.lead = {g: max(self.study.get(c, 0) for c in g) for c in self.compiled.values() for g in c.groups}

    def shorts(self, at: At) -> tuple[int, ...]:
        """Months still missing for every rule, as `_months_short` (engine's track_years) gives
        them, read straight from the accrued months for the common rule shape (tracks only).
        They depend on the months accrued alone, which many states share: kept per months."""
        months = at.s.months
        found = self._shorts.get(months)
        if found is not None:
            return found
        out = []
        for rule, fast in zip(self.rules, self._fast):
            if fast is None:
                out.append(_months_short(rule, at.standing))
                continue
            has = max(base + (months[k] / 12 if k is not None else 0.0) for base, k in fast)
            short = rule.years - has
            out.append(math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0)
        if len(self._shorts) > 20_000:
            self._shorts.clear()
        found = self._shorts[months] = tuple(out)
        return found

    def _accrual(self, role: Role) -> frozenset[int]:
        keys = [*role.tracks, f"role:{role.id}", "role:*"]
        return frozenset(i for i, key in enumerate(self.keys) if key in keys)

    def initial(self, profile: Profile) -> State:
        base = self.base
        role = profile.current_role if profile.current_role in self.accrues else None
        return State(base.credentials, base.apprentice, base.education, base.cahiim_accredited, base.training,
                      role, (0,) * len(self.keys), None, None, True, frozenset(), 0)

    def standing(self, s: State) -> Standing:
        tracks, roles = dict(self.base.years_by_track), dict(self.base.years_by_role)
        for key, months in zip(self.keys, s.months):
            if months:
                bucket, name = (roles, key[5:]) if key.startswith("role:") else (tracks, key)
                bucket[name] = bucket.get(name, 0.0) + months / 12
        return Standing(s.edu, s.cahiim, s.creds, s.apprentice, tracks, roles, s.training, self.start)

    def run(self, first: State) -> tuple[list[tuple[Action, State]], int] | str:
        """The actions of a fastest route and its length in months, or why none was found."""
        counter, start_key = 0, (0, 0.0, 0, 0, 0, 0, 0)
        at = self.at(first, 0)
        heap = [(self.estimate(at), self.fee_bound(at), 0, 0, self.steps_bound(at), 0, 0, 0, 0, start_key, first)]
        best: dict[State, tuple] = {first: start_key}
        parents: dict[State, tuple[State, Action] | None] = {first: None}
        self.popped = 0
        while heap:
            *_, key, s = heapq.heappop(heap)
            if best[s] != key:
                continue  # reached again more cheaply since this entry was pushed
            t, fees, unknown, doubt, steps, late, rank = key
            self.popped += 1
            standing = self.at(s, t).standing
            if self.meets(self.target.requirements, s, standing):
                self.final = s
                return self.path(parents, s), t
            if len(best) > MAX_STATES:
                return f"the search stopped after {MAX_STATES} states without finding a route"
            for action, nxt, fee, more_doubt in self.expand(s, standing, t):
                nt = action.end if action.kind == "wait" else t
                # Fastest, then cheapest, fewest unknown fees, fewest unconfirmed rules, fewest
                # steps, each step as early as it can be (advice: get the credential first), and
                # then the roles most preferred (`role_order`: closest in kind to the target, ...).
                new = (nt, fees + (self.unknown_fee if fee is None else fee), unknown + (fee is None),
                       doubt + more_doubt, steps + (action.kind != "wait"), late + (0 if action.kind == "wait" else t),
                       rank + (self.rank.get(action.subject, len(self.rank)) if action.kind == "role" else 0))
                if nt > HORIZON_MONTHS or best.get(nxt, (math.inf,)) <= new:
                    continue
                after = self.at(nxt, nt)
                estimate = self.estimate(after)
                if estimate < math.inf:
                    best[nxt], parents[nxt] = new, (s, action)
                    counter += 1
                    # The key plus what is still to come at the least (months, fees, steps, each
                    # step to come starting no earlier than now); on equal terms the one further
                    # along first, which dives to a goal.
                    steps_left = self.steps_bound(after)
                    heapq.heappush(heap, (nt + estimate, new[1] + self.fee_bound(after), new[2], new[3],
                                          new[4] + steps_left, new[5] + steps_left * nt, new[6], -nt, counter, new, nxt))
        return "no sequence of exams, degrees, courses, roles and experience in codingpath's data meets them"

    @staticmethod
    def path(parents: dict, s: State) -> list[tuple[Action, State]]:
        """The (action, state it was taken in) pairs that led to `s`, first first."""
        out = []
        while parents[s] is not None:
            prev, action = parents[s]
            out.append((action, prev))
            s = prev
        return out[::-1]

    @staticmethod
    def group_met(group, full: bool, s: State) -> bool:
        """Whether `s` holds a credential of the group (a full one where `full`)."""
        return any(c in s.creds and (not full or c not in s.apprentice) for c in group)


def _months_short(rule, standing: Standing) -> int:
    """Whole months of experience still missing for one rule (0 when met)."""
    short = rule.years - standing.track_years(rule.tracks, rule.roles)
    return math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0
