"""`codingpath.render.plan_views`: the plan's view (its answer as the title, a letter for each
requirement met, fees and the CSV records) and the credentials' catalogue in short."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from conftest import TODAY

from codingpath.errors import Problem
from codingpath.models import Credential, Fee, Requirement
from codingpath.planning import Plan, Step, plan_route
from codingpath.render.plan_views import credentials_view, fee_text, plan_view, rule_to_sit, short_rule

SOURCED: dict[str, Any] = {"confidence": "confirmed", "sources": [{"url": "https://example.org", "as_of": "2026"}]}


def newcomer_plan(newcomer, bundled_data, target: str = "medical-coder") -> Plan:
    return plan_route(newcomer, bundled_data, target, start=TODAY)


def test_a_route_is_titled_by_its_length_dates_and_fees(newcomer, bundled_data):
    plan = newcomer_plan(newcomer, bundled_data)
    view = plan_view(plan, name="Ana", source="ana.yaml")
    steps, meets = view.tables
    assert steps.title.startswith("Ana to Medical Coder: ")
    assert f"({plan.start:%Y-%m} to {plan.finish:%Y-%m}), exam fees $" in steps.title
    assert len(steps.rows) == len(plan.steps) and steps.columns == ("When", "Step", "Fee", "Meets")
    letters = [row[3] for row in steps.rows if row[3]]
    assert letters[0] == "a" and {m for m, _ in meets.rows} == set(letters)
    assert view.notes == plan.notes


def test_the_payload_carries_every_step_and_the_totals(newcomer, bundled_data):
    plan = newcomer_plan(newcomer, bundled_data)
    warning = Problem("ana.yaml", "old", severity="warning")
    payload = plan_view(plan, name=None, source="ana.yaml", warnings=(warning,)).payload
    assert payload["target"]["id"] == "medical-coder" and payload["feasible"] is True
    assert payload["total_months"] == round(plan.total_years * 12)
    assert [s["kind"] for s in payload["steps"]] == [s.kind for s in plan.steps]
    assert payload["warnings"] == [warning.as_dict()] and payload["profile"] == {"name": None, "file": "ana.yaml"}


def test_a_move_drops_the_clause_said_once_under_the_table(newcomer, bundled_data):
    plan = newcomer_plan(newcomer, bundled_data, "coding-manager")
    view = plan_view(plan, name=None, source="p.yaml")
    texts = [row[1] for row in view.tables[0].rows]
    assert not any(": you would meet its published requirements" in t.split("\n")[0] for t in texts)
    assert view.tables[0].caption and view.tables[0].caption.startswith("A move is planned for when")
    assert any("\nor: " in t for t in texts)  # alternatives on a line of their own
    assert view.tables[0].title.startswith("this profile to Coding Manager")


def step(kind: str, cost: float | None, satisfies: str = "", unconfirmed: bool = False) -> Step:
    return Step(kind, f"Do {kind}", date(2027, 1, 1), date(2027, 3, 1), cost, satisfies, (), unconfirmed,  # type: ignore[arg-type]
                kind)


def test_unknown_exam_fees_are_counted_in_the_title_and_marked_in_the_fee_column(newcomer, bundled_data):
    plan = dataclasses.replace(newcomer_plan(newcomer, bundled_data),
                               steps=(step("credential", None, "X: A", unconfirmed=True), step("training", 80.0, "X: B"),
                                      step("credential", 100.0, "X: A"), step("education", None)),
                               total_fees_usd=180.0)
    view = plan_view(plan, name=None, source="p.yaml")
    assert view.tables[0].title.endswith("exam fees $180 plus 1 unknown")
    assert [row[2] for row in view.tables[0].rows] == ["unknown", "$80", "$100", ""]
    assert [row[3] for row in view.tables[0].rows] == ["a", "b", "a", ""]
    assert view.tables[0].rows[0][1] == "Do credential *"
    records = view.records
    assert records is not None and records.rows[0][:4] == ("2027-01", "2027-03", "credential", "credential")
    assert [r[6] for r in records.rows] == ["", "80", "100", ""] and records.rows[0][-1] == "yes"


def test_an_eligible_profile_is_told_so_once(director_candidate, bundled_data):
    plan = plan_route(director_candidate, bundled_data, "coding-manager", start=TODAY)
    assert plan.eligible_now
    view = plan_view(plan, name="Dee", source="d.yaml")
    (table,) = view.tables
    assert table.rows == (("Dee already meets the published requirements for Coding Manager: no steps needed.",),)
    assert not any(n.startswith("You already meet") for n in view.notes)


def test_no_route_says_why(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY,
                      avoid=frozenset({"CPC", "CCA", "COC", "CCS"}))
    assert not plan.feasible
    (table,) = plan_view(plan, name=None, source="p.yaml").tables
    assert table.rows[0][0] == f"No route: {plan.reason}."


def test_short_rule_names_each_part_of_a_route():
    req = Requirement.model_validate({"education": "associate", "credentials": [["CPC", "CCS"]],
                                      "experience": [{"years": 2, "tracks": ["coding"], "label": "coding"}],
                                      "training": ["aapc-practicode"]})
    text = short_rule(req)
    assert text.endswith("2 years coding + training aapc practicode") and "CPC" in text and " + " in text
    assert short_rule(Requirement()) == "no prerequisite"
    any_rule = Requirement.model_validate({"experience": [{"years": 1, "label": "any"}]})
    assert short_rule(any_rule) == "1 year any"


def credential(**eligibility: Any) -> Credential:
    return Credential.model_validate({
        "id": "XC", "name": "Exam XC", "body": "EX", "focus": ["physician"], "summary": "An exam.",
        "eligibility": {**SOURCED, **eligibility}, "renewal": {"cycle_years": 2, **SOURCED},
        "study": {"hours": 40, **SOURCED}})


def test_rule_to_sit_shortens_many_routes_and_marks_unconfirmed_ones():
    one = {"experience": [{"years": 1, "tracks": ["coding"], "label": "coding"}]}
    assert rule_to_sit(credential(routes=[])) == "none"
    assert rule_to_sit(credential(routes=[], conditions=["membership"])) == "none (membership)"
    assert rule_to_sit(credential(routes=[one, one])) == "1 year coding or 1 year coding"
    assert rule_to_sit(credential(routes=[one, one, one])) == "1 year coding, or 2 other routes"
    assert rule_to_sit(credential(routes=[one], confidence="unconfirmed")) == "1 year coding *"


def test_fee_text_shows_the_planning_price_members_price_and_doubt():
    assert fee_text(None) == "unknown"
    assert fee_text(Fee.model_validate({"member_usd": 300, **SOURCED})) == "unknown"
    assert fee_text(Fee.model_validate({"usd": 1299.5, **SOURCED})) == "$1,300"
    assert fee_text(Fee.model_validate({"member_usd": 299, "non_member_usd": 399, **SOURCED})) == "$399 ($299 members)"
    third = {**SOURCED, "confidence": "third-party"}
    assert fee_text(Fee.model_validate({"usd": 100, **third})) == "$100 (third-party)"


def test_the_credentials_view_sorts_by_body_then_id(bundled_data):
    view = credentials_view(list(bundled_data.credentials.values()))
    (table,) = view.tables
    keys = [(row[2], row[0]) for row in table.rows]
    assert keys == sorted(keys) and len(keys) == len(bundled_data.credentials)
    assert table.title == f"{len(keys)} credentials"
    assert credentials_view([credential(routes=[])]).tables[0].title == "1 credential"
    entry = next(e for e in view.payload["credentials"] if e["id"] == "CPC")
    assert entry["apprentice"] == "CPC-A" and entry["fee"]["planning_usd"] is not None
