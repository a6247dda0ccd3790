"""`Step` and `Plan`: plain frozen values with the defaults render and team code rely on."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import get_args

import pytest
from small_world import role

from codingpath.planning.result import Plan, Step, StepKind


def a_step(**changes) -> Step:
    step = Step("credential", "Earn XC", date(2027, 1, 1), date(2027, 2, 1), 100.0, "Coder: XC", ("XE",), False)
    return dataclasses.replace(step, **changes)


def test_step_kinds_are_the_six_the_planner_makes():
    assert set(get_args(StepKind)) == {"credential", "experience", "role", "education", "training", "apprentice"}


def test_a_step_defaults_to_no_subject_and_no_designations():
    step = a_step()
    assert (step.subject, step.apprentice, step.cahiim_accredited) == ("", False, False)


def test_a_step_is_frozen_and_hashable():
    step = a_step()
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.description = "changed"  # type: ignore[misc]
    assert hash(step) == hash(a_step())
    assert step == a_step() and step != a_step(cost_usd=None)


def test_a_plan_defaults_to_confirmed_and_ten_hours_a_week():
    target = role("coder", "entry", ["coding"])
    plan = Plan(target, False, True, None, (a_step(),), date(2027, 1, 1), date(2027, 2, 1), 0.08, 100.0, ())
    assert plan.unconfirmed is False and plan.hours_per_week == 10.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.feasible = False  # type: ignore[misc]


def test_an_infeasible_plan_has_no_finish():
    target = role("coder", "entry", ["coding"])
    plan = Plan(target, False, False, "Coder: no route", (), date(2027, 1, 1), None, 0.0, 0.0, ())
    assert plan.finish is None and plan.steps == () and plan.reason
