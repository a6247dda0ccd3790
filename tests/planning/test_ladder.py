"""Plans climb the ladder, as a coding manager would advise: personas of our own (a five-year
coder, a supervisor, a biller moving into coding, a newcomer, someone without a diploma, a CPC-A)
and random profiles, checked against the bundled data's `leads_to`."""

from __future__ import annotations

from datetime import date

from conftest import TODAY, persona
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codingpath.catalog import Catalog
from codingpath.engine import assess, standing_of
from codingpath.load.data import load_catalog
from codingpath.models import Profile
from codingpath.planning import MIN_STAY_MONTHS, Plan, apply_plan, plan_route
from codingpath.planning.apply import months_between
from codingpath.planning.outlook import next_outlook

CATALOG: Catalog = load_catalog(use_env=False)


def moves(plan: Plan) -> list[tuple[str, date]]:
    """The role moves of a plan, the last one into the target included."""
    return [(s.subject, s.start) for s in plan.steps if s.kind == "role"]


def assert_climbs(profile: Profile, plan: Plan, tenure: int = MIN_STAY_MONTHS) -> None:
    """Each move goes to a role the previous one leads to (an entry-tier role from none, or from
    a role off every ladder to the target), a tenure apart; no destination is passed through."""
    assert plan.feasible, plan.reason
    role = profile.current_role if profile.current_role in CATALOG.roles else None
    previous: date | None = None
    route = moves(plan)
    for n, (subject, when) in enumerate(route):
        moved = CATALOG.roles[subject]
        if role is not None and subject in CATALOG.roles[role].leads_to:
            pass
        else:
            assert moved.tier == "entry" or (role is None and n == len(route) - 1 and moved.tier == "entry"), (
                f"{role} -> {subject}")
        if n < len(route) - 1:
            assert moved.stepping_stone, subject
        if previous is not None:
            assert months_between(previous, when) >= tenure, (route, subject)
        previous, role = when, subject


def test_a_five_year_coder_climbs_to_a_director_through_coding_management():
    jane = persona("experienced-coder", CATALOG)
    plan = plan_route(jane, CATALOG, "coding-director", start=TODAY)
    assert_climbs(jane, plan)
    route = [subject for subject, _ in moves(plan)]
    # Supervision, then managing coding (at one site or several), then the director's post.
    assert route[-3] == "coding-supervisor" and route[-2] in ("coding-manager", "regional-manager")
    assert route[-1] == "coding-director"


def test_a_supervisor_moves_up_to_coding_manager_before_the_director():
    supervisor = Profile.model_validate({
        "education": "bachelor", "credentials": ["CPC"], "current_role": "coding-supervisor",
        "experience": [{"role": "medical-coder", "years": 4}, {"role": "coding-supervisor", "start": "2026-01"}]})
    plan = plan_route(supervisor, CATALOG, "coding-director", start=TODAY)
    assert_climbs(supervisor, plan)
    assert [subject for subject, _ in moves(plan)] == ["coding-manager", "coding-director"]
    # A year in supervision is served before the move (since 2026-01: 2027-01 at the earliest).
    assert moves(plan)[0][1] >= date(2027, 1, 1)


def test_a_biller_moves_into_coding_along_the_ladder():
    biller = Profile.model_validate({"education": "high-school", "current_role": "payment-poster",
                                     "experience": [{"role": "payment-poster", "start": "2023-01"}]})
    plan = plan_route(biller, CATALOG, "coding-auditor", start=TODAY)
    assert_climbs(biller, plan)
    assert "medical-coder" in [subject for subject, _ in moves(plan)]


def test_a_newcomer_enters_at_the_entry_tier_and_stays_a_year_in_each_role():
    newcomer = persona("newcomer", CATALOG)
    plan = plan_route(newcomer, CATALOG, "coding-supervisor", start=TODAY)
    assert_climbs(newcomer, plan)
    assert CATALOG.roles[moves(plan)[0][0]].tier == "entry"
    shorter = plan_route(newcomer, CATALOG, "coding-supervisor", start=TODAY, min_tenure=6)
    assert_climbs(newcomer, shorter, tenure=6)
    assert shorter.finish is not None and plan.finish is not None and shorter.finish < plan.finish


def test_physician_coding_gets_the_physician_credential_and_inpatient_an_inpatient_one():
    newcomer = Profile(education="high-school")
    physician = plan_route(newcomer, CATALOG, "physician-coder", start=TODAY)
    exam = next(s for s in physician.steps if s.kind == "credential")
    assert exam.subject == "CPC" and exam.apprentice and "CPC-A" in exam.description  # not the CCA
    inpatient = plan_route(newcomer, CATALOG, "inpatient-coder", start=TODAY)
    assert {s.subject for s in inpatient.steps if s.kind == "credential"} <= {"CCS", "CIC"}


def test_without_a_diploma_the_plan_starts_with_an_equivalency():
    plan = plan_route(Profile(education="none"), CATALOG, "medical-coder", start=TODAY)
    assert plan.feasible
    assert any(s.kind == "education" and s.subject == "high-school" for s in plan.steps)


def test_a_cpc_a_gets_the_removal_step_once_two_years_are_met():
    lee = persona("apprentice", CATALOG)
    plan = plan_route(lee, CATALOG, "coding-supervisor", start=TODAY)
    assert_climbs(lee, plan)
    removal = next(s for s in plan.steps if s.kind == "apprentice")
    assert removal.subject == "CPC" and "remove the CPC-A" in removal.description


def test_the_time_in_a_role_never_claims_a_rule_already_met():
    jane = persona("experienced-coder", CATALOG)
    plan = plan_route(jane, CATALOG, "inpatient-coder", start=TODAY)
    assert not [s for s in plan.steps if s.kind == "experience"]  # five years already meet the three


def test_next_pins_the_target_and_ranks_gaps_by_the_months_to_close_them():
    jane = persona("experienced-coder", CATALOG)
    outlook = next_outlook(jane, CATALOG, TODAY)
    assert outlook.roles[0].target and outlook.roles[0].result.role.id == "coding-manager"
    ids = [r.result.role.id for r in outlook.roles]
    assert "coding-trainee" not in ids and "payment-poster" not in ids  # below her tier: only with --all
    gaps = [r.months_to_close for r in outlook.roles[1:] if r.result.status == "gap"]
    assert gaps == sorted(gaps, key=lambda m: (m is None, m or 0))
    eligible = [r for r in outlook.roles[1:] if r.result.status == "eligible"]
    assert eligible and all(r.on_ladder for r in eligible[:2])  # what her role leads to first
    auditor = next(r for r in outlook.roles if r.result.role.id == "coding-auditor")
    assert auditor.recommended == ("CPMA",)
    assert outlook.best is not None and outlook.best.opens and outlook.best.months > 0


@st.composite
def profiles(draw: st.DrawFn) -> tuple[Profile, str]:
    roles = sorted(CATALOG.roles)
    current = draw(st.none() | st.sampled_from(roles))
    experience = []
    if current is not None:
        experience.append({"role": current, "years": draw(st.sampled_from([0.5, 1, 2, 4]))})
    if draw(st.booleans()):
        experience.append({"role": draw(st.sampled_from(roles)), "years": draw(st.sampled_from([1, 3, 6]))})
    held = draw(st.lists(st.sampled_from(["CPC", "CCS", "CCA", "COC", "CIC", "RHIT"]), max_size=2, unique=True))
    profile = Profile.model_validate({
        "education": draw(st.sampled_from(["none", "high-school", "associate", "bachelor"])),
        "credentials": held, "experience": experience, "current_role": current})
    return profile, draw(st.sampled_from(roles))


@settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_random_plans_climb_the_ladder_a_tenure_apart_and_work(case: tuple[Profile, str]):
    profile, target = case
    plan = plan_route(profile, CATALOG, target, start=TODAY)
    if not plan.feasible or plan.eligible_now or profile.current_role == target:
        return  # nothing to climb (in the role already: the plan meets its requirements where one is)
    assert_climbs(profile, plan)
    after = apply_plan(profile, plan, CATALOG)
    assert assess(CATALOG.roles[target].requirements, standing_of(after, CATALOG, plan.finish or TODAY)).met


def test_a_sideways_move_that_opens_a_quicker_door_is_taken():
    # Coder II and Coding Auditor are both a move from Project Manager's doors, but only the
    # auditor leads to Performance Improvement Specialist, a door that asks for no degree: Lee
    # enters it while the bachelor's is under way and applies as the degree ends (7 years, not 8).
    lee = persona("apprentice", CATALOG)
    plan = plan_route(lee, CATALOG, "project-manager", start=TODAY)
    assert_climbs(lee, plan)
    route = [subject for subject, _ in moves(plan)]
    assert "performance-improvement-specialist" in route and "coding-auditor" in route
    degree = next(s for s in plan.steps if s.kind == "education")
    assert plan.finish == degree.end  # the degree is the last thing that waits


def test_a_move_may_come_early_so_its_tenure_ends_as_the_next_role_opens():
    # Compliance Officer asks for five years of audit and two of management, and its only door,
    # Coding Manager, a bachelor's: Lee leaves auditing for supervision a year before the degree
    # ends, so the manager's role opens with the year of supervision it asks for already served.
    lee = persona("apprentice", CATALOG)
    plan = plan_route(lee, CATALOG, "compliance-officer", start=TODAY)
    assert_climbs(lee, plan)
    route = dict(moves(plan))
    degree = next(s for s in plan.steps if s.kind == "education")
    assert route["coding-manager"] == degree.end
    assert months_between(route["coding-supervisor"], route["coding-manager"]) == MIN_STAY_MONTHS
    assert months_between(TODAY, plan.finish) <= 8 * 12


def test_a_role_reached_only_through_another_track_of_a_one_of_rule_has_a_route():
    # Privacy Specialist counts HIM, privacy or compliance years; the roles below it (release of
    # information, HIT) accrue HIM only, which Privacy Officer's own rule does not count.
    sam = persona("newcomer", CATALOG)
    plan = plan_route(sam, CATALOG, "privacy-officer", start=TODAY)
    assert_climbs(sam, plan)
    assert "privacy-specialist" in [subject for subject, _ in moves(plan)]


def test_the_best_next_step_is_never_a_step_down():
    # Dana, a coding manager, meets the requirements of all but Privacy Officer, whose route
    # starts again in release of information: no counselor would lead with that.
    dana = persona("director-candidate", CATALOG)
    outlook = next_outlook(dana, CATALOG, TODAY)
    privacy = next(r for r in outlook.roles if r.result.role.id == "privacy-officer")
    assert privacy.months_to_close is not None
    assert outlook.best is None or outlook.best.kind != "role" or \
        CATALOG.roles[outlook.best.subject].tier in ("advanced", "master")
