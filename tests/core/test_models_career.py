"""`codingpath.models.career`: the career data's models: sources and their dates, requirements,
fees, credentials offered or retired, and roles that cannot lead to themselves."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from codingpath.models.career import (
    Credential,
    CredentialsFile,
    Fee,
    Requirement,
    Role,
    RolesFile,
    Source,
    Sourced,
)


def sourced(confidence: str = "confirmed") -> dict[str, Any]:
    return {"confidence": confidence, "sources": [{"url": "https://example.org", "as_of": "2026"}]}


def credential(**extra: Any) -> dict[str, Any]:
    return {"id": "XC", "name": "Exam XC", "body": "EX", "focus": ["physician"], "summary": "An exam.",
            "eligibility": {"routes": [], **sourced()}, "renewal": {"cycle_years": 2, **sourced()},
            "study": {"hours": 40, **sourced()}, **extra}


def role(**extra: Any) -> dict[str, Any]:
    return {"id": "coder", "title": "Coder", "tier": "entry", "tracks": ["coding"], "summary": "Codes.",
            "requirements": sourced(), **extra}


@pytest.mark.parametrize(("as_of", "year"), [("2025", 2025), ("2025-06", 2025), ("2025-06-01", 2025),
                                             ("undated", None), (date(2024, 2, 3), 2024)])
def test_a_source_states_a_year_or_is_undated(as_of, year):
    assert Source(url="https://example.org", as_of=as_of).year == year


@pytest.mark.parametrize("as_of", ["June 2025", "25", "2025-6", "", "2025-06-01T00:00"])
def test_a_source_date_in_another_form_is_refused(as_of):
    with pytest.raises(ValidationError, match="as_of must be"):
        Source(url="https://example.org", as_of=as_of)


def test_sourced_facts_need_a_source_and_only_unconfirmed_ones_are_not_confirmed():
    assert Sourced.model_validate(sourced("third-party")).confirmed
    assert not Sourced.model_validate(sourced("unconfirmed")).confirmed
    with pytest.raises(ValidationError):
        Sourced.model_validate({"confidence": "confirmed", "sources": []})


def test_a_requirement_with_nothing_in_it_is_empty():
    assert Requirement().is_empty
    assert not Requirement(education="associate").is_empty
    assert not Requirement(credentials=(("CPC",),)).is_empty
    assert not Requirement(training=("aapc-practicode",)).is_empty
    # A CAHIIM flag or full_credential alone asks for nothing.
    assert Requirement(cahiim_accredited=True, full_credential=True).is_empty


def test_a_credential_group_may_not_be_empty():
    with pytest.raises(ValidationError, match="at least one credential"):
        Requirement(credentials=(("CPC",), ()))


def test_the_planning_fee_is_the_single_price_else_the_non_member_price():
    assert Fee.model_validate({"usd": 300, "non_member_usd": 400, **sourced()}).planning_usd == 300
    assert Fee.model_validate({"member_usd": 300, "non_member_usd": 400, **sourced()}).planning_usd == 400
    assert Fee.model_validate({"member_usd": 300, **sourced()}).planning_usd is None
    with pytest.raises(ValidationError):
        Fee.model_validate({"usd": -1, **sourced()})


def test_a_credential_is_offered_unless_its_status_says_retired():
    assert Credential.model_validate(credential()).offered
    assert Credential.model_validate(credential(status={"state": "offered", **sourced()})).offered
    assert not Credential.model_validate(credential(status={"state": "retired", **sourced()})).offered


@pytest.mark.parametrize("changes", [{"id": "xc"}, {"focus": []}, {"study": {"hours": 0, **sourced()}},
                                     {"renewal": {"cycle_years": 11, **sourced()}}])
def test_a_malformed_credential_is_refused(changes):
    with pytest.raises(ValidationError):
        Credential.model_validate(credential(**changes))


def test_a_role_may_not_lead_to_itself():
    with pytest.raises(ValidationError, match="lists itself in leads_to"):
        Role.model_validate(role(leads_to=["coder"]))
    assert Role.model_validate(role(leads_to=["lead"])).leads_to == ("lead",)


def test_credited_tracks_must_be_the_roles_own():
    with pytest.raises(ValidationError, match="among the role's tracks"):
        Role.model_validate(role(credited_tracks={"tracks": ["audit"], **sourced()}))
    fine = Role.model_validate(role(tracks=["coding", "audit"], credited_tracks={"tracks": ["audit"], **sourced()}))
    assert fine.credited_tracks is not None and fine.stepping_stone


def test_role_requirements_are_a_requirement_with_provenance():
    requirements = Role.model_validate(role(requirements={"credentials": [["CPC"]], **sourced("unconfirmed")})
                                       ).requirements
    assert isinstance(requirements, Requirement) and not requirements.confirmed
    assert requirements.credentials == (("CPC",),)


def test_the_bundled_files_parse_as_their_documents(bundled_data):
    credentials = CredentialsFile(credentials=tuple(c.model_dump() for c in bundled_data.credentials.values()))
    roles = RolesFile(roles=tuple(r.model_dump() for r in bundled_data.roles.values()))
    assert {c.id for c in credentials.credentials} >= {"CPC", "CCS", "RHIA"}
    assert all(isinstance(r, Role) for r in roles.roles) and roles.occupations == ()
