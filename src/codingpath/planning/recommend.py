"""Exams sat once the certifying body's recommended preparation is met, where that costs the route
nothing: a pass over a route the search found. AHIMA recommends, without requiring, two years of
coding (or CCA plus a year) before the CCS; a route that must work on for years anyway has room to
sit the exam after that, and a counselor would advise it. The search itself picks each exam as
early as it can be (its last tie-break); this pass moves an exam whose recommendation is unmet at
its start to the first month one is met, when

- the exam still ends by the month the route meets the target (the target is never delayed),
- no other exam or course is under way meanwhile (one at a time, as the search plans them),
- every step from the exam's old end to its new end is still open without it (a role it opened,
  another exam's eligibility route, an apprentice designation removed).

Exams with an apprentice designation (passing later could bring none, which changes the steps
after it) or that retire another credential are left where they are. Prints nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..engine import Standing, assess
from ..records import is_requirement
from .bounds import Bounds
from .context import Context
from .moves import Moves
from .search import Route
from .state import Action, State, Transition

if TYPE_CHECKING:
    from ..models import Credential

__all__ = ["wait_for_recommendations"]


def wait_for_recommendations(context: Context, route: Route) -> Route:
    """`route` with each exam whose recommended preparation is unmet at its start moved to when it
    is met, where that delays nothing; `Route.early` names those left early, each with the step that
    needs it first (None: waiting would delay the target)."""
    transitions, early = list(route.transitions), []
    for action, before in route.transitions:
        credential = context.catalog.credentials[action.subject] if action.kind == "credential" else None
        if (credential is None or credential.recommended is None or credential.apprentice is not None
                or credential.replaces or action.end > route.months
                or _recommended_met(credential, context.standing(before))):
            continue
        moved, needed_by = _moved(context, route, transitions, action, credential)
        if moved is None:
            early.append((action.subject, needed_by))
            continue
        transitions = [t for t in transitions if t.action != action]
        at = next((i for i, (a, _) in enumerate(transitions)
                   if a.start > moved.action.start or (a.start == moved.action.start and a.kind == "wait")),
                  len(transitions))
        transitions.insert(at, moved)
    return Route(transitions, route.months, route.final, tuple(early))


def _recommended_met(credential: Credential, standing: Standing) -> bool:
    assert credential.recommended is not None
    return any(assess(r, standing).met for r in credential.recommended.routes)


def _moved(context: Context, route: Route, transitions: list[Transition], action: Action,
           credential: Credential) -> tuple[Transition | None, Action | None]:
    """The exam's transition at the first month its recommendation is met and nothing is delayed,
    or None when there is no such month, with the first step that would no longer be open without
    the exam when that is what stands in the way (None: the target would be delayed)."""
    length = action.end - action.start
    studies = [a for a, _ in transitions if a.kind in ("credential", "training") and a != action]
    moves = Moves(context, Bounds(context))

    def met(month: int) -> bool:
        state = _without(_state_at(moves, transitions, route, month), action.subject)
        return _recommended_met(credential, context.standing(state))

    # Experience only grows along a route: the first month the recommendation is met, by halving.
    low, high = action.start + 1, route.months - length + 1
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if met(middle) else (middle + 1, high)
    needed_by: Action | None = None
    for month in range(low, route.months - length + 1):
        state = _without(_state_at(moves, transitions, route, month), action.subject)
        if not _recommended_met(credential, context.standing(state)):
            continue
        end = month + length
        if any(a.start < end and month < a.end for a in studies):
            continue  # another exam or course is under way then
        closed = next((a for a, b in transitions if a.kind != "wait" and a != action and action.end <= a.start < end
                       and not _still_open(context, a, _without(b, action.subject))), None)
        if closed is None:
            return Transition(replace(action, start=month, end=end), state), None
        needed_by = needed_by or closed
    return None, needed_by


def _state_at(moves: Moves, transitions: list[Transition], route: Route, month: int) -> State:
    """The route's state at `month`: inside the wait that spans it, experience accrued so far."""
    for action, before in transitions:
        if action.kind == "wait" and action.start <= month < action.end:
            if month == action.start:
                return before
            accruing = moves.context.accrues.get(before.role or "", frozenset())
            return moves.advance(before, action.start, month, accruing)
    return route.final


def _without(state: State, cid: str) -> State:
    """`state` as if the exam had not been sat (nor were under way)."""
    study = None if state.study and state.study.subject == cid else state.study
    return state._replace(credentials=state.credentials - {cid}, apprentice=state.apprentice - {cid}, study=study)


def _still_open(context: Context, action: Action, before: State) -> bool:
    """Whether the step `action` is still open from `before`: a role's requirements, an exam's
    eligibility route, a published removal route of an apprentice designation."""
    standing = context.standing(before)
    if action.kind == "role":
        return assess(context.catalog.roles[action.subject].requirements, standing).met
    if action.kind == "credential" and is_requirement(action.detail):
        return assess(action.detail, standing).met
    if action.kind == "apprentice":
        credential = context.catalog.credentials[action.subject]
        return credential.apprentice is not None and any(assess(r, standing).met for r in credential.apprentice.removal)
    return True
