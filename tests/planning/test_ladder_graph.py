"""The ladder as the planner's route graph (planning/ladder.py), read off the bundled data: each
role's distance from the target's door is one more than a role it leads to, moves never pass a
role above the target's tier or one that is no stepping stone, and someone off the ladder starts
from the ground. test_ladder.py checks the plans that climb it."""

from __future__ import annotations

import math

import pytest
from conftest import TODAY

from codingpath.catalog import Catalog
from codingpath.models import TIERS, Profile
from codingpath.planning.ladder import build_ladder, months_in_current_role

TARGETS = ("coding-manager", "senior-medical-coder", "coding-director", "medical-coder")


@pytest.mark.parametrize("target_id", TARGETS)
def test_each_distance_is_one_more_than_a_role_it_leads_to(bundled_data: Catalog, target_id: str):
    target = bundled_data.roles[target_id]
    ladder = build_ladder(bundled_data, target)
    assert ladder.target == target_id and ladder.distance
    for role_id, distance in ladder.distance.items():
        if distance == 0:
            assert role_id is None or target_id in bundled_data.roles[role_id].leads_to
        else:
            assert any(ladder.distance[r] == distance - 1 for r in ladder.moves_from(role_id)), role_id


@pytest.mark.parametrize("target_id", TARGETS)
def test_moves_stay_on_stepping_stones_at_or_below_the_target_tier(bundled_data: Catalog, target_id: str):
    target = bundled_data.roles[target_id]
    ladder = build_ladder(bundled_data, target)
    for source, onward in ladder.next_roles.items():
        for role_id in onward:
            role = bundled_data.roles[role_id]
            assert role.stepping_stone and role_id != target_id
            assert TIERS.index(role.tier) <= TIERS.index(target.tier)
            assert role_id in ladder.distance
            assert source is None and role.tier == "entry" or role_id in bundled_data.roles[source].leads_to


def test_the_door_the_target_and_the_ground(bundled_data: Catalog):
    ladder = build_ladder(bundled_data, bundled_data.roles["coding-manager"])
    assert ladder.moves_left("coding-manager") == 0
    assert ladder.moves_left("coding-supervisor") == 0  # leads to coding manager: at its door
    assert ladder.moves_left("medical-coder") == 2
    # A role above the target is off the ladder: its holder climbs from the ground, as a newcomer does.
    assert ladder.rung("coding-director") is None
    assert ladder.moves_left("coding-director") == ladder.moves_left(None) < math.inf
    assert ladder.moves_left("no-such-role") == ladder.moves_left(None)


def test_an_entry_role_is_one_application_away_from_the_ground(bundled_data: Catalog):
    ladder = build_ladder(bundled_data, bundled_data.roles["medical-coder"])
    assert ladder.moves_left(None) == 0
    assert "medical-coder" not in ladder.moves_from(None)  # applying is not a move up a rung


def test_hops_and_reach_follow_the_moves(bundled_data: Catalog):
    ladder = build_ladder(bundled_data, bundled_data.roles["coding-manager"])
    hops = ladder.hops_from("medical-coder")
    assert set(hops) == ladder.reachable_from("medical-coder")
    assert all(hops[r] == 1 for r in ladder.moves_from("medical-coder"))
    assert hops.get("coding-supervisor") == 2


def person(current: str | None, *experience: dict) -> Profile:
    return Profile.model_validate({"current_role": current, "experience": list(experience)})


@pytest.mark.parametrize(("profile", "months"), [
    (person("medical-coder", {"role": "medical-coder", "start": "2025-01"}), 22),  # to 2026-11
    (person("medical-coder", {"role": "medical-coder", "start": "2020-01", "end": "2021-07"}), 18),
    (person("medical-coder", {"role": "medical-coder", "years": 1.5}), 18),
    (person("medical-coder", {"role": "medical-coder", "years": 1}, {"role": "medical-coder", "start": "2026-05"}), 18),
    (person("medical-coder", {"role": "payer-coder", "years": 4}), 0),  # time elsewhere does not count
    (person(None, {"role": "medical-coder", "years": 4}), 0),
    (person("medical-coder", {"role": "medical-coder", "start": "2027-01"}), 0),  # a start still to come
])
def test_months_in_the_current_role(profile: Profile, months: int):
    assert months_in_current_role(profile, TODAY) == months
