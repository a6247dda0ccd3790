"""The merged map's cross-checks, on the bundled catalog with one entry changed in memory: ids that
name nothing (with a "did you mean"), progressions down a tier, cycles and roles no one could ever
meet are refused, each located in its file; an edge no one could climb, or a credential or track
nothing uses, is found for `data check` to report. test_catalogue.py checks the same through
overlay files and the command."""

from __future__ import annotations

from typing import Any

import pytest

from codingpath.catalog import Catalog
from codingpath.load.crosscheck import (
    attainable,
    cross_check,
    unclimbable_edges,
    unused_credentials,
    unused_tracks,
)
from codingpath.load.data import Origin
from codingpath.load.yamlio import YamlDocument
from codingpath.models import TRACKS, ExperienceRule, Role

ROLES = YamlDocument("roles.yaml", None)
CREDENTIALS = YamlDocument("credentials.yaml", None)


def with_roles(catalog: Catalog, *roles: Role) -> Catalog:
    """The catalog with these roles replacing (or joining) its own."""
    merged = {**catalog.roles, **{role.id: role for role in roles}}
    return Catalog(catalog.credentials, merged, catalog.trainings, catalog.education, catalog.occupations)


def origins(catalog: Catalog) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {
        ("credential", cid): Origin(CREDENTIALS, ("credentials", i)) for i, cid in enumerate(catalog.credentials)}
    found.update({("role", rid): Origin(ROLES, ("roles", i)) for i, rid in enumerate(catalog.roles)})
    return found


def changed(catalog: Catalog, role_id: str, **update: Any) -> Role:
    return catalog.roles[role_id].model_copy(update=update)


def requirements(catalog: Catalog, role_id: str, **update: Any) -> Any:
    return catalog.roles[role_id].requirements.model_copy(update=update)


def position(catalog: Catalog, role_id: str) -> int:
    return list(catalog.roles).index(role_id)


def test_the_bundled_map_passes_every_check(bundled_data: Catalog):
    assert cross_check(bundled_data, origins(bundled_data)) == []
    assert attainable(bundled_data) == (set(bundled_data.credentials), set(bundled_data.roles))
    assert unclimbable_edges(bundled_data) == []
    assert unused_credentials(bundled_data) == [] and unused_tracks(bundled_data) == []


def test_an_unknown_credential_is_located_with_the_nearest_id(bundled_data: Catalog):
    catalog = with_roles(bundled_data, changed(bundled_data, "medical-coder", requirements=requirements(
        bundled_data, "medical-coder", credentials=(("CPC", "CPX"),))))
    [problem] = cross_check(catalog, origins(catalog))
    assert problem.file == "roles.yaml"
    assert problem.field == f"roles[{position(catalog, 'medical-coder')}].requirements.credentials[0][1]"
    assert problem.message == "unknown credential 'CPX'; did you mean 'CPC'?"


def test_an_unknown_role_in_leads_to_is_located_with_the_nearest_id(bundled_data: Catalog):
    catalog = with_roles(bundled_data, changed(bundled_data, "senior-medical-coder", leads_to=("coding-managr",)))
    [problem] = cross_check(catalog, origins(catalog))
    assert problem.field == f"roles[{position(catalog, 'senior-medical-coder')}].leads_to[0]"
    assert problem.message == "unknown role 'coding-managr'; did you mean 'coding-manager'?"


def test_a_progression_down_a_tier_is_refused(bundled_data: Catalog):
    manager = bundled_data.roles["coding-manager"]
    catalog = with_roles(bundled_data, changed(bundled_data, "coding-manager",
                                               leads_to=(*manager.leads_to, "medical-coder")))
    [problem] = cross_check(catalog, origins(catalog))
    assert problem.message == f"leads to 'medical-coder', a lower tier (entry < {manager.tier})"


def test_a_progression_cycle_is_named_role_by_role(bundled_data: Catalog):
    # Two entry roles that lead to each other: no tier goes down, yet the ladder loops.
    catalog = with_roles(bundled_data, changed(bundled_data, "coding-trainee", leads_to=("coding-assistant",)),
                         changed(bundled_data, "coding-assistant", leads_to=("coding-trainee",)))
    [problem] = cross_check(catalog, origins(catalog))
    assert problem.message.startswith("progression cycle: ")
    steps = problem.message.removeprefix("progression cycle: ").split(" -> ")
    assert set(steps) == {"coding-trainee", "coding-assistant"} and steps[0] == steps[-1]


def test_a_role_that_only_its_own_holders_could_meet_is_unattainable(bundled_data: Catalog):
    own_time = ExperienceRule(years=1, roles=("coding-trainee",), label="time as a coding trainee")
    catalog = with_roles(bundled_data, changed(bundled_data, "coding-trainee", requirements=requirements(
        bundled_data, "coding-trainee", experience=(own_time,))))
    creds, roles = attainable(catalog)
    assert "coding-trainee" not in roles and creds == set(catalog.credentials)
    [problem] = cross_check(catalog, origins(catalog))
    assert problem.message == "no profile could ever meet the requirements of 'coding-trainee'"
    assert problem.field == f"roles[{position(catalog, 'coding-trainee')}].requirements"


def test_reference_problems_come_alone(bundled_data: Catalog):
    # With an id that names nothing, a cycle or reachability check would only add noise.
    catalog = with_roles(bundled_data, changed(bundled_data, "coding-trainee", leads_to=("coding-assistant", "nope")),
                         changed(bundled_data, "coding-assistant", leads_to=("coding-trainee",)))
    assert [p.message for p in cross_check(catalog, origins(catalog))] == ["unknown role 'nope'"]


def test_a_billing_role_leading_into_coding_management_cannot_be_climbed(bundled_data: Catalog):
    catalog = with_roles(bundled_data, changed(bundled_data, "payment-poster", leads_to=("coding-manager",)))
    [(source, target, why)] = unclimbable_edges(catalog)
    assert (source, target) == ("payment-poster", "coding-manager")
    assert why == ("coding-manager needs 5 years of coding experience, which time as payment-poster (billing) "
                   "never gives and its own requirements do not ask for")


def test_a_credential_no_role_names_is_unused(bundled_data: Catalog):
    roles = {rid: role.model_copy(update={
        "preferred_credentials": tuple(c for c in role.preferred_credentials if c != "CPB"),
        "requirements": role.requirements.model_copy(update={"credentials": tuple(
            group for group in (tuple(c for c in g if c != "CPB") for g in role.requirements.credentials) if group)}),
    }) for rid, role in bundled_data.roles.items()}
    catalog = Catalog(bundled_data.credentials, roles, bundled_data.trainings, bundled_data.education,
                      bundled_data.occupations)
    assert unused_credentials(catalog) == ["CPB"]


@pytest.mark.parametrize("kept", ["coding", "billing"])
def test_tracks_no_role_carries_are_unused_in_vocabulary_order(bundled_data: Catalog, kept: str):
    roles = {rid: role for rid, role in bundled_data.roles.items() if role.tracks == (kept,)}
    catalog = Catalog(bundled_data.credentials, roles, bundled_data.trainings, bundled_data.education,
                      bundled_data.occupations)
    assert unused_tracks(catalog) == [t for t in TRACKS if t != kept]
