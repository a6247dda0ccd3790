"""What a route to one target can need, worked out once before the search: the credentials, roles,
tracks, trainings and degrees in play, requirements compiled for fast reading, and study and
degree durations in months. Keeping this apart keeps the search to moves a route could use."""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from ..catalog import Catalog
from ..taxonomy import EDUCATION_LEVELS, TIERS

if TYPE_CHECKING:
    from ..models import Credential, EducationProgram, Requirement, Role

__all__ = ["WEEKS_PER_MONTH", "Compiled", "Scope", "degree_chains", "planning_fee", "program_months", "study_months"]

WEEKS_PER_MONTH = 52 / 12

# A requirement with what it belongs to: ("role" | "credential" | "apprentice", the owner's id).
OwnedRequirement: TypeAlias = "tuple[Requirement, str, str]"


class Scope:
    """What a route to the target can need: every credential named by the target's requirements
    and, transitively, by the eligibility routes of those; roles (no higher than the target's
    tier) on the tracks those requirements count, as stepping stones; and from a stepping stone's
    credential group, its quickest and its cheapest member. `ladder_roles` are the roles a climb
    along the ladder may pass through: in scope whatever they accrue. A credential whose exam is no
    longer offered (`Credential.offered`) is never in scope: a route cannot earn it, though one
    held counts wherever a requirement names it (the engine reads what is held)."""

    def __init__(self, catalog: Catalog, target: Role, avoid: frozenset[str],
                 ladder_roles: frozenset[str] = frozenset()) -> None:
        self.catalog, self.target, self.avoid = catalog, target, avoid
        self.credentials: dict[str, Credential] = {}
        self.roles: dict[str, Role] = {}
        self.tracks: dict[str, None] = {}  # the tracks worth accruing (and moving roles for)
        self.role_keys: dict[str, None] = {}  # roles a rule names; "*" for "any experience"
        self.requirements: list[OwnedRequirement] = []
        self._ladder = ladder_roles
        self._chain: deque[OwnedRequirement] = deque([(target.requirements, "role", target.id)])
        self._stepping_stones: deque[OwnedRequirement] = deque()  # their requirements, once the chain is done
        for role_id in sorted(ladder_roles):
            role = self.roles[role_id] = catalog.roles[role_id]
            self._stepping_stones.append((role.requirements, "role", role.id))
        seen: set[int] = set()
        while self._chain or self._stepping_stones:
            req, kind, owner = self._chain.popleft() if self._chain else self._stepping_stones.popleft()
            if id(req) in seen:
                continue
            seen.add(id(req))
            self.requirements.append((req, kind, owner))
            self._add_credentials(req, stepping_stone=kind == "role" and owner != target.id)
            self._add_experience(req)
        self.levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements if r.education]
        self.cahiim_levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements
                              if r.education and r.cahiim_accredited]
        self.trainings = {t for r, _, _ in self.requirements for t in r.training if t in catalog.trainings}

    def _add_credentials(self, req: Requirement, *, stepping_stone: bool) -> None:
        credentials = self.catalog.credentials
        for group in req.credentials:
            usable = [c for c in group if c not in self.avoid and c in credentials and credentials[c].offered]
            if stepping_stone and usable:
                quickest = min(usable, key=lambda c: (credentials[c].study.hours, planning_fee(credentials[c])))
                cheapest = min(usable, key=lambda c: (planning_fee(credentials[c]), credentials[c].study.hours))
                usable = list(dict.fromkeys([quickest, cheapest]))
            for cid in usable:
                if cid not in self.credentials:
                    credential = self.credentials[cid] = credentials[cid]
                    self._chain.extend((route, "credential", cid) for route in credential.eligibility.routes)
                    if credential.apprentice:
                        self._chain.extend((route, "apprentice", cid) for route in credential.apprentice.removal)

    def _add_experience(self, req: Requirement) -> None:
        ladder_roles = self._ladder
        cap = TIERS.index(self.target.tier)
        for rule in req.experience:
            self.role_keys.update(dict.fromkeys(rule.roles or (() if rule.tracks else ("*",))))
            # Every track of a one-of rule: the roles below a stepping stone may accrue only one
            # of them (Release of Information accrues HIM, which Privacy Specialist counts).
            self.tracks.update(dict.fromkeys(rule.tracks))
            tracks = set(rule.tracks)
            for role in self.catalog.roles.values():
                useful = (set(role.tracks) & tracks and TIERS.index(role.tier) <= cap) or role.id in rule.roles
                useful = useful and (not ladder_roles or role.id in ladder_roles)
                if useful and role.id not in self.roles:
                    self.roles[role.id] = role
                    self._stepping_stones.append((role.requirements, "role", role.id))


def planning_fee(credential: Credential) -> float:
    """The fee a plan adds up; an unknown fee sorts last."""
    fee = credential.fee.planning_usd if credential.fee else None
    return math.inf if fee is None else fee


@dataclass(frozen=True, slots=True)
class Compiled:
    """A requirement as the search reads it, many times over."""

    rules: tuple[int, ...]  # indexes into the context's experience rules
    level: int | None  # the education level asked for, as an index of EDUCATION_LEVELS
    cahiim: bool  # the degree must come from a CAHIIM-accredited programme
    groups: tuple[frozenset[str], ...]  # one credential of each group
    full: bool  # a credential held as an apprentice does not count


def program_months(program: EducationProgram, part_time: bool) -> int:
    """A programme's months: beside a full-time job its part-time duration, where the data has one."""
    years = program.part_time.years if part_time and program.part_time is not None else program.years
    return round(years * 12)


def degree_chains(programs: Sequence[EducationProgram], part_time: bool = False) -> list[dict[int, float]]:
    """Fewest months from each education level to each higher one through the degree programmes."""
    chains: list[dict[int, float]] = []
    for origin in range(len(EDUCATION_LEVELS)):
        best, frontier = {origin: 0.0}, [(0.0, origin)]
        while frontier:
            spent, level = heapq.heappop(frontier)
            for program in programs:
                to, cost = EDUCATION_LEVELS.index(program.level), spent + program_months(program, part_time)
                if EDUCATION_LEVELS.index(program.from_level) <= level < to and cost < best.get(to, math.inf):
                    best[to] = cost
                    heapq.heappush(frontier, (cost, to))
        del best[origin]
        chains.append(best)
    return chains


def study_months(hours: float, hours_per_week: float) -> int:
    """Study hours as whole months (at least one): a plan is dated to the month."""
    return max(1, math.ceil(hours / hours_per_week / WEEKS_PER_MONTH - 1e-9))
