"""`Bounds` built from a context alone, on a small map where every bound can be worked out by hand:
the months, fees and steps still needed from a state, never more than a route must take."""

from __future__ import annotations

from small_world import parts

from codingpath.models import EDUCATION_LEVELS, HeldCredential, Profile
from codingpath.planning.state import Degree, Study


def newcomer() -> Profile:
    return Profile(education="high-school")


def test_the_quickest_exam_and_the_experience_still_missing_bound_a_newcomer():
    context, bounds, _ = parts("lead")
    position = bounds.position(context.initial_state(newcomer()), 0)
    # Two years of coding from a trainee job open at once; the exam (1 month) runs alongside.
    assert bounds.months_left(position) == 24
    assert bounds.fees_left(position) == 50  # XE is the cheapest exam of the group, not the quickest
    assert bounds.steps_left(position) == 2  # an exam and a move into a job that accrues coding


def test_an_exam_under_way_counts_its_remaining_months_and_no_fee_again():
    context, bounds, _ = parts("senior")  # XA or nothing
    studying = context.initial_state(newcomer())._replace(study=Study("credential", "XA", 3), role="trainee")
    position = bounds.position(studying, 1)
    assert bounds.months_left(position) == 2  # a trainee who has served a year: senior is one move away
    assert bounds.fees_left(position) == 0
    assert bounds.steps_left(position) == 0


def test_a_held_credential_leaves_nothing_to_do():
    context, bounds, _ = parts("coder", Profile(education="high-school", credentials=(HeldCredential(id="XC"),)))
    position = bounds.position(context.initial_state(Profile()), 0)
    assert (bounds.months_left(position), bounds.fees_left(position), bounds.steps_left(position)) == (0, 0, 0)


def test_an_unknown_fee_counts_as_the_dearest_known_one():
    context, bounds, _ = parts("unpriced")
    assert context.unknown_fee == 150
    position = bounds.position(context.initial_state(newcomer()), 0)
    assert bounds.fees_left(position) == 150
    context, bounds, _ = parts("lead")  # XU and XC both in scope (unpriced and coder are stepping stones)
    state = context.initial_state(newcomer())
    assert bounds.cheapest_fee(frozenset({"XU", "XC"}), state) == 100
    assert bounds.cheapest_fee(frozenset({"XU"}), state) == 150


def test_an_apprentice_credential_does_not_fill_a_group_that_asks_for_a_full_one():
    held = HeldCredential(id="XA", apprentice=True)
    context, bounds, _ = parts("senior", Profile(education="high-school", credentials=(held,)))
    position = bounds.position(context.initial_state(newcomer())._replace(role="trainee"), 0)
    assert not position.met(frozenset({"XA"}), full=True) and position.met(frozenset({"XA"}), full=False)
    assert bounds.fees_left(position) == 0  # removing the designation is free
    assert bounds.steps_left(position) == 1  # but it is a step


def test_the_ladder_bounds_a_newcomer_to_a_mid_tier_job():
    context, bounds, _ = parts("senior")
    position = bounds.position(context.initial_state(newcomer()), 0)
    # Into an entry job first, then a year in it before the move up: never less than 12 months.
    assert context.ladder.moves_left(None) == 1 and bounds.months_left(position) == 12
    assert bounds.steps_left(position) == 2  # the entry job and the apprentice exam
    moved = context.initial_state(newcomer())._replace(role="trainee", may_move_at=5)
    assert bounds.months_left(bounds.position(moved, 0)) == 5  # the tenure left in the trainee job


def test_a_degree_bound_counts_the_programme_or_what_is_left_of_it():
    context, bounds, _ = parts("graduate")
    first = context.initial_state(newcomer())
    assert bounds.months_left(bounds.position(first, 0)) == 24
    associate = EDUCATION_LEVELS.index("associate")
    enrolled = first._replace(degree=Degree(associate, False, 30), degree_may_start=False)
    position = bounds.position(enrolled, 10)
    assert bounds.months_left(position) == 20
    assert bounds.steps_left(position) == 0


def test_experience_accrued_shortens_the_bound_month_for_month():
    context, bounds, _ = parts("lead", Profile(education="high-school", credentials=(HeldCredential(id="XC"),)))
    first = context.initial_state(newcomer())._replace(role="trainee")
    a_year_on = first._replace(months=(12,))
    assert bounds.months_left(bounds.position(first, 0)) == 24
    assert bounds.months_left(bounds.position(a_year_on, 12)) == 12
    assert bounds.steps_left(bounds.position(a_year_on, 12)) == 0  # the trainee job accrues coding


def test_a_position_is_kept_for_its_month_only():
    context, bounds, _ = parts("lead")
    state = context.initial_state(newcomer())
    assert bounds.position(state, 0) is bounds.position(state, 0)
    assert bounds.position(state, 5).month == 5
