"""`codingpath.render.map_marks`: each role's mark on the career map (status, the first thing
missing in short) and a plan's steps grouped into numbered moves."""

from __future__ import annotations

import dataclasses
from datetime import date

from conftest import TODAY

from codingpath.engine import Gap, RoleResult, roadmap_statuses
from codingpath.planning import Step, plan_route
from codingpath.render.map_marks import MapMark, RouteMove, main_missing, map_marks, route_moves


def result(bundled_data, role_id: str, status: str = "gap", *gaps: Gap) -> RoleResult:
    return RoleResult(bundled_data.roles[role_id], status, gaps)  # type: ignore[arg-type]


def test_the_first_gap_is_shown_in_short_with_how_many_more(bundled_data):
    gaps = (Gap("credential", "needs one of CCS, CIC", ("CCS", "CIC")),
            Gap("experience", "needs 3 years of coding experience; has 1 year (2 years short)", years_short=2.0),
            Gap("education", "needs a bachelor's degree; has an associate degree"))
    assert main_missing(result(bundled_data, "inpatient-coder", "gap", *gaps)) == ("needs CCS/CIC", 2)
    assert main_missing(result(bundled_data, "inpatient-coder", "gap", *gaps[1:])) == (
        "needs 2 more yr coding", 1)
    assert main_missing(result(bundled_data, "inpatient-coder", "gap", gaps[2])) == ("needs a bachelor's degree", 0)
    assert main_missing(result(bundled_data, "inpatient-coder", "eligible")) == (None, 0)


def test_a_short_experience_gap_rounds_to_a_tenth_of_a_year(bundled_data):
    gap = Gap("experience", "needs 1 year of supervisory or management experience; has 2 months (10 months short)",
              years_short=10 / 12)
    assert main_missing(result(bundled_data, "coding-manager", "gap", gap))[0] == (
        "needs 0.8 more yr supervisory or management")


def test_an_apprentice_credential_gap_keeps_its_words(bundled_data):
    gap = Gap("credential", "holds CPC-A; needs the apprentice designation removed", ("CPC",))
    assert main_missing(result(bundled_data, "coding-supervisor", "gap", gap))[0] == gap.message


def test_marks_show_the_target_and_the_current_role(bundled_data):
    gap = Gap("credential", "needs CCS", ("CCS",))
    statuses = {"medical-coder": result(bundled_data, "medical-coder", "held"),
                "coder-ii": result(bundled_data, "coder-ii", "eligible"),
                "inpatient-coder": result(bundled_data, "inpatient-coder", "gap", gap),
                "coding-manager": result(bundled_data, "coding-manager", "eligible")}
    marks = map_marks(statuses, current="medical-coder", target="coding-manager")
    assert marks["medical-coder"] == MapMark("held", current=True, meets=True)
    assert marks["coder-ii"] == MapMark("eligible", meets=True)
    assert marks["inpatient-coder"] == MapMark("gap", "needs CCS", 0)
    assert marks["coding-manager"] == MapMark("target", None, 0, meets=True)


def test_an_unmet_target_is_marked_target_with_what_it_misses(bundled_data):
    gap = Gap("education", "needs a bachelor's degree; has a high-school diploma")
    marks = map_marks({"coding-manager": result(bundled_data, "coding-manager", "gap", gap)}, current=None,
                      target="coding-manager")
    assert marks["coding-manager"] == MapMark("target", "needs a bachelor's degree", 0, meets=False)


def test_every_bundled_role_gets_a_mark(newcomer, bundled_data):
    statuses = roadmap_statuses(newcomer, bundled_data, TODAY)
    marks = map_marks(statuses, current=None, target=None)
    assert set(marks) == set(statuses)
    assert all(m.missing for m in marks.values() if m.status == "gap")


def step(kind: str, subject: str, start: date, end: date | None = None, unconfirmed: bool = False) -> Step:
    return Step(kind, f"{kind} {subject}", start, end or start, None, "", (), unconfirmed, subject)  # type: ignore[arg-type]


def test_steps_are_grouped_under_the_move_they_follow(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "coding-manager", start=TODAY)
    before, moves = route_moves(plan)
    assert [m.number for m in moves] == list(range(1, len(moves) + 1))
    assert moves[-1].role == plan.target.id
    roles = [s.subject for s in plan.steps if s.kind == "role"]
    assert [m.role for m in moves] == roles
    assert len(before) + sum(len(m.steps) for m in moves) == len(plan.steps) - len(roles)


def test_steps_before_the_first_move_and_dates_only_for_spans(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY)
    steps = (step("credential", "CPC", date(2027, 1, 1), date(2027, 5, 1)),
             step("role", "medical-coder", date(2027, 5, 1)),
             step("training", "x", date(2027, 6, 1), unconfirmed=True),
             step("role", "coder-ii", date(2028, 5, 1)))
    before, moves = route_moves(dataclasses.replace(plan, steps=steps))
    assert before == ("credential CPC, 2027-01 to 2027-05",)
    assert moves == (RouteMove(1, "medical-coder", "2027-05", ("training x",), True),
                     RouteMove(2, "coder-ii", "2028-05", (), False))
