"""Extraction phrase by phrase: each test would fail if that way of writing a requirement were lost."""

from __future__ import annotations

import pytest

from codingpath.match import extract_requirements
from codingpath.match.posting import parse_posting
from codingpath.match.requirements import CredentialNeed, EducationNeed, ExperienceNeed, OtherNeed


def read(text: str, catalog, *, html: bool | None = None):
    return extract_requirements(parse_posting(text, "posting.txt", html=html), catalog).requirements


def only(text: str, catalog):
    found = read("Job title\n\nRequirements\n" + text, catalog)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "years", "top"), [
    ("3+ years of coding experience", 3.0, None),
    ("Minimum of two years of coding experience", 2.0, None),
    ("2-3 years of coding experience", 2.0, 3.0),
    ("Five (5) years of coding experience", 5.0, None),
    ("At least 1 year of coding experience", 1.0, None),
    ("6 months of coding experience", 0.5, None),
    ("a minimum of seven (7) years of coding experience", 7.0, None),
])
def test_years_in_every_usual_phrasing(bundled_data, text, years, top):
    need = only(text, bundled_data).parsed
    assert isinstance(need, ExperienceNeed)
    assert (need.years, need.max_years, need.tracks) == (years, top, ("coding",))


@pytest.mark.parametrize(("text", "tracks", "setting"), [
    ("3 years of inpatient coding experience", ("coding",), "inpatient"),
    ("2 years of professional fee coding (E/M)", ("coding",), "professional fee"),
    ("2 years of E/M coding", ("coding",), "E/M"),
    ("1 year of supervisory or lead experience", ("management",), None),
    ("5 years of leadership in revenue cycle, HIM or coding", ("management",), None),
    ("3 years of HIM experience", ("coding", "him"), None),
    ("2 years in coding compliance or auditing", ("audit", "compliance"), None),
    ("3 years of CDI experience", ("cdi",), None),
    ("4 years of experience", (), None),
])
def test_of_what_the_years_are(bundled_data, text, tracks, setting):
    need = only(text, bundled_data).parsed
    assert isinstance(need, ExperienceNeed)
    assert (need.tracks, need.setting) == (tracks, setting)


def test_years_that_are_not_experience_are_not_read(bundled_data):
    assert read("Coder\n\nRequirements\n- CPMA within 12 months of hire\n- Our 12-month program", bundled_data)[0] \
        .parsed == CredentialNeed(("CPMA",), within_months=12)
    assert read("Coder\n\nRequirements\n- 20 years serving the community\n", bundled_data) == ()


@pytest.mark.parametrize(("text", "need"), [
    ("CPC or CCS required", CredentialNeed(("CPC", "CCS"))),
    ("RHIT/RHIA", CredentialNeed(("RHIT", "RHIA"))),
    ("Certified Professional Coder (CPC) credential", CredentialNeed(("CPC",))),
    ("Registered Health Information Administrator or Certified Coding Specialist - Physician Based",
     CredentialNeed(("RHIA", "CCS-P"))),
    ("CPC (CPC-A accepted)", CredentialNeed(("CPC",), apprentice_accepted=True)),
    ("CPC, CPC-A, or CCA", CredentialNeed(("CPC", "CCA"), apprentice_accepted=True)),
    ("CCS required (CIC accepted)", CredentialNeed(("CCS", "CIC"))),
    ("RHIT, or RHIT eligible", CredentialNeed(("RHIT",), eligible_accepted=True)),
    ("CCDS or CDIP within 18 months of hire", CredentialNeed(("CCDS", "CDIP"), within_months=18)),
    ("RN, RHIA or CCS required", CredentialNeed(("RHIA", "CCS"), unknown=("RN",))),
    ("ccs-p", None),  # lower case is prose, not a credential
])
def test_credentials_as_postings_write_them(bundled_data, text, need):
    found = [r.parsed for r in read("Coder\n\nRequirements\n- " + text, bundled_data) if r.kind == "credential"]
    assert found == ([need] if need else [])


def test_and_makes_two_requirements_or_makes_one(bundled_data):
    found = read("Auditor\n\nRequirements\n- Must hold CPC and CPMA\n", bundled_data)
    assert [r.parsed.any_of for r in found] == [("CPC",), ("CPMA",)]


def test_cpc_a_not_accepted_is_a_reading_not_a_requirement(bundled_data):
    found = read("Coder\n\nRequirements\n- CPC or COC required\n- CPC-A not accepted\n", bundled_data)
    assert [r.parsed for r in found] == [CredentialNeed(("CPC", "COC"))]


def test_a_body_named_without_a_credential_means_its_coding_credentials(bundled_data):
    need = only("Active AAPC coding certification", bundled_data).parsed
    assert isinstance(need, CredentialNeed)
    # CPC-P is retired, but its holders keep it; specialty credentials (CEMC...) are not meant.
    assert set(need.any_of) == {"CPC", "COC", "CRC", "CIC", "CPC-P"}


@pytest.mark.parametrize(("text", "level", "field", "equivalent"), [
    ("High school diploma or GED", "high-school", None, False),
    ("Associate degree in Health Information Management", "associate", "Health Information Management", False),
    ("Bachelor's in HIM or related field", "bachelor", "HIM or related field", False),
    ("Bachelor’s degree or equivalent work experience", "bachelor", None, True),
    ("Master's degree", "master", None, False),
])
def test_education_levels_fields_and_equivalents(bundled_data, text, level, field, equivalent):
    need = only(text, bundled_data).parsed
    assert need == EducationNeed(level, field, equivalent)


def test_required_and_preferred_from_phrases_and_headings(bundled_data):
    found = read("Coder\n\nQualifications\n- CPC required; CRC preferred\n- Associate degree is a plus\n"
                 "- Bachelor's degree required, master's preferred\n\nPreferred\n- CPMA\n"
                 "- 2 years of coding experience (required)\n", bundled_data)
    assert [(r.kind, r.required) for r in found] == [
        ("credential", True), ("credential", False), ("education", False), ("education", True),
        ("education", False), ("credential", False), ("experience", True)]


def test_descriptions_responsibilities_and_benefits_are_not_requirements(bundled_data):
    found = read("Coder\n\nResponsibilities\n- Help coders prepare for the CPC exam\n- Audit 3 years of claims\n"
                 "\nBenefits\n- We pay for your CCS renewal\n\nRequirements\n- COC\n", bundled_data)
    assert [r.parsed for r in found] == [CredentialNeed(("COC",))]


def test_an_inline_label_sets_the_kind_of_its_line_only(bundled_data):
    found = read("Coder\nPreferred: CPMA.\nRequired: CPC.\nCertification: CRC.\n", bundled_data)
    assert [(r.parsed.any_of, r.required) for r in found] == [(("CPMA",), False), (("CPC",), True), (("CRC",), True)]


def test_unknown_credentials_are_listed_never_dropped(bundled_data):
    found = read("Coder\n\nRequirements\n- CHC required\n- Epic certification\n- COSC strongly preferred\n"
                 "- Knowledge of NCCI and MS-DRG\n", bundled_data)
    assert [(r.parsed, r.required) for r in found] == [
        (OtherNeed("CHC"), True), (OtherNeed("Epic certification"), True), (OtherNeed("COSC"), False)]


def test_a_credential_named_again_in_its_sentence_qualifies_it(bundled_data):
    found = read("Registrar\n\nRequirements\n- CTR required, or CTR eligible with the CTR earned within 1 year "
                 "of hire.\n", bundled_data)
    assert [r.parsed for r in found] == [CredentialNeed(("CTR",), (), False, True, 12)]


def test_html_scripts_styles_and_navigation_are_not_read(bundled_data):
    page = ("<html><head><title>Coder | Acme</title><style>li{}</style><script>var r = 'CCS required';</script>"
            "</head><body><nav>CPMA training</nav><h1>Coder</h1><h3>Requirements</h3><ul><li>CPC required</li>"
            "</ul><footer>RHIA</footer></body></html>")
    found = read(page, bundled_data)
    assert [r.parsed for r in found] == [CredentialNeed(("CPC",))]


def test_markdown_emphasis_and_bullets_are_read_through(bundled_data):
    found = read("# Coder\n\n**Requirements**\n\n1. **CPC** required\n2. *3+ years* of `coding` experience\n",
                 bundled_data)
    assert [r.kind for r in found] == ["credential", "experience"]
    assert found[1].text == "3+ years of coding experience" and found[1].line == 6


def test_a_paragraph_posting_without_headings(bundled_data):
    found = read("Coder\n\nWe are a friendly team founded 20 years ago. The ideal candidate holds a CCS and has at "
                 "least three years of inpatient coding experience. A bachelor's degree is a plus.", bundled_data)
    assert [(r.kind, r.required) for r in found] == [("credential", True), ("experience", True), ("education", False)]
