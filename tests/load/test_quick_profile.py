"""The quick profile validator gives exactly what the Profile model gives, or leaves the profile to
the model: never a different answer, never a mistake let through."""

from __future__ import annotations

import hashlib
import inspect
from datetime import date, datetime
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import codingpath.models.base
import codingpath.models.profile
from codingpath.dates import parse_month
from codingpath.load.quick_profile import quick_profile
from codingpath.models import Profile
from codingpath.records import as_record

# What the quick reader mirrors: the profile models, the base model's rules and the date reader.
# A change to any of them must be matched in load/quick_profile.py (and its tests) before this
# digest is updated; the generated-profile tests below catch most mismatches, this catches them all.
MIRRORED_DIGEST = "b1314244c2e84533"


def test_the_rules_it_mirrors_are_unchanged():
    text = (inspect.getsource(codingpath.models.profile) + inspect.getsource(codingpath.models.base.Frozen)
            + inspect.getsource(parse_month))
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    assert digest == MIRRORED_DIGEST, "the profile's rules changed: update load/quick_profile.py to match"


def model_answer(data: dict[Any, Any]) -> Any:
    """The model's record, or None when the model refuses the data."""
    try:
        return as_record(Profile.model_validate(data))
    except ValidationError:
        return None


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_profile_is_read_quickly_and_as_the_model_reads_it(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    quick = quick_profile(data)
    assert quick is not None and quick == model_answer(data)


@pytest.mark.parametrize(("data", "expected"), [
    ({"education": "GED"}, {"education": {"level": "high-school", "field": None, "cahiim_accredited": False}}),
    ({"credentials": ["CPC", {"id": "CCS", "earned": date(2024, 3, 9)}]},
     {"credentials": ({"id": "CPC", "earned": None, "apprentice": False},
                      {"id": "CCS", "earned": date(2024, 3, 9), "apprentice": False})}),
    ({"experience": [{"role": "medical-coder", "years": 3}]},
     {"experience": ({"role": "medical-coder", "years": 3.0, "start": None, "end": None},)}),
    ({"ceus": [{"date": datetime(2025, 1, 2, 9, 30), "hours": 1.5}]},
     {"ceus": ({"date": date(2025, 1, 2), "hours": 1.5, "description": None, "credential": None},)}),
])
def test_the_short_forms_and_conversions_it_knows(data, expected):
    dumped = quick_profile(data).model_dump()
    assert {key: dumped[key] for key in expected} == expected
    assert quick_profile(data) == model_answer(data)


@pytest.mark.parametrize("data", [
    {"nmae": "Ana"},  # a misspelt key: the model names it
    {"experience": [{"role": "medical-coder", "years": "3"}]},  # the model would convert it
    {"experience": [{"role": "medical-coder", "years": True}]},  # a mistake the model explains
    {"experience": [{"role": "medical-coder", "years": 61}]},
    {"experience": [{"role": "medical-coder", "years": float("nan")}]},
    {"experience": [{"role": "medical-coder", "years": 10**400}]},
    {"experience": [{"role": "medical-coder", "start": "2024-05", "end": "2023-01"}]},
    {"experience": [{"role": "medical-coder"}]},
    {"credentials": [{"id": "CPC", "apprentice": 1}]},
    {"credentials": [""]},
    {"credentials": "CPC"},
    {"education": None},
    {"education": {"level": "phd"}},
    {"ceus": [{"date": "2024-13", "hours": 1}]},
    {"ceus": [{"date": "2024-01", "hours": 0}]},
    {"name": 7},
])
def test_anything_unusual_is_left_to_the_model(data):
    assert quick_profile(data) is None


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 80), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "CPC", "medical-coder", "2024-05", "2024-02-30", "2024-06-15", "GED", "associate",
                     "3", "yes", " high school "]),
    st.dates(date(1990, 1, 1), date(2030, 12, 31)),
)
KEYS = {
    "education": ["level", "field", "cahiim_accredited"],
    "credentials": ["id", "earned", "apprentice"],
    "experience": ["role", "years", "start", "end"],
    "ceus": ["date", "hours", "description", "credential"],
}


def entries(keys: list[str]) -> st.SearchStrategy[Any]:
    mapping = st.dictionaries(st.sampled_from([*keys, "extra"]), VALUES, max_size=len(keys) + 1)
    return st.one_of(mapping, VALUES)


PROFILES = st.fixed_dictionaries({}, optional={
    "name": VALUES,
    "education": entries(KEYS["education"]),
    "credentials": st.one_of(st.lists(entries(KEYS["credentials"]), max_size=3), VALUES),
    "experience": st.one_of(st.lists(entries(KEYS["experience"]), max_size=3), VALUES),
    "training": st.one_of(st.lists(VALUES, max_size=3), VALUES),
    "current_role": VALUES,
    "target_role": VALUES,
    "ceus": st.one_of(st.lists(entries(KEYS["ceus"]), max_size=2), VALUES),
})


@given(PROFILES)
def test_it_agrees_with_the_model_on_generated_profiles(data):
    quick = quick_profile(data)
    if quick is not None:
        assert quick == model_answer(data)
        assert quick.model_dump(mode="json") == Profile.model_validate(data).model_dump(mode="json")


MONTHS = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)),
                   st.sampled_from(["2024-05", "2019-11-30", "2024-02-30", "May 2024"]))
NUMBERS = st.one_of(st.integers(-1, 70), st.floats(-1, 250), st.sampled_from([True, "2"]))
LIKELY = st.fixed_dictionaries({}, optional={
    "name": st.one_of(st.text(max_size=8), st.none()),
    "education": st.one_of(st.sampled_from(["associate", "bachelor", "GED", "Hiset", "none"]),
                           st.fixed_dictionaries({"level": st.sampled_from(["master", "high-school", "x"])},
                                                 optional={"cahiim_accredited": st.booleans()})),
    "credentials": st.lists(st.one_of(st.sampled_from(["CPC", "CCS", "RHIT"]), st.fixed_dictionaries(
        {"id": st.sampled_from(["CPC", "RHIA"])}, optional={"earned": MONTHS, "apprentice": st.booleans()})),
        max_size=3),
    "experience": st.lists(st.fixed_dictionaries({"role": st.sampled_from(["medical-coder", "coder-ii"])},
                                                 optional={"years": NUMBERS, "start": MONTHS, "end": MONTHS}),
                           max_size=3),
    "training": st.lists(st.sampled_from(["coding-course", "practicode"]), max_size=2),
    "current_role": st.sampled_from(["medical-coder", None]),
    "ceus": st.lists(st.fixed_dictionaries({"date": MONTHS, "hours": NUMBERS},
                                           optional={"credential": st.sampled_from(["CPC", None])}), max_size=2),
})


@given(LIKELY)
def test_it_agrees_with_the_model_on_likely_profiles(data):
    """Mostly what people write, with the odd slip: where the quick reader answers, it is the model's
    answer, and where the model refuses, the quick reader never answers."""
    quick, model = quick_profile(data), model_answer(data)
    assert quick is None or quick == model
    if model is None:
        assert quick is None
