"""Pydantic's validation errors as located problems: the file, line and column of the value (or of
the key, for an unknown key), the field's path, and a message in the words a profile's author uses,
with a "did you mean" from the model's own field names and choices."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from codingpath import models
from codingpath.errors import Problem
from codingpath.load.validation import problems_from_validation
from codingpath.load.yamlio import parse_yaml


def problems(text: str, model: type[BaseModel] = models.Profile, *, named: bool = True) -> list[Problem]:
    document = parse_yaml(text, "me.yaml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(document.data)
    return problems_from_validation(caught.value, document, model if named else None)


def said(text: str, model: type[BaseModel] = models.Profile) -> list[str]:
    return [str(problem) for problem in problems(text, model)]


def test_an_unknown_key_is_placed_on_the_key_with_the_nearest_field():
    [problem] = problems("name: Jo\neducaton: bachelor\n")
    assert (problem.file, problem.line, problem.column, problem.field) == ("me.yaml", 2, 1, "educaton")
    assert problem.message == "unknown key 'educaton'; did you mean 'education'?"


def test_an_unknown_key_with_no_near_field_lists_the_keys_allowed_there():
    assert said("education: {level: bachelor, foo: 1}\n") == [
        "me.yaml:1:30: education.foo: unknown key 'foo' (expected one of: level, field, cahiim_accredited)"]


def test_the_model_is_found_from_the_error_when_not_given():
    # load.data validates files of several models and passes none: the error's title names it.
    assert problems("nam: Jo\n", named=False) == problems("nam: Jo\n")
    assert problems("nam: Jo\n")[0].message == "unknown key 'nam'; did you mean 'name'?"


def test_a_choice_names_the_choices_and_the_nearest_one():
    assert said("education:\n  level: bachelors\n") == [
        "me.yaml:2:10: education.level: must be one of 'none', 'high-school', 'associate', 'bachelor', 'master' "
        "or 'doctorate'; found 'bachelors'; did you mean 'bachelor'?"]


@pytest.mark.parametrize(("text", "message"), [
    ("experience:\n  - role: coder\n    years: 99\n", "experience[0].years: must be at most 60; found 99"),
    ("experience:\n  - role: coder\n    years: lots\n", "experience[0].years: must be a number; found 'lots'"),
    ("ceus:\n  - date: 2024-01\n    hours: 0\n", "ceus[0].hours: must be more than 0; found 0"),
    ("ceus:\n  - date: 2024-01\n    hours: .nan\n", "ceus[0].hours: must be a finite number; found nan"),
    ("education:\n  cahiim_accredited: maybe\n", "education.cahiim_accredited: must be true or false; found 'maybe'"),
    ("credentials: ['']\n", "credentials[0].id: must not be empty; found an empty value"),
])
def test_a_bound_or_a_type_is_said_with_the_value_found(text: str, message: str):
    [problem] = said(text)
    assert problem.endswith(message)


def test_a_list_written_as_one_value_shows_how_to_write_a_list_of_one():
    assert said("credentials: CPC\n") == [
        "me.yaml:1:14: credentials: must be a list; found 'CPC' (a list of one is written [CPC])"]


def test_a_mapping_written_as_a_list_is_said_so():
    assert said("education: [a]\n") == ["me.yaml:1:12: education: must be a mapping of keys to values; found a list"]


def test_an_unquoted_date_where_text_belongs_says_to_quote_it():
    assert said("name: 2021-01-01\n") == [
        "me.yaml:1:7: name: must be text; found the date 2021-01-01 (put it in quotes to use it as text)"]


def test_a_missing_field_is_placed_on_its_entry():
    assert said("experience:\n  - years: 2\n") == ["me.yaml:2:5: experience[0].role: is required but missing"]


def test_a_validators_own_message_is_kept_without_pydantics_prefix():
    assert said("experience:\n  - role: x\n    years: 1\n    start: 2020-01\n") == [
        "me.yaml:2:5: experience[0]: give either years or start/end, not both"]
    assert said("experience:\n  - {role: coder, start: 2024-13}\n") == [
        "me.yaml:2:26: experience[0].start: '2024-13' is not a real date (month must be in 1..12)"]


def test_an_empty_list_where_one_item_is_needed_is_said_with_the_minimum():
    assert said("confidence: confirmed\nsources: []\n", models.Sourced) == [
        "me.yaml:2:10: sources: must list at least 1 item(s); found an empty list"]


def test_each_error_gives_one_problem_in_the_order_found():
    found = said("experience:\n  - role: coder\n    years: -1\n  - role: coder\n    years: 61\nnam: Jo\n")
    assert found == ["me.yaml:3:12: experience[0].years: must be at least 0; found -1",
                     "me.yaml:5:12: experience[1].years: must be at most 60; found 61",
                     "me.yaml:6:1: nam: unknown key 'nam'; did you mean 'name'?"]
