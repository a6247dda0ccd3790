"""From a route the planner found to steps a person can read: what, when, what it costs and which
published requirement it meets; one function per kind of step. Prints nothing."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..engine import assess
from ..records import is_requirement
from ..taxonomy import EDUCATION_LEVELS
from ..wording import level_name, months_in_words, requirement_text
from .apply import add_months
from .context import Context
from .needs import RouteNeeds
from .notes import plan_notes
from .result import Plan, Step, StepKind
from .search import Route
from .state import Action, State, Transition

if TYPE_CHECKING:
    from ..models import Profile

__all__ = ["build_plan"]

# Steps that start in the same month read in this order.
_ORDER: dict[StepKind, int] = {"apprentice": 0, "role": 1, "experience": 2, "credential": 3, "training": 3,
                               "education": 4}


class _Timed(NamedTuple):
    """A step with what orders it: its start month, its kind's order, its action's order."""

    month: int
    kind_order: int
    action_order: int
    step: Step


class _Drafting(NamedTuple):
    """What every kind of step reads while a route becomes steps."""

    context: Context
    needs: RouteNeeds
    exam_outcomes: dict[tuple[str, int], State]  # (credential, month it ends) -> state after the exam

    def dates(self, action: Action) -> tuple[date, date]:
        """The calendar dates an action starts and ends on."""
        start = self.context.start
        return add_months(start, action.start), add_months(start, action.end)


def build_plan(context: Context, profile: Profile, route: Route, *, eligible_now: bool) -> Plan:
    """Steps, dates, totals and notes for `route`."""
    target, start, months = context.target, context.start, route.months
    # An exam or degree still under way when the target is met was not needed: drop it.
    transitions = [tr for tr in route.transitions if tr.action.kind == "wait" or tr.action.end <= months]
    drafting = _Drafting(context, RouteNeeds(context, transitions, months), _exam_outcomes(route))
    timed: list[_Timed] = []
    for order, (action, before) in enumerate(transitions):
        make = _STEP_MAKERS.get(action.kind)
        step = make(drafting, action, before) if make else None
        if step is not None:
            timed.append(_Timed(action.start, _ORDER[step.kind], order, step))
    timed += _experience_steps(drafting, profile, transitions, months)
    steps = [t.step for t in sorted(timed, key=lambda t: (t.month, t.kind_order, t.action_order))]
    # A move is worth making for the experience that follows it.
    steps = [replace(s, satisfies=next((e.satisfies for e in steps if e.kind == "experience" and e.subject == s.subject
                                        and e.start == s.start), s.satisfies)) if s.kind == "role" else s
             for s in steps]
    finish = add_months(start, months)
    if not eligible_now:
        steps.append(Step("role", f"Apply for {target.title}: you would meet its published requirements", finish,
                          finish, None, "the target role", (), not target.requirements.confirmed, target.id))
    fees = sum(s.cost_usd or 0.0 for s in steps)
    unconfirmed = not target.requirements.confirmed or any(s.unconfirmed for s in steps)
    return Plan(target, eligible_now, True, None, tuple(steps), start, finish, round(months / 12, 2), fees,
                tuple(plan_notes(context, profile, steps, transitions, eligible_now, route.early)), unconfirmed,
                context.hours_per_week)


def _exam_outcomes(route: Route) -> dict[tuple[str, int], State]:
    """The state each exam ends in (it says whether the exam came with an apprentice designation)."""
    transitions = route.transitions
    after = [tr.before for tr in transitions[1:]] + ([route.final] if transitions else [])
    return {(before.study.subject, before.study.ends): following
            for (action, before), following in zip(transitions, after, strict=True)
            if action.kind == "wait" and before.study and before.study.ends <= action.end}


def _credential_step(drafting: _Drafting, action: Action, before: State) -> Step:
    context = drafting.context
    credential = context.catalog.credentials[action.subject]
    fee = credential.fee.planning_usd if credential.fee else None
    text, others = drafting.needs.satisfies("credential", action.subject, None, action.end)
    others = tuple(c for c in others if c not in before.credentials and c in context.scope.credentials)
    # An exam moved to when its recommended preparation is met (`recommend`) has no outcome of its
    # own: it never brings an apprentice designation.
    outcome = drafting.exam_outcomes.get((action.subject, action.end))
    apprentice = outcome is not None and action.subject in outcome.apprentice
    weeks = math.ceil(credential.study.hours / context.hours_per_week)
    words = f"Earn {credential.id} ({credential.name}, {credential.body}): about {weeks} weeks of study, then the exam"
    route = action.detail
    if is_requirement(route) and (route.credentials or route.experience or route.cahiim_accredited):
        words += f"; you would meet its published route: {requirement_text(route)}"
    if apprentice and credential.apprentice is not None:
        words += (f". Passed then, it comes as {credential.apprentice.designation} "
                  f"({credential.apprentice.applies_when.rstrip('.').lower()})")
    start, end = drafting.dates(action)
    return Step("credential", words, start, end, fee, text, others, not credential.eligibility.confirmed,
                credential.id, apprentice)


def _training_step(drafting: _Drafting, action: Action, before: State) -> Step:
    training = drafting.context.catalog.trainings[action.subject]
    text, _ = drafting.needs.satisfies("training", action.subject, None, action.end)
    words = f"Complete the {training.name} ({training.hours:g} hours)"
    start, end = drafting.dates(action)
    return Step("training", words, start, end, training.cost_usd, text, (), False, training.id)


def _education_step(drafting: _Drafting, action: Action, before: State) -> Step:
    needs = drafting.needs
    cahiim = bool(action.detail) and needs.need_cahiim
    text, _ = needs.satisfies("education", action.subject, cahiim, action.end)
    pace = "part-time beside work" if drafting.context.part_time else "full-time"
    if EDUCATION_LEVELS.index(action.subject) == before.education:  # keeps the level: a certificate
        words = (f"Complete a post-baccalaureate HIM certificate ({months_in_words(action.end - action.start)}, "
                 f"{pace}) at a CAHIIM-accredited programme: with {level_name(action.subject)} already held, "
                 "the shorter way to the RHIA exam than a second degree")
        start, end = drafting.dates(action)
        return Step("education", words, start, end, None, text, (), False, action.subject, cahiim_accredited=True)
    words = f"Complete {level_name(action.subject)} ({months_in_words(action.end - action.start)}, {pace})"
    if cahiim:
        who = sorted({label.removesuffix(" exam") for _, label, req in needs.items if req.cahiim_accredited})
        words += f" in health information management at a CAHIIM-accredited programme ({', '.join(who)} asks for one)"
    start, end = drafting.dates(action)
    return Step("education", words, start, end, None, text, (), False, action.subject, cahiim_accredited=cahiim)


def _apprentice_step(drafting: _Drafting, action: Action, before: State) -> Step:
    credential = drafting.context.catalog.credentials[action.subject]
    assert credential.apprentice is not None  # only such credentials are held as apprentice
    text, _ = drafting.needs.satisfies("apprentice", action.subject, None, action.end)
    route = drafting.needs.removal[(action.subject, action.start)]
    words = (f"Ask {credential.body} to remove the {credential.apprentice.designation} designation: you would "
             f"meet a published removal route ({requirement_text(route).rstrip('.')})")
    start, end = drafting.dates(action)
    return Step("apprentice", words, start, end, None, text, (), False, credential.id)


def _role_step(drafting: _Drafting, action: Action, before: State) -> Step:
    """A move into a role, with up to three others as open and as good for the route."""
    context = drafting.context
    role = action.subject
    moved = context.catalog.roles[role]
    standing = context.standing(before)
    others = tuple(r.title for r in context.role_order if r.id not in (role, before.role)
                   and context.accrues[r.id] == context.accrues[role] and r.tier == moved.tier
                   and bool(r.requirements.credentials) == bool(moved.requirements.credentials)
                   and assess(r.requirements, standing).met)[:3]
    words = f"Apply for / move into {moved.title}: you would meet its published requirements"
    start, end = drafting.dates(action)
    return Step("role", words, start, end, None, "", others, not moved.requirements.confirmed, role)


_STEP_MAKERS: dict[str, Callable[[_Drafting, Action, State], Step]] = {
    "credential": _credential_step, "training": _training_step, "education": _education_step,
    "apprentice": _apprentice_step, "role": _role_step,
}


def _experience_steps(drafting: _Drafting, profile: Profile, transitions: list[Transition],
                      months: int) -> list[_Timed]:
    """Time in each role the route holds, as a step of its own (time order among the steps): for
    the experience it adds to a rule not yet met, or as the time served before the next move up
    the ladder. Time that does neither (working on while an exam is studied for) is no step."""
    context = drafting.context
    out = []
    for role_id, first, last, following in _occupancy(context, profile, transitions, months):
        held = context.catalog.roles[role_id]
        before = next((b for a, b in transitions if a.start >= first), transitions[-1].before if transitions else None)
        standing = context.standing(before) if before is not None else None
        text, _ = drafting.needs.satisfies("experience", role_id, standing, last)
        tracks = [t for t in held.tracks if t in context.scope.tracks] or list(held.tracks)
        words = f"Work as {held.title} for {months_in_words(last - first)}: {' and '.join(tracks)} experience"
        if not text:
            if following is None:
                continue
            text = f"the ladder: {held.title} leads to {context.catalog.roles[following].title}"
            words = f"Work as {held.title} for {months_in_words(last - first)} before the next move up"
        step = Step("experience", words, add_months(context.start, first), add_months(context.start, last), None,
                    text, (), False, role_id)
        out.append(_Timed(first, _ORDER["experience"], 0, step))
    return out


def _occupancy(context: Context, profile: Profile, transitions: list[Transition],
               months: int) -> list[tuple[str, int, int, str | None]]:
    """(role, first month, last month, the role moved into next or None) for each stretch of the
    route in one role, where the stretch is a tenure served before that move (a role the route
    entered, or one the profile has held for less than the minimum tenure)."""
    role = profile.current_role if profile.current_role in context.accrues else None
    since, out = 0, []
    serving = context.first_move_at > 0
    for action, _ in transitions:
        if action.kind == "role":
            if role is not None and action.start > since:
                out.append((role, since, action.start, action.subject if serving else None))
            role, since, serving = action.subject, action.start, True
    if role is not None and months > since:
        out.append((role, since, months, context.target.id if serving and role != context.target.id else None))
    return out
