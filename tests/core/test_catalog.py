"""The Catalog's lookups: ids, titles and aliases in any case, and near misses."""

from __future__ import annotations

from codingpath.catalog import Catalog, slug


def test_slug_is_the_id_form_of_a_title():
    assert slug("Coding Auditor") == "coding-auditor"
    assert slug("  CDI -- Specialist (Inpatient) ") == "cdi-specialist-inpatient"
    assert slug("Médical Coder") == "médical-coder"


def test_roles_by_id_title_or_alias_in_any_case(bundled_data: Catalog):
    assert bundled_data.role_id("coding-manager") == "coding-manager"
    assert bundled_data.role_id("CODING MANAGER") == "coding-manager"
    assert bundled_data.role_id("no such role") is None


def test_credentials_by_id_in_any_case_and_by_apprentice_designation(bundled_data: Catalog):
    assert bundled_data.credential_id("cpc") == "CPC"
    assert bundled_data.credential_id(" CPC-A ") == "CPC"
    assert bundled_data.credential_id("RN") is None


def test_near_misses_are_suggested_closest_first(bundled_data: Catalog):
    assert bundled_data.suggest_role("codng manager")[0] == "coding-manager"
    assert bundled_data.suggest_credential("CPX")[0] == "CPC"
    assert bundled_data.suggest_role("zzzzzzzz") == []


def test_tiers_and_progressions(bundled_data: Catalog):
    assert Catalog.tier_index("entry") < Catalog.tier_index("master")
    assert {r.tier for r in bundled_data.roles_in_tier("mid")} == {"mid"}
    assert all("coding-manager" in r.leads_to for r in bundled_data.leads_from("coding-manager"))
    assert bundled_data.oldest_source_year() is not None
