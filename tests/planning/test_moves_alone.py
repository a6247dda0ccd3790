"""`Moves` built from a context and bounds alone, on a small map: which moves a state leads to,
and what waiting does."""

from __future__ import annotations

from small_world import parts

from codingpath.engine import assess
from codingpath.models import HeldCredential, Profile
from codingpath.planning.state import MIN_STAY_MONTHS, Study


def newcomer() -> Profile:
    return Profile(education="high-school")


def moves_from(target: str, profile: Profile) -> list[tuple[str, str, int]]:
    context, _, moves = parts(target, profile)
    state = context.initial_state(profile)
    return [(m.action.kind, m.action.subject, m.action.end) for m in moves.expand(state, context.standing(state), 0)]


def test_a_newcomer_may_take_the_quickest_or_the_cheapest_exam_a_degree_or_the_easiest_job():
    assert moves_from("lead", newcomer()) == [
        ("credential", "XC", 1),  # the quickest
        ("credential", "XE", 2),  # slower, but cheaper; XS is slower and dearer than both: never offered
        ("education", "associate", 24),  # a stepping stone (graduate) asks for it; degrees start at the start
        ("role", "trainee", 0),  # the easiest job that accrues coding: needs nothing
    ]


def test_the_only_useful_job_is_the_easiest_to_enter_for_the_same_gain():
    context, bounds, moves = parts("lead")
    position = bounds.position(context.initial_state(newcomer()), 0)
    assert moves.useful_roles(position) == frozenset({"trainee"})


def test_a_move_into_a_job_keeps_a_person_there_a_year():
    context, _, moves = parts("lead")
    state = context.initial_state(newcomer())
    into = next(m for m in moves.expand(state, context.standing(state), 3) if m.action.kind == "role")
    assert into.state.role == "trainee" and into.state.may_move_at == 3 + MIN_STAY_MONTHS
    assert into.unconfirmed == 0 and into.fee == 0


def test_waiting_accrues_experience_and_ends_the_exam():
    context, _, moves = parts("lead")
    state = context.initial_state(newcomer())._replace(role="trainee", study=Study("credential", "XC", 1))
    after = moves.advance(state, 0, 1, context.accrues["trainee"])
    assert after.credentials == {"XC"} and after.study is None and after.apprentice == frozenset()
    assert after.months == (1,)


def test_an_exam_passed_without_experience_comes_with_its_apprentice_designation():
    context, _, moves = parts("senior")
    state = context.initial_state(newcomer())._replace(study=Study("credential", "XA", 1))
    after = moves.advance(state, 0, 1, frozenset())
    assert after.credentials == {"XA"} and after.apprentice == {"XA"}


def test_a_wait_ends_at_the_next_event():
    context, _, moves = parts("lead")
    state = context.initial_state(newcomer())._replace(role="trainee", study=Study("credential", "XE", 2))
    found = list(moves.expand(state, context.standing(state), 0))
    wait = found[-1]
    assert wait.action.kind == "wait" and (wait.action.start, wait.action.end) == (0, 2)
    assert wait.state.months == (2,) and "XE" in wait.state.credentials


def test_removing_an_apprentice_designation_comes_first_and_alone():
    profile = Profile(education="high-school", credentials=(HeldCredential(id="XA", apprentice=True),))
    context, _, moves = parts("senior", profile)
    held = context.initial_state(profile)
    assert held.apprentice == {"XA"} and context.keys == ("coding",)
    assert all(m.action.kind != "apprentice" for m in moves.expand(held, context.standing(held), 0))
    a_year_on = held._replace(role="trainee", months=(12,))  # the removal route: a year of coding
    found = list(moves.expand(a_year_on, context.standing(a_year_on), 12))
    assert [(m.action.kind, m.action.subject) for m in found] == [("apprentice", "XA")]
    assert found[0].state.apprentice == frozenset() and found[0].state.credentials == {"XA"}


def test_meets_agrees_with_the_engine():
    context, _, moves = parts("lead", Profile(education="high-school", credentials=(HeldCredential(id="XC"),)))
    state = context.initial_state(newcomer())
    for rid in ("coder", "lead", "senior"):
        req = context.catalog.roles[rid].requirements
        assert moves.meets(req, state, context.standing(state)) == assess(req, context.standing(state)).met
    assert moves.meets(context.catalog.roles["coder"].requirements, state, context.standing(state))
