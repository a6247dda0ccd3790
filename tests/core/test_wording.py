"""How things are said: education levels, counted words, and the "did you mean" after a near miss."""

from __future__ import annotations

import pytest

from codingpath.models import EDUCATION_LEVELS, Requirement
from codingpath.wording import (
    close_matches,
    counted,
    did_you_mean,
    education_text,
    level_name,
    requirement_text,
    short_level_name,
    suggestion,
    years_text,
    yes_or_no,
)


def test_every_education_level_has_both_wordings():
    for level in EDUCATION_LEVELS:
        assert level_name(level) and short_level_name(level)
    assert level_name("associate") == "an associate degree"
    assert short_level_name("bachelor") == "bachelor's"


@pytest.mark.parametrize(("args", "text"), [
    ((1, "year"), "1 year"), ((2, "year"), "2 years"), ((0, "error"), "0 errors"), ((1.0, "year"), "1 year"),
    ((0.5, "year"), "0.5 years"), ((1, "person", "people"), "1 person"), ((3, "person", "people"), "3 people"),
    ((1_000_000, "row"), "1000000 rows"),
])
def test_counted(args, text):
    assert counted(*args) == text


def test_years_text_says_a_span_in_years_and_months():
    assert years_text(1.04) == "1 year"
    assert years_text(2.25) == "2 years 3 months"
    assert years_text(3) == "3 years"
    assert years_text(0.25) == "3 months"


def test_did_you_mean_names_the_nearest_choice_or_nothing():
    assert did_you_mean("credentail", ["credentials", "experience"]) == "; did you mean 'credentials'?"
    assert did_you_mean("zzz", ["credentials", "experience"]) == ""
    assert close_matches("codng", ["coding", "billing", "audit"], n=2) == ["coding"]
    assert suggestion(["CPC", "CCS"]) == "; did you mean 'CPC'?" and suggestion([]) == ""


def test_a_requirement_in_one_line():
    req = Requirement(education="associate", cahiim_accredited=True, credentials=(("CPC", "CCS"),))
    assert education_text(req) == "associate (CAHIIM HIM)"
    assert requirement_text(req) == "associate (CAHIIM HIM); one of CPC, CCS"
    assert requirement_text(Requirement()) == "no prerequisite"


@pytest.mark.parametrize(("text", "expected"), [
    ("yes", True), (" Y ", True), ("TRUE", True), ("1", True),
    ("no", False), ("n", False), ("False", False), (" 0", False),
    ("on", None), ("maybe", None), ("", None),
])
def test_yes_or_no_reads_the_words_a_questionnaire_and_a_roster_accept(text, expected):
    assert yes_or_no(text) is expected
