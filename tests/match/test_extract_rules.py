"""`codingpath.match.extract` called directly: what one posting asks for, required or preferred,
from which line; duties and the employer's own text never read as requirements."""

from __future__ import annotations

from conftest import TODAY

from codingpath.match.evaluate import evaluate_posting
from codingpath.match.extract import coding_credentials, extract_requirements
from codingpath.match.posting import parse_posting
from codingpath.match.requirements import CredentialNeed, EducationNeed, ExperienceNeed, OtherNeed

AUDITOR = """Coding Auditor

Responsibilities
- Audit 3 years of charts with a CPC team

Requirements:
- CPC or CCS required; CPC-A accepted
- 3+ years of outpatient coding experience
- Associate degree or equivalent experience
- CPMA within 6 months of hire
- XYZQ certification required

Preferred:
- Bachelor's degree
- CRC
"""


def extracted(bundled_data, text: str = AUDITOR):
    return extract_requirements(parse_posting(text, "auditor.txt"), bundled_data)


def test_the_posting_keeps_its_source_and_title(bundled_data):
    found = extracted(bundled_data)
    assert (found.source, found.title) == ("auditor.txt", "Coding Auditor")


def test_each_requirement_is_read_with_its_line_and_whether_it_is_required(bundled_data):
    found = extracted(bundled_data).requirements
    assert [(r.kind, r.required, r.line) for r in found] == [
        ("credential", True, 7), ("experience", True, 8), ("education", True, 9), ("credential", True, 10),
        ("other", True, 11), ("education", False, 14), ("credential", False, 15)]
    assert found[0].parsed == CredentialNeed(("CPC", "CCS"), apprentice_accepted=True)
    assert found[1].parsed == ExperienceNeed(3.0, ("coding",), "outpatient", None, "outpatient coding experience")
    assert found[2].parsed == EducationNeed("associate", equivalent_accepted=True)
    assert isinstance(found[3].parsed, CredentialNeed) and found[3].parsed.within_months == 6 and found[3].after_hire
    assert found[4].parsed == OtherNeed("XYZQ")


def test_duties_are_not_requirements(bundled_data):
    assert all(r.line != 4 for r in extracted(bundled_data).requirements)


def test_checkable_and_unchecked_split_the_requirements(bundled_data):
    found = extracted(bundled_data)
    assert [r.kind for r in found.unchecked] == ["other"]
    assert len(found.checkable) + len(found.unchecked) == len(found.requirements)


def test_the_same_need_twice_is_listed_once(bundled_data):
    found = extracted(bundled_data, "Coder\n\nRequirements\n- CPC required\n- Must hold a CPC\n").requirements
    assert [(r.kind, r.line) for r in found] == [("credential", 4)]


def test_the_employers_own_text_before_any_heading_is_skipped(bundled_data):
    text = "Coder\n\nWe are a hospital with 3 campuses founded 20 years ago.\nRequirements\n- CPC required\n"
    assert [r.kind for r in extracted(bundled_data, text).requirements] == ["credential"]


def test_a_posting_without_requirements_gives_none(bundled_data):
    assert extracted(bundled_data, "Coder\n\nAbout us\nWe are nice.\n").requirements == ()


def test_coding_credentials_leave_out_cdi_and_filter_by_body(bundled_data):
    every = coding_credentials(bundled_data)
    assert {"CPC", "CCS", "CRC", "CCA"} <= set(every)
    assert not {"CDIP", "CCDS", "RHIA"} & set(every)
    aapc = coding_credentials(bundled_data, {"AAPC"})
    assert "CPC" in aapc and "CCS" not in aapc and set(aapc) < set(every)
    assert coding_credentials(bundled_data, set()) == ()


def test_an_extraction_is_what_a_match_reads(experienced_coder, bundled_data):
    result = evaluate_posting(extracted(bundled_data), experienced_coder, bundled_data, TODAY)
    assert len(result.results) == len(extracted(bundled_data).requirements)
