"""`codingpath.match.vocabulary`: the words postings use, as patterns: each one a recruiter would
expect to match does, and the near misses do not."""

from __future__ import annotations

import pytest

from codingpath.match.vocabulary import (
    EDUCATION_PATTERNS,
    EQUIVALENT_EXPERIENCE,
    HEAD_TRACKS,
    NOT_CREDENTIALS,
    NUMBER_WORDS,
    PREFERRED,
    REQUIRED,
    SETTINGS,
    TRACK_WORDS,
)
from codingpath.models import TRACKS


def education(text: str) -> str | None:
    return next((level for pattern, level in EDUCATION_PATTERNS if pattern.search(text)), None)


def tracks(text: str) -> set[str]:
    return {t for pattern, found in TRACK_WORDS if pattern.search(text) for t in found}


@pytest.mark.parametrize(("text", "level"), [
    ("Bachelor's degree in HIM", "bachelor"), ("BS degree", "bachelor"), ("four-year degree", "bachelor"),
    ("Master's degree", "master"), ("MBA preferred", "master"), ("Associate degree", "associate"),
    ("two-year degree", "associate"), ("High school diploma or GED", "high-school"), ("PhD", "doctorate"),
    ("Ph.D. in informatics", "doctorate"), ("a masterful coder", None), ("associates with physicians", None),
])
def test_degrees_are_recognised(text, level):
    assert education(text) == level


@pytest.mark.parametrize(("text", "required", "preferred"), [
    ("CPC required", True, False), ("Must hold a CPC", True, False), ("At least two years", True, False),
    ("CPC preferred", False, True), ("CRC is a plus", False, True), ("Not required", False, True),
    ("Ideally a CCS", False, True), ("We code charts", False, False),
])
def test_required_and_preferred_phrases(text, required, preferred):
    assert bool(REQUIRED.search(text)) == required
    assert bool(PREFERRED.search(text)) == preferred


@pytest.mark.parametrize(("text", "expected"), [
    ("inpatient coding", {"coding"}), ("coding audit", {"audit"}), ("supervisory", {"management"}),
    ("HIM", {"him", "coding"}), ("revenue cycle", {"billing"}), ("clinical documentation", {"cdi"}),
    ("release of information", {"him"}), ("payment integrity", {"audit"}), ("privacy", {"privacy"}),
    ("coding compliance", {"compliance"}),
])
def test_kinds_of_experience_map_to_tracks(text, expected):
    assert tracks(text) == expected


def test_every_track_word_maps_to_real_tracks_and_head_tracks_are_tracks():
    assert all(set(found) <= set(TRACKS) for _, found in TRACK_WORDS)
    assert HEAD_TRACKS <= set(TRACKS)


def test_settings_are_named():
    def setting(text: str) -> list[str]:
        return [name for pattern, name in SETTINGS if pattern.search(text)]

    assert setting("pro-fee E/M coding") == ["professional fee", "E/M"]
    assert setting("ED coding") == ["emergency department"] and setting("the ed team") == []
    assert setting("general surgery") == ["surgery"]


def test_equivalent_experience_is_spotted():
    assert EQUIVALENT_EXPERIENCE.search("Bachelor's degree or equivalent work experience")
    assert EQUIVALENT_EXPERIENCE.search("4 years in lieu of a degree")
    assert not EQUIVALENT_EXPERIENCE.search("Bachelor's degree required")


def test_number_words_and_not_credentials():
    assert NUMBER_WORDS["two"] == 2 and NUMBER_WORDS["an"] == 1 and NUMBER_WORDS["fifteen"] == 15
    assert {"CPT", "ICD", "AAPC", "AHIMA", "HIPAA", "EHR"} <= NOT_CREDENTIALS
    assert not {"CPC", "CCS", "RHIA", "RHIT", "CRC"} & NOT_CREDENTIALS
    assert all(word == word.upper() for word in NOT_CREDENTIALS)
