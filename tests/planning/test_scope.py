"""`Scope` and the helpers beside it: what a route to one target can need (credentials, stepping
stone roles, tracks), planning fees, degree chains and study months."""

from __future__ import annotations

import math

from small_world import exam, small_catalog, sourced

from codingpath.models import EDUCATION_LEVELS, EducationProgram
from codingpath.planning.scope import (
    WEEKS_PER_MONTH,
    Scope,
    degree_chains,
    planning_fee,
    program_months,
    study_months,
)


def scope(target: str, avoid: frozenset[str] = frozenset(), ladder: frozenset[str] = frozenset()) -> Scope:
    catalog = small_catalog()
    return Scope(catalog, catalog.roles[target], avoid, ladder)


def level(name: str) -> int:
    return EDUCATION_LEVELS.index(name)  # type: ignore[arg-type]


def program(to: str, years: float, start: str = "high-school", part_time: float | None = None) -> EducationProgram:
    return EducationProgram.model_validate({
        "level": to, "years": years, "from_level": start, "provenance": sourced(),
        **({"part_time": {"years": part_time, **sourced()}} if part_time else {})})


def test_a_target_that_needs_only_an_exam_brings_every_member_of_its_group_and_no_roles():
    coder = scope("coder")
    assert list(coder.credentials) == ["XC", "XS", "XE"]
    assert coder.roles == {} and coder.tracks == {} and coder.levels == []
    assert len(coder.requirements) == 1 and coder.requirements[0][1:] == ("role", "coder")


def test_an_experience_rule_brings_the_roles_on_its_track_as_stepping_stones():
    lead = scope("lead")
    assert list(lead.tracks) == ["coding"]
    assert set(lead.roles) == {"trainee", "coder", "lead", "senior", "unpriced", "graduate"}
    # The graduate stepping stone asks for an associate degree.
    assert lead.levels == [level("associate")]


def test_a_stepping_stones_group_brings_only_its_quickest_and_its_cheapest_member():
    # senior needs XA (full); its apprentice removal rule brings coding roles, whose group is XC|XS|XE:
    # XC is the quickest, XE the cheapest, XS neither.
    senior = scope("senior")
    assert set(senior.credentials) == {"XA", "XC", "XE", "XU"}
    assert "XS" not in senior.credentials
    kinds = {(kind, owner) for _, kind, owner in senior.requirements}
    assert ("apprentice", "XA") in kinds


def test_avoided_credentials_are_left_out():
    assert "XC" not in scope("lead", avoid=frozenset({"XC"})).credentials
    assert scope("coder", avoid=frozenset({"XC", "XS", "XE"})).credentials == {}


def test_ladder_roles_limit_the_stepping_stones():
    lead = scope("lead", ladder=frozenset({"coder"}))
    assert list(lead.roles) == ["coder"]
    assert set(lead.credentials) == {"XC", "XS", "XE"}


def test_the_bundled_scope_of_a_cdi_role_stays_within_its_tier(bundled_data):
    target = bundled_data.roles["clinical-documentation-improvement-specialist"]
    found = Scope(bundled_data, target, frozenset())
    assert "CCDS" in found.credentials and "cdi" in found.tracks
    tiers = ["entry", "mid", "advanced", "master"]
    rules = {r for req, _, _ in found.requirements for rule in req.experience for r in rule.roles}
    assert all(tiers.index(r.tier) <= tiers.index(target.tier) or r.id in rules for r in found.roles.values())


def test_planning_fee_is_the_fee_or_infinity_when_unknown():
    assert planning_fee(exam("A", 40, 120)) == 120
    assert planning_fee(exam("B", 40, None)) == math.inf
    assert planning_fee(exam("C", 40, 0)) == 0


def test_study_months_rounds_up_to_whole_months_and_at_least_one():
    hours_a_month = 10 * WEEKS_PER_MONTH
    assert study_months(0, 10) == 1
    assert study_months(hours_a_month, 10) == 1  # exactly a month: no rounding error pushes it to two
    assert study_months(hours_a_month + 1, 10) == 2
    assert study_months(3 * hours_a_month, 10) == 3
    assert study_months(120, 40) == 1


def test_program_months_uses_the_part_time_pace_only_where_there_is_one():
    slow = program("associate", 2, part_time=3.5)
    assert program_months(slow, part_time=False) == 24
    assert program_months(slow, part_time=True) == 42
    assert program_months(program("associate", 2), part_time=True) == 24


def test_degree_chains_find_the_fewest_months_to_each_higher_level():
    programs = [program("associate", 2), program("bachelor", 2, start="associate"), program("bachelor", 5)]
    chains = degree_chains(programs)
    assert len(chains) == len(EDUCATION_LEVELS)
    from_school = chains[level("high-school")]
    assert from_school == {level("associate"): 24, level("bachelor"): 48}  # through the associate, not 60
    assert chains[level("associate")] == {level("bachelor"): 24}
    assert chains[level("bachelor")] == {}
    # A programme starting from high school is closed to someone without it.
    assert chains[level("none")] == {}


def test_degree_chains_at_a_part_time_pace():
    chains = degree_chains([program("associate", 2, part_time=3)], part_time=True)
    assert chains[level("high-school")] == {level("associate"): 36}
