"""The search's states: what a person holds and has under way at a month, and the moves between
states (`Action`). Plain values, hashable, with names for every part; `moves` makes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

__all__ = ["MIN_STAY_MONTHS", "Action", "ActionKind", "Degree", "Move", "State", "Study", "Transition",
           "group_met", "only_roles", "without_roles"]

# A plan keeps a person at least a year in a role before moving on to work of another kind:
# hopping between jobs every few months to collect two kinds of experience is not advice.
MIN_STAY_MONTHS = 12

ActionKind = Literal["credential", "training", "education", "role", "apprentice", "wait"]


class Study(NamedTuple):
    """An exam or course under way (one at a time)."""

    kind: Literal["credential", "training"]
    subject: str  # the credential or training id
    ends: int  # the month it ends


class Degree(NamedTuple):
    """A degree under way."""

    level: int  # index into EDUCATION_LEVELS
    cahiim: bool  # from a CAHIIM-accredited programme
    ends: int  # the month it ends


class State(NamedTuple):
    """Everything the future of a route depends on (hashable: the search keeps the best key per
    state). The month is not part of it: the search carries it in the key. A named tuple, not a
    dataclass: the search makes, hashes and compares hundreds of them per plan, and a tuple does
    each of those in C."""

    credentials: frozenset[str]
    apprentice: frozenset[str]  # held only with an apprentice designation
    education: int  # index into EDUCATION_LEVELS
    cahiim: bool
    training: frozenset[str]
    role: str | None
    months: tuple[int, ...]  # accrued since the start, per counted track (and role): see Context.keys
    study: Study | None
    degree: Degree | None
    degree_may_start: bool  # at the start, or as the previous degree ends
    passed_over: frozenset[str]  # exams, courses and "role:<id>" moves passed over (see Moves)
    may_move_at: int  # the month from which the next change of role may come


@dataclass(frozen=True)
class Action:
    """One move from a state, in months from the start; `steps` turns them into `Step`s."""

    kind: ActionKind
    subject: str
    start: int
    end: int
    detail: object = None  # the eligibility route used; the CAHIIM flag of a degree


class Move(NamedTuple):
    """A move the search may take, with what it adds to the route's key."""

    action: Action
    state: State  # the state it leads to
    fee: float | None  # None when the fee is unknown
    unconfirmed: int  # unconfirmed rules it rests on


class Transition(NamedTuple):
    """One action of a route found, with the state it was taken in."""

    action: Action
    before: State


def group_met(group: tuple[str, ...] | frozenset[str], full: bool, state: State) -> bool:
    """Whether `state` holds a credential of the group (a full one where `full`)."""
    return any(c in state.credentials and (not full or c not in state.apprentice) for c in group)


def without_roles(passed_over: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in passed_over if not b.startswith("role:"))


def only_roles(passed_over: frozenset[str]) -> frozenset[str]:
    return frozenset(b for b in passed_over if b.startswith("role:"))
