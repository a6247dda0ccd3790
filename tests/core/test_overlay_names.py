"""An employer's overlay names its own roles: its ids and titles win over the bundled data's
aliases and titles, every id still finds its own role, and `data check` warns of each collision."""

from __future__ import annotations

import pytest
from conftest import ROOT

from codingpath.catalog import name_collisions
from codingpath.load.data import load_catalog

OVERLAY = ROOT / "tests" / "bad_inputs" / "data" / "overlay-id-is-a-bundled-alias"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(OVERLAY, use_env=False)


@pytest.mark.parametrize(("typed", "role"), [
    ("coder", "coder"),  # the overlay's id, though the bundled Medical Coder has the alias 'Coder'
    ("Coder", "coder"),
    ("Medical Coder", "coder"),  # the overlay's title wins over the bundled title
    ("medical-coder", "medical-coder"),  # an id typed as an id always finds its own role
    ("MEDICAL-CODER", "medical-coder"),
    ("Coder Level I", "coder"),
])
def test_the_overlay_wins_and_ids_still_find_their_roles(catalog, typed: str, role: str):
    assert catalog.role_id(typed) == role


def test_bundled_data_alone_has_no_collision(bundled_data):
    assert name_collisions(bundled_data.roles) == []
    assert bundled_data.role_id("Coder") == "medical-coder"


def test_each_collision_is_listed_once(catalog):
    names = {name: (claimants, winner) for name, claimants, winner in name_collisions(catalog.roles)}
    assert names == {"medical-coder": (("medical-coder", "coder"), "coder"),
                     "Coder": (("medical-coder", "coder"), "coder")}
