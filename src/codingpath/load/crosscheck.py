"""Cross-check the merged career map: every reference resolves and every role can be reached.

A role whose requirements no profile could meet, or a progression cycle, is a data error, not a
runtime surprise: better to refuse the data than to give advice built on it.
"""

from __future__ import annotations

import graphlib
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..models import Credential, Requirement, Role
from ..wording import did_you_mean

if TYPE_CHECKING:
    from ..catalog import Catalog
    from .data import Origin

__all__ = ["cross_check", "attainable"]


def cross_check(catalog: Catalog, origins: dict[tuple[str, str], Origin]) -> list[Problem]:
    """Every problem with references, tiers, cycles and reachability in the merged data."""
    problems = _reference_problems(catalog, origins)
    if problems:
        return problems
    return _cycle_problems(catalog, origins) + _attainability_problems(catalog, origins)


def _requirement_problems(catalog: Catalog, origin: Origin, path: tuple[Any, ...], req: Requirement) -> list[Problem]:
    """Unknown credential, role and training ids in one requirement."""
    problems = []
    for g, group in enumerate(req.credentials):
        for c, cred in enumerate(group):
            if cred not in catalog.credentials:
                hint = did_you_mean(cred, catalog.credentials)
                problems.append(origin.problem((*path, "credentials", g, c), f"unknown credential {cred!r}{hint}"))
    for e, rule in enumerate(req.experience):
        for r, role in enumerate(rule.roles):
            if role not in catalog.roles:
                hint = did_you_mean(role, catalog.roles)
                problems.append(origin.problem((*path, "experience", e, "roles", r), f"unknown role {role!r}{hint}"))
    for t, training in enumerate(req.training):
        if training not in catalog.trainings:
            hint = did_you_mean(training, catalog.trainings)
            problems.append(origin.problem((*path, "training", t), f"unknown training {training!r}{hint}"))
    return problems


def _credential_reference_problems(catalog: Catalog, cred: Credential, origin: Origin) -> list[Problem]:
    problems = []
    for i, route in enumerate(cred.eligibility.routes):
        problems += _requirement_problems(catalog, origin, ("eligibility", "routes", i), route)
    if cred.recommended:
        for i, route in enumerate(cred.recommended.routes):
            problems += _requirement_problems(catalog, origin, ("recommended", "routes", i), route)
    if cred.apprentice:
        for i, route in enumerate(cred.apprentice.removal):
            problems += _requirement_problems(catalog, origin, ("apprentice", "removal", i), route)
    for i, other in enumerate(cred.replaces):
        if other not in catalog.credentials:
            problems.append(origin.problem(("replaces", i), f"unknown credential {other!r}"))
    return problems


def _role_reference_problems(catalog: Catalog, role: Role, origin: Origin) -> list[Problem]:
    problems = _requirement_problems(catalog, origin, ("requirements",), role.requirements)
    for i, cred in enumerate(role.preferred_credentials):
        if cred not in catalog.credentials:
            hint = did_you_mean(cred, catalog.credentials)
            problems.append(origin.problem(("preferred_credentials", i), f"unknown credential {cred!r}{hint}"))
    for i, target in enumerate(role.leads_to):
        if target not in catalog.roles:
            hint = did_you_mean(target, catalog.roles)
            problems.append(origin.problem(("leads_to", i), f"unknown role {target!r}{hint}"))
        elif catalog.tier_index(catalog.roles[target].tier) < catalog.tier_index(role.tier):
            problems.append(origin.problem(
                ("leads_to", i), f"leads to {target!r}, a lower tier ({catalog.roles[target].tier} < {role.tier})"))
    if role.occupation and role.occupation not in catalog.occupations:
        problems.append(origin.problem(("occupation",), f"unknown occupation code {role.occupation!r}"))
    return problems


def _reference_problems(catalog: Catalog, origins: dict[tuple[str, str], Origin]) -> list[Problem]:
    """Ids that name nothing in the data, and progressions that lead down a tier."""
    problems = []
    for cred in catalog.credentials.values():
        problems += _credential_reference_problems(catalog, cred, origins[("credential", cred.id)])
    for role in catalog.roles.values():
        problems += _role_reference_problems(catalog, role, origins[("role", role.id)])
    return problems


def _cycle_problems(catalog: Catalog, origins: dict[tuple[str, str], Origin]) -> list[Problem]:
    """A progression cycle (`leads_to` back to where it started), named role by role."""
    sorter = graphlib.TopologicalSorter({r.id: set(r.leads_to) for r in catalog.roles.values()})
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        cycle = exc.args[1]
        origin = origins[("role", cycle[0])]
        return [origin.problem(("leads_to",), "progression cycle: " + " -> ".join(cycle))]
    return []


def _attainability_problems(catalog: Catalog, origins: dict[tuple[str, str], Origin]) -> list[Problem]:
    """Credentials and roles whose rules no profile could ever meet."""
    creds, roles = attainable(catalog)
    problems = []
    for cred_id in sorted(set(catalog.credentials) - creds):
        problems.append(origins[("credential", cred_id)].problem(
            ("eligibility",), f"no profile could ever meet the rule to sit {cred_id}"))
    for role_id in sorted(set(catalog.roles) - roles):
        problems.append(origins[("role", role_id)].problem(
            ("requirements",), f"no profile could ever meet the requirements of {role_id!r}"))
    return problems


def attainable(catalog: Catalog) -> tuple[set[str], set[str]]:
    """The credentials and roles some profile could reach, by fixed point from nothing."""
    creds: set[str] = set()
    roles: set[str] = set()
    tracks: set[str] = set()

    def can_meet(req: Requirement, exclude_role: str | None = None) -> bool:
        if any(not (set(group) & creds) for group in req.credentials):
            return False
        for rule in req.experience:
            in_roles = bool(set(rule.roles) & (roles - {exclude_role}))
            in_tracks = any(
                set(rule.tracks) & set(catalog.roles[r].tracks) for r in roles if r != exclude_role
            )
            if not rule.tracks and not rule.roles:
                in_tracks = bool(roles - {exclude_role})
            if not (in_roles or in_tracks):
                return False
        return all(t in catalog.trainings for t in req.training)

    changed = True
    while changed:
        changed = False
        for cred in catalog.credentials.values():
            routes = cred.eligibility.routes
            if cred.id not in creds and (not routes or any(can_meet(r) for r in routes)):
                creds.add(cred.id)
                changed = True
        for role in catalog.roles.values():
            if role.id not in roles and can_meet(role.requirements, exclude_role=role.id):
                roles.add(role.id)
                tracks.update(role.tracks)
                changed = True
    return creds, roles
