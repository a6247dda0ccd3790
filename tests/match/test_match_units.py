"""`codingpath.match.units`: a posting's lines as bullets and paragraphs, each with the kind of
section it sits in, and a unit's sentences."""

from __future__ import annotations

import pytest

from codingpath.match.posting import parse_posting
from codingpath.match.units import Unit, classify_heading, sentences, units

POSTING = """Medical Coder II

About the role
We code charts all day.

Requirements:
- CPC or CCS required
Preferred Qualifications
- CRC a plus
Education: High school diploma or GED
"""


@pytest.mark.parametrize(("heading", "kind"), [
    ("Preferred Qualifications", "preferred"), ("Nice to have", "preferred"),
    ("Responsibilities", "excluded"), ("About the role", "excluded"), ("Benefits", "excluded"),
    ("Requirements", "required"), ("What you'll need", "required"), ("Education & Experience", "required"),
    ("Medical Coder II", None), ("Apply today", None),
])
def test_a_heading_announces_a_kind_of_section(heading, kind):
    assert classify_heading(heading) == kind


def test_preferred_wins_over_required_in_one_heading():
    assert classify_heading("Required skills; a plus if you have more") == "preferred"


def test_units_take_the_context_of_their_section_and_skip_title_and_headings():
    found = units(parse_posting(POSTING))
    assert [(u.text, u.context, u.line) for u in found] == [
        ("We code charts all day.", "excluded", 4),
        ("CPC or CCS required", "required", 7),
        ("CRC a plus", "preferred", 9),
        ("High school diploma or GED", "required", 10),  # the label sets its own context
    ]
    assert [u.bullet for u in found] == [False, True, True, False]
    assert all(u.headed for u in found)


def test_text_before_any_heading_is_unknown_and_not_headed():
    (unit,) = units(parse_posting("Coder\n\nWe want a CPC.\n"))
    assert unit.context == "unknown" and not unit.headed and unit.text == "We want a CPC."


def test_lines_of_one_paragraph_are_joined_and_remember_where_each_began():
    (unit,) = units(parse_posting("Coder\n\nWe want a coder who\nholds a CPC credential.\n"))
    assert unit.text == "We want a coder who holds a CPC credential."
    assert unit.line == 3 and unit.breaks == ((20, 4),)
    assert unit.line_at(0) == 3 and unit.line_at(19) == 3 and unit.line_at(20) == 4 and unit.line_at(40) == 4


def test_separate_bullets_are_not_joined():
    found = units(parse_posting("Coder\n\nRequirements\n- CPC\n- Two years of coding\n"))
    assert [u.text for u in found] == ["CPC", "Two years of coding"]


def test_a_unit_without_breaks_is_on_its_own_line():
    assert Unit("text", 7, "required").line_at(100) == 7


def test_sentences_split_on_ends_but_not_after_abbreviations():
    assert sentences("Need CPC, e.g. from AAPC. Must code 3 charts. Ph.D. Smith approves! OK") == [
        "Need CPC, e.g. from AAPC.", "Must code 3 charts.", "Ph.D. Smith approves!", "OK"]
    assert sentences("lower case after a stop. stays together") == ["lower case after a stop. stays together"]
    assert sentences("   ") == []


@pytest.mark.parametrize("second", ["  experience in management", "  supervisory experience"])
def test_a_bullet_wrapped_onto_a_line_that_names_a_section_keeps_it(second):
    posting = parse_posting("Coding Supervisor\n\nRequirements:\n- CPC required and 2 years of\n" + second
                            + "\n- Associate degree\n")
    found = units(posting)
    assert [u.text for u in found] == [f"CPC required and 2 years of {second.strip()}", "Associate degree"]
    assert {u.context for u in found} == {"required"}  # the wrapped line starts no section


def test_the_extractor_reads_the_wrapped_bullets_years(bundled_data):
    from codingpath.match.extract import extract_requirements

    wrapped = "Coding Supervisor\n\nRequirements:\n- CPC required and 2 years of\n  experience in management\n"
    kinds = [r.kind for r in extract_requirements(parse_posting(wrapped), bundled_data).requirements]
    assert kinds == ["credential", "experience"]
