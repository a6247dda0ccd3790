"""`build_plan`: a route the search found, as steps a person can read: one per exam, course,
degree, move and stretch of work, in time order, with what each meets, and the totals."""

from __future__ import annotations

from conftest import TODAY, persona
from small_world import HOURS_PER_WEEK, START, small_catalog

from codingpath.catalog import Catalog
from codingpath.models import Profile
from codingpath.planning.apply import add_months
from codingpath.planning.result import Plan
from codingpath.planning.search import Route, Search
from codingpath.planning.steps import build_plan


def built(target: str, profile: Profile | None = None, catalog: Catalog | None = None, start=START) -> Plan:
    """The plan `build_plan` makes of the route the search finds."""
    catalog = catalog or small_catalog()
    profile = profile or Profile(education="high-school")
    search = Search.for_target(catalog, profile, catalog.roles[target], start, HOURS_PER_WEEK, frozenset())
    first = search.context.initial_state(profile)
    found = search.run(first)
    assert isinstance(found, Route), found
    return build_plan(search.context, profile, found, eligible_now=False)


def kinds(plan: Plan) -> list[tuple[str, str]]:
    return [(s.kind, s.subject) for s in plan.steps]


def test_an_empty_route_of_an_eligible_profile_is_a_plan_with_no_steps():
    catalog, profile = small_catalog(), Profile(education="high-school")
    search = Search.for_target(catalog, profile, catalog.roles["trainee"], START, HOURS_PER_WEEK, frozenset())
    first = search.context.initial_state(profile)
    plan = build_plan(search.context, profile, Route([], 0, first), eligible_now=True)
    assert plan.eligible_now and plan.feasible and plan.steps == () and plan.finish == START
    assert plan.total_years == 0 and plan.total_fees_usd == 0


def test_an_exam_step_says_how_long_what_it_costs_and_which_requirement_it_meets():
    plan = built("coder")
    exam, apply = plan.steps
    assert exam.kind == "credential" and exam.subject == "XC"
    assert exam.description == "Earn XC (Exam XC, EX): about 4 weeks of study, then the exam"
    assert (exam.start, exam.end) == (START, add_months(START, 1))
    assert exam.cost_usd == 100 and exam.satisfies == "Coder: one of XC, XS, XE"
    assert exam.alternatives == ("XS", "XE") and not exam.apprentice
    assert apply.description == "Apply for Coder: you would meet its published requirements"
    assert apply.satisfies == "the target role" and apply.start == apply.end == plan.finish
    assert plan.total_fees_usd == 100 and plan.total_years == round(1 / 12, 2)


def test_steps_of_one_month_read_move_then_work_then_exam():
    plan = built("lead")
    assert kinds(plan) == [("role", "trainee"), ("experience", "trainee"), ("credential", "XE"),
                           ("role", "coder"), ("experience", "coder"), ("role", "lead")]
    assert [s.start for s in plan.steps] == sorted(s.start for s in plan.steps)


def test_a_move_is_credited_with_the_experience_that_follows_it():
    plan = built("lead")
    moves = [s for s in plan.steps if s.kind == "role" and s.subject != "lead"]
    assert {s.satisfies for s in moves} == {"Lead: 2 years of coding experience"}
    work = next(s for s in plan.steps if s.kind == "experience")
    assert work.description == "Work as Trainee for 1 year: coding experience"
    assert plan.total_years == 2.0 and plan.total_fees_usd == 50


def test_an_early_exam_comes_with_its_designation_and_a_later_step_removes_it():
    plan = built("senior")
    exam = next(s for s in plan.steps if s.kind == "credential")
    assert exam.apprentice and exam.description.endswith(". Passed then, it comes as XA-A (passed without experience)")
    removal = next(s for s in plan.steps if s.kind == "apprentice")
    assert removal.satisfies == "Senior: XA without the apprentice designation"
    assert removal.description == ("Ask EX to remove the XA-A designation: you would meet a published removal route "
                                   "(1 year coding experience)")
    assert removal.start == add_months(START, 12)


def test_a_degree_step_names_its_level_duration_and_pace():
    step = built("graduate").steps[0]
    assert step.kind == "education" and step.subject == "associate" and not step.cahiim_accredited
    assert step.description == "Complete an associate degree (2 years, part-time beside work)"
    assert step.satisfies == "Graduate: an associate degree" and step.cost_usd is None


def test_a_cahiim_degree_says_who_asks_for_it(newcomer, bundled_data):
    plan = built("health-information-technician", newcomer, bundled_data, start=TODAY)
    degree = plan.steps[0]
    assert degree.kind == "education" and degree.cahiim_accredited
    assert degree.description.endswith("at a CAHIIM-accredited programme (RHIT asks for one)")
    exam = plan.steps[1]
    assert "; you would meet its published route: " in exam.description


def test_time_served_only_for_the_ladder_says_so(bundled_data):
    plan = built("coding-manager", persona("experienced-coder", bundled_data), bundled_data, start=TODAY)
    ladder = [s for s in plan.steps if s.satisfies.startswith("the ladder: ")]
    assert ladder, kinds(plan)
    work = next(s for s in ladder if s.kind == "experience")
    assert work.description.endswith(" before the next move up")
    assert plan.steps[-1].subject == "coding-manager" and plan.steps[-1].satisfies == "the target role"


def test_other_roles_as_good_are_offered_beside_a_move(bundled_data):
    plan = built("coding-manager", persona("newcomer", bundled_data), bundled_data, start=TODAY)
    moves = [s for s in plan.steps if s.kind == "role"]
    assert any(s.alternatives for s in moves)
    assert all(len(s.alternatives) <= 3 for s in moves)
    assert all(bundled_data.roles[s.subject].title not in s.alternatives for s in moves)
