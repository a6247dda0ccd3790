"""`plan_notes` and `unreachable_reason`: what a plan says beyond its steps, and, when there is no
route, the first requirement nothing in the data can meet."""

from __future__ import annotations

from typing import Any

from small_world import HOURS_PER_WEEK, START, exam, role, small_catalog, sourced

from codingpath.catalog import Catalog
from codingpath.models import Credential, Profile, Role
from codingpath.planning.context import build_context
from codingpath.planning.notes import plan_notes, unreachable_reason
from codingpath.planning.route import plan_route


def newcomer() -> Profile:
    return Profile(education="high-school")


def with_changes(*, credentials: list[Credential] = (), roles: list[Role] = (), programs: Any = None) -> Catalog:  # type: ignore[assignment]
    base = small_catalog()
    return Catalog({**base.credentials, **{c.id: c for c in credentials}}, {**base.roles, **{r.id: r for r in roles}},
                   {}, base.education if programs is None else programs, {})


def notes_for(catalog: Catalog, target: str, profile: Profile | None = None, **options: Any) -> tuple[str, ...]:
    return plan_route(profile or newcomer(), catalog, target, start=START, **options).notes


def test_someone_already_eligible_is_told_so_and_nothing_else():
    context = build_context(small_catalog(), newcomer(), small_catalog().roles["trainee"], START, HOURS_PER_WEEK,
                            frozenset())
    notes = plan_notes(context, newcomer(), [], [], eligible_now=True)
    assert notes == ["You already meet the published requirements for Trainee: no steps needed."]


def test_an_exam_brings_the_study_and_fee_assumptions():
    notes = notes_for(small_catalog(), "coder", hours_per_week=7.5)
    assert notes[0].startswith("Study time assumes 7.5 hours a week")
    assert notes[1].endswith("membership dues and tuition are not included.")


def test_an_exam_with_no_published_fee_is_named():
    assert notes_for(small_catalog(), "unpriced")[1].endswith("; no published fee for XU.")


def test_an_unconfirmed_target_is_flagged():
    doubtful = role("coder", "entry", ["coding"], credentials=[["XC", "XS", "XE"]])
    doubtful = doubtful.model_copy(update={"requirements": doubtful.requirements.model_copy(
        update={"confidence": "unconfirmed"})})
    notes = notes_for(with_changes(roles=[doubtful]), "coder")
    assert any(n.startswith("Coder's requirements are unconfirmed") for n in notes)


def test_a_preferred_credential_not_in_the_route_is_recommended():
    coder = small_catalog().roles["coder"].model_copy(update={"preferred_credentials": ("XA", "XU")})
    notes = notes_for(with_changes(roles=[coder]), "coder")
    assert "Coder: recommended: XA (preferred by employers, not required; not in the route)." in notes
    # A preferred member of a required group is the one the route takes: nothing left to recommend.
    coder = coder.model_copy(update={"preferred_credentials": ("XS",)})
    notes = notes_for(with_changes(roles=[coder]), "coder")
    assert not any("recommended:" in n for n in notes)


def test_exam_conditions_and_unconfirmed_eligibility_are_noted():
    doubtful = exam("XC", 40, 100, eligibility={"routes": [], "conditions": ["membership"],
                                                "confidence": "unconfirmed", "note": "Ask the body.",
                                                "sources": sourced()["sources"]})
    notes = notes_for(with_changes(credentials=[doubtful]), "coder")
    assert "XC's eligibility rule is unconfirmed: Ask the body." in notes
    assert "XC also asks (not checked): membership." in notes


def test_degree_notes_follow_the_pace():
    part_time = notes_for(small_catalog(), "graduate")
    assert any(n.startswith("Degree durations are typical part-time durations") for n in part_time)
    full_time = notes_for(small_catalog(), "graduate", degree_pace="full-time")
    assert any(n.startswith("Degree durations are typical full-time durations") for n in full_time)


def test_more_than_two_role_steps_note_the_year_between_moves():
    assert "Moves to work of another kind come at least a year apart (a planning assumption)." in notes_for(
        small_catalog(), "lead")
    assert not any("a year apart" in n for n in notes_for(small_catalog(), "coder"))


def reason(catalog: Catalog, target: str, avoid: frozenset[str] = frozenset()) -> str | None:
    context = build_context(catalog, newcomer(), catalog.roles[target], START, HOURS_PER_WEEK, avoid)
    return unreachable_reason(context, context.initial_state(newcomer()))


def test_a_reachable_target_has_no_unreachable_reason():
    assert reason(small_catalog(), "lead") is None
    assert reason(small_catalog(), "graduate") is None


def test_no_degree_programme_is_the_reason():
    assert reason(with_changes(programs=()), "graduate") == (
        "needs an associate degree, and codingpath's data has no degree programme leading there from a "
        "high-school diploma or equivalent")


def test_every_credential_of_a_group_avoided_is_the_reason():
    assert reason(small_catalog(), "coder", frozenset({"XC", "XS", "XE"})) == (
        "needs one of XC, XS, XE, and none of them can be planned (excluded or not in the data)")


def test_experience_no_role_accrues_is_the_reason():
    auditor = role("auditor", "mid", ["audit"],
                   experience=[{"years": 2, "tracks": ["privacy"], "label": "privacy experience"}])
    assert reason(with_changes(roles=[auditor]), "auditor") == (
        "needs 2 years of privacy experience, and no role in codingpath's data counts toward it")


def test_a_confirmed_route_with_no_steps_needs_no_notes():
    catalog = small_catalog()
    context = build_context(catalog, newcomer(), catalog.roles["trainee"], START, HOURS_PER_WEEK, frozenset())
    assert plan_notes(context, newcomer(), [], [], eligible_now=False) == []
