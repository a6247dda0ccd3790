"""`codingpath.models.profile`: the shape of what a person writes about themselves: month dates,
short forms, high-school equivalents, and experience given as years or as dates, never both."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from codingpath import records
from codingpath.models.profile import CeuEntry, EducationRecord, ExperienceEntry, HeldCredential, Profile


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-03", date(2024, 3, 1)),
    (" 2024-03 ", date(2024, 3, 1)),
    ("2024-03-15", date(2024, 3, 15)),
    (date(2024, 3, 15), date(2024, 3, 15)),
    (datetime(2024, 3, 15, 9, 30), date(2024, 3, 15)),
])
def test_dates_are_months_or_days(value, expected):
    assert HeldCredential(id="CPC", earned=value).earned == expected


@pytest.mark.parametrize("value", ["2024", "March 2024", "2024/03", 0, 20240315, "2024-13", "2024-02-30"])
def test_what_is_not_a_date_is_refused(value):
    with pytest.raises(ValidationError):
        HeldCredential(id="CPC", earned=value)


def test_a_credential_may_be_written_as_its_id_alone():
    profile = Profile.model_validate({"credentials": ["CPC", {"id": "CCS", "apprentice": True}]})
    assert profile.credentials == (HeldCredential(id="CPC"), HeldCredential(id="CCS", apprentice=True))
    assert profile.holds("CCS") is not None and profile.holds("CCS").apprentice  # type: ignore[union-attr]
    assert profile.holds("RHIA") is None
    with pytest.raises(ValidationError):
        HeldCredential(id="")


@pytest.mark.parametrize("words", ["GED", " hiset ", "High School", "HSE", "tasc"])
def test_high_school_equivalents_count_as_high_school(words):
    assert Profile.model_validate({"education": words}).education.level == "high-school"


def test_education_may_be_a_level_or_a_record():
    assert Profile.model_validate({"education": "bachelor"}).education == EducationRecord(level="bachelor")
    record = Profile.model_validate({"education": {"level": "associate", "cahiim_accredited": True}}).education
    assert record.level == "associate" and record.cahiim_accredited
    assert Profile().education.level == "none"
    with pytest.raises(ValidationError):
        Profile.model_validate({"education": "phd"})


def test_experience_is_years_or_a_start_with_an_optional_end():
    assert ExperienceEntry(role="medical-coder", years=2.5).years == 2.5
    ongoing = ExperienceEntry.model_validate({"role": "medical-coder", "start": "2020-01"})
    assert ongoing.start == date(2020, 1, 1) and ongoing.end is None
    same_month = ExperienceEntry.model_validate({"role": "medical-coder", "start": "2020-01", "end": "2020-01"})
    assert same_month.end == same_month.start


@pytest.mark.parametrize(("fields", "message"), [
    ({}, "give either years or start"),
    ({"years": 1, "start": "2020-01"}, "not both"),
    ({"end": "2020-01"}, "end needs a start"),
    ({"start": "2021-01", "end": "2020-12"}, "is before start"),
    ({"years": -1}, "greater than or equal to 0"),
    ({"years": 61}, "less than or equal to 60"),
])
def test_impossible_experience_is_refused(fields, message):
    with pytest.raises(ValidationError, match=message):
        ExperienceEntry.model_validate({"role": "medical-coder", **fields})


def test_ceu_hours_are_positive_and_bounded():
    assert CeuEntry.model_validate({"date": "2025-06", "hours": 1.5}).date == date(2025, 6, 1)
    for hours in (0, 201):
        with pytest.raises(ValidationError):
            CeuEntry.model_validate({"date": "2025-06", "hours": hours})


def test_an_example_profile_has_every_part(newcomer, experienced_coder):
    # Read into the record the core uses, which stands in for the model (codingpath.records).
    assert isinstance(newcomer, records.Profile) and isinstance(experienced_coder, records.Profile)
    assert experienced_coder.credentials and experienced_coder.experience
