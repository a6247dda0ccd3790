"""The A* heuristic: lower bounds on the months (and exam fees) still needed to meet the target
from a state. Every bound must stay a lower bound (admissible), or the search could return a
route that is not the fastest; it should be as tight as it can be, or the search looks at every
state that could, by the bound, still be faster."""

from __future__ import annotations

import math
from functools import cached_property
from typing import TYPE_CHECKING

from .models import Requirement, Role
from .plan_state import MIN_STAY_MONTHS

if TYPE_CHECKING:
    from .engine import Standing
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
        experience the time to get into a role that accrues it (not before the current role may
        be left); two rules no single role serves accrue one after the other (`_together`)."""
        months = at.bound(self.target.requirements, 0)
        current = self.accrues.get(at.s.role or "", frozenset())
        wait = max(0, at.s.settled - at.t)  # no move to work of another kind before then
        open_rules = []
        for i in self.target_rules:
            short, keys = at.shorts[i], self.rule_keys[i]
            if not short:
                continue
            first = 0.0 if keys & current else max(wait, at.soonest(self.servers[i]))
            months = max(months, first + short)
            open_rules.append((i, keys, short, first))
        for n, (i, keys_a, short_a, first_a) in enumerate(open_rules):
            for j, keys_b, short_b, first_b in open_rules[n + 1:]:
                if current & keys_a and current & keys_b:
                    continue  # both accrue from now: the bounds of each are all there is
                joint = at.soonest(self.joint[i, j])
                together = _together(max(wait, joint), (first_a, short_a, wait if current & keys_a else None),
                                     (first_b, short_b, wait if current & keys_b else None))
                # Until a role that serves both, at most one of the two accrues in a month.
                months = max(months, min(min(first_a, first_b) + short_a + short_b, together))
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
            least = math.inf if self.server_reqs[i] else 0.0  # over the roles that serve the rule
            for other in self.server_reqs[i]:
                dearest = 0.0  # the role's dearest missing group
                for g in other.groups:
                    if taken.isdisjoint(g) and not at.met(g, other.full):
                        dearest = max(dearest, self.cheapest(g, s))
                least = min(least, dearest)
                if least <= 0:
                    break  # no fee is less than none
            extra = max(extra, least)
        return total + extra

    def steps_bound(self, at: At) -> int:
        """Steps (moves other than waiting) still to take at the least: an exam or an apprentice
        removal for a missing credential of the target, a degree, a course, and a move into a role
        for an experience rule the current role does not serve; each a different kind of move."""
        s, req = at.s, self.compiled[id(self.target.requirements)]
        studying = s.study[1] if s.study else None
        steps = any(not at.met(g, req.full) and studying not in g for g in req.groups)
        if req.level is not None and not (s.degree and s.degree[0] >= req.level and (s.degree[1] or not req.cahiim)):
            steps += at.education(req.level, req.cahiim) > 0
        steps += any(t not in s.training and not (s.study and s.study[1] == t) for t in self.target.requirements.training)
        current = self.accrues.get(s.role or "", frozenset())
        steps += any(at.shorts[i] and not self.rule_keys[i] & current for i in self.target_rules)
        return steps

    def cheapest(self, group, s: State) -> float:
        """The least exam fee that fills `group` from `s` (an unknown fee as the dearest known)."""
        if (s.study and s.study[1] in group) or not group.isdisjoint(s.creds):
            return 0.0  # paid for already, or held as an apprentice (its removal is free)
        return min((self.fee_rank[c] for c in group if c in self.fee_rank and c not in s.creds), default=0.0)

    def requirement_fees(self, req: Requirement, at: At) -> float:
        """The least exam fees that meet `req`'s credential groups from the state of `at`."""
        compiled = self.compiled[id(req)]
        return sum(self.cheapest(g, at.s) for g in compiled.groups if not at.met(g, compiled.full))


class At:
    """A state at a month, with its lower bounds memoised."""

    def __init__(self, search: Search, s: State, t: int) -> None:
        self.search, self.s, self.t = search, s, t
        self.shorts = search.shorts(self)
        self._bounds: dict[tuple[int, int], float] = {}
        self._credentials: dict[tuple[str, int], float] = {}
        self._entries: dict[str, float] = {}
        self.signature: tuple | None = None
        self.full = s.creds - s.apprentice

    @cached_property
    def standing(self) -> Standing:
        """The engine's view of the state (built only when a rule needs more than the months)."""
        return self.search.standing(self.s)

    def met(self, group: frozenset[str], full: bool) -> bool:
        """Whether a held credential fills the group (a full one where the requirement asks)."""
        return not group.isdisjoint(self.full if full else self.s.creds)

    def entry(self, role: Role) -> float:
        """Months before `role` could be entered, at the earliest (shared by the states that differ
        only in what does not enter the bound: the role held, what was passed over; and by the
        roles that ask the same)."""
        found = self._entries.get(role.id)
        if found is None:
            if self.signature is None:
                s, t = self.s, self.t
                self.signature = (self.shorts, s.edu, s.cahiim, s.creds, s.apprentice,
                                  s.degree and (s.degree[0], s.degree[1], s.degree[2] - t),
                                  s.study and (s.study[1], s.study[2] - t))
            cache = self.search.entries
            key = (id(self.search.compiled[id(role.requirements)]), self.signature)
            if key not in cache:
                if len(cache) > 50_000:
                    cache.clear()
                cache[key] = self.bound(role.requirements, 1)
            found = self._entries[role.id] = cache[key]
        return found

    def soonest(self, roles: list[Role]) -> float:
        """The least `entry` of `roles` (inf for none); they come lowest tier first, so a role
        open now (0, the least there is) usually ends the look early."""
        best = math.inf
        for role in roles:
            months = self.entry(role)
            if months < best:
                best = months
                if months <= 0:
                    break
        return best

    def bound(self, req: Requirement, depth: int) -> float:
        """Months until `req` could be met: the largest of independent lower bounds (experience
        accrues at most a month a month; a degree or an exam takes its whole time)."""
        compiled = self.search.compiled[id(req)]
        key = (id(compiled), depth)
        months = self._bounds.get(key)
        if months is not None:
            return months
        shorts = self.shorts
        months = 0
        for i in compiled.rules:
            months = max(months, shorts[i])
        if compiled.level is not None:
            months = max(months, self.education(compiled.level, compiled.cahiim))
        if depth < 3:
            held = self.full if compiled.full else self.s.creds
            for group in compiled.groups:
                if group.isdisjoint(held):  # not met
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


def _together(enter: float, a: tuple[float, int, int | None], b: tuple[float, int, int | None]) -> float:
    """Months until two experience rules are both met by way of a role that serves both, entered
    at month E >= `enter`. `a` and `b` are (month it could first accrue, months short, and for a
    rule the current role serves, the months it accrues before that role may be left, else
    None). Before E the two accrue in turn, in at most E - first months between them and each in
    at most E - its own first; after E both accrue, so the goal comes at E plus the larger
    remainder. A rule the current role does not serve gets either no time before E or a stay of
    at least MIN_STAY_MONTHS in a role that serves it (a plan does not hop), which is what makes
    "a few months of management, then the rest in the role that does both" too fast. For each
    choice the earliest feasible E is best: a later E buys at most a month a month."""
    if enter == math.inf:
        return math.inf
    (first_a, short_a, held_a), (first_b, short_b, held_b) = a, b
    first = min(first_a, first_b)
    best = math.inf
    for low_a, some_a in ((held_a, True),) if held_a is not None else ((0, False), (MIN_STAY_MONTHS, True)):
        for low_b, some_b in ((held_b, True),) if held_b is not None else ((0, False), (MIN_STAY_MONTHS, True)):
            e = max(enter, first + low_a + low_b, first_a + low_a if some_a else 0, first_b + low_b if some_b else 0)
            if e == math.inf:
                continue
            budget = e - first  # months before E that can go to one or the other
            cap_a = e - first_a if some_a else 0
            cap_b = e - first_b if some_b else 0
            after = max(0, short_a - cap_a, short_b - cap_b, math.ceil((short_a + short_b - budget) / 2),
                        short_a - (budget - low_b), short_b - (budget - low_a))
            best = min(best, e + after)
    return best
