"""`codingpath.match.experience`: the years of experience a sentence asks for, and of what."""

from __future__ import annotations

import pytest

from codingpath.match.experience import experience_label, experience_mentions, kinds
from codingpath.match.requirements import ExperienceNeed


def needs(sentence: str) -> list[ExperienceNeed]:
    found = [m.need for m in experience_mentions(sentence)]
    assert all(isinstance(n, ExperienceNeed) for n in found)
    return found  # type: ignore[return-value]


@pytest.mark.parametrize(("sentence", "years", "top", "tracks"), [
    ("3+ years of coding experience required", 3.0, None, ("coding",)),
    ("Minimum of two (2) years of HIM experience", 2.0, None, ("coding", "him")),
    ("2-3 years coding experience", 2.0, 3.0, ("coding",)),
    ("at least five years of audit experience", 5.0, None, ("audit",)),
    ("6 months of billing experience", 0.5, None, ("billing",)),
    ("seven (7) years of revenue cycle experience", 7.0, None, ("billing",)),
])
def test_amounts_and_kinds_are_read(sentence, years, top, tracks):
    (need,) = needs(sentence)
    assert (need.years, need.max_years, need.tracks) == (years, top, tracks)


def test_a_setting_is_kept_for_the_label_but_not_as_a_track():
    (need,) = needs("3+ years of inpatient coding experience required")
    assert need.setting == "inpatient" and need.label == "inpatient coding experience"


def test_leadership_is_the_head_of_the_phrase():
    (need,) = needs("5 years of leadership in HIM or coding")
    assert need.tracks == ("management",) and need.label == "supervisory or management experience"


def test_a_nested_amount_asks_for_its_own_kind():
    first, second = needs("4 years of coding experience, 2 of which in management")
    assert (first.years, first.tracks) == (4.0, ("coding",))
    assert (second.years, second.tracks) == (2.0, ("management",))


@pytest.mark.parametrize("sentence", [
    "Must be 18 years old", "CPC within 6 months of hire", "No experience required",
    "2 years of coding in lieu of a degree", "Experience with Epic", "Benefits after 90 days",
])
def test_what_is_not_asked_experience_is_not_read_as_such(sentence):
    assert needs(sentence) == []


def test_experience_without_years_is_some_experience():
    (need,) = needs("Prior auditing experience preferred")
    assert need.years is None and need.tracks == ("audit",)


def test_kinds_names_tracks_in_codingpaths_order_and_a_setting_only_with_a_track():
    assert kinds("billing and coding") == (("coding", "billing"), None)
    assert kinds("inpatient coding") == (("coding",), "inpatient")
    assert kinds("inpatient") == (("coding",), "inpatient")
    assert kinds("nothing at all") == ((), None)


def test_labels():
    assert experience_label((), None) == "work experience"
    assert experience_label(("coding", "him"), None) == "HIM experience"
    assert experience_label(("audit", "billing"), None) == "audit or billing experience"
    assert experience_label(("audit",), "inpatient") == "audit experience"  # a setting only qualifies coding
    assert experience_label(("coding",), "E/M") == "E/M coding experience"
