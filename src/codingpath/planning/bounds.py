"""The A* heuristic: lower bounds on the months, exam fees and steps still needed to meet the
target from a state. Every bound must stay a lower bound (admissible), or the search could return
a route that is not the fastest; it should be as tight as it can be, or the search looks at every
state that could, by the bound, still be faster."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .context import Context
from .position import BoundMemo, Position
from .scope import planning_fee
from .state import MIN_STAY_MONTHS, State

if TYPE_CHECKING:
    from ..models import Requirement, Role

__all__ = ["Bounds", "RuleProgress", "months_to_meet_both"]

# One experience rule of the target for `months_to_meet_both`: (month it could first accrue,
# months short, and for a rule the current role serves, the months it accrues before that role
# may be left, else None).
RuleProgress = tuple[float, int, int | None]


class Bounds:
    """The bounds of a search for `context.target`; `Position` holds those of one state."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.memo = BoundMemo(context)
        self._positions: dict[State, Position] = {}
        self._climb_fees: dict[tuple[object, ...], float] = {}  # see `climb_fee`
        self._unconfirmed_climbs: dict[str | None, int] = {}  # see `unconfirmed_left`
        self._unknown_fee = frozenset(cid for cid, credential in context.scope.credentials.items()
                                      if math.isinf(planning_fee(credential)))  # see `unknown_fees_left`
        self._reachable_roles: dict[tuple[int, str | None], list[tuple[int, Role, float]]] = {}  # `_reachable`
        self._leading: dict[tuple[str, str | None], list[tuple[int, Role]]] = {}  # see `_led_from`
        # Per tracks-only rule, (months a track must hold, its index in `State.months`): the
        # months of `_short_on` without working out the thresholds again for every state.
        self._thresholds = tuple(
            None if track_only is None else
            tuple((math.ceil((rule.years - base) * 12 - 1e-9), k) for base, k in track_only if k is not None)
            for rule, track_only in zip(context.rules, context.track_only_rules, strict=True))
        # Per door, the keys any role a climb passes through before it accrues: a rule none of them
        # (nor the current role) counts accrues only once the door is entered.
        self._before_door = {door.id: frozenset().union(*(context.accrues[role] for role, hops in context.hops.items()
                                                          if role not in (None, context.target.id) and door.id in hops))
                             for door in context.doors}

    def position(self, state: State, month: int) -> Position:
        """The state at `month` with its bounds memoised (a state is looked at when pushed and
        again when popped)."""
        found = self._positions.get(state)
        if found is None or found.month != month:
            if len(self._positions) > 20_000:
                self._positions.clear()
            found = self._positions[state] = Position(self.context, self.memo, state, month)
        return found

    def months_left(self, position: Position) -> float:
        """Months until the target's requirements could be met at the earliest: `bound`, plus for
        experience the time to get into a role that accrues it (not before the current role may
        be left); two rules no single role serves accrue one after the other
        (`months_to_meet_both`)."""
        context, state, month = self.context, position.state, position.month
        months = position.bound(context.target.requirements, 0)
        current = context.accrues.get(state.role or "", frozenset())
        wait = max(0, state.may_move_at - month)  # no move to work of another kind before then
        if state.role != context.target.id:  # each move up the ladder, and the last into the target, a tenure apart
            months = max(months, wait + context.ladder.moves_left(state.role) * context.min_tenure)
            months = max(months, self._last_door(position, wait))
        open_rules: list[tuple[int, frozenset[int], int, float]] = []  # (rule, keys, months short, first)
        for i in context.target_rules:
            short, keys = position.months_short[i], context.rule_keys[i]
            if not short:
                continue
            if keys & current:
                first = 0.0
                months = max(months, short)
            else:
                first, done = self._climb(position, context.serving_roles[i], short, wait)
                months = max(months, done)
            open_rules.append((i, keys, short, first))
        for n, (i, keys_a, short_a, first_a) in enumerate(open_rules):
            for j, keys_b, short_b, first_b in open_rules[n + 1:]:
                if current & keys_a and current & keys_b:
                    continue  # both accrue from now: the bounds of each are all there is
                enter = max(wait, position.soonest(context.roles_serving_both[i, j]))
                together = months_to_meet_both(enter, (first_a, short_a, wait if current & keys_a else None),
                                               (first_b, short_b, wait if current & keys_b else None),
                                               context.min_tenure)
                # Until a role that serves both, at most one of the two accrues in a month.
                months = max(months, min(min(first_a, first_b) + short_a + short_b, together))
        return months

    def _climb(self, position: Position, roles: list[Role], short: int, wait: int) -> tuple[float, float]:
        """For an experience rule `short` months short that only `roles` serve: the soonest month
        one of them could be entered, and the soonest the rule could then be met with the target
        reached, climbing the ladder (each move a tenure apart, the first after `wait`)."""
        tenure = self.context.min_tenure
        first = done = math.inf
        for count, role, rest in self._reachable(roles, position.state.role):
            soonest = wait + (count - 1) * tenure  # what `climb_entry` is at the least: skip it when that cannot do
            if soonest >= first and soonest + max(short, rest) >= done:
                continue
            enter = self.climb_entry(position, wait, role, count)
            first = min(first, enter)
            done = min(done, enter + max(short, rest))
        return first, done

    def _reachable(self, roles: Sequence[Role], held: str | None) -> list[tuple[int, Role, float]]:
        """`roles` a climb from `held` may reach, nearest first: (moves to it, the role, the
        least months from entering it to the target, a tenure per move)."""
        key = (id(roles), held)
        found = self._reachable_roles.get(key)
        if found is None:
            context = self.context
            hops, moves_left, tenure = context.hops.get(held, {}), context.ladder.moves_left, context.min_tenure
            found = self._reachable_roles[key] = sorted(
                ((hops[r.id], r, (moves_left(r.id) + 1) * tenure) for r in roles if r.id in hops),
                key=lambda reach: reach[0])
        return found

    def climb_entry(self, position: Position, wait: int, role: Role, count: int) -> float:
        """The soonest month `role`, `count` moves up the ladder from the current one, could be
        entered: no sooner than its own requirements allow (`Position.entry`), nor than the first
        move (`wait`) and a tenure for each move before it, nor than a tenure after the soonest
        entry of any role it is reached from. (A door two moves up whose way passes roles that
        ask for three years is not entered a year after those could be.)"""
        memo = position.climb_entries
        found = memo.get(role.id)
        if found is not None:
            return found
        tenure = self.context.min_tenure
        found = max(position.entry(role), wait + (count - 1) * tenure)
        if count > 1:  # the soonest entry of a role it is reached from, the nearest (cheapest to bound) first
            before = math.inf
            for hops_before, previous in self._led_from(role.id, position.state.role):
                soonest = wait + (hops_before - 1) * tenure
                if soonest >= before:
                    break  # the rest are further still
                before = min(before, max(soonest, position.entry(previous)))
                if before + tenure <= found:
                    break  # it cannot raise the bound
            found = max(found, before + tenure)
        memo[role.id] = found
        return found

    def _led_from(self, role_id: str, held: str | None) -> list[tuple[int, Role]]:
        """The roles leading to `role_id` that a climb from `held` may reach, nearest first, each
        with the moves to it."""
        key = (role_id, held)
        found = self._leading.get(key)
        if found is None:
            context = self.context
            hops, roles = context.hops.get(held, {}), context.catalog.roles
            found = self._leading[key] = sorted(((hops[r], roles[r]) for r, onward in context.ladder.next_roles.items()
                                                 if r is not None and role_id in onward and r in hops),
                                                key=lambda lead: lead[0])
        return found

    def _last_door(self, position: Position, wait: int) -> float:
        """The soonest the target could be applied for from the last role before it (one that
        leads to it): time there counts only on its own tracks, so a rule is met either before
        it is entered or by the months on one of its tracks there (only there when no role on the
        way to it counts the rule); and a tenure is served there."""
        context = self.context
        state, tenure = position.state, context.min_tenure
        best = math.inf
        if context.ladder.moves_left(state.role) == 0:  # staying where one is
            current = context.accrues.get(state.role or "", frozenset())
            if all(not position.months_short[i] or context.rule_keys[i] & current for i in context.target_rules):
                best = wait
        current = context.accrues.get(state.role or "", frozenset())
        for count, door, _ in self._reachable(context.doors, state.role):
            if wait + count * tenure >= best:
                break  # what the rest are at the least (nearest first): none can come sooner
            enter = self.climb_entry(position, wait, door, count)
            done = enter + tenure
            for i in context.target_rules:
                short = position.months_short[i]
                if short:
                    inside = self._short_on(position, i, context.accrues[door.id])
                    if context.rule_keys[i] & (current | self._before_door[door.id]):
                        done = max(done, min(max(enter, short) + tenure, max(enter + tenure, inside)))
                    else:  # nothing on the way counts it: it accrues in the door alone
                        done = max(done, enter + max(tenure, inside))
            best = min(best, done)
        return best

    def _short_on(self, position: Position, rule: int, keys: frozenset[int]) -> float:
        """Months rule `rule` is short counting only time on `keys` (a tracks-only rule is met by
        one track's years); the rule's shortfall when it is not tracks-only."""
        thresholds = self._thresholds[rule]
        if thresholds is None:
            return position.months_short[rule] if keys & self.context.rule_keys[rule] else math.inf
        months = position.state.months
        return min((max(0.0, needed - months[k]) for needed, k in thresholds if k in keys), default=math.inf)

    def fees_left(self, position: Position) -> float:
        """Fees still to pay at the least: an exam per missing credential group of the target
        (added up when the groups share no credential), plus the dearest missing group of the
        cheapest role that would serve a rule of the target the current role does not, or of a
        role the climb to a door must enter (`climb_fee`), whichever is more."""
        context, state = self.context, position.state
        req = context.compiled[id(context.target.requirements)]
        studying = state.study.subject if state.study else None  # its fee is already counted
        groups = [g for g in req.groups if not position.met(g, req.full) and studying not in g]
        fees = [self.cheapest_fee(g, state) for g in groups]
        disjoint = all(not a & b for i, a in enumerate(groups) for b in groups[i + 1:])
        total = sum(fees) if disjoint else max(fees, default=0.0)
        current = context.accrues.get(state.role or "", frozenset())
        taken: frozenset[str] = frozenset().union(*groups)
        extra = 0.0
        for i in context.target_rules:
            if context.rule_keys[i] & current or not position.months_short[i]:
                continue
            least = math.inf if context.serving_requirements[i] else 0.0  # over the roles that serve the rule
            for other in context.serving_requirements[i]:
                dearest = 0.0  # the role's dearest missing group
                for group in other.groups:
                    if taken.isdisjoint(group) and not position.met(group, other.full):
                        dearest = max(dearest, self.cheapest_fee(group, state))
                least = min(least, dearest)
                if least <= 0:
                    break  # no fee is less than none
            extra = max(extra, least)
        return total + max(extra, self.climb_fee(position, taken))

    def climb_fee(self, position: Position, taken: frozenset[str]) -> float:
        """The least, over the climbs up the ladder from the current role to a door of the target,
        of the dearest missing credential group (sharing nothing with `taken`, the target's) of a
        role entered on the way: every role a route moves into must be met on entry. Kept per
        role held and credentials (they decide `taken` too)."""
        context, state = self.context, position.state
        ladder = context.ladder
        if ladder.moves_left(state.role) == 0:
            return 0.0  # at a door already: the climb is done
        studying = state.study.subject if state.study else None
        key = (state.role, state.credentials, state.apprentice, studying)
        found = self._climb_fees.get(key)
        if found is not None:
            return found
        start = ladder.rung(state.role)
        best: dict[str | None, float] = {start: 0.0}
        heap: list[tuple[float, int, str | None]] = [(0.0, 0, start)]
        pushed, found = 0, 0.0  # no door reachable: the months bound ends such a state
        while heap:  # Dijkstra on the dearest fee so far (it never falls along a climb)
            fee, _, role = heapq.heappop(heap)
            if fee > best[role]:
                continue
            if role != start and ladder.moves_left(role) == 0:
                found = fee
                break
            for onward in ladder.moves_from(role):
                after = max(fee, self._entry_fee(onward, position, taken))
                if after < best.get(onward, math.inf):
                    best[onward] = after
                    pushed += 1
                    heapq.heappush(heap, (after, pushed, onward))
        if len(self._climb_fees) > 20_000:
            self._climb_fees.clear()
        self._climb_fees[key] = found
        return found

    def _entry_fee(self, role_id: str, position: Position, taken: frozenset[str]) -> float:
        """The dearest missing credential group of `role_id`'s requirement that shares nothing
        with `taken` (0 for a role outside the scope: as far as a bound knows, free)."""
        role = self.context.catalog.roles[role_id]
        compiled = self.context.compiled.get(id(role.requirements))
        if compiled is None:
            return 0.0
        return max((self.cheapest_fee(g, position.state) for g in compiled.groups
                    if taken.isdisjoint(g) and not position.met(g, compiled.full)), default=0.0)

    def steps_left(self, position: Position) -> int:
        """Steps (moves other than waiting) still to take at the least: an exam or an apprentice
        removal for a missing credential of the target, a degree, a course, and a move into a role
        for an experience rule the current role does not serve; each a different kind of move."""
        others, moves = self._steps_left(position)
        return others + moves

    def step_starts_left(self, position: Position) -> int:
        """The months the steps still to take start in, added up, at the least: none before now, and
        the moves up the ladder a tenure apart, the first not before the current role may be left.
        (The sixth thing routes are compared on: each step as early as it can be.)"""
        others, moves = self._steps_left(position)
        month, tenure = position.month, self.context.min_tenure
        first = max(month, position.state.may_move_at)
        return others * month + moves * first + tenure * moves * (moves - 1) // 2

    def _steps_left(self, position: Position) -> tuple[int, int]:
        """`steps_left` as (steps other than role moves, role moves)."""
        context, state = self.context, position.state
        req = context.compiled[id(context.target.requirements)]
        studying = state.study.subject if state.study else None
        steps = int(any(not position.met(g, req.full) and studying not in g for g in req.groups))
        degree = state.degree
        if req.level is not None and not (degree and degree.level >= req.level and (degree.cahiim or not req.cahiim)):
            steps += position.education(req.level, req.cahiim) > 0
        steps += any(t not in state.training and studying != t for t in context.target.requirements.training)
        current = context.accrues.get(state.role or "", frozenset())
        role_moves = int(any(position.months_short[i] and not context.rule_keys[i] & current
                             for i in context.target_rules))
        ladder_moves = context.ladder.moves_left(state.role)
        return steps, int(max(role_moves, ladder_moves if ladder_moves < math.inf else 0))

    def unknown_fees_left(self, position: Position) -> int:
        """Exams of unknown fee still to sit at the least: a missing credential group of the
        target whose every member's fee is unknown (added up when the groups share no credential).
        An unknown fee is the third thing a route is compared on: without this bound, every
        state as fast and as cheap but short of that exam is looked at first."""
        context, state = self.context, position.state
        req = context.compiled[id(context.target.requirements)]
        ranking_fee, unknown = context.ranking_fee, self._unknown_fee
        groups = [g for g in req.groups if not position.met(g, req.full) and self.cheapest_fee(g, state) > 0
                  and all(c in unknown for c in g if c in ranking_fee)]
        if not groups:
            return 0
        disjoint = all(not a & b for i, a in enumerate(groups) for b in groups[i + 1:])
        return len(groups) if disjoint else 1

    def unconfirmed_left(self, position: Position) -> int:
        """Moves into a role with unconfirmed requirements still to make at the least: the fewest
        on a climb up the ladder from the current role to a door of the target. Unconfirmed rules
        come fourth in the comparison of routes (see `unknown_fees_left`)."""
        return self._unconfirmed_climb(self.context.ladder.rung(position.state.role))

    def _unconfirmed_climb(self, role: str | None) -> int:
        found = self._unconfirmed_climbs.get(role)
        if found is not None:
            return found
        context = self.context
        ladder, roles = context.ladder, context.catalog.roles
        if role == context.target.id or ladder.moves_left(role) in (0, math.inf):
            found = 0
        else:
            found = min((int(not roles[r].requirements.confirmed) + self._unconfirmed_climb(r)
                         for r in ladder.moves_from(role) if ladder.moves_left(r) < math.inf), default=0)
        self._unconfirmed_climbs[role] = found
        return found

    def cheapest_fee(self, group: frozenset[str], state: State) -> float:
        """The least exam fee that fills `group` from `state` (an unknown fee as the dearest known)."""
        if (state.study and state.study.subject in group) or not group.isdisjoint(state.credentials):
            return 0.0  # paid for already, or held as an apprentice (its removal is free)
        ranking_fee = self.context.ranking_fee
        return min((ranking_fee[c] for c in group if c in ranking_fee and c not in state.credentials), default=0.0)

    def requirement_fees(self, req: Requirement, position: Position) -> float:
        """The least exam fees that meet `req`'s credential groups from the state of `position`."""
        compiled = self.context.compiled[id(req)]
        return sum(self.cheapest_fee(g, position.state) for g in compiled.groups if not position.met(g, compiled.full))


def months_to_meet_both(enter: float, a: RuleProgress, b: RuleProgress, tenure: int = MIN_STAY_MONTHS) -> float:
    """Months until two experience rules are both met by way of a role that serves both, entered
    at month E >= `enter`. `a` and `b` are (month it could first accrue, months short, and for a
    rule the current role serves, the months it accrues before that role may be left, else
    None). Before E the two accrue in turn, in at most E - first months between them and each in
    at most E - its own first; after E both accrue, so the goal comes at E plus the larger
    remainder. A rule the current role does not serve gets either no time before E or a stay of
    at least `tenure` months in a role that serves it (a plan does not hop), which is what makes
    "a few months of management, then the rest in the role that does both" too fast. For each
    choice the earliest feasible E is best: a later E buys at most a month a month."""
    if enter == math.inf:
        return math.inf
    (first_a, short_a, held_a), (first_b, short_b, held_b) = a, b
    first = min(first_a, first_b)
    best = math.inf
    for low_a, some_a in _stays(held_a, tenure):
        for low_b, some_b in _stays(held_b, tenure):
            entered = max(enter, first + low_a + low_b, first_a + low_a if some_a else 0,
                          first_b + low_b if some_b else 0)
            if entered == math.inf:
                continue
            budget = entered - first  # months before E that can go to one or the other
            cap_a = entered - first_a if some_a else 0
            cap_b = entered - first_b if some_b else 0
            after = max(0, short_a - cap_a, short_b - cap_b, math.ceil((short_a + short_b - budget) / 2),
                        short_a - (budget - low_b), short_b - (budget - low_a))
            best = min(best, entered + after)
    return best


def _stays(held: int | None, tenure: int) -> tuple[tuple[int, bool], ...]:
    """(least months before E, whether the rule accrues before E at all) for each choice."""
    return ((held, True),) if held is not None else ((0, False), (tenure, True))
