"""The fastest route from a profile to a role, as dated steps. Prints nothing.

An A* search on elapsed months (ties broken on exam fees, then fewer unknown fees and unconfirmed
rules, then fewer steps, then doing each step as early as it can be done) over states: the credentials held (and which only as an apprentice),
education, trainings, the current role, the experience accrued per track, and what is under way
(one exam or course at a time, one degree). Experience accrues on the current role's tracks while
everything else runs. Every rule is checked with `engine.assess`, so `plan` and `next` cannot
disagree about one. The time unit is a month: experience rules are in (half) years, and a plan
that prints YYYY-MM should not be steered by day-rounding.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .catalog import Catalog
from .engine import Standing, apprentice_removable, assess, standing_of
from .errors import InputError
from .models import EDUCATION_LEVELS, TIERS, Credential, Profile, Requirement, Role

__all__ = ["MIN_STAY_MONTHS", "Plan", "Step", "StepKind", "add_months", "apply_plan", "plan_route"]

HORIZON_MONTHS = 50 * 12  # beyond a working life a target counts as unreachable
MAX_STATES = 60_000
WEEKS_PER_MONTH = 52 / 12
# A plan keeps a person at least a year in a role before moving on to work of another kind:
# hopping between jobs every few months to collect two kinds of experience is not advice.
MIN_STAY_MONTHS = 12
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


@dataclass(frozen=True, slots=True)
class _State:
    creds: frozenset[str]
    apprentice: frozenset[str]
    edu: int
    cahiim: bool
    training: frozenset[str]
    role: str | None
    months: tuple[int, ...]  # accrued since the start, per counted track (and role)
    study: tuple[str, str, int] | None  # ("credential" | "training", id, month it ends)
    degree: tuple[int, bool, int] | None  # (level index, CAHIIM, month it ends)
    window: bool  # a degree may start now (at the start, or as the previous one ends)
    blocked: frozenset[str]  # exams, courses and "role:<id>" moves passed over (see _Search)
    settled: int  # the month from which the next change of role may come


@dataclass(frozen=True)
class _Action:
    kind: str  # credential, training, education, role, apprentice, wait
    subject: str
    start: int
    end: int
    detail: object = None  # the eligibility route used; the CAHIIM flag of a degree


def add_months(start: date, months: int) -> date:
    """`start` moved by whole calendar months (the 31st becomes the month's last day)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    for day in range(start.day, 27, -1):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    return date(year, month + 1, start.day)


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


class _Scope:
    """What a route to the target can need: every credential named by the target's requirements
    and, transitively, by the eligibility routes of those; roles (no higher than the target's
    tier) on the tracks those requirements count, as stepping stones; and from a stepping stone's
    credential group, its quickest and its cheapest member."""

    def __init__(self, catalog: Catalog, target: Role, avoid: frozenset[str]) -> None:
        cap = TIERS.index(target.tier)
        self.credentials: dict[str, Credential] = {}
        self.roles: dict[str, Role] = {}
        self.tracks: dict[str, None] = {}  # the tracks worth accruing (and moving roles for)
        self.role_keys: dict[str, None] = {}  # roles a rule names; "*" for "any experience"
        self.requirements: list[tuple[Requirement, str, str]] = []  # (req, owner kind, owner id)
        chain = deque([(target.requirements, "role", target.id)])  # the target and exam routes
        stones: deque = deque()  # stepping stones' requirements, once the chain is done
        seen: set[int] = set()

        def add(cid: str) -> None:
            credential = self.credentials[cid] = catalog.credentials[cid]
            chain.extend((route, "credential", cid) for route in credential.eligibility.routes)
            if credential.apprentice:
                chain.extend((route, "apprentice", cid) for route in credential.apprentice.removal)

        while chain or stones:
            req, kind, owner = chain.popleft() if chain else stones.popleft()
            if id(req) in seen:
                continue
            seen.add(id(req))
            self.requirements.append((req, kind, owner))
            stone = kind == "role" and owner != target.id
            for group in req.credentials:
                usable = [c for c in group if c not in avoid and c in catalog.credentials]
                if stone and usable:
                    usable = list(dict.fromkeys([min(usable, key=lambda c: (catalog.credentials[c].study.hours, _fee(catalog.credentials[c]))),
                                                 min(usable, key=lambda c: (_fee(catalog.credentials[c]), catalog.credentials[c].study.hours))]))
                for cid in usable:
                    if cid not in self.credentials:
                        add(cid)
            for rule in req.experience:
                self.role_keys.update(dict.fromkeys(rule.roles or (() if rule.tracks else ("*",))))
                # One track of a one-of rule is enough: time on a track already counted meets it.
                new = () if set(self.tracks) & set(rule.tracks) else rule.tracks
                self.tracks.update(dict.fromkeys(new))
                for role in catalog.roles.values():
                    useful = (set(role.tracks) & set(new) and TIERS.index(role.tier) <= cap) or role.id in rule.roles
                    if useful and role.id not in self.roles:
                        self.roles[role.id] = role
                        stones.append((role.requirements, "role", role.id))
        self.levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements if r.education]
        self.cahiim_levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements
                              if r.education and r.cahiim_accredited]
        self.trainings = {t for r, _, _ in self.requirements for t in r.training if t in catalog.trainings}


def _fee(credential: Credential) -> float:
    """The fee a plan adds up; an unknown fee sorts last."""
    fee = credential.fee.planning_usd if credential.fee else None
    return math.inf if fee is None else fee


class _Search:
    """A* over `_State`s, with pruning that keeps it to moves a route could need: a degree starts
    at the start or as the previous one ends; an apprentice designation goes as soon as a removal
    route is met; an exam, course or move to a role with more counting tracks that was open and
    passed over stays closed until the study slot is used or the role changes; a role move must
    serve an unmet experience rule the current role does not, and is skipped when another such
    role adds as much and is no harder to enter; an exam is offered when it fills a credential
    still missing from a requirement in play (for stepping stones, just in time) and no other
    exam fills as much for less study and no more money."""

    def __init__(self, catalog: Catalog, profile: Profile, target: Role, start: date,
                 hours_per_week: float, avoid: frozenset[str]) -> None:
        self.catalog, self.target, self.start, self.hours_per_week = catalog, target, start, hours_per_week
        self.scope = scope = _Scope(catalog, target, avoid)
        self.base = standing_of(profile, catalog, start)
        self.keys = (*scope.tracks, *(f"role:{r}" for r in scope.role_keys))
        self.accrues = {role.id: self._accrual(role) for role in (*scope.roles.values(), target)}
        if profile.current_role in catalog.roles and profile.current_role not in self.accrues:
            self.accrues[profile.current_role] = self._accrual(catalog.roles[profile.current_role])
        self.study = {cid: _study_months(c.study.hours, hours_per_week) for cid, c in scope.credentials.items()}
        self.training_months = {t: _study_months(catalog.trainings[t].hours, hours_per_week) for t in scope.trainings}
        # The order roles are preferred in when several would do: closest in kind to the target,
        # then the higher tier, then the usual next step (most roles lead to it).
        popularity = {r.id: len(catalog.leads_from(r.id)) for r in scope.roles.values()}
        self.role_order = sorted(scope.roles.values(), key=lambda r: (
            -len(set(r.tracks) & set(target.tracks)), -TIERS.index(r.tier), -popularity[r.id], r.title))
        self.rank = {r.id: i for i, r in enumerate(self.role_order)}
        self.rules = list({(rule.tracks, rule.roles, rule.years): rule
                           for req, _, _ in scope.requirements for rule in req.experience}.values())
        self.rule_keys = [frozenset(i for i, k in enumerate(self.keys)
                                    if k in rule.tracks or k[5:] in rule.roles or (k == "role:*" and not rule.tracks))
                          for rule in self.rules]
        need = max(max(scope.levels, default=0), max(scope.cahiim_levels, default=-1) + 1)
        self.programs = [p for p in catalog.education if EDUCATION_LEVELS.index(p.level) <= need]
        self.chain = _degree_chains(self.programs)
        known = [c.fee.planning_usd for c in catalog.credentials.values() if c.fee and c.fee.planning_usd is not None]
        self.unknown_fee = max(known, default=0.0)  # an unknown fee never ranks as cheap
        self.fee_rank = {cid: c.fee.planning_usd if c.fee and c.fee.planning_usd is not None else self.unknown_fee
                         for cid, c in scope.credentials.items()}
        self.openings: list[int] = []
        self._at: dict[_State, _At] = {}
        self.entries: dict[tuple, float] = {}  # role entry bounds, by role and what they depend on
        key_index = {k: i for i, k in enumerate(self.keys)}
        self._fast = [None if rule.roles or not rule.tracks else
                      [(self.base.years_by_track.get(tr, 0.0), key_index.get(tr)) for tr in rule.tracks]
                      for rule in self.rules]
        index = {(r.tracks, r.roles, r.years): i for i, r in enumerate(self.rules)}
        self.compiled = {id(req): _Compiled(tuple(index[(r.tracks, r.roles, r.years)] for r in req.experience),
                                            EDUCATION_LEVELS.index(req.education) if req.education else None,
                                            req.cahiim_accredited, tuple(frozenset(g) for g in req.credentials),
                                            req.full_credential)
                         for req, _, _ in scope.requirements}
        self.target_rules = self.compiled[id(target.requirements)].rules
        self.target_level = self.compiled[id(target.requirements)].level
        self.servers = {i: [r for r in self.role_order if self.accrues[r.id] & self.rule_keys[i] and r.id != target.id]
                        for i in self.target_rules}

    def shorts(self, s: _State, standing: Standing) -> list[int]:
        """Months still missing for every rule, as `_months_short` (engine's track_years) gives
        them, read straight from the accrued months for the common rule shape (tracks only)."""
        out = []
        for rule, fast in zip(self.rules, self._fast):
            if fast is None:
                out.append(_months_short(rule, standing))
                continue
            has = max(base + (s.months[k] / 12 if k is not None else 0.0) for base, k in fast)
            short = rule.years - has
            out.append(math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0)
        return out

    def _accrual(self, role: Role) -> frozenset[int]:
        keys = [*role.tracks, f"role:{role.id}", "role:*"]
        return frozenset(i for i, key in enumerate(self.keys) if key in keys)

    def initial(self, profile: Profile) -> _State:
        base = self.base
        role = profile.current_role if profile.current_role in self.accrues else None
        return _State(base.credentials, base.apprentice, base.education, base.cahiim_accredited, base.training,
                      role, (0,) * len(self.keys), None, None, True, frozenset(), 0)

    def standing(self, s: _State) -> Standing:
        tracks, roles = dict(self.base.years_by_track), dict(self.base.years_by_role)
        for key, months in zip(self.keys, s.months):
            if months:
                bucket, name = (roles, key[5:]) if key.startswith("role:") else (tracks, key)
                bucket[name] = bucket.get(name, 0.0) + months / 12
        return Standing(s.edu, s.cahiim, s.creds, s.apprentice, tracks, roles, s.training, self.start)

    # -- the search -----------------------------------------------------------------------------
    def run(self, first: _State) -> tuple[list[tuple[_Action, _State]], int] | str:
        """The actions of a fastest route and its length in months, or why none was found."""
        counter, start_key = 0, (0, 0.0, 0, 0, 0, 0)
        at = self.at(first, 0)
        heap = [(self.estimate(at), self.fee_bound(at), 0, 0, 0, 0, 0, 0, start_key, first)]
        best: dict[_State, tuple] = {first: start_key}
        parents: dict[_State, tuple[_State, _Action] | None] = {first: None}
        self.popped = 0
        while heap:
            *_, key, s = heapq.heappop(heap)
            if best[s] != key:
                continue  # reached again more cheaply since this entry was pushed
            t, fees, unknown, doubt, steps, late = key
            self.popped += 1
            standing = self.standing(s)
            if assess(self.target.requirements, standing).met:
                self.final = s
                return self.path(parents, s), t
            if len(best) > MAX_STATES:
                return f"the search stopped after {MAX_STATES} states without finding a route"
            for action, nxt, fee, more_doubt in self.expand(s, standing, t):
                nt = action.end if action.kind == "wait" else t
                # Fastest, then cheapest, fewest unknown fees, fewest unconfirmed rules, fewest
                # steps, and then each step as early as it can be (advice: get the credential first).
                new = (nt, fees + (self.unknown_fee if fee is None else fee), unknown + (fee is None),
                       doubt + more_doubt, steps + (action.kind != "wait"), late + (0 if action.kind == "wait" else t))
                if nt > HORIZON_MONTHS or best.get(nxt, (math.inf,)) <= new:
                    continue
                after = self.at(nxt, nt)
                estimate = self.estimate(after)
                if estimate < math.inf:
                    best[nxt], parents[nxt] = new, (s, action)
                    counter += 1
                    # Equal estimates: the cheaper (counting fees still to come) first, then the
                    # one further along, which dives to a goal.
                    heapq.heappush(heap, (nt + estimate, new[1] + self.fee_bound(after), *new[2:],
                                          -nt, counter, new, nxt))
        return "no sequence of exams, degrees, courses, roles and experience in codingpath's data meets them"

    @staticmethod
    def path(parents: dict, s: _State) -> list[tuple[_Action, _State]]:
        out = []
        while parents[s] is not None:
            prev, action = parents[s]
            out.append((action, prev))
            s = prev
        return out[::-1]

    # -- lower bounds ---------------------------------------------------------------------------
    def at(self, s: _State, t: int) -> _At:
        """The state at month `t` with its bounds memoised (a state is looked at when pushed and
        again when popped)."""
        found = self._at.get(s)
        if found is None or found.t != t:
            if len(self._at) > 20_000:
                self._at.clear()
            found = self._at[s] = _At(self, s, t)
        return found

    def estimate(self, at: _At) -> float:
        """Months until the target's requirements could be met at the earliest: `bound`, plus for
        experience the time to get into a role that accrues it; two rules no single role serves
        accrue one after the other."""
        months = at.bound(self.target.requirements, 0)
        current = self.accrues.get(at.s.role or "", frozenset())
        open_rules = []
        for i in self.target_rules:
            short, keys = at.shorts[i], self.rule_keys[i]
            if not short:
                continue
            servers = self.servers[i]
            first = 0.0 if keys & current else min((at.entry(r) for r in servers), default=math.inf)
            months = max(months, first + short)
            open_rules.append((keys, short, first, servers))
        for i, (keys_a, short_a, first_a, servers_a) in enumerate(open_rules):
            for keys_b, short_b, first_b, _ in open_rules[i + 1:]:
                # Until a role that serves both, at most one of the two accrues in a month.
                first = min(first_a, first_b)
                joint = [0.0 if current & keys_a and current & keys_b else math.inf]
                joint += [at.entry(r) for r in servers_a if self.accrues[r.id] & keys_b]
                enter = min(joint)
                together = max(enter, math.ceil((first + short_a + short_b + enter) / 2)) if enter < math.inf else math.inf
                months = max(months, min(first + short_a + short_b, together))
        return months

    def fee_bound(self, at: _At) -> float:
        """Fees still to pay at the least: an exam per missing credential group of the target
        (added up when the groups share no credential), plus the dearest missing group of the
        cheapest role that would serve a rule of the target the current role does not."""
        s, req = at.s, self.compiled[id(self.target.requirements)]
        studying = s.study[1] if s.study else None  # its fee is already counted
        groups = [g for g in req.groups if not at.met(g, req.full) and studying not in g]
        fees = [self.cheapest(g, s) for g in groups]
        disjoint = all(not a & b for i, a in enumerate(groups) for b in groups[i + 1:])
        total = sum(fees) if disjoint else max(fees, default=0.0)
        current = self.accrues.get(s.role or "", frozenset())
        taken = frozenset().union(*groups)
        extra = 0.0
        for i in self.target_rules:
            if self.rule_keys[i] & current or not at.shorts[i]:
                continue
            options = []
            for role in self.servers[i]:
                other = self.compiled[id(role.requirements)]
                options.append(max((self.cheapest(g, s) for g in other.groups
                                    if taken.isdisjoint(g) and not at.met(g, other.full)), default=0.0))
            extra = max(extra, min(options, default=0.0))
        return total + extra

    def cheapest(self, group, s: _State) -> float:
        if s.study and s.study[1] in group:
            return 0.0
        return min((self.fee_rank[c] for c in group if c in self.fee_rank and c not in s.creds), default=0.0)

    @staticmethod
    def group_met(group, full: bool, s: _State) -> bool:
        return any(c in s.creds and (not full or c not in s.apprentice) for c in group)

    # -- moves ----------------------------------------------------------------------------------
    def useful_moves(self, at: _At) -> frozenset[str]:
        """Roles that would accrue a track (or role) some unmet rule counts and the current role
        does not, unless another such role adds at least as much and is no harder to enter."""
        s = at.s
        current = self.accrues.get(s.role or "", frozenset())
        gains: set[int] = set()  # counted by an unmet rule the current role does not serve
        unmet: set[int] = set()  # counted by any unmet rule
        for short, keys in zip(at.shorts, self.rule_keys):
            if short:
                unmet |= keys
                gains |= keys if not keys & current else set()
        found = [(r, self.accrues[r.id] & unmet) for r in self.role_order
                 if r.id != s.role and self.accrues[r.id] & gains]
        best: dict[frozenset[int], tuple] = {}  # per gain, the easiest role (role_order breaks ties)
        for role, gain in found:
            cost = (at.entry(role), self.requirement_fees(role.requirements, at))
            if gain not in best or cost < best[gain][0]:
                best[gain] = (cost, role)
        return frozenset(role.id for gain, (cost, role) in best.items()
                         if not any(other > gain and o_cost <= cost for other, (o_cost, _) in best.items()))

    def requirement_fees(self, req: Requirement, at: _At) -> float:
        compiled = self.compiled[id(req)]
        return sum(self.cheapest(g, at.s) for g in compiled.groups if not at.met(g, compiled.full))

    def wanted(self, at: _At, moves: frozenset[str]) -> list[tuple]:
        """Requirements in play, each with the credential groups worth studying for now: the
        target's (all), and those of roles worth moving into and the eligibility and apprentice
        removal routes of wanted exams just in time, once the rest could be met within the study."""
        s, t = at.s, at.t
        owners = moves | {self.target.id}
        self.openings = []  # months in which a just-in-time exam could start
        out: list[tuple] = []
        creds: set[str] = set()
        done: set[int] = set()
        changed = True
        while changed:
            changed = False
            for req, kind, owner in self.scope.requirements:
                # Removal routes matter once the designation is held (or the exam is under way).
                live = ((kind == "role" and owner in owners) or (kind == "credential" and owner in creds)
                        or (kind == "apprentice" and (owner in s.apprentice or (s.study and s.study[1] == owner))))
                if not live or id(req) in done:
                    continue
                done.add(id(req))
                changed = True
                compiled = self.compiled[id(req)]
                missing = [g for g in compiled.groups if not at.met(g, compiled.full)]
                if missing and owner != self.target.id:
                    rest = at.bound(req, 3)
                    lead = {g: max(self.study.get(c, 0) for c in g) for g in missing}
                    self.openings += [t + math.ceil(rest - lead[g]) for g in missing if lead[g] < rest < math.inf]
                    missing = [g for g in missing if rest <= lead[g]]
                for group in missing:
                    creds.update(c for c in group if c not in s.creds)
                out.append((req, kind, owner, missing))
        return out

    def exams(self, s: _State, standing: Standing, wanted: list[tuple]) -> list[tuple[str, object]]:
        """Exams worth starting now: eligible, filling a missing group in play, and not beaten by
        one that fills every group it fills, for no more study, no more money and no apprentice
        designation it would not bring."""
        groups = [g for *_, missing in wanted for g in missing]
        found = {}
        for cid, credential in self.scope.credentials.items():
            fills = frozenset(i for i, g in enumerate(groups) if cid in g)
            if cid not in s.creds and fills:
                route = _route_met(credential, standing)
                if route is not False:
                    cost = (self.study[cid], self.fee_rank[cid], credential.fee is None or credential.fee.planning_usd is None,
                            credential.apprentice is not None)
                    found[cid] = (fills, route, cost)

        def beaten(cid: str) -> bool:
            fills, _, cost = found[cid]
            return any(o != cid and o_fills >= fills and all(a <= b for a, b in zip(o_cost, cost))
                       and (o_fills > fills or o_cost != cost or o < cid) for o, (o_fills, _, o_cost) in found.items())

        # One passed over (blocked) still beats the rest: they were passed over with it.
        return [(cid, route) for cid, (_, route, _) in found.items() if cid not in s.blocked and not beaten(cid)]

    def expand(self, s: _State, standing: Standing, t: int):
        """(action, next state, fee or None when unknown, unconfirmed count) for each next move."""
        for cid in sorted(s.apprentice):  # free and never harmful: done as soon as it can be
            if apprentice_removable(self.catalog.credentials[cid], standing):
                yield _Action("apprentice", cid, t, t), replace(s, apprentice=s.apprentice - {cid}), 0.0, 0
                return
        if s.role in self.rank:  # the usual next job of the same tier and kind (Trainee -> Coder)
            here = self.catalog.roles[s.role]
            for role in self.role_order[:self.rank[s.role]]:
                if (role.tier == here.tier and self.accrues[role.id] == self.accrues[s.role]
                        and assess(role.requirements, standing).met):
                    yield (_Action("role", role.id, t, t), replace(s, role=role.id, blocked=_without_roles(s.blocked)),
                           0.0, int(not role.requirements.confirmed))
                    return
        at = self.at(s, t)
        moves = self.useful_moves(at)
        wanted = self.wanted(at, moves)
        passed: set[str] = set()
        must = False
        if s.study is None:
            for cid, route in self.exams(s, standing, wanted):
                credential = self.scope.credentials[cid]
                passed.add(cid)
                fee = credential.fee.planning_usd if credential.fee else None
                end = t + self.study[cid]
                yield (_Action("credential", cid, t, end, route),
                       replace(s, study=("credential", cid, end), blocked=_only_roles(s.blocked)),
                       fee, int(not credential.eligibility.confirmed))
            for tid in sorted(self.scope.trainings - s.training - s.blocked):
                if any(tid in r.training for r, *_ in wanted):
                    passed.add(tid)
                    end = t + self.training_months[tid]
                    yield (_Action("training", tid, t, end),
                           replace(s, study=("training", tid, end), blocked=_only_roles(s.blocked)),
                           self.catalog.trainings[tid].cost_usd, 0)
        if s.degree is None and s.window:
            # The target asks for a degree the person lacks: starting one now is never worse.
            must = self.target_level is not None and s.edu < self.target_level
            shortest: dict[int, object] = {}
            for program in self.programs:
                level, origin = EDUCATION_LEVELS.index(program.level), EDUCATION_LEVELS.index(program.from_level)
                if origin <= s.edu < level and (level not in shortest or program.years < shortest[level].years):
                    shortest[level] = program
            must = must and bool(shortest)
            for level, program in sorted(shortest.items()):
                cahiim = s.cahiim or any(lv <= level for lv in self.scope.cahiim_levels)
                end = t + round(program.years * 12)
                yield _Action("education", program.level, t, end, cahiim), replace(s, degree=(level, cahiim, end)), 0.0, 0
        current = self.accrues.get(s.role or "", frozenset())
        sets_done: set[frozenset[int]] = set()
        for role in self.role_order if t >= s.settled else ():
            gain = self.accrues[role.id]
            if role.id not in moves or gain in sets_done or f"role:{role.id}" in s.blocked:
                continue
            if assess(role.requirements, standing).met:
                sets_done.add(gain)
                if gain > current:
                    passed.add(f"role:{role.id}")
                moved = replace(s, role=role.id, blocked=_without_roles(s.blocked), settled=t + MIN_STAY_MONTHS)
                yield _Action("role", role.id, t, t), moved, 0.0, int(not role.requirements.confirmed)
        end = None if must else self.next_event(at, standing, current)
        if end is not None:
            waited = self.advance(s, t, end, current)
            yield _Action("wait", s.role or "", t, end), replace(waited, blocked=waited.blocked | passed), 0.0, 0

    def next_event(self, at: _At, standing: Standing, accruing: frozenset[int]) -> int | None:
        """The next month something changes: a study or degree ends, an experience rule is met,
        a just-in-time exam opens, or a role may be left."""
        s, t = at.s, at.t
        events = [e[2] for e in (s.study, s.degree) if e] + [m for m in self.openings if m > t]
        events += [s.settled] if s.settled > t else []
        keys = {self.keys[i] for i in accruing}
        for rule, short in zip(self.rules, at.shorts):
            if not short:
                continue
            has = [standing.years_by_track.get(tr, 0.0) for tr in rule.tracks if tr in keys]
            if any(f"role:{r}" in keys for r in rule.roles) or (not rule.tracks and not rule.roles and keys):
                has.append(standing.track_years(rule.tracks, rule.roles))
            events += [t + max(1, math.ceil((rule.years - years) * 12 - 1e-9)) for years in has]
        return min(events, default=None)

    def advance(self, s: _State, t: int, end: int, accruing: frozenset[int]) -> _State:
        months = tuple(m + (end - t if i in accruing else 0) for i, m in enumerate(s.months))
        nxt = replace(s, months=months, window=False, settled=s.settled if s.settled > end else 0)
        if s.degree and s.degree[2] <= end:
            nxt = replace(nxt, edu=s.degree[0], cahiim=s.degree[1], degree=None, window=True)
        if s.study and s.study[2] <= end:
            kind, sid, _ = s.study
            if kind == "training":
                nxt = replace(nxt, training=nxt.training | {sid}, study=None)
            else:
                credential = self.catalog.credentials[sid]
                apprentice = credential.apprentice is not None and not apprentice_removable(credential, self.standing(nxt))
                nxt = replace(nxt, creds=(nxt.creds - set(credential.replaces)) | {sid}, study=None,
                              apprentice=(nxt.apprentice | {sid}) if apprentice else nxt.apprentice)
        return nxt


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A requirement as the search reads it, many times over."""

    rules: tuple[int, ...]
    level: int | None
    cahiim: bool
    groups: tuple[frozenset[str], ...]
    full: bool


class _At:
    """A state at a month, with its lower bounds memoised."""

    def __init__(self, search: _Search, s: _State, t: int) -> None:
        self.search, self.s, self.t = search, s, t
        self.standing = search.standing(s)
        self.shorts = search.shorts(s, self.standing)
        self._bounds: dict[tuple[int, int], float] = {}
        self._credentials: dict[tuple[str, int], float] = {}
        self._entries: dict[str, float] = {}
        self.signature: tuple | None = None
        self.full = s.creds - s.apprentice

    def met(self, group: frozenset[str], full: bool) -> bool:
        """Whether a held credential fills the group (a full one where the requirement asks)."""
        return not group.isdisjoint(self.full if full else self.s.creds)

    def entry(self, role: Role) -> float:
        """Months before `role` could be entered, at the earliest (shared by the states that differ
        only in what does not enter the bound: the role held, what was passed over)."""
        if role.id not in self._entries:
            if self.signature is None:
                s, t = self.s, self.t
                self.signature = (tuple(self.shorts), s.edu, s.cahiim, s.creds, s.apprentice,
                                  s.degree and (s.degree[0], s.degree[1], s.degree[2] - t),
                                  s.study and (s.study[1], s.study[2] - t))
            cache = self.search.entries
            key = (role.id, self.signature)
            if key not in cache:
                if len(cache) > 50_000:
                    cache.clear()
                cache[key] = self.bound(role.requirements, 1)
            self._entries[role.id] = cache[key]
        return self._entries[role.id]

    def bound(self, req: Requirement, depth: int) -> float:
        """Months until `req` could be met: the largest of independent lower bounds (experience
        accrues at most a month a month; a degree or an exam takes its whole time)."""
        key = (id(req), depth)
        if key in self._bounds:
            return self._bounds[key]
        compiled = self.search.compiled[id(req)]
        months = max((self.shorts[i] for i in compiled.rules), default=0)
        if compiled.level is not None:
            months = max(months, self.education(compiled.level, compiled.cahiim))
        if depth < 3:
            for group in compiled.groups:
                if not self.met(group, compiled.full):
                    months = max(months, min((self.credential(c, depth) for c in group), default=math.inf))
        self._bounds[key] = months
        return months

    def education(self, level: int, cahiim: bool) -> float:
        s, chain = self.s, self.search.chain
        if s.edu >= level and (s.cahiim or not cahiim):
            return 0.0
        if s.degree:
            reached, accredited, end = s.degree
            if reached >= level and (accredited or not cahiim):
                return end - self.t
            return end - self.t + chain[reached].get(max(level, reached + 1), math.inf)
        return min((m for to, m in chain[s.edu].items() if to >= max(level, s.edu + 1)), default=math.inf)

    def credential(self, cid: str, depth: int) -> float:
        s, search = self.s, self.search
        if cid in s.creds:
            return 0.0  # held as an apprentice: as far as a bound knows, removal may be immediate
        if s.study and s.study[1] == cid:
            return s.study[2] - self.t
        if cid not in search.study:
            return math.inf
        key = (cid, depth)
        if key not in self._credentials:
            routes = search.scope.credentials[cid].eligibility.routes
            self._credentials[key] = min((self.bound(r, depth + 1) for r in routes), default=0.0) + search.study[cid]
        return self._credentials[key]


def _months_short(rule, standing: Standing) -> int:
    """Whole months of experience still missing for one rule (0 when met)."""
    short = rule.years - standing.track_years(rule.tracks, rule.roles)
    return math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0


def _without_roles(blocked: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in blocked if not b.startswith("role:"))


def _only_roles(blocked: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in blocked if b.startswith("role:"))


def _degree_chains(programs) -> list[dict[int, float]]:
    """Fewest months from each education level to each higher one through the degree programmes."""
    chains: list[dict[int, float]] = []
    for origin in range(len(EDUCATION_LEVELS)):
        best, frontier = {origin: 0.0}, [(0.0, origin)]
        while frontier:
            spent, level = heapq.heappop(frontier)
            for p in programs:
                to, cost = EDUCATION_LEVELS.index(p.level), spent + round(p.years * 12)
                if EDUCATION_LEVELS.index(p.from_level) <= level < to and cost < best.get(to, math.inf):
                    best[to] = cost
                    heapq.heappush(frontier, (cost, to))
        del best[origin]
        chains.append(best)
    return chains


def _study_months(hours: float, hours_per_week: float) -> int:
    return max(1, math.ceil(hours / hours_per_week / WEEKS_PER_MONTH - 1e-9))


def _route_met(credential: Credential, standing: Standing) -> Requirement | None | Literal[False]:
    """The first eligibility route met (None when the exam has no prerequisite), else False."""
    routes = credential.eligibility.routes
    if not routes:
        return None
    return next((r for r in routes if assess(r, standing).met), False)


def plan_route(profile: Profile, catalog: Catalog, target_id: str, *, start: date,
               hours_per_week: float = 10.0, avoid: frozenset[str] = frozenset()) -> Plan:
    """The fastest route (then the cheapest) from `profile` to meeting `target_id`'s published
    requirements; `avoid` names credentials the route must not use."""
    from .plan_steps import build_plan, unreachable_reason

    if target_id not in catalog.roles:
        raise InputError(f"unknown role {target_id!r}")
    if not 0 < hours_per_week <= 168:
        raise InputError(f"hours per week must be more than 0 and at most 168; found {hours_per_week:g}")
    target = catalog.roles[target_id]
    search = _Search(catalog, profile, target, start, hours_per_week, frozenset(avoid))
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


def apply_plan(profile: Profile, plan: Plan, catalog: Catalog) -> Profile:
    """The profile as it would be after following every step of `plan` (to check a plan)."""
    from .models import EducationRecord, ExperienceEntry, HeldCredential

    # Ongoing jobs end where the plan starts; the plan's own time is added as whole years.
    experience = [e if e.start is None or e.end is not None else e.model_copy(update={"end": plan.start})
                  for e in profile.experience]
    held = {c.id: c for c in profile.credentials}
    education, training, current = profile.education, list(profile.training), profile.current_role
    for step in plan.steps:
        if step.kind == "credential":
            for old in catalog.credentials[step.subject].replaces:
                held.pop(old, None)
            held[step.subject] = HeldCredential(id=step.subject, earned=step.end, apprentice=step.apprentice)
        elif step.kind == "apprentice":
            held[step.subject] = held[step.subject].model_copy(update={"apprentice": False})
        elif step.kind == "education":
            education = EducationRecord(level=step.subject, field=education.field,
                                        cahiim_accredited=step.cahiim_accredited or education.cahiim_accredited)
        elif step.kind == "training":
            training.append(step.subject)
        elif step.kind == "experience":
            experience.append(ExperienceEntry(role=step.subject, years=months_between(step.start, step.end) / 12))
        elif step.kind == "role":
            current = step.subject
    return profile.model_copy(update={"credentials": tuple(held.values()), "education": education,
                                      "training": tuple(training), "experience": tuple(experience),
                                      "current_role": current})
