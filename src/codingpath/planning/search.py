"""The A* search itself: from the profile's state to the first state that meets the target, on
elapsed months, then fees, unknown fees, unconfirmed rules, steps, lateness and the roles' order
of preference, in that order. Moves come from `Moves`, bounds from `Bounds`, both reading one
`Context`."""

from __future__ import annotations

import heapq
import math
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..catalog import Catalog
from .bounds import Bounds
from .context import Context, build_context
from .moves import Moves
from .state import MIN_STAY_MONTHS, Action, State, Transition

if TYPE_CHECKING:
    from ..models import Profile, Role

__all__ = ["HORIZON_MONTHS", "MAX_STATES", "HeapEntry", "Route", "Search", "SearchKey"]

HORIZON_MONTHS = 50 * 12  # beyond a working life a target counts as unreachable
MAX_STATES = 60_000


class SearchKey(NamedTuple):
    """What a route so far has cost, compared field by field: fastest, then cheapest, fewest
    unknown fees, fewest unconfirmed rules, fewest steps, each step as early as it can be (advice:
    get the credential first), then the roles most preferred (`Context.role_order`)."""

    months: int
    fees: float  # an unknown fee counted as `Context.unknown_fee`
    unknown_fees: int
    unconfirmed: int
    steps: int
    step_months: int  # the months the steps start in, added up
    preference: int  # the preference ranks of the roles moved into, added up


START_KEY = SearchKey(0, 0.0, 0, 0, 0, 0, 0)


class HeapEntry(NamedTuple):
    """A `SearchKey` plus what is still to come at the least (months, fees, unknown fees,
    unconfirmed rules, steps, the months those steps start in); on equal terms the one further
    along first, which dives to a goal; then the order pushed, so two states are never compared.
    A criterion without a bound leaves the search to look at every state that has less of it
    before the goal that has more (`Bounds.unknown_fees_left`)."""

    months: float
    fees: float
    unknown_fees: int
    unconfirmed: int
    steps: int
    step_months: int
    preference: int
    months_before: int  # minus the month the state is at
    pushed: int
    key: SearchKey
    state: State


class Route(NamedTuple):
    """A fastest route: its actions with the states they were taken in, its length, its end."""

    transitions: list[Transition]
    months: int
    final: State
    # Exams left before their recommended preparation, each with the step that needs it first (an
    # Action; None: waiting would delay the target).
    early: tuple[tuple[str, Action | None], ...] = ()


class Search:
    """A* over `State`s on `SearchKey`s: the first state popped that meets the target ends a
    fastest route, as long as the bounds never overestimate. The last criterion settles most of
    what would otherwise be left to the order states happen to be looked at in, so a tighter
    bound seldom changes which of two equally good routes is chosen."""

    def __init__(self, context: Context, bounds: Bounds, moves: Moves) -> None:
        self.context, self.bounds, self.moves = context, bounds, moves
        self.popped = 0  # states looked at by the last run

    @classmethod
    def for_target(cls, catalog: Catalog, profile: Profile, target: Role, start: date, hours_per_week: float,
                   avoid: frozenset[str], min_tenure: int = MIN_STAY_MONTHS, fit: bool = True,
                   part_time: bool = True) -> Search:
        """A search from `profile` to `target` with the planner's own bounds and moves."""
        context = build_context(catalog, profile, target, start, hours_per_week, avoid, min_tenure, fit, part_time)
        bounds = Bounds(context)
        return cls(context, bounds, Moves(context, bounds))

    def run(self, first: State) -> Route | str:
        """A fastest route from `first`, or why none was found."""
        context, bounds, moves = self.context, self.bounds, self.moves
        pushed = 0
        position = bounds.position(first, 0)
        heap = [HeapEntry(bounds.months_left(position), bounds.fees_left(position), bounds.unknown_fees_left(position),
                          bounds.unconfirmed_left(position), bounds.steps_left(position),
                          bounds.step_starts_left(position), 0, 0, 0, START_KEY, first)]
        best: dict[State, SearchKey] = {first: START_KEY}
        parents: dict[State, Transition | None] = {first: None}
        self.popped = 0
        beyond_horizon = False  # a route was cut for time, not for what it cannot meet
        while heap:
            entry = heapq.heappop(heap)
            key, state = entry.key, entry.state
            if best[state] != key:
                continue  # reached again more cheaply since this entry was pushed
            month = key.months
            self.popped += 1
            standing = bounds.position(state, month).standing
            if context.at_goal(state, month) and moves.meets(context.target.requirements, state, standing):
                return Route(self.path(parents, state), month, state)
            if len(best) > MAX_STATES:
                return f"the search stopped after {MAX_STATES} states without finding a route"
            for action, after, fee, unconfirmed in moves.expand(state, standing, month):
                new = self.key_after(key, action, fee, unconfirmed)
                if new.months > HORIZON_MONTHS:
                    beyond_horizon = beyond_horizon or bounds.months_left(bounds.position(after, new.months)) < math.inf
                    continue
                if best.get(after, (math.inf,)) <= new:
                    continue
                position = bounds.position(after, new.months)
                months_left = bounds.months_left(position)
                if months_left < math.inf:
                    best[after], parents[after] = new, Transition(action, state)
                    pushed += 1
                    heapq.heappush(heap, HeapEntry(
                        new.months + months_left, new.fees + bounds.fees_left(position),
                        new.unknown_fees + bounds.unknown_fees_left(position),
                        new.unconfirmed + bounds.unconfirmed_left(position), new.steps + bounds.steps_left(position),
                        new.step_months + bounds.step_starts_left(position), new.preference, -new.months,
                        pushed, new, after))
        if beyond_horizon:
            return (f"no route meets them within {HORIZON_MONTHS // 12} years, the planning horizon "
                    "(more study hours a week, --hours-per-week, make exams and courses shorter)")
        return "no sequence of exams, degrees, courses, roles and experience in codingpath's data meets them"

    def key_after(self, key: SearchKey, action: Action, fee: float | None, unconfirmed: int) -> SearchKey:
        """`key` after taking `action` (a wait moves the clock; any other move is a step)."""
        context = self.context
        if action.kind == "wait":
            return SearchKey(action.end, key.fees, key.unknown_fees, key.unconfirmed + unconfirmed, key.steps,
                             key.step_months, key.preference)
        preference = context.preference.get(action.subject, len(context.preference)) if action.kind == "role" else 0
        return SearchKey(key.months, key.fees + (context.unknown_fee if fee is None else fee),
                         key.unknown_fees + (fee is None), key.unconfirmed + unconfirmed, key.steps + 1,
                         key.step_months + key.months, key.preference + preference)

    @staticmethod
    def path(parents: dict[State, Transition | None], state: State) -> list[Transition]:
        """The transitions that led to `state`, first first."""
        out = []
        step = parents[state]
        while step is not None:
            out.append(step)
            step = parents[step.before]
        return out[::-1]
