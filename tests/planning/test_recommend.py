"""`planning.recommend`: the pass over a found route that moves an exam to when the body's
recommended preparation is met, where that costs the route nothing."""

from __future__ import annotations

import pytest
from conftest import TODAY

from codingpath.planning import plan_route
from codingpath.planning import route as route_module
from codingpath.planning.recommend import wait_for_recommendations


def _exam_months(plan, cid):  # noqa: ANN001, ANN202 - a Plan; (start, end) as YYYY-MM
    step = next(s for s in plan.steps if s.kind == "credential" and s.subject == cid)
    return f"{step.start:%Y-%m}", f"{step.end:%Y-%m}"


def test_the_pass_is_what_moves_the_ccs_after_the_recommended_year(newcomer, bundled_data, monkeypatch):
    moved = plan_route(newcomer, bundled_data, "validation-specialist", start=TODAY)
    monkeypatch.setattr(route_module, "wait_for_recommendations", lambda context, found: found)
    as_found = plan_route(newcomer, bundled_data, "validation-specialist", start=TODAY)
    assert _exam_months(as_found, "CCS") < _exam_months(moved, "CCS")  # the search sits it as early as it can
    assert moved.finish == as_found.finish  # and waiting costs the route nothing
    assert wait_for_recommendations.__module__ == "codingpath.planning.recommend"


@pytest.mark.parametrize("target", ["coding-manager", "inpatient-coder", "physician-coder"])
def test_the_pass_never_delays_a_route(newcomer, bundled_data, monkeypatch, target):
    moved = plan_route(newcomer, bundled_data, target, start=TODAY)
    monkeypatch.setattr(route_module, "wait_for_recommendations", lambda context, found: found)
    as_found = plan_route(newcomer, bundled_data, target, start=TODAY)
    assert moved.finish == as_found.finish
    assert [(s.kind, s.subject) for s in moved.steps if s.kind != "credential"] == \
        [(s.kind, s.subject) for s in as_found.steps if s.kind != "credential"]
