"""`answers_from_document`: a `--from-answers` YAML file read into questionnaire answers, every
answer checked as a typed one would be, and every bad one reported at once with its line."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import TODAY

from codingpath.errors import ProfileError
from codingpath.load.answers_file import answers_from_document
from codingpath.load.questionnaire import ANSWER_KEYS, Experience
from codingpath.load.yamlio import parse_yaml


def answers(text: str, catalog):
    return answers_from_document(parse_yaml(text, "answers.yaml"), catalog, TODAY)


def problems(text: str, catalog) -> list[tuple[int | None, str]]:
    with pytest.raises(ProfileError) as caught:
        answers(text, catalog)
    return [(p.line, p.message) for p in caught.value.problems]


def test_a_full_answers_file_is_read(bundled_data):
    got = answers("name: Ana\neducation: associate\ncahiim_accredited: yes\nfield: HIM\n"
                  "credentials: [cpc-a, CCA]\nearned: {CPC: 2021-06, cca: 2020-01-15}\n"
                  "experience:\n  - medical-coder=2.5\n  - {role: coding-auditor, start: 2023-01, end: 2024-06}\n"
                  "  - {role: coder-ii, years: 1}\n"
                  "training: [AAPC-Practicode]\ncurrent_role: Medical Coder\ntarget_role: coding-manager\n",
                  bundled_data)
    assert got.name == "Ana" and got.education == "associate" and got.cahiim_accredited is True
    assert [(h.id, h.apprentice, h.earned) for h in got.credentials] == [
        ("CPC", True, "2021-06"), ("CCA", False, date(2020, 1, 15))]
    assert got.experience == [Experience("medical-coder", 2.5), Experience("coding-auditor", None, "2023-01", "2024-06"),
                              Experience("coder-ii", 1)]
    assert got.training == ["aapc-practicode"]
    assert (got.current_role, got.target_role) == ("medical-coder", "coding-manager")
    assert got.answered == set(ANSWER_KEYS)


def test_an_empty_mapping_answers_every_question_with_nothing(bundled_data):
    got = answers("{}\n", bundled_data)
    assert got.name is None and got.education is None and got.credentials == [] and got.experience == []
    assert got.answered == set(ANSWER_KEYS)


@pytest.mark.parametrize("text", ["- name: Ana\n", "just words\n"])
def test_a_file_that_is_not_a_mapping_is_refused(text, bundled_data):
    [(_, message)] = problems(text, bundled_data)
    assert message.startswith("an answers file must be a mapping of name, education")


def test_an_unknown_key_suggests_the_known_one(bundled_data):
    [(line, message)] = problems("name: Ana\ncurent_role: medical-coder\n", bundled_data)
    assert line == 2 and message.startswith("unknown answer 'curent_role'") and "current_role" in message


def test_every_bad_answer_is_reported_at_once_in_line_order(bundled_data):
    found = problems("credentials: [CPC, XYZZY]\nexperience:\n  - medical-coder\n"
                     "target_role: astronaut\nearned: {RHIA: 2020-01}\n", bundled_data)
    lines = [line for line, _ in found]
    assert lines == sorted(lines) and len(found) == 4
    text = "\n".join(message for _, message in found)
    assert "unknown credential 'XYZZY'" in text
    assert "write ROLE=YEARS or ROLE=YYYY-MM" in text
    assert "unknown role 'astronaut'" in text
    assert "'RHIA' is not among the credentials answered" in text


def test_a_credential_named_twice_is_reported(bundled_data):
    [(line, message)] = problems("credentials:\n  - CPC\n  - cpc\n", bundled_data)
    assert line == 3 and message == "CPC is named twice"


def test_a_future_earned_date_is_reported_at_its_credential(bundled_data):
    [(line, message)] = problems("credentials: [CPC]\nearned:\n  CPC: 2099-01\n", bundled_data)
    assert line == 3 and "is in the future" in message


@pytest.mark.parametrize(("text", "expected"), [
    ("experience: medical-coder=2\n", "write experience as a list"),
    ("earned: [CPC]\n", "write earned dates as a mapping"),
    ("experience:\n  - {years: 2}\n", "an experience entry needs a role"),
    ("experience:\n  - {role: medical-coder, start: 2024-01, end: 2023-01}\n", "is before the start"),
])
def test_misshapen_answers_say_how_to_write_them(text, expected, bundled_data):
    [(_, message)] = problems(text, bundled_data)
    assert expected in message


def test_an_ongoing_experience_from_a_mapping_has_no_end(bundled_data):
    got = answers("experience:\n  - {role: medical-coder, start: 2022-03}\n", bundled_data)
    assert got.experience == [Experience("medical-coder", None, "2022-03", None)]
