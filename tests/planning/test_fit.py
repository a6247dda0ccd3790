"""`recommended_credentials`: the credential employers prefer for a role, shown only to a person
who holds none of the preferred ones, and never more than one."""

from __future__ import annotations

from small_world import role

from codingpath.planning.fit import recommended_credentials


def preferring(*credentials: str):
    r = role("coder", "entry", ["coding"])
    return r.model_copy(update={"preferred_credentials": credentials})


def test_the_first_preferred_credential_is_recommended_to_someone_holding_none():
    assert recommended_credentials(preferring("CPC", "CCS"), ()) == ("CPC",)


def test_holding_any_preferred_credential_means_no_recommendation():
    assert recommended_credentials(preferring("CPC", "CCS"), ["CCS"]) == ()
    assert recommended_credentials(preferring("CPC", "CCS"), ("RHIT", "CPC")) == ()


def test_other_credentials_held_do_not_count():
    assert recommended_credentials(preferring("CPC", "CCS"), ["RHIT", "CCA"]) == ("CPC",)


def test_a_role_preferring_nothing_recommends_nothing():
    assert recommended_credentials(preferring(), []) == ()


def test_bundled_roles_recommend_their_first_listed_credential(bundled_data):
    manager = bundled_data.roles["coding-manager"]
    assert manager.preferred_credentials
    assert recommended_credentials(manager, []) == manager.preferred_credentials[:1]
    assert recommended_credentials(manager, [manager.preferred_credentials[-1]]) == ()
