"""`codingpath.models.base`: the shared vocabularies and the `Frozen` base every model derives from
(immutable, a misspelt key is an error, no infinities, no booleans for numbers)."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from codingpath.models.base import (
    EDUCATION_LEVELS,
    TIERS,
    TRACKS,
    Confidence,
    EducationLevel,
    Frozen,
    Tier,
    Track,
)


class Sample(Frozen):
    years: float
    count: int | None = None
    flag: bool = False
    label: str = ""


def test_the_ordered_tuples_match_their_literal_types():
    assert EDUCATION_LEVELS == get_args(EducationLevel)
    assert TIERS == get_args(Tier) == ("entry", "mid", "advanced", "master")
    assert TRACKS == get_args(Track)
    assert set(get_args(Confidence)) == {"confirmed", "third-party", "unconfirmed"}


def test_education_levels_and_tiers_run_from_lowest_to_highest():
    assert EDUCATION_LEVELS[0] == "none" and EDUCATION_LEVELS[-1] == "doctorate"
    assert EDUCATION_LEVELS.index("associate") < EDUCATION_LEVELS.index("bachelor") < EDUCATION_LEVELS.index("master")


def test_a_misspelt_key_is_an_error():
    with pytest.raises(ValidationError, match="yeras"):
        Sample.model_validate({"years": 1, "yeras": 2})


def test_models_are_frozen():
    sample = Sample(years=1)
    with pytest.raises(ValidationError):
        sample.years = 2  # type: ignore[misc]


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_infinities_and_nan_are_refused(value):
    with pytest.raises(ValidationError):
        Sample(years=value)


@pytest.mark.parametrize("field", ["years", "count"])
def test_a_boolean_is_not_a_number(field):
    with pytest.raises(ValidationError, match="must be a number; found true"):
        Sample.model_validate({"years": 1, field: True})


def test_a_boolean_field_and_a_text_field_still_take_their_own_types():
    sample = Sample.model_validate({"years": 2, "flag": True, "label": "x"})
    assert sample.flag is True and sample.years == 2.0 and sample.count is None
