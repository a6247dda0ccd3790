"""`plan_route`, the planner's entry point: its checks of the options, an eligible profile, a route
on a small map, and a plan with no route that says why."""

from __future__ import annotations

import pytest
from small_world import START, small_catalog

from codingpath.errors import InputError
from codingpath.models import HeldCredential, Profile
from codingpath.planning.route import plan_route
from codingpath.planning.state import MIN_STAY_MONTHS


def beginner() -> Profile:
    return Profile(education="high-school")


def plan(target: str, profile: Profile | None = None, **options):
    return plan_route(profile or beginner(), small_catalog(), target, start=START, **options)


@pytest.mark.parametrize(("options", "message"), [
    ({"degree_pace": "weekends"}, "part-time or full-time; found 'weekends'"),
    ({"min_tenure": -1}, "0 to 120 months; found -1"),
    ({"min_tenure": 121}, "0 to 120 months; found 121"),
    ({"hours_per_week": 0}, "more than 0 and at most 168; found 0"),
    ({"hours_per_week": 168.5}, "found 168.5"),
])
def test_out_of_range_options_are_input_errors(options, message):
    with pytest.raises(InputError, match=message):
        plan("coder", **options)


def test_an_unknown_target_is_an_input_error():
    with pytest.raises(InputError, match="unknown role 'nope'"):
        plan("nope")


def test_the_edges_of_the_ranges_are_allowed():
    assert plan("coder", min_tenure=0).feasible and plan("coder", min_tenure=120).feasible
    assert plan("coder", hours_per_week=168).feasible
    assert MIN_STAY_MONTHS == 12


def test_an_eligible_profile_gets_no_steps_and_finishes_at_the_start():
    done = plan("trainee")
    assert done.eligible_now and done.feasible and done.steps == ()
    assert done.finish == START and done.total_years == 0 and done.total_fees_usd == 0


def test_holding_a_credential_of_the_group_makes_the_coder_job_open_now():
    holder = Profile(education="high-school", credentials=[HeldCredential(id="XE")])
    assert plan("coder", holder).eligible_now


def test_the_quickest_exam_makes_the_route():
    coder = plan("coder")
    assert [(s.kind, s.subject) for s in coder.steps] == [("credential", "XC"), ("role", "coder")]
    assert coder.total_fees_usd == 100 and coder.finish is not None and coder.finish > START
    assert not coder.unconfirmed and coder.hours_per_week == 10.0 and coder.start == START


def test_fewer_study_hours_a_week_push_the_finish_back():
    quick, slow = plan("coder"), plan("coder", hours_per_week=2)
    assert quick.finish is not None and slow.finish is not None and slow.finish > quick.finish
    assert slow.hours_per_week == 2


def test_avoided_credentials_reroute_or_leave_no_route():
    assert [s.subject for s in plan("coder", avoid=frozenset({"XC"})).steps][0] == "XE"
    none = plan("coder", avoid=frozenset({"XC", "XS", "XE"}))
    assert not none.feasible and not none.eligible_now and none.steps == () and none.finish is None
    assert none.reason == "Coder: needs one of XC, XS, XE, and none of them can be planned (excluded or not in the data)"
    assert none.total_years == 0 and none.total_fees_usd == 0 and none.notes == ()


def test_a_degree_at_full_time_pace_takes_its_full_time_years():
    assert plan("graduate", degree_pace="full-time").total_years == 2.0


def test_the_bundled_newcomer_reaches_a_medical_coder_job(newcomer, bundled_data):
    from conftest import TODAY

    found = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY)
    assert found.feasible and found.steps[-1].subject == "medical-coder"
    assert found.steps[-1].satisfies == "the target role"
