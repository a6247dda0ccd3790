"""`codingpath.render.match_views`: what the posting asks in codingpath's words, the months to close
a gap, the verdict as the table's title, and a posting's text escaped for each format."""

from __future__ import annotations

import io
import json

import pytest
from conftest import TODAY

from codingpath.match.evaluate import evaluate_posting
from codingpath.match.extract import extract_requirements
from codingpath.match.posting import parse_posting
from codingpath.match.requirements import CredentialNeed, EducationNeed, ExperienceNeed, OtherNeed, PostingRequirement
from codingpath.models import HeldCredential, Profile
from codingpath.render.match_views import asks_text, match_view, months_text, write_match

POSTING = """Coding Auditor

Requirements:
- CPC or CCS required
- 3+ years of coding experience
- XYZQ certification required
Preferred:
- CRC
"""


def asked(need) -> str:
    return asks_text(PostingRequirement("credential", True, "text", 1, need))


@pytest.mark.parametrize(("need", "text"), [
    (CredentialNeed(("CPC",)), "CPC"),
    (CredentialNeed(("CPC", "CCS-P"), apprentice_accepted=True), "one of CPC, CCS-P (apprentice designation accepted)"),
    (CredentialNeed(("CPC",), unknown=("XYZ",)), "CPC (or XYZ: not checked)"),
    (CredentialNeed(("CCS",), eligible_accepted=True, within_months=6), "CCS (or eligible to sit the exam), within 6 "
                                                                         "months of hire"),
    (ExperienceNeed(3.0, ("coding",), None, None, "coding experience"), "3 years of coding experience"),
    (ExperienceNeed(2.0, ("coding",), None, 4.0, "coding experience"), "2-4 years of coding experience"),
    (ExperienceNeed(None, ("audit",), None, None, "audit experience"), "some audit experience"),
    (EducationNeed("bachelor", "HIM", True), "a bachelor's degree in HIM, or equivalent work experience"),
    (OtherNeed("XYZQ"), "XYZQ"),
])
def test_asks_text(need, text):
    assert asked(need) == text


@pytest.mark.parametrize(("months", "text"), [(None, "no route in codingpath's data"), (0, "now"), (0.3, "about 1 month"),
                                               (1, "about 1 month"), (5.6, "about 6 months")])
def test_months_text(months, text):
    assert months_text(months) == text


def extraction(bundled_data, text: str = POSTING):
    return extract_requirements(parse_posting(text, "auditor.txt"), bundled_data)


def test_without_a_profile_the_requirements_are_listed_with_the_role_they_resemble(bundled_data):
    found = extraction(bundled_data)
    view = match_view(found, None, bundled_data, "markdown", name=None, profile_file=None, today=TODAY)
    (table,) = view.tables
    assert table.title == f"Coding Auditor: {len(found.requirements)} requirements read"
    assert [row[0] for row in table.rows] == ["required", "required", "required", "preferred"]
    assert view.payload["resembles"] and view.notes[0].startswith("Most like the codingpath role ")
    screen = match_view(found, None, bundled_data, "table", name=None, profile_file=None, today=TODAY)
    assert len(screen.tables) == 2 and screen.tables[1].title == "Where the posting says so"


def test_with_a_profile_the_verdict_is_the_title_and_unchecked_required_items_come_first(bundled_data):
    found = extraction(bundled_data)
    person = Profile(education="high-school", credentials=(HeldCredential(id="CCS"),))
    result = evaluate_posting(found, person, bundled_data, TODAY, plan_each_gap=False)
    view = match_view(found, result, bundled_data, "csv", name="Sam", profile_file="sam.yaml", today=TODAY)
    (table,) = view.tables
    assert table.title == "Coding Auditor: Sam does not yet meet every required item"
    assert table.columns == ("Need", "Kind", "What the posting asks", "You", "Detail", "Line", "Sentence")
    assert [row[3] for row in table.rows] == ["met", "gap", "not checked", "gap"]
    assert view.notes[0].startswith("Required but not checked (codingpath has no record of them): XYZQ")
    assert "Verdict: gaps." in view.notes
    assert view.payload["verdict"] == "gaps" and view.payload["profile"] == {"name": "Sam", "file": "sam.yaml"}


def test_a_met_verdict_with_an_unchecked_required_item_says_only_what_was_checked(bundled_data):
    found = extraction(bundled_data, "Coder\n\nRequirements:\n- CPC required\n- XYZQ certification required\n")
    result = evaluate_posting(found, Profile(credentials=(HeldCredential(id="CPC"),)), bundled_data, TODAY,
                              plan_each_gap=False)
    view = match_view(found, result, bundled_data, "markdown", name=None, profile_file=None, today=TODAY)
    assert view.tables[0].title == "Coder: this profile meets every requirement codingpath can check"


def test_posting_text_is_escaped_for_the_format(bundled_data):
    text = "=cmd|' /C calc'!A0 Coder\n\nRequirements:\n- CPC required [see #2]\n"
    found = extraction(bundled_data, text)
    csv = match_view(found, None, bundled_data, "csv", name=None, profile_file=None, today=TODAY)
    assert csv.tables[0].title.startswith("'=cmd")
    markdown = match_view(found, None, bundled_data, "markdown", name=None, profile_file=None, today=TODAY)
    assert "\\[see \\#2\\]" in markdown.tables[0].rows[0][4]


def test_json_output_escapes_direction_marks(bundled_data):
    found = extraction(bundled_data, "Coder \u202eevil\n\nRequirements:\n- CPC required\n")
    view = match_view(found, None, bundled_data, "json", name=None, profile_file=None, today=TODAY)
    out = io.StringIO()
    write_match(view, "json", out)
    assert "\u202e" not in out.getvalue() and "\\u202e" in out.getvalue()
    assert json.loads(out.getvalue())["posting"]["title"] == "Coder \u202eevil"
