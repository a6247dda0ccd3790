"""Advice a career counselor would sign (issue 13): exams no longer offered are never scheduled,
recommended experience is waited for when it costs no time, and the gaps behind RHIT/RHIA say
what degree they need."""

from __future__ import annotations

import json
import math

import pytest
from conftest import EXAMPLES, TODAY
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app
from codingpath.engine import assess, evaluate_credential, evaluate_role, standing_of
from codingpath.load.loaded_profile import LoadedProfile
from codingpath.models import Profile
from codingpath.planning import apply_plan, plan_route
from codingpath.planning.apply import months_between
from codingpath.team.readiness import ReadinessEvaluator

runner = CliRunner()
NEWCOMER = str(EXAMPLES / "newcomer.yaml")
PAYER_GROUP = ("CPC", "CPC-P", "COC", "CCS", "CCS-P")


def coder(years: float, held: tuple[str, ...] = ()) -> Profile:
    return Profile.model_validate({
        "name": "Kim", "education": {"level": "high-school"}, "current_role": "medical-coder",
        "experience": [{"role": "medical-coder", "years": years}],
        "credentials": [{"id": c, "earned": "2020-01"} for c in held]})


def with_quick_retired_exam(catalog: Catalog) -> Catalog:
    """The bundled data with CPC-P (retired) made the quickest and cheapest of its group and the
    credential Payer Coder's employers prefer: a planner that ignored its status would take it."""
    credentials = dict(catalog.credentials)
    old = credentials["CPC-P"]
    assert not old.offered
    credentials["CPC-P"] = old.model_copy(update={
        "study": old.study.model_copy(update={"hours": 1.0}),
        "fee": old.fee.model_copy(update={"usd": 1.0}) if old.fee else None})
    roles = dict(catalog.roles)
    roles["payer-coder"] = roles["payer-coder"].model_copy(update={"preferred_credentials": ("CPC-P",)})
    return Catalog(credentials, roles, catalog.trainings, catalog.education, catalog.occupations,
                   catalog.files, catalog.bodies)


# -- 1. retired credentials -------------------------------------------------------------------

def test_the_payer_group_names_a_retired_credential(bundled_data):
    assert bundled_data.roles["payer-coder"].requirements.credentials[0] == PAYER_GROUP
    assert [c for c in PAYER_GROUP if not bundled_data.credentials[c].offered] == ["CPC-P"]


def test_a_retired_exam_is_never_scheduled_even_when_quickest_and_cheapest(newcomer, bundled_data):
    catalog = with_quick_retired_exam(bundled_data)
    plan = plan_route(newcomer, catalog, "payer-coder", start=TODAY)
    exams = [s for s in plan.steps if s.kind == "credential"]
    assert plan.feasible and exams
    assert all(s.subject != "CPC-P" and "CPC-P" not in s.alternatives for s in exams)
    assert exams[0].subject == "CPC"


def test_a_retired_exam_as_the_only_way_leaves_no_route_and_says_why(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "payer-coder", start=TODAY,
                      avoid=frozenset(set(PAYER_GROUP) - {"CPC-P"}))
    assert not plan.feasible and plan.steps == ()
    assert plan.reason is not None and "CPC-P: the exam is no longer offered" in plan.reason


def test_a_held_retired_credential_still_meets_a_requirement(bundled_data):
    plan = plan_route(coder(3, ("CPC-P",)), bundled_data, "payer-coder", start=TODAY)
    assert plan.eligible_now
    assert not plan_route(coder(3), bundled_data, "payer-coder", start=TODAY).eligible_now


def test_the_best_next_step_never_names_a_retired_exam(newcomer, bundled_data):
    from codingpath.planning.outlook import next_outlook

    outlook = next_outlook(newcomer, with_quick_retired_exam(bundled_data), TODAY, show_all=True)
    assert outlook.best is not None and outlook.best.subject != "CPC-P"
    assert all(s.subject != "CPC-P" for row in outlook.roles if row.plan for s in row.plan.steps)


def test_team_readiness_does_not_count_on_a_retired_exam(bundled_data):
    # A coder with the years but no credential: CPC-P at one hour would make her ready within two
    # months; no exam still offered is that quick, so no plan is even needed to call it a gap.
    catalog = with_quick_retired_exam(bundled_data)
    evaluator = ReadinessEvaluator(catalog, TODAY, roles=("payer-coder",), within_months=2)
    result = evaluator.evaluate(LoadedProfile(coder(3), "kim.yaml"))
    assert [(c.role, c.status) for c in result.cells] == [("payer-coder", "gap")]
    assert evaluator.plans == 0
    assert evaluator._credential_floor("CPC-P", standing_of(coder(3), catalog, TODAY)) == math.inf


def test_credential_page_says_the_exam_is_no_longer_offered(bundled_data, newcomer):
    result = evaluate_credential(bundled_data.credentials["CPC-P"], standing_of(newcomer, bundled_data, TODAY))
    assert not result.eligible and result.notes[0].startswith("the CPC-P exam is no longer offered (AAPC")
    held = evaluate_credential(bundled_data.credentials["CPC-P"],
                               standing_of(coder(3, ("CPC-P",)), bundled_data, TODAY))
    assert held.held and not any("no longer offered" in n for n in held.notes)
    out = runner.invoke(app, ["credential", "CPC-P", "--profile", NEWCOMER, "--format", "json"])
    assert out.exit_code == 0, out.output
    page = json.loads(out.output)
    assert page["eligible"] is False and "no longer offered" in page["notes"][0]
    table = runner.invoke(app, ["credential", "CPC-P", "--profile", NEWCOMER]).output
    assert "the exam is no longer offered" in table and "may sit the exam now" not in table
    catalogue = runner.invoke(app, ["credentials", "--format", "csv"]).output
    assert "CPC-P,Certified Professional Coder-Payer,AAPC,physician billing,exam no longer offered" in catalogue


def test_an_offered_exam_without_prerequisite_is_still_open(bundled_data, newcomer):
    assert evaluate_credential(bundled_data.credentials["CPC"], standing_of(newcomer, bundled_data, TODAY)).eligible


# -- 2. recommended preparation waited for where it costs no time ------------------------------

def _exam(plan, cid):
    return next(s for s in plan.steps if s.kind == "credential" and s.subject == cid)


def _search_months(profile, catalog, target):
    """The months of the fastest route the search finds, before any exam is moved."""
    from codingpath.planning.search import Search

    search = Search.for_target(catalog, profile, catalog.roles[target], TODAY, 10.0, frozenset())
    return search.run(search.context.initial_state(profile)).months


def test_newcomer_to_an_inpatient_role_sits_ccs_once_ahima_recommendation_is_met(newcomer, bundled_data):
    # Validation Specialist (inpatient DRG validation) asks for CCS or CIC and 3 years of coding:
    # the route works 3 years anyway, so CCS waits for CRC plus a year of coding (AHIMA's
    # "a coding credential from another organization plus one year"), at no cost in time.
    plan = plan_route(newcomer, bundled_data, "validation-specialist", start=TODAY)
    ccs, crc = _exam(plan, "CCS"), _exam(plan, "CRC")
    assert (f"{crc.start:%Y-%m}", f"{crc.end:%Y-%m}") == ("2026-11", "2027-02")
    assert (f"{ccs.start:%Y-%m}", f"{ccs.end:%Y-%m}") == ("2028-02", "2028-07")  # a year in the coding job
    assert f"{plan.finish:%Y-%m}" == "2030-02"
    assert months_between(TODAY, plan.finish) == _search_months(newcomer, bundled_data, "validation-specialist")
    assert not any(n.startswith("CCS: AHIMA recommends") for n in plan.notes)
    standing = standing_of(apply_until(newcomer, plan, bundled_data, ccs), bundled_data, ccs.start)
    assert evaluate_credential(bundled_data.credentials["CCS"], standing).recommended_missing == ()
    assert meets_target(newcomer, plan, bundled_data)


def test_an_exam_the_next_move_needs_stays_early_and_the_note_says_why(newcomer, bundled_data):
    # Inpatient Coder: CCS opens Medical Coder, the ladder's next job, long before two years of
    # coding could be had: sitting it later would close that move, and the note names it.
    plan = plan_route(newcomer, bundled_data, "inpatient-coder", start=TODAY)
    ccs = _exam(plan, "CCS")
    assert f"{ccs.start:%Y-%m}" == "2026-11"
    note = next(n for n in plan.notes if n.startswith("CCS: AHIMA recommends"))
    assert "not yet met when the plan sits the exam" in note
    assert "the plan sits it first because the move into Medical Coder asks for it" in note
    assert "would delay" not in note  # it would not: another exam of the group could open the move


@pytest.mark.parametrize("target", ["validation-specialist", "compliance-auditor", "outpatient-cdi-specialist",
                                    "him-manager", "coding-manager", "inpatient-coder"])
def test_waiting_for_a_recommendation_never_delays_or_breaks_a_route(newcomer, bundled_data, target):
    plan = plan_route(newcomer, bundled_data, target, start=TODAY)
    assert months_between(TODAY, plan.finish) == _search_months(newcomer, bundled_data, target)
    assert meets_target(newcomer, plan, bundled_data)
    studies = sorted((s.start, s.end) for s in plan.steps if s.kind in ("credential", "training"))
    assert all(a[1] <= b[0] for a, b in zip(studies, studies[1:], strict=False))  # one at a time
    for step in plan.steps:
        before = standing_of(apply_until(newcomer, plan, bundled_data, step), bundled_data, step.start)
        if step.kind == "credential":  # still eligible where it now sits
            assert evaluate_credential(bundled_data.credentials[step.subject], before).eligible, step.subject
            if evaluate_credential(bundled_data.credentials[step.subject], before).recommended_missing:
                assert any(n.startswith(f"{step.subject}: ") and "not yet met" in n for n in plan.notes)
        elif step.kind == "role" and step.subject != target:  # every move still open when made
            assert evaluate_role(bundled_data.roles[step.subject], before).status != "gap", step.subject


def apply_until(profile, plan, catalog, step):
    """The profile after the steps that end by `step`'s start (experience to that month)."""
    from dataclasses import replace as copy

    done = []
    for s in plan.steps:
        if s is step:
            break
        if s.kind == "experience" and s.end > step.start:
            done.append(copy(s, end=step.start))
        elif s.end <= step.start:
            done.append(s)
    return apply_plan(profile, copy(plan, steps=tuple(done)), catalog)


def meets_target(profile, plan, catalog) -> bool:
    after = apply_plan(profile, plan, catalog)
    return assess(plan.target.requirements, standing_of(after, catalog, plan.finish)).met


# -- 3. the accredited degree behind RHIT/RHIA ---------------------------------------------------

RHIT_OR_RHIA = ("needs RHIT or RHIA (each needs a CAHIIM-accredited HIM degree: associate for RHIT, bachelor's or "
                "post-baccalaureate certificate for RHIA)")


def _gaps(result) -> list[str]:
    return [g.message for g in result.gaps]


def test_role_profile_names_the_degree_behind_rhit_or_rhia(bundled_data):
    assert bundled_data.roles["him-manager"].requirements.credentials == (("RHIT", "RHIA"),)
    out = runner.invoke(app, ["role", "him-manager", "--profile", NEWCOMER, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert RHIT_OR_RHIA in json.dumps(json.loads(out.output))


def test_next_names_the_degree_behind_rhit_or_rhia(newcomer, bundled_data):
    from codingpath.planning.outlook import next_outlook

    rows = {r.result.role.id: r for r in next_outlook(newcomer, bundled_data, TODAY, show_all=True).roles}
    assert RHIT_OR_RHIA in _gaps(rows["him-manager"].result)
    assert ("needs RHIA (it needs a CAHIIM-accredited HIM degree: bachelor's or post-baccalaureate certificate)"
            in _gaps(rows["him-director"].result))
    # A group with a member open without a degree (CPC, ...) is left as it was.
    assert any(m.startswith("needs one of CPC, CCS, COC, CIC, RHIT, RHIA") for m in _gaps(rows["coding-manager"].result))
    out = runner.invoke(app, ["next", "--profile", NEWCOMER, "--all", "--format", "json"])
    assert RHIT_OR_RHIA in out.output


def test_with_the_accredited_degree_the_gap_is_just_the_exam(bundled_data):
    graduate = Profile.model_validate({"name": "Lee", "education": {"level": "associate", "cahiim_accredited": True}})
    from codingpath.engine import evaluate_role

    result = evaluate_role(bundled_data.roles["him-manager"], standing_of(graduate, bundled_data, TODAY),
                           catalog=bundled_data)
    assert "needs one of RHIT, RHIA" in _gaps(result)


def test_the_degree_wording_is_read_from_the_eligibility_data(newcomer, bundled_data):
    from codingpath.engine import degree_behind

    credentials = dict(bundled_data.credentials)
    rhit = credentials["RHIT"]
    route = rhit.eligibility.routes[0].model_copy(update={"education": "bachelor"})
    credentials["RHIT"] = rhit.model_copy(update={"eligibility": rhit.eligibility.model_copy(update={"routes": (route,)})})
    catalog = Catalog(credentials, bundled_data.roles, bundled_data.trainings, bundled_data.education,
                      bundled_data.occupations)
    standing = standing_of(newcomer, bundled_data, TODAY)
    assert degree_behind(("RHIT", "RHIA"), catalog, standing) == (
        "each needs a CAHIIM-accredited HIM degree: bachelor's or post-baccalaureate certificate for RHIT, "
        "bachelor's or post-baccalaureate certificate for RHIA")
    assert degree_behind(("RHIT", "CPC"), bundled_data, standing) is None


# -- 6. experience that transfers: coding management counts as audit experience ------------------

def manager(since: str) -> Profile:
    return Profile.model_validate({
        "name": "Pat", "education": {"level": "bachelor"}, "credentials": [{"id": "CPC", "earned": "2015-01"}],
        "experience": [{"role": "medical-coder", "start": "2012-01", "end": "2018-12"},
                       {"role": "coding-manager", "start": since}],
        "current_role": "coding-manager"})


def test_a_coding_managers_years_count_toward_compliance_or_audit_experience(bundled_data):
    rule = bundled_data.roles["compliance-officer"].requirements.experience[0]
    assert (rule.years, rule.tracks) == (5, ("compliance", "audit"))
    assert bundled_data.roles["coding-manager"].credited_tracks.tracks == ("audit",)
    standing = standing_of(manager("2019-01"), bundled_data, TODAY)
    assert round(standing.track_years(rule.tracks, rule.roles), 1) == 7.9  # every year managing coding
    assert standing.track_years(("compliance",), ()) == 0  # not compliance-programme work itself
    assert evaluate_role(bundled_data.roles["compliance-officer"], standing).status == "eligible"


def test_the_planner_lets_the_audit_years_accrue_in_the_managers_own_job(bundled_data):
    plan = plan_route(manager("2023-06"), bundled_data, "compliance-officer", start=TODAY)
    assert [(s.kind, s.subject) for s in plan.steps] == [("experience", "coding-manager"),
                                                         ("role", "compliance-officer")]
    assert "audit experience" in plan.steps[0].description
    assert f"{plan.finish:%Y-%m}" == "2028-06"  # 3 years 5 months managed, 1 year 7 months to go


def test_an_exam_the_target_itself_needs_stays_early_because_waiting_would_delay_it(newcomer, bundled_data):
    # Medical Coder asks for the credential itself: two years of coding first would delay it.
    plan = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY)
    note = next(n for n in plan.notes if n.startswith(f"{_exam_ids(plan)[0]}: "))
    assert "waiting for it would delay Medical Coder, so the plan does not" in note


def _exam_ids(plan) -> list[str]:
    return [s.subject for s in plan.steps if s.kind == "credential"]
