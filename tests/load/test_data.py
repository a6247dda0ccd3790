"""The shipped data: complete, sourced, dated, and every reference resolves."""

from __future__ import annotations

import re

import pytest

from codingpath.catalog import slug
from codingpath.errors import DataError
from codingpath.facts import iter_sourced
from codingpath.load.data import load_catalog

ISSUE_CREDENTIALS = {
    "CPC", "COC", "CRC", "CPB", "CIC", "CDEO", "CPMA", "CPPM", "CPCO",
    "CCA", "CCS", "CCS-P", "RHIT", "RHIA", "CDIP", "CHDA", "CHPS",
}
# The 32 positions of the four-level map (shared/facts/roles.md), as titles codingpath gives them.
MAP_POSITIONS = {
    "entry": ["Physician Coder", "Risk Adjustment Coder", "Ancillary Coder", "Claims Edit Specialist",
              "Collection Specialist", "Insurance Claims Specialist", "Medical Records Clerk", "Payment Poster"],
    "mid": ["Coder II", "Inpatient Coder", "Specialty Coder", "Coding Educator", "Coding Auditor",
            "Validation Specialist", "Coding Supervisor", "Practice Manager"],
    "advanced": ["Coding Manager", "Consultant", "Revenue Cycle Manager", "Performance Improvement",
                 "HIM Manager", "Compliance Auditor", "Fraud/Waste Investigator", "Regional Manager"],
    "master": ["Coding Director", "Compliance Officer", "HIM Director", "Project Management",
               "College Professor", "VP of Coding", "Operations Director", "Consulting Firm Owner"],
}
OTHER_PATH_ROLES = ["Medical Coder", "Coding Trainee", "Senior Medical Coder", "CDI Specialist",
                    "HIM Manager", "Director of Coding", "Coding Consultant"]


def all_sourced(catalog):
    for credential in catalog.credentials.values():
        yield from iter_sourced(credential, (credential.id,))
    for role in catalog.roles.values():
        yield from iter_sourced(role, (role.id,))
    for item in (*catalog.trainings.values(), *catalog.education, *catalog.occupations.values()):
        yield (type(item).__name__,), item.provenance


def test_issue_credentials_are_all_present(bundled_data):
    assert ISSUE_CREDENTIALS <= set(bundled_data.credentials)


@pytest.mark.parametrize("tier", list(MAP_POSITIONS))
def test_every_map_position_is_a_role_in_its_tier(bundled_data, tier):
    for title in MAP_POSITIONS[tier]:
        role_id = bundled_data.role_id(title) or bundled_data.role_id(title + " Specialist") \
            or bundled_data.role_id(title.replace("Management", "Manager"))
        assert role_id, title
        assert bundled_data.roles[role_id].tier == tier, title


def test_other_career_path_roles_are_present(bundled_data):
    for title in OTHER_PATH_ROLES:
        assert bundled_data.role_id(title), title
    assert bundled_data.role_id("director of coding") == "coding-director"


def test_role_ids_are_the_kebab_case_of_their_titles(bundled_data):
    for role in bundled_data.roles.values():
        assert role.id == slug(role.title), role.title


def test_every_fact_block_is_sourced_and_dated(bundled_data):
    count = 0
    for path, block in all_sourced(bundled_data):
        count += 1
        assert block.sources, path
        for source in block.sources:
            assert re.match(r"^(\d{4}(-\d{2}(-\d{2})?)?|undated)$", source.as_of), path
            if source.as_of == "undated":
                assert source.retrieved, f"{path}: an undated source must say when it was retrieved"
    assert count > 100


def test_unconfirmed_facts_are_marked_as_such(bundled_data):
    for cid in ("CDIP", "CHDA", "CCS-P"):
        assert bundled_data.credentials[cid].eligibility.confidence == "unconfirmed", cid
    for credential in bundled_data.credentials.values():
        assert credential.study.confidence == "unconfirmed"  # study hours are planning estimates


def test_required_and_recommended_stay_apart_for_ccs(bundled_data):
    ccs = bundled_data.credentials["CCS"]
    [route] = ccs.eligibility.routes
    assert route.education == "high-school" and not route.experience and not route.credentials
    assert any(r.experience for r in ccs.recommended.routes)


def test_renewal_facts_match_the_sources(bundled_data):
    assert bundled_data.credentials["CPC"].renewal.ceus == 36
    assert bundled_data.credentials["RHIT"].renewal.ceus == 20
    assert bundled_data.credentials["RHIA"].renewal.ceus == 30
    assert all(c.renewal.cycle_years == 2 for c in bundled_data.credentials.values())


def test_apprentice_designations(bundled_data):
    assert bundled_data.credentials["CPC"].apprentice.designation == "CPC-A"
    assert bundled_data.credentials["COC"].apprentice.designation == "COC-A"
    assert bundled_data.credential_id("cpc-a") == "CPC"


def write(path, text):
    path.write_text(text)
    return path


def test_overlay_replaces_and_extends(tmp_path):
    write(tmp_path / "roles.yaml", """
roles:
  - id: coder-i
    title: Coder I
    tier: entry
    tracks: [coding]
    summary: Our first coding grade.
    requirements:
      education: high-school
      credentials: [[CPC, CCA]]
      confidence: confirmed
      sources: [{url: "https://intranet.example/ladder", as_of: "2026-01"}]
    leads_to: [coder-ii]
""")
    catalog = load_catalog(tmp_path, use_env=False)
    assert catalog.roles["coder-i"].title == "Coder I"
    assert "medical-coder" in catalog.roles  # the bundled ones stay


def test_overlay_errors_are_located_with_a_suggestion(tmp_path):
    write(tmp_path / "roles.yaml", """roles:
  - id: coder-i
    title: Coder I
    tier: entry
    tracks: [coding]
    summary: x
    requirements:
      credentials: [[CPCC]]
      confidence: confirmed
      sources: [{url: "https://intranet.example/ladder", as_of: "2026-01"}]
""")
    with pytest.raises(DataError) as info:
        load_catalog(tmp_path, use_env=False)
    assert str(info.value) == (
        f"{tmp_path / 'roles.yaml'}:8:22: roles[0].requirements.credentials[0][0]: "
        "unknown credential 'CPCC'; did you mean 'CPC'?"
    )


def test_overlay_must_be_a_data_directory(tmp_path):
    with pytest.raises(DataError, match="holds neither credentials.yaml nor roles.yaml"):
        load_catalog(tmp_path, use_env=False)


ROLE = """
  - id: {id}
    title: {title}
    tier: {tier}
    tracks: [{track}]
    summary: x
    requirements:
      {requires}
      confidence: confirmed
      sources: [{{url: "https://intranet.example/ladder", as_of: "2026-01"}}]
    leads_to: [{leads}]
"""


def overlay_roles(tmp_path, *roles):
    return write(tmp_path / "roles.yaml", "roles:" + "".join(ROLE.format(**r) for r in roles))


def test_progression_cycle_is_a_data_error(tmp_path):
    overlay_roles(
        tmp_path,
        dict(id="coder-a", title="Coder A", tier="mid", track="coding", requires="education: high-school", leads="coder-b"),
        dict(id="coder-b", title="Coder B", tier="mid", track="coding", requires="education: high-school", leads="coder-a"),
    )
    with pytest.raises(DataError, match=r"progression cycle: coder-\w -> coder-\w -> coder-\w"):
        load_catalog(tmp_path, use_env=False)


def test_role_no_profile_could_meet_is_a_data_error(tmp_path):
    # experience on a track that no role offers can never be accrued
    overlay_roles(tmp_path, dict(
        id="seer", title="Seer", tier="master", track="coding",
        requires="experience: [{years: 2, roles: [seer], label: seeing}]", leads=""))
    with pytest.raises(DataError, match="no profile could ever meet the requirements of 'seer'"):
        load_catalog(tmp_path, use_env=False)


def test_leading_to_a_lower_tier_is_a_data_error(tmp_path):
    overlay_roles(tmp_path, dict(
        id="boss", title="Boss", tier="master", track="management", requires="education: bachelor",
        leads="medical-coder"))
    with pytest.raises(DataError, match="leads to 'medical-coder', a lower tier"):
        load_catalog(tmp_path, use_env=False)
