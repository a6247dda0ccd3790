"""Credential-specific CEUs come from the data (`renewal.specific_ceus` and `specific_subject`), so
an employer's overlay or a corrected figure changes what `renewals` asks for."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from codingpath.catalog import Catalog
from codingpath.models import Profile, Renewal
from codingpath.renewals import renewals_of

TODAY = date(2026, 11, 23)


def _cpma_holder() -> Profile:
    return Profile.model_validate({"name": "Auditor", "credentials": [
        {"id": "CPC", "earned": "2025-06-01"}, {"id": "CPMA", "earned": "2025-06-01"}]})


def test_the_report_asks_for_the_specific_ceus_the_data_states(bundled_data: Catalog):
    [deadline] = renewals_of(_cpma_holder(), bundled_data, TODAY).deadlines
    assert [(s.credential, s.ceus, s.subject) for s in deadline.specific] == [("CPMA", 16, "auditing")]


def test_a_changed_figure_in_the_data_changes_the_report(bundled_data: Catalog):
    cpma = bundled_data.credentials["CPMA"]
    renewal = cpma.renewal.model_copy(update={"specific_ceus": 20, "specific_subject": "audit"})
    catalog = Catalog({**bundled_data.credentials, "CPMA": cpma.model_copy(update={"renewal": renewal})},
                      bundled_data.roles, bundled_data.trainings, bundled_data.education, bundled_data.occupations,
                      bundled_data.files)
    [deadline] = renewals_of(_cpma_holder(), catalog, TODAY).deadlines
    assert [(s.ceus, s.subject) for s in deadline.specific] == [(20, "audit")]


def test_a_specific_count_needs_its_subject():
    base = {"cycle_years": 2, "ceus": 36, "confidence": "confirmed",
            "sources": [{"url": "https://www.aapc.com/", "as_of": "undated", "retrieved": "2026-11"}]}
    with pytest.raises(ValidationError, match="specific_ceus and specific_subject go together"):
        Renewal.model_validate({**base, "specific_ceus": 16})
    assert Renewal.model_validate({**base, "specific_ceus": 16, "specific_subject": "auditing"}).specific_ceus == 16
