"""What a route to one target can need, worked out once before the search: the credentials, roles,
tracks, trainings and degrees in play, requirements compiled for fast reading, and study and
degree durations in months. Keeping this apart keeps the search to moves a route could use."""

from __future__ import annotations

import heapq
import math
from collections import deque
from dataclasses import dataclass

from .catalog import Catalog
from .models import EDUCATION_LEVELS, TIERS, Credential, Requirement, Role

__all__ = ["WEEKS_PER_MONTH", "Compiled", "Scope", "degree_chains", "planning_fee", "study_months"]

WEEKS_PER_MONTH = 52 / 12


class Scope:
    """What a route to the target can need: every credential named by the target's requirements
    and, transitively, by the eligibility routes of those; roles (no higher than the target's
    tier) on the tracks those requirements count, as stepping stones; and from a stepping stone's
    credential group, its quickest and its cheapest member."""

    def __init__(self, catalog: Catalog, target: Role, avoid: frozenset[str]) -> None:
        cap = TIERS.index(target.tier)
        self.credentials: dict[str, Credential] = {}
        self.roles: dict[str, Role] = {}
        self.tracks: dict[str, None] = {}  # the tracks worth accruing (and moving roles for)
        self.role_keys: dict[str, None] = {}  # roles a rule names; "*" for "any experience"
        self.requirements: list[tuple[Requirement, str, str]] = []  # (req, owner kind, owner id)
        chain = deque([(target.requirements, "role", target.id)])  # the target and exam routes
        stones: deque = deque()  # stepping stones' requirements, once the chain is done
        seen: set[int] = set()

        def add(cid: str) -> None:
            credential = self.credentials[cid] = catalog.credentials[cid]
            chain.extend((route, "credential", cid) for route in credential.eligibility.routes)
            if credential.apprentice:
                chain.extend((route, "apprentice", cid) for route in credential.apprentice.removal)

        while chain or stones:
            req, kind, owner = chain.popleft() if chain else stones.popleft()
            if id(req) in seen:
                continue
            seen.add(id(req))
            self.requirements.append((req, kind, owner))
            stone = kind == "role" and owner != target.id
            for group in req.credentials:
                usable = [c for c in group if c not in avoid and c in catalog.credentials]
                if stone and usable:
                    usable = list(dict.fromkeys([min(usable, key=lambda c: (catalog.credentials[c].study.hours, planning_fee(catalog.credentials[c]))),
                                                 min(usable, key=lambda c: (planning_fee(catalog.credentials[c]), catalog.credentials[c].study.hours))]))
                for cid in usable:
                    if cid not in self.credentials:
                        add(cid)
            for rule in req.experience:
                self.role_keys.update(dict.fromkeys(rule.roles or (() if rule.tracks else ("*",))))
                # One track of a one-of rule is enough: time on a track already counted meets it.
                new = () if set(self.tracks) & set(rule.tracks) else rule.tracks
                self.tracks.update(dict.fromkeys(new))
                for role in catalog.roles.values():
                    useful = (set(role.tracks) & set(new) and TIERS.index(role.tier) <= cap) or role.id in rule.roles
                    if useful and role.id not in self.roles:
                        self.roles[role.id] = role
                        stones.append((role.requirements, "role", role.id))
        self.levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements if r.education]
        self.cahiim_levels = [EDUCATION_LEVELS.index(r.education) for r, _, _ in self.requirements
                              if r.education and r.cahiim_accredited]
        self.trainings = {t for r, _, _ in self.requirements for t in r.training if t in catalog.trainings}


def planning_fee(credential: Credential) -> float:
    """The fee a plan adds up; an unknown fee sorts last."""
    fee = credential.fee.planning_usd if credential.fee else None
    return math.inf if fee is None else fee


@dataclass(frozen=True, slots=True)
class Compiled:
    """A requirement as the search reads it, many times over."""

    rules: tuple[int, ...]
    level: int | None
    cahiim: bool
    groups: tuple[frozenset[str], ...]
    full: bool


def degree_chains(programs) -> list[dict[int, float]]:
    """Fewest months from each education level to each higher one through the degree programmes."""
    chains: list[dict[int, float]] = []
    for origin in range(len(EDUCATION_LEVELS)):
        best, frontier = {origin: 0.0}, [(0.0, origin)]
        while frontier:
            spent, level = heapq.heappop(frontier)
            for p in programs:
                to, cost = EDUCATION_LEVELS.index(p.level), spent + round(p.years * 12)
                if EDUCATION_LEVELS.index(p.from_level) <= level < to and cost < best.get(to, math.inf):
                    best[to] = cost
                    heapq.heappush(frontier, (cost, to))
        del best[origin]
        chains.append(best)
    return chains


def study_months(hours: float, hours_per_week: float) -> int:
    """Study hours as whole months (at least one): a plan is dated to the month."""
    return max(1, math.ceil(hours / hours_per_week / WEEKS_PER_MONTH - 1e-9))
