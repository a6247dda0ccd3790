"""The A* heuristic: lower bounds on the months (and exam fees) still needed to meet the target
from a state. Every bound must stay a lower bound (admissible), or the search could return a
route that is not the fastest; it should be as tight as it can be, or the search looks at every
state that could, by the bound, still be faster."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .models import Requirement, Role

if TYPE_CHECKING:
    from .plan_search import Search
    from .plan_state import State

__all__ = ["At", "Bounds"]


class Bounds:
    """The bounds of `plan_search.Search` as a whole (a mixin: it reads the search's compiled
    scope); `At` holds the bounds of one state."""

    def at(self, s: State, t: int) -> At:
        """The state at month `t` with its bounds memoised (a state is looked at when pushed and
        again when popped)."""
        found = self._at.get(s)
        if found is None or found.t != t:
            if len(self._at) > 20_000:
                self._at.clear()
            found = self._at[s] = At(self, s, t)
        return found

    def estimate(self, at: At) -> float:
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

    def fee_bound(self, at: At) -> float:
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

    def cheapest(self, group, s: State) -> float:
        if (s.study and s.study[1] in group) or not group.isdisjoint(s.creds):
            return 0.0  # paid for already, or held as an apprentice (its removal is free)
        return min((self.fee_rank[c] for c in group if c in self.fee_rank and c not in s.creds), default=0.0)

    def requirement_fees(self, req: Requirement, at: At) -> float:
        compiled = self.compiled[id(req)]
        return sum(self.cheapest(g, at.s) for g in compiled.groups if not at.met(g, compiled.full))


class At:
    """A state at a month, with its lower bounds memoised."""

    def __init__(self, search: Search, s: State, t: int) -> None:
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
