"""The planner's bounds on a whole search: they must never overestimate, or a route could be slower or
dearer than one the planner passed over; and they must be tight where the search needs them to be."""

from __future__ import annotations

import math
from typing import NamedTuple

import pytest
from conftest import TODAY, persona

from codingpath.engine import assess
from codingpath.models import EDUCATION_LEVELS
from codingpath.planning.bounds import Bounds, months_to_meet_both
from codingpath.planning.moves import Moves
from codingpath.planning.position import Position
from codingpath.planning.search import Route, Search
from codingpath.planning.state import MIN_STAY_MONTHS, Degree, State

TARGETS = ["coding-manager", "compliance-officer", "operations-director", "college-professor", "him-director",
           "coding-director", "regional-manager", "clinical-documentation-improvement-specialist"]


def search_for(catalog, profile, target: str, bounds_class: type[Bounds] = Bounds) -> Search:
    search = Search.for_target(catalog, profile, catalog.roles[target], TODAY, 10.0, frozenset())
    if isinstance(search.run(search.context.initial_state(profile)), str):  # as plan_route: any credential then
        search = Search.for_target(catalog, profile, catalog.roles[target], TODAY, 10.0, frozenset(), fit=False)
    bounds = bounds_class(search.context)
    return Search(search.context, bounds, Moves(search.context, bounds))


class Costs(NamedTuple):
    """What a route has cost by a point on it."""

    fees: float
    steps: int
    unknown_fees: int
    unconfirmed: int
    step_months: int  # the months the steps start in, added up


def route_with_costs(search: Search, first: State) -> tuple[list[tuple[State, int, Costs]], int, Costs]:
    """(state, month, costs so far) along the route found, and its months and costs."""
    route = search.run(first)
    assert isinstance(route, Route)
    context = search.context
    states = [tr.before for tr in route.transitions[1:]] + [route.final]
    costs = Costs(0.0, 0, 0, 0, 0)
    out = [(first, 0, costs)]
    for (action, _), after in zip(route.transitions, states, strict=True):
        fee: float | None = 0.0
        unconfirmed = 0
        if action.kind == "credential":
            credential = context.catalog.credentials[action.subject]
            fee = credential.fee.planning_usd if credential.fee else None
            unconfirmed = int(not credential.eligibility.confirmed)
        elif action.kind == "training":
            fee = context.catalog.trainings[action.subject].cost_usd
        elif action.kind == "role":
            unconfirmed = int(not context.catalog.roles[action.subject].requirements.confirmed)
        step = action.kind != "wait"
        costs = Costs(costs.fees + (context.unknown_fee if fee is None else fee), costs.steps + step,
                      costs.unknown_fees + (fee is None), costs.unconfirmed + unconfirmed,
                      costs.step_months + (action.start if step else 0))
        out.append((after, action.end if action.kind == "wait" else action.start, costs))
    return out, route.months, costs


@pytest.mark.parametrize("name", ["newcomer", "apprentice", "experienced-coder"])
def test_no_bound_exceeds_what_the_route_found_still_takes(bundled_data, name):
    profile = persona(name, bundled_data)
    for target in TARGETS:
        search = search_for(bundled_data, profile, target)
        first = search.context.initial_state(profile)
        if assess(search.context.target.requirements, search.context.standing(first)).met:
            continue
        path, months, total = route_with_costs(search, first)
        bounds = search.bounds
        for state, month, so_far in path:
            position = bounds.position(state, month)
            assert month + bounds.months_left(position) <= months, (name, target, month)
            assert so_far.fees + bounds.fees_left(position) <= total.fees + 1e-9, (name, target, month)
            assert so_far.steps + bounds.steps_left(position) <= total.steps, (name, target, month)
            assert so_far.unknown_fees + bounds.unknown_fees_left(position) <= total.unknown_fees, (name, target)
            assert so_far.unconfirmed + bounds.unconfirmed_left(position) <= total.unconfirmed, (name, target)
            assert so_far.step_months + bounds.step_starts_left(position) <= total.step_months, (name, target)


@pytest.mark.parametrize(("name", "target"), [("newcomer", "coding-manager"), ("apprentice", "coding-supervisor"),
                                              ("experienced-coder", "him-director"), ("newcomer", "him-manager")])
def test_the_bounds_change_nothing_an_uninformed_search_would_find(bundled_data, name, target):
    """With every bound at zero the search is a plain uniform-cost search: the same months and fees."""
    profile = persona(name, bundled_data)
    found = []
    for bounds_class in (Bounds, Uninformed):
        search = search_for(bundled_data, profile, target, bounds_class)
        _, months, costs = route_with_costs(search, search.context.initial_state(profile))
        found.append((months, costs.fees))
    assert found[0] == found[1]


class Uninformed(Bounds):
    """Every bound at zero, but a target nothing can meet still stops the search."""

    def months_left(self, position: Position) -> float:
        return 0 if position.bound(self.context.target.requirements, 0) < math.inf else math.inf

    def fees_left(self, position: Position) -> float:
        return 0

    def steps_left(self, position: Position) -> int:
        return 0

    def unknown_fees_left(self, position: Position) -> int:
        return 0

    def unconfirmed_left(self, position: Position) -> int:
        return 0

    def step_starts_left(self, position: Position) -> int:
        return 0


def test_a_joint_role_is_not_reached_by_hopping():
    """Newcomer to compliance officer: 5 years of audit and 2 of management, both accruing only in a
    role that needs 7 years first (month 84). Audit can start at 36 and management at 36; without
    the stay of a year, 6 months of management then 42 of audit would finish at 102."""
    assert MIN_STAY_MONTHS == 12
    assert months_to_meet_both(84, (36, 60, None), (36, 24, None)) == 108
    # Already in a role that serves the audit rule, with 12 months still to stay: the same.
    assert months_to_meet_both(48, (0, 60, 12), (0, 24, None)) == 72
    # No role serves both: nothing to say beyond the other bounds.
    assert months_to_meet_both(math.inf, (0, 60, None), (0, 24, None)) == math.inf


def test_an_exam_no_requirement_ahead_offers_does_not_lower_a_bound(bundled_data):
    """Newcomer to HIM director: RHIT fits only the Health Information Technician's requirement
    (RHIA fits HIM Manager's), an entry-tier role no longer ahead once the trainee role is held.
    From there HIM Manager waits for the bachelor's and RHIA (84 + 4 months), not RHIT (84)."""
    profile = persona("newcomer", bundled_data)
    search = search_for(bundled_data, profile, "him-director")
    context = search.context
    assert "RHIT" in context.schedulable and "RHIT" in context.offerable[None]
    assert "RHIT" not in context.offerable["coding-trainee"]
    first = context.initial_state(profile)
    trainee = State(first.credentials, first.apprentice, first.education, first.cahiim, first.training,
                    "coding-trainee", first.months, None, None, True, frozenset(), MIN_STAY_MONTHS)
    manager = bundled_data.roles["him-manager"]
    assert search.bounds.position(first, 0).entry(manager) == 84
    assert search.bounds.position(trainee, 0).entry(manager) == 88


def test_a_rule_nothing_before_a_door_counts_accrues_in_the_door_alone(bundled_data):
    """Newcomer to HIM director, a year into the trainee role with a CAHIIM bachelor's under way
    (month 84): through the CDI manager the two years of management accrue only there (no CDI
    role before it manages), so 84 + 24 months; through HIM Manager RHIA comes at 88, the
    director at 100. Counting the management as if it could come before the CDI manager: 96."""
    profile = persona("newcomer", bundled_data)
    search = search_for(bundled_data, profile, "him-director")
    context = search.context
    first = context.initial_state(profile)
    months = tuple(12 if key == "coding" else 0 for key in context.keys)
    trainee = State(first.credentials, first.apprentice, first.education, first.cahiim, first.training,
                    "coding-trainee", months, None, Degree(EDUCATION_LEVELS.index("bachelor"), True, 84), False,
                    frozenset(), 24)
    assert 12 + search.bounds.months_left(search.bounds.position(trainee, 12)) == 100


def test_the_fees_count_a_credential_the_climb_to_a_door_must_bring(bundled_data):
    """Newcomer to HIM director from the coding trainee role: RHIA ($425), and every climb from
    there to HIM Manager or the CDI manager enters a role that asks for a coding credential
    RHIA is not (CCS, $399, the least): $824, where the rules alone (management) said $425."""
    profile = persona("newcomer", bundled_data)
    search = search_for(bundled_data, profile, "him-director")
    first = search.context.initial_state(profile)
    trainee = State(first.credentials, first.apprentice, first.education, first.cahiim, first.training,
                    "coding-trainee", first.months, None, None, True, frozenset(), MIN_STAY_MONTHS)
    position = search.bounds.position(trainee, 0)
    assert search.bounds.climb_fee(position, frozenset({"RHIA"})) == 399
    assert search.bounds.fees_left(position) == 824


def test_a_route_resting_on_an_unknown_fee_or_an_unconfirmed_role_is_bounded_from_the_start(bundled_data):
    """HIM Director asks for RHIA, whose fee is unknown, and every door to it (HIM Manager, CDI
    Manager) has unconfirmed requirements: the bounds say so at once, so the search does not first
    look at every state that has neither (newcomer to project manager: 556 states without them)."""
    sam = persona("newcomer", bundled_data)
    search = search_for(bundled_data, sam, "him-director")
    position = search.bounds.position(search.context.initial_state(sam), 0)
    assert search.bounds.unknown_fees_left(position) == 1
    assert search.bounds.unconfirmed_left(position) == 1
    manager = search_for(bundled_data, sam, "coding-manager")  # its door, Coding Supervisor, is confirmed
    assert manager.bounds.unconfirmed_left(manager.bounds.position(manager.context.initial_state(sam), 0)) == 0
