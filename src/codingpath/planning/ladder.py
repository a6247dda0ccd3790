"""The career ladder as the route graph: from a role a person moves only to a role it `leads_to`
(someone without a role enters at an entry-tier role), never through a role that is not a
stepping stone, and never above the target's tier on the way. `Ladder` holds, per role, the moves
it allows and how many moves it is from a role that leads to the target; the search reads both,
the second as a lower bound."""

from __future__ import annotations

import math
from collections import deque
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..catalog import Catalog
from ..taxonomy import TIERS

if TYPE_CHECKING:
    from ..models import Profile, Role

__all__ = ["Ladder", "build_ladder", "months_in_current_role"]


class Ladder(NamedTuple):
    """The moves the ladder allows on the way to one target, and how far each role is from it."""

    target: str
    next_roles: dict[str | None, tuple[str, ...]]  # role (None: no role) -> roles a move may go to
    distance: dict[str | None, float]  # moves before the target is one move away (inf: never)

    def rung(self, role: str | None) -> str | None:
        """Where the climb starts from `role`: the role itself, or (a role off every ladder to the
        target, or none) the ground, where someone changing careers enters at an entry tier."""
        return role if role in self.distance else None

    def moves_left(self, role: str | None) -> float:
        """Moves before the target is one move away (0 at its door or in it; inf: never)."""
        if role == self.target:
            return 0
        distance = self.distance  # `rung` inlined: the search asks this tens of thousands of times
        return distance[role] if role in distance else distance.get(None, math.inf)

    def moves_from(self, role: str | None) -> tuple[str, ...]:
        """The roles a move from `role` may go to and still reach the target."""
        return self.next_roles.get(self.rung(role), ())

    def hops_from(self, role: str | None) -> dict[str, int]:
        """Moves from `role` to each role a climb from it may reach (breadth first)."""
        hops: dict[str, int] = {}
        frontier = [(r, 1) for r in self.moves_from(role)]
        for role_id, count in frontier:  # grows as it is read: breadth first
            if role_id not in hops:
                hops[role_id] = count
                frontier += [(r, count + 1) for r in self.moves_from(role_id) if r not in hops]
        return hops

    def reachable_from(self, role: str | None) -> set[str]:
        """Every role a climb from `role` may pass through."""
        seen: set[str] = set()
        todo = list(self.moves_from(role))
        while todo:
            role_id = todo.pop()
            if role_id not in seen:
                seen.add(role_id)
                todo += self.moves_from(role_id)
        return seen


def _climbable(catalog: Catalog, role_id: str, target: Role) -> bool:
    role = catalog.roles.get(role_id)
    return (role is not None and role.id != target.id and role.stepping_stone
            and TIERS.index(role.tier) <= TIERS.index(target.tier))


def build_ladder(catalog: Catalog, target: Role) -> Ladder:
    """The ladder toward `target`: a breadth-first search back from the roles that lead to it."""
    steps: dict[str | None, tuple[str, ...]] = {
        role.id: tuple(r for r in role.leads_to if _climbable(catalog, r, target)) for role in catalog.roles.values()}
    steps[None] = tuple(r.id for r in catalog.roles.values() if r.tier == "entry" and _climbable(catalog, r.id, target))
    distance: dict[str | None, float] = {}
    door: list[str | None] = [r.id for r in catalog.roles.values() if target.id in r.leads_to]
    if target.tier == "entry":
        door.append(None)  # someone without a role applies straight for an entry-tier role
    # Every role gets its distance (the person may hold any), but only a role a route may pass
    # through extends the search back to the roles that lead to it.
    frontier: deque[str] = deque()
    for entry in door:
        distance[entry] = 0
        if entry is not None and _climbable(catalog, entry, target):
            frontier.append(entry)
    led_from: dict[str, list[str | None]] = {}
    for source, onward in steps.items():
        for role_id in onward:
            led_from.setdefault(role_id, []).append(source)
    while frontier:
        reached = frontier.popleft()
        for source in led_from.get(reached, ()):
            if source not in distance:
                distance[source] = distance[reached] + 1
                if source is not None and _climbable(catalog, source, target):
                    frontier.append(source)
    next_roles = {source: tuple(r for r in onward if r in distance) for source, onward in steps.items()}
    return Ladder(target.id, next_roles, distance)


def months_in_current_role(profile: Profile, on: date) -> int:
    """Whole months the profile has held its current role by `on`, from its dated experience
    entries or their years; 0 when the profile does not say."""
    months = 0.0
    for entry in profile.experience:
        if entry.role != profile.current_role:
            continue
        if entry.start is not None:
            end = entry.end or on
            months += max(0, (end.year - entry.start.year) * 12 + end.month - entry.start.month)
        elif entry.years is not None:
            months += entry.years * 12
    return int(months)
