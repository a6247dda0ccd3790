"""The memo keys of a team's readiness: two people with equal keys get equal answers (the promise
that lets `team` compute each answer once per key), a key leaves out what the answer does not read
(so that it is shared), and "met" is never equal to a number of years."""

from __future__ import annotations

from typing import Any

from conftest import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from codingpath.catalog import Catalog
from codingpath.engine import Standing, standing_of
from codingpath.models import EDUCATION_LEVELS, Profile
from codingpath.planning import plan_route
from codingpath.team.readiness import ReadinessEvaluator
from codingpath.team.readiness_keys import MET, NEVER, PlanScope, RoleKey

CREDENTIALS = ("CPC", "CCS", "COC", "RHIT", "RHIA", "CDIP", "CPB", "CCA")
TRACKS = ("coding", "management", "billing", "audit", "cdi", "him")


def standing(education: str = "high-school", credentials: tuple[str, ...] = (), cahiim: bool = False,
             **years: float) -> Standing:
    return Standing(EDUCATION_LEVELS.index(education), cahiim, frozenset(credentials), frozenset(),
                    dict(years), {}, frozenset(), TODAY)


def role_key(catalog: Catalog, role_id: str, person: Standing, current: str | None = None) -> tuple[Any, ...]:
    return RoleKey.of(catalog.roles[role_id], catalog).key(person, current, {})


standings = st.builds(
    lambda education, cahiim, credentials, apprentice, years: Standing(
        education, cahiim, frozenset(credentials), frozenset(apprentice) & frozenset(credentials), years, {},
        frozenset(), TODAY),
    st.integers(0, len(EDUCATION_LEVELS) - 1), st.booleans(),
    st.sets(st.sampled_from(CREDENTIALS), max_size=3), st.sets(st.sampled_from(CREDENTIALS), max_size=1),
    st.dictionaries(st.sampled_from(TRACKS), st.sampled_from((0.5, 1.0, 2.0, 3.0, 5.0, 8.0)), max_size=3),
)


@settings(max_examples=40)
@given(people=st.lists(standings, min_size=2, max_size=12))
def test_people_with_equal_role_keys_get_equal_verdicts(bundled_data: Catalog, people: list[Standing]):
    evaluator = ReadinessEvaluator(bundled_data, TODAY)
    for role in bundled_data.roles.values():
        key_of = RoleKey.of(role, bundled_data)
        verdicts: dict[tuple[Any, ...], Any] = {}
        for person in people:
            verdict = evaluator._verdict(role.id, person, None)
            assert verdicts.setdefault(key_of.key(person, None, {}), verdict) == verdict, role.id


def test_met_is_a_word_never_a_number(bundled_data: Catalog):
    assert MET == "met" and NEVER == "never"
    met = role_key(bundled_data, "coding-manager", standing("bachelor", ("CPC",), coding=6.0, management=1.0))
    assert met[5] == (MET, MET)
    one_year = role_key(bundled_data, "coding-manager", standing("bachelor", ("CPC",), coding=6.0, management=0.0))
    assert one_year[5] == (MET, 0.0) and one_year != met
    # True == 1 == 1.0 in Python: with True for "met", a person a year into a 2-year rule would share
    # the key of one who meets it.
    assert all(value is not True for value in met[5])


def test_what_a_role_does_not_read_is_left_out_of_its_key(bundled_data: Catalog):
    base = standing("high-school", ("CPC",), coding=4.0)
    # medical-coder names neither CDIP nor billing, nor asks for any years of coding.
    assert role_key(bundled_data, "medical-coder", base) == role_key(
        bundled_data, "medical-coder", standing("high-school", ("CPC", "CDIP"), coding=9.0, billing=2.0))
    # senior-medical-coder asks for 3 years of coding: 4 and 9 both meet it.
    assert role_key(bundled_data, "senior-medical-coder", base) == role_key(
        bundled_data, "senior-medical-coder", standing("high-school", ("CPC",), coding=9.0))


def test_what_a_role_does_read_changes_its_key(bundled_data: Catalog):
    base = standing("high-school", ("CPC",), coding=2.0)
    for other in (standing("high-school", ("CCS",), coding=2.0), standing("high-school", ("CPC",), coding=2.5),
                  standing("bachelor", ("CPC",), coding=2.0)):
        assert role_key(bundled_data, "senior-medical-coder", base) != role_key(
            bundled_data, "senior-medical-coder", other)
    # Holding the role is part of the verdict ("current"), so it is part of the key.
    assert role_key(bundled_data, "senior-medical-coder", base, "senior-medical-coder") != role_key(
        bundled_data, "senior-medical-coder", base)


def test_waiting_is_a_key_only_when_the_current_role_leads_there_and_accrues_what_is_short(bundled_data: Catalog):
    senior = RoleKey.of(bundled_data.roles["senior-medical-coder"], bundled_data)
    short = standing("high-school", ("CPC",), coding=1.5)
    assert senior.waiting(short, "medical-coder", bundled_data) == ("senior-medical-coder", "waiting", (18,))
    assert senior.waiting(short, "payment-poster", bundled_data) is None  # does not lead to it
    assert senior.waiting(short, None, bundled_data) is None
    manager = RoleKey.of(bundled_data.roles["coding-manager"], bundled_data)
    # A senior coder's time gives coding years but never the management year coding-manager asks for.
    assert manager.waiting(standing("bachelor", ("CPC",), coding=6.0), "coding-supervisor", bundled_data) is not None
    assert manager.waiting(standing("bachelor", ("CPC",), coding=6.0), "senior-medical-coder", bundled_data) is None


def profile(education: str, credentials: list[str], experience: list[dict[str, Any]], current: str | None):
    return Profile.model_validate({"education": education, "credentials": credentials, "experience": experience,
                                   "current_role": current})


def plan_key(catalog: Catalog, target: str, person: Profile) -> tuple[Any, ...]:
    scope = PlanScope.of(catalog, catalog.roles[target])
    return scope.key(standing_of(person, catalog, TODAY), person.current_role, 6, catalog)


def plan_years(catalog: Catalog, target: str, person: Profile) -> Any:
    plan = plan_route(person, catalog, target, start=TODAY)
    return (plan.feasible, plan.eligible_now, plan.total_years)


def test_people_with_equal_plan_keys_get_equal_plans(bundled_data: Catalog):
    start = "2020-01"
    a = profile("associate", ["CPC"], [{"role": "medical-coder", "start": start}], "medical-coder")
    b = profile("associate", ["CPC", "CDIP"], [{"role": "medical-coder", "start": start}], "medical-coder")
    c = profile("associate", ["CPC"], [{"role": "medical-coder", "years": 1}], "medical-coder")
    target = "senior-medical-coder"
    assert plan_key(bundled_data, target, a) == plan_key(bundled_data, target, b)
    assert plan_years(bundled_data, target, a) == plan_years(bundled_data, target, b)
    assert plan_key(bundled_data, target, a) != plan_key(bundled_data, target, c)
    assert plan_years(bundled_data, target, a) != plan_years(bundled_data, target, c)


def test_a_plan_key_names_its_target_and_the_role_it_climbs_from(bundled_data: Catalog):
    person = profile("associate", ["CPC"], [{"role": "medical-coder", "years": 1}], "medical-coder")
    key = plan_key(bundled_data, "coding-manager", person)
    assert key[0] == "coding-manager"
    moved = person.model_copy(update={"current_role": "payer-coder"})
    assert plan_key(bundled_data, "coding-manager", moved) != key
