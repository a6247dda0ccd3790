"""The search's states and the moves between them: what a person holds and has under way at a
month, and which exams, courses, degrees, role changes and waits lead on from there. The moves are
pruned to those a fastest route could need (see `Moves`); the search and its bounds live in
`plan_search` and `plan_bounds`."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from .engine import Standing, apprentice_removable, assess
from .models import EDUCATION_LEVELS, Credential, Requirement

if TYPE_CHECKING:
    from .plan_bounds import At

__all__ = ["MIN_STAY_MONTHS", "Action", "Moves", "State"]

# A plan keeps a person at least a year in a role before moving on to work of another kind:
# hopping between jobs every few months to collect two kinds of experience is not advice.
MIN_STAY_MONTHS = 12


@dataclass(frozen=True, slots=True)
class State:
    """Everything the future of a route depends on (hashable: the search keeps the best key per
    state). The month is not part of it: the search carries it in the key."""

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
    blocked: frozenset[str]  # exams, courses and "role:<id>" moves passed over (see Search)
    settled: int  # the month from which the next change of role may come


@dataclass(frozen=True)
class Action:
    """One move from a state, in months from the start; `plan_steps` turns them into `Step`s."""

    kind: str  # credential, training, education, role, apprentice, wait
    subject: str
    start: int
    end: int
    detail: object = None  # the eligibility route used; the CAHIIM flag of a degree


class Moves:
    """The transitions of `plan_search.Search` (a mixin: it reads the search's compiled scope),
    pruned to moves a route could need: a degree starts at the start or as the previous one ends;
    an apprentice designation goes as soon as a removal route is met; an exam, course or move to a
    role with more counting tracks that was open and passed over stays closed until the study slot
    is used or the role changes; a role move must serve an unmet experience rule the current role
    does not, and is skipped when another such role adds as much and is no harder to enter; an exam
    is offered when it fills a credential still missing from a requirement in play (for stepping
    stones, just in time) and no other exam fills as much for less study and no more money."""

    def useful_moves(self, at: At) -> frozenset[str]:
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
        # Per gain, the easiest role: the soonest entered, then the least in fees (role_order
        # breaks ties). Fees are worked out only where they can decide.
        best: dict[frozenset[int], list] = {}  # gain -> [months to enter, fees or None, role]
        for role, accrues in self.role_accrues:
            if role.id == s.role or not accrues & gains:
                continue
            gain = accrues & unmet
            held = best.get(gain)
            entry = at.entry(role)
            if held is None or entry < held[0]:
                best[gain] = [entry, None, role]
            elif entry == held[0]:
                if held[1] is None:
                    held[1] = self.requirement_fees(held[2].requirements, at)
                fees = self.requirement_fees(role.requirements, at)
                if fees < held[1]:
                    best[gain] = [entry, fees, role]
        for held in best.values():
            if held[1] is None:
                held[1] = self.requirement_fees(held[2].requirements, at)
        costs = {gain: (entry, fees) for gain, (entry, fees, _) in best.items()}
        return frozenset(role.id for gain, (*_, role) in best.items()
                         if not any(other > gain and o_cost <= costs[gain] for other, o_cost in costs.items()))

    def wanted(self, at: At, moves: frozenset[str]) -> list[tuple]:
        """Requirements in play, each with the credential groups worth studying for now: the
        target's (all), and those of roles worth moving into and the eligibility and apprentice
        removal routes of wanted exams just in time, once the rest could be met within the study."""
        s, t, owned = at.s, at.t, self.owned
        self.openings = []  # months in which a just-in-time exam could start
        out: list[tuple] = []
        creds: set[str] = set()
        # Removal routes matter once the designation is held (or the exam is under way).
        removals = set(s.apprentice) | ({s.study[1]} if s.study else set())
        todo = [(req, "role", owner) for owner in (*moves, self.target.id) for req in owned.get(("role", owner), ())]
        todo += [(req, "apprentice", cid) for cid in removals for req in owned.get(("apprentice", cid), ())]
        done: set[int] = set()
        while todo:
            req, kind, owner = todo.pop()
            if id(req) in done:
                continue
            done.add(id(req))
            compiled = self.compiled[id(req)]
            missing = [g for g in compiled.groups if not at.met(g, compiled.full)]
            if missing and owner != self.target.id:
                rest = at.bound(req, 3)
                self.openings += [t + math.ceil(rest - self.lead[g]) for g in missing if self.lead[g] < rest < math.inf]
                missing = [g for g in missing if rest <= self.lead[g]]
            for group in missing:
                for cid in group:
                    if cid not in s.creds and cid not in creds:
                        creds.add(cid)  # its eligibility routes come into play
                        todo += [(r, "credential", cid) for r in owned.get(("credential", cid), ())]
            out.append((req, kind, owner, missing))
        return out

    def exams(self, s: State, standing: Standing, wanted: list[tuple]) -> list[tuple[str, object]]:
        """Exams worth starting now: eligible, filling a missing group in play, and not beaten by
        one that fills every group it fills, for no more study, no more money and no apprentice
        designation it would not bring."""
        groups = [g for *_, missing in wanted for g in missing]
        found = {}
        for cid, credential in self.scope.credentials.items():
            fills = frozenset(i for i, g in enumerate(groups) if cid in g)
            if cid not in s.creds and fills:
                route = self.route_met(credential, s, standing)
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

    def meets(self, req: Requirement, s: State, standing: Standing) -> bool:
        """`engine.assess(req, standing).met`, kept per requirement and what a standing is made
        of: states that differ only in the role held, what is under way or passed over share it."""
        key = (id(req), s.edu, s.cahiim, s.creds, s.apprentice, s.training, s.months)
        found = self._meets.get(key)
        if found is None:
            if len(self._meets) > 50_000:
                self._meets.clear()
            found = self._meets[key] = assess(req, standing).met
        return found

    def route_met(self, credential: Credential, s: State, standing: Standing) -> Requirement | None | Literal[False]:
        """The first eligibility route met (None when the exam has no prerequisite), else False."""
        routes = credential.eligibility.routes
        if not routes:
            return None
        return next((r for r in routes if self.meets(r, s, standing)), False)

    def expand(self, s: State, standing: Standing, t: int):
        """(action, next state, fee or None when unknown, unconfirmed count) for each next move."""
        for cid in sorted(s.apprentice):  # free and never harmful: done as soon as it can be
            if apprentice_removable(self.catalog.credentials[cid], standing):
                yield Action("apprentice", cid, t, t), replace(s, apprentice=s.apprentice - {cid}), 0.0, 0
                return
        if s.role in self.rank:  # the usual next job of the same tier and kind (Trainee -> Coder)
            here = self.catalog.roles[s.role]
            for role in self.role_order[:self.rank[s.role]]:
                if (role.tier == here.tier and self.accrues[role.id] == self.accrues[s.role]
                        and self.meets(role.requirements, s, standing)):
                    yield (Action("role", role.id, t, t), replace(s, role=role.id, blocked=_without_roles(s.blocked)),
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
                yield (Action("credential", cid, t, end, route),
                       replace(s, study=("credential", cid, end), blocked=_only_roles(s.blocked)),
                       fee, int(not credential.eligibility.confirmed))
            for tid in sorted(self.scope.trainings - s.training - s.blocked):
                if any(tid in r.training for r, *_ in wanted):
                    passed.add(tid)
                    end = t + self.training_months[tid]
                    yield (Action("training", tid, t, end),
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
                yield Action("education", program.level, t, end, cahiim), replace(s, degree=(level, cahiim, end)), 0.0, 0
        current = self.accrues.get(s.role or "", frozenset())
        sets_done: set[frozenset[int]] = set()
        for role in self.role_order if t >= s.settled else ():
            gain = self.accrues[role.id]
            if role.id not in moves or gain in sets_done or f"role:{role.id}" in s.blocked:
                continue
            if self.meets(role.requirements, s, standing):
                sets_done.add(gain)
                if gain > current:
                    passed.add(f"role:{role.id}")
                moved = replace(s, role=role.id, blocked=_without_roles(s.blocked), settled=t + MIN_STAY_MONTHS)
                yield Action("role", role.id, t, t), moved, 0.0, int(not role.requirements.confirmed)
        end = None if must else self.next_event(at, standing, current)
        if end is not None:
            waited = self.advance(s, t, end, current)
            yield Action("wait", s.role or "", t, end), replace(waited, blocked=waited.blocked | passed), 0.0, 0

    def next_event(self, at: At, standing: Standing, accruing: frozenset[int]) -> int | None:
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

    def advance(self, s: State, t: int, end: int, accruing: frozenset[int]) -> State:
        """`s` after waiting from month `t` to `end`: experience accrues, what ends by then is done."""
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


def _without_roles(blocked: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in blocked if not b.startswith("role:"))


def _only_roles(blocked: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in blocked if b.startswith("role:"))
