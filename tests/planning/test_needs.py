"""`RouteNeeds` and `contribution`: which published requirement a step of a route meets, in words;
the target's first, then those met on the way, and only when the step is ready in time."""

from __future__ import annotations

from small_world import parts, small_catalog

from codingpath.models import Profile, Requirement
from codingpath.planning.needs import RouteNeeds, contribution, group_text
from codingpath.planning.state import Action, Transition


def req(**fields) -> Requirement:
    return Requirement.model_validate(fields)


def test_group_text_names_one_credential_or_the_options():
    assert group_text(("CPC",)) == "CPC"
    assert group_text(("CPC", "CCS")) == "one of CPC, CCS"


def test_a_credential_meets_its_group_and_offers_the_other_members():
    found = contribution("credential", "XE", None, req(credentials=[["XC", "XS", "XE"], ["XA"]]), small_catalog())
    assert found == ("one of XC, XS, XE", ("XC", "XS"))
    assert contribution("credential", "XU", None, req(credentials=[["XC"]]), small_catalog()) is None


def test_removing_an_apprentice_designation_counts_only_where_a_full_credential_is_asked_for():
    catalog = small_catalog()
    assert contribution("apprentice", "XA", None, req(credentials=[["XA"]]), catalog) is None
    full = req(credentials=[["XA"]], full_credential=True)
    assert contribution("apprentice", "XA", None, full, catalog) == ("XA without the apprentice designation", ())


def test_a_degree_meets_an_education_rule_at_or_below_its_level(bundled_data):
    associate = req(education="associate")
    assert contribution("education", "bachelor", False, associate, bundled_data) == ("an associate degree", ())
    assert contribution("education", "associate", False, associate, bundled_data) == ("an associate degree", ())
    assert contribution("education", "high-school", False, associate, bundled_data) is None
    assert contribution("education", "bachelor", False, req(), bundled_data) is None


def test_a_cahiim_rule_is_met_only_by_an_accredited_degree(bundled_data):
    accredited = req(education="associate", cahiim_accredited=True)
    assert contribution("education", "associate", False, accredited, bundled_data) is None
    text, _ = contribution("education", "associate", True, accredited, bundled_data) or ("", ())
    assert text == "an associate degree from a CAHIIM-accredited HIM programme"


def test_a_training_meets_a_rule_that_names_it(bundled_data):
    course = req(training=["college-medical-terminology"])
    found = contribution("training", "college-medical-terminology", None, course, bundled_data)
    assert found == (f"the {bundled_data.trainings['college-medical-terminology'].name}", ())
    assert contribution("training", "college-anatomy-physiology", None, course, bundled_data) is None


def test_time_in_a_role_meets_experience_rules_on_its_tracks_not_already_met():
    context, _, _ = parts("lead")
    catalog, lead = context.catalog, context.catalog.roles["lead"].requirements
    state = context.initial_state(Profile(education="high-school"))
    assert contribution("role", "trainee", None, lead, catalog) == ("2 years of coding experience", ())
    halfway = context.standing(state._replace(months=(12,)))
    assert contribution("role", "trainee", halfway, lead, catalog) == ("2 years of coding experience", ())
    done = context.standing(state._replace(months=(24,)))
    assert contribution("role", "trainee", done, lead, catalog) is None
    assert contribution("role", "trainee", None, req(), catalog) is None


def test_route_needs_name_the_target_first_and_only_while_a_step_is_ready_in_time():
    context, _, _ = parts("lead")
    needs = RouteNeeds(context, [], 24)
    assert [(when, label) for when, label, _ in needs.items] == [(24, "Lead")]
    assert not needs.need_cahiim
    assert needs.satisfies("credential", "XE", None, 24) == ("Lead: one of XC, XS, XE", ("XC", "XS"))
    assert needs.satisfies("credential", "XE", None, 25) == ("", ())  # too late for the target
    assert needs.satisfies("credential", "XA", None, 0) == ("", ())  # helps nothing


def test_route_needs_add_the_roles_moved_into_in_time_order():
    context, _, _ = parts("lead")
    state = context.initial_state(Profile(education="high-school"))
    transitions = [Transition(Action("role", "coder", 12, 12), state), Transition(Action("role", "trainee", 0, 0), state)]
    needs = RouteNeeds(context, transitions, 24)
    assert [(when, label) for when, label, _ in needs.items] == [(24, "Lead"), (0, "Trainee"), (12, "Coder")]
    # The coder job asks for an exam of the group too, but the target's requirement is named first.
    assert needs.satisfies("credential", "XC", None, 1)[0] == "Lead: one of XC, XS, XE"
    # Past the target's month, the coder's requirement, if still ahead, is the one met.
    assert needs.satisfies("credential", "XC", None, 30) == ("", ())


def test_removing_a_designation_records_the_removal_route_used():
    context, _, _ = parts("senior")
    state = context.initial_state(Profile(education="high-school"))
    ready = state._replace(credentials=frozenset({"XA"}), apprentice=frozenset({"XA"}), months=(12,))
    needs = RouteNeeds(context, [Transition(Action("apprentice", "XA", 12, 12), ready)], 12)
    assert [label for _, label, _ in needs.items] == ["Senior", "removing XA-A"]
    assert needs.removal[("XA", 12)].experience[0].years == 1
