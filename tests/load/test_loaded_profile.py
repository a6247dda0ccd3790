"""`LoadedProfile`: what loading a profile gives; a frozen value with no warnings by default."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import EXAMPLES, TODAY

from codingpath import records
from codingpath.errors import Problem
from codingpath.load.loaded_profile import LoadedProfile
from codingpath.load.profiles import load_profile
from codingpath.models import Profile


def test_a_loaded_profile_has_no_warnings_unless_given():
    loaded = LoadedProfile(Profile(name="Ana"), "ana.yaml")
    assert loaded.warnings == () and loaded.source == "ana.yaml" and loaded.profile.name == "Ana"


def test_it_is_frozen_and_compares_by_value():
    warning = Problem("ana.yaml", "old date", severity="warning")
    loaded = LoadedProfile(Profile(), "ana.yaml", (warning,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.source = "other.yaml"  # type: ignore[misc]
    assert loaded == LoadedProfile(Profile(), "ana.yaml", (warning,))
    assert loaded != LoadedProfile(Profile(), "ana.yaml")


def test_the_profile_reader_hands_one_out(bundled_data):
    loaded = load_profile(str(EXAMPLES / "newcomer.yaml"), bundled_data, TODAY)
    assert isinstance(loaded, LoadedProfile)
    assert loaded.source.endswith("newcomer.yaml") and isinstance(loaded.profile, records.Profile)
    assert all(p.severity == "warning" for p in loaded.warnings)
