"""The planner's bounds (plan_bounds): they must never overestimate, or a route could be slower or
dearer than one the planner passed over; and they must be tight where the search needs them to be."""

from __future__ import annotations

import math

import pytest

from codingpath.engine import assess
from codingpath.plan_bounds import _together
from codingpath.plan_search import Search
from codingpath.plan_state import MIN_STAY_MONTHS
from conftest import TODAY, persona

TARGETS = ["coding-manager", "compliance-officer", "operations-director", "college-professor", "him-director",
           "coding-director", "regional-manager", "clinical-documentation-improvement-specialist"]


def route_with_costs(search: Search, first):
    """(state, month, fees so far, steps so far) along the route found, and its totals."""
    actions, months = search.run(first)
    states = [b for _, b in actions[1:]] + [search.final]
    out, fees, steps = [(first, 0, 0.0, 0)], 0.0, 0
    for (action, _), after in zip(actions, states):
        if action.kind == "credential":
            credential = search.catalog.credentials[action.subject]
            fee = credential.fee.planning_usd if credential.fee else None
            fees += search.unknown_fee if fee is None else fee
        elif action.kind == "training":
            fee = search.catalog.trainings[action.subject].cost_usd
            fees += search.unknown_fee if fee is None else fee
        steps += action.kind != "wait"
        out.append((after, action.end if action.kind == "wait" else action.start, fees, steps))
    return out, months, fees, steps


@pytest.mark.parametrize("name", ["newcomer", "apprentice", "experienced-coder"])
def test_no_bound_exceeds_what_the_route_found_still_takes(bundled_data, name):
    profile = persona(name, bundled_data)
    for target in TARGETS:
        search = Search(bundled_data, profile, bundled_data.roles[target], TODAY, 10.0, frozenset())
        first = search.initial(profile)
        if assess(search.target.requirements, search.standing(first)).met:
            continue
        path, months, fees, steps = route_with_costs(search, first)
        for state, t, fees_so_far, steps_so_far in path:
            at = search.at(state, t)
            assert t + search.estimate(at) <= months, (name, target, t)
            assert fees_so_far + search.fee_bound(at) <= fees + 1e-9, (name, target, t)
            assert steps_so_far + search.steps_bound(at) <= steps, (name, target, t)


@pytest.mark.parametrize(("name", "target"), [("newcomer", "coding-manager"), ("apprentice", "coding-supervisor"),
                                              ("experienced-coder", "him-director"), ("newcomer", "him-manager")])
def test_the_bounds_change_nothing_an_uninformed_search_would_find(bundled_data, name, target):
    """With every bound at zero the search is a plain uniform-cost search: the same months and fees."""
    profile = persona(name, bundled_data)
    found = []
    for uninformed in (False, True):
        search = Search(bundled_data, profile, bundled_data.roles[target], TODAY, 10.0, frozenset())
        if uninformed:
            search.estimate = lambda at: 0 if at.bound(at.search.target.requirements, 0) < math.inf else math.inf
            search.fee_bound = search.steps_bound = lambda at: 0
        path, months, fees, _ = route_with_costs(search, search.initial(profile))
        found.append((months, fees))
    assert found[0] == found[1]


def test_a_joint_role_is_not_reached_by_hopping():
    """Newcomer to compliance officer: 5 years of audit and 2 of management, both accruing only in a
    role that needs 7 years first (month 84). Audit can start at 36 and management at 36; without
    the stay of a year, 6 months of management then 42 of audit would finish at 102."""
    assert MIN_STAY_MONTHS == 12
    assert _together(84, (36, 60, None), (36, 24, None)) == 108
    # Already in a role that serves the audit rule, with 12 months still to stay: the same.
    assert _together(48, (0, 60, 12), (0, 24, None)) == 72
    # No role serves both: nothing to say beyond the other bounds.
    assert _together(math.inf, (0, 60, None), (0, 24, None)) == math.inf
