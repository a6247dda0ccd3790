"""`codingpath.match.evaluate`: one person against one posting: each requirement met, a gap,
earned after hire, or unchecked; and the verdict."""

from __future__ import annotations

from conftest import TODAY

from codingpath.match.evaluate import MatchResult, RequirementResult, evaluate_posting
from codingpath.match.extract import extract_requirements
from codingpath.match.posting import parse_posting
from codingpath.models import EducationRecord, ExperienceEntry, HeldCredential, Profile


def match(bundled_data, profile: Profile, *lines: str, plan: bool = False) -> MatchResult:
    text = "Coder\n\nRequirements\n" + "".join(f"- {line}\n" for line in lines)
    extraction = extract_requirements(parse_posting(text), bundled_data)
    return evaluate_posting(extraction, profile, bundled_data, TODAY, plan_each_gap=plan)


def person(*credentials: str, years: float = 0, education: str = "high-school", apprentice: bool = False) -> Profile:
    return Profile(education=EducationRecord(level=education),  # type: ignore[arg-type]
                   credentials=tuple(HeldCredential(id=c, apprentice=apprentice) for c in credentials),
                   experience=(ExperienceEntry(role="medical-coder", years=years),) if years else ())


def statuses(result: MatchResult) -> list[tuple[str, str]]:
    return [(r.status, r.message) for r in result.results]


def test_someone_who_holds_everything_meets(bundled_data):
    result = match(bundled_data, person("CCS", years=4), "CPC or CCS required", "3+ years of coding experience")
    assert result.verdict == "meets" and result.gaps == () and result.months_to_required == 0
    assert statuses(result)[0] == ("met", "holds CCS")


def test_a_missing_required_credential_is_a_gap_and_the_verdict_says_so(bundled_data):
    result = match(bundled_data, person(), "CPC required")
    assert result.verdict == "gaps"
    assert statuses(result) == [("gap", "needs CPC")]


def test_a_missing_preferred_item_still_meets_what_is_required(bundled_data):
    text = "Coder\n\nRequirements\n- CPC required\nPreferred\n- CRC\n"
    extraction = extract_requirements(parse_posting(text), bundled_data)
    result = evaluate_posting(extraction, person("CPC"), bundled_data, TODAY, plan_each_gap=False)
    assert result.verdict == "meets-required" and [r.status for r in result.results] == ["met", "gap"]


def test_an_apprentice_designation_counts_only_where_accepted(bundled_data):
    apprentice = person("CPC", apprentice=True)
    assert match(bundled_data, apprentice, "CPC required").verdict == "gaps"
    accepted = match(bundled_data, apprentice, "CPC required; CPC-A accepted")
    assert statuses(accepted) == [("met", "holds CPC-A (the posting accepts it)")]


def test_a_credential_that_replaces_the_one_asked_for_answers_it(bundled_data):
    assert "RHIT" in bundled_data.credentials["RHIA"].replaces
    result = match(bundled_data, person("RHIA", education="bachelor"), "RHIT required")
    assert statuses(result) == [("met", "holds RHIA, which replaces RHIT")]


def test_short_experience_is_a_gap_saying_how_short(bundled_data):
    result = match(bundled_data, person(years=1), "3+ years of coding experience")
    (status, message), = statuses(result)
    assert status == "gap" and message.startswith("needs 3 years of coding experience; has 1 year")


def test_what_codingpath_cannot_check_is_unchecked_and_does_not_decide_the_verdict(bundled_data):
    result = match(bundled_data, person("CPC"), "CPC required", "XYZQ certification required")
    assert result.verdict == "meets"
    assert [r.status for r in result.unchecked] == ["unchecked"]
    assert result.unchecked[0].message == "codingpath has no record of it: check it yourself"


def test_a_setting_is_noted_as_not_checked(bundled_data):
    result = match(bundled_data, person(years=5), "3+ years of inpatient coding experience")
    assert result.results[0].notes == ("the setting (inpatient) is not checked: a profile does not record it",)


def test_a_degree_gap_where_experience_is_accepted_leaves_it_to_the_employer(bundled_data):
    result = match(bundled_data, person(), "Associate degree or equivalent experience")
    (status, message), = statuses(result)
    assert status == "gap" and message.endswith("(the posting accepts equivalent work experience: the employer decides)")


def test_a_credential_due_after_hire_that_a_plan_reaches_in_time_is_after_hire(bundled_data):
    result = match(bundled_data, person("CPC", years=3), "CPC required", "CPMA within 12 months of hire")
    due = result.results[1]
    assert due.status == "after-hire" and due.months is not None and due.months <= 12
    assert "a planned route takes about" in due.message
    assert result.verdict == "meets"


def test_planning_each_gap_gives_months_to_close_it(bundled_data):
    result = match(bundled_data, person(), "CPC required", plan=True)
    gap = result.gaps[0]
    assert gap.months is not None and gap.months > 0
    assert result.months_to_required is not None and result.months_to_required > 0
    assert gap.as_dict()["months_to_close"] == gap.months


def test_a_result_as_a_dict_carries_the_requirement_and_its_status(bundled_data):
    result: RequirementResult = match(bundled_data, person("CPC"), "CPC required").results[0]
    as_dict = result.as_dict()
    assert as_dict["status"] == "met" and as_dict["message"] == "holds CPC" and as_dict["notes"] == []
