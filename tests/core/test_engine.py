"""The engine on the real data, through the personas a coding director would recognise."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY

from codingpath.engine import evaluate_credential, evaluate_role, next_roles, roadmap_statuses, standing_of
from codingpath.models import Profile

DIRECTOR_ROLES = ("coding-director", "him-director", "vp-of-coding", "operations-director", "compliance-officer")


def by_id(results):
    return {r.role.id: r for r in results}


def test_newcomer_sees_entry_roles_with_the_credentials_that_open_them(newcomer, bundled_data):
    results = next_roles(newcomer, bundled_data, TODAY)
    tiers = {r.role.tier for r in results}
    assert tiers == {"entry", "mid"}
    coder = by_id(results)["medical-coder"]
    assert coder.status == "gap"
    [gap] = coder.gaps
    assert gap.kind == "credential"
    assert {"CPC", "CCA"} <= set(gap.options)
    assert "needs one of" in gap.message
    # eligible roles come first, and none of them is above entry level
    eligible = [r for r in results if r.status == "eligible"]
    assert eligible and results[: len(eligible)] == eligible
    assert all(r.role.tier == "entry" for r in eligible)


def test_no_director_role_without_management_experience(bundled_data):
    # Everything but management: a doctorate, every credential, 20 years of coding.
    loaded = Profile(
        education={"level": "doctorate", "cahiim_accredited": True},
        credentials=[{"id": c} for c in bundled_data.credentials],
        experience=[{"role": "senior-medical-coder", "years": 20}, {"role": "coding-auditor", "years": 10}],
        current_role="senior-medical-coder",
    )
    results = by_id(next_roles(loaded, bundled_data, TODAY, show_all=True))
    for role_id in DIRECTOR_ROLES:
        assert results[role_id].status == "gap", role_id
        assert any(g.kind == "experience" and "management" in g.message for g in results[role_id].gaps)


def test_every_master_role_that_directs_requires_management(bundled_data):
    for role_id in DIRECTOR_ROLES:
        rules = bundled_data.roles[role_id].requirements.experience
        assert any("management" in rule.tracks for rule in rules), role_id


def test_rhia_with_masters_and_management_meets_director_requirements(director_candidate, bundled_data):
    results = by_id(next_roles(director_candidate, bundled_data, TODAY))
    director = results["coding-director"]
    assert director.status == "eligible", director.gaps
    assert bundled_data.roles["coding-director"].tier == "master"


def test_experienced_coder_next_steps(experienced_coder, bundled_data):
    results = by_id(next_roles(experienced_coder, bundled_data, TODAY))
    assert "medical-coder" not in results  # the current role is not a "next" role
    assert results["coder-ii"].status == "eligible"
    inpatient = results["inpatient-coder"]
    assert inpatient.status == "gap"
    assert [g.options for g in inpatient.gaps] == [("CIC", "CCS")]


def test_apprentice_counts_for_entry_roles_but_not_where_the_full_credential_is_asked(apprentice, bundled_data):
    results = by_id(next_roles(apprentice, bundled_data, TODAY))
    assert results["medical-coder"].status == "eligible"
    senior = results["senior-medical-coder"]
    assert bundled_data.roles["senior-medical-coder"].requirements.full_credential
    assert any("holds CPC-A; needs the apprentice designation removed" in g.message for g in senior.gaps)


def test_apprentice_with_two_years_is_treated_as_fully_credentialed(bundled_data):
    person = Profile(
        education="high-school",
        credentials=[{"id": "CPC", "apprentice": True}],
        experience=[{"role": "medical-coder", "years": 3}],
    )
    standing = standing_of(person, bundled_data, TODAY)
    assert standing.apprentice == frozenset()
    assert evaluate_role(bundled_data.roles["senior-medical-coder"], standing).status == "eligible"


def test_overlapping_dated_experience_counts_once_per_track(bundled_data):
    person = Profile(experience=[
        {"role": "medical-coder", "start": "2020-01", "end": "2022-01"},
        {"role": "physician-coder", "start": "2021-01", "end": "2023-01"},
    ])
    standing = standing_of(person, bundled_data, TODAY)
    assert standing.years_by_track["coding"] == pytest.approx(3.0, abs=0.01)
    assert standing.years_by_role["medical-coder"] == pytest.approx(2.0, abs=0.01)


def test_ongoing_experience_runs_to_today(bundled_data):
    person = Profile(experience=[{"role": "medical-coder", "start": "2024-11"}])
    standing = standing_of(person, bundled_data, date(2026, 11, 1))
    assert standing.years_by_track["coding"] == pytest.approx(2.0, abs=0.01)


def test_ccs_recommendations_never_make_anyone_ineligible(newcomer, bundled_data):
    ccs = bundled_data.credentials["CCS"]
    assert ccs.recommended is not None and ccs.recommended.routes
    result = evaluate_credential(ccs, standing_of(newcomer, bundled_data, TODAY))
    assert result.eligible and not result.missing
    assert result.recommended_missing  # reported, separately, as recommendations


def test_ccs_needs_a_high_school_diploma(bundled_data):
    result = evaluate_credential(bundled_data.credentials["CCS"], standing_of(Profile(), bundled_data, TODAY))
    assert not result.eligible
    assert [g.kind for g in result.missing] == ["education"]


def test_rhit_needs_a_cahiim_accredited_associate_programme(bundled_data):
    rhit = bundled_data.credentials["RHIT"]
    plain = standing_of(Profile(education="associate"), bundled_data, TODAY)
    accredited = standing_of(Profile(education={"level": "associate", "cahiim_accredited": True}), bundled_data, TODAY)
    result = evaluate_credential(rhit, plain)
    assert not result.eligible and "CAHIIM" in result.missing[0].message
    assert evaluate_credential(rhit, accredited).eligible


def test_aapc_exams_have_no_prerequisite(newcomer, bundled_data):
    standing = standing_of(newcomer, bundled_data, TODAY)
    for cid in ("CPC", "COC", "CRC", "CPB", "CIC", "CDEO", "CPMA", "CPPM", "CPCO"):
        result = evaluate_credential(bundled_data.credentials[cid], standing)
        assert result.eligible, cid
        assert "AAPC membership" in " ".join(result.notes)


def test_unconfirmed_eligibility_is_flagged(bundled_data):
    for cid in ("CDIP", "CHDA"):
        result = evaluate_credential(bundled_data.credentials[cid], standing_of(Profile(), bundled_data, TODAY))
        assert result.unconfirmed, cid
        assert any("unconfirmed" in note for note in result.notes)


def test_roadmap_marks_held_roles(director_candidate, bundled_data):
    statuses = roadmap_statuses(director_candidate, bundled_data, TODAY)
    assert statuses["coding-manager"].status == "held"
    assert statuses["coding-supervisor"].status == "held"
    assert statuses["coding-director"].status == "eligible"
    assert len(statuses) == len(bundled_data.roles)
