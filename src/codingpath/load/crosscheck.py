"""Cross-check the merged career map: every reference resolves and every role can be reached.

A role whose requirements no profile could meet, or a progression cycle, is a data error, not a
runtime surprise: better to refuse the data than to give advice built on it. The ladder's
coherence (an edge no one could climb, a credential or track nothing uses) is reported by
`data check` instead: the map still works, but advice built on it would be poorer.
"""

from __future__ import annotations

import graphlib
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..taxonomy import TRACKS
from ..wording import did_you_mean

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..models import Credential, ExperienceRule, Requirement, Role
    from .data import Origin

__all__ = ["attainable", "cross_check", "unclimbable_edges", "unused_credentials", "unused_tracks"]


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


# -- the ladder's coherence (reported by `data check`, not refused at load) ------------------------

def unclimbable_edges(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(source, target, why) for every `leads_to` edge the source role's holder could never climb.

    An edge is climbable when someone who meets the source role's requirements and then works in
    it for as long as it takes could meet the target's: every experience rule of the target is on
    a track the source role accrues, or was already asked for (in at least those years) by the
    source role; every credential group has a credential the person may already hold for the
    source role, or could sit with that experience. Degrees and courses can always be added.
    """
    found = []
    for role in catalog.roles.values():
        for target_id in role.leads_to:
            target = catalog.roles.get(target_id)
            why = _climb_gap(catalog, role, target) if target else None
            if why:
                found.append((role.id, target_id, why))
    return found


def _climb_gap(catalog: Catalog, source: Role, target: Role) -> str | None:
    """Why `target` cannot be reached from `source`, or None when it can."""
    accrued, prior = _experience_on_arrival(source)
    for rule in target.requirements.experience:
        if not _rule_reachable(rule, source.id, accrued, prior):
            asked = ", ".join(sorted(accrued))
            return (f"{target.id} needs {_years(rule.years)} of {rule.label}, which time as {source.id} "
                    f"({asked}) never gives and its own requirements do not ask for")
    held = {c for group in source.requirements.credentials for c in group}
    for group in target.requirements.credentials:
        if not any(c in held or _obtainable(catalog, c, source.id, accrued, prior, set()) for c in group):
            return (f"{target.id} needs one of {', '.join(group)}, and none can be sat with the "
                    f"experience of {source.id}")
    return None


def _experience_on_arrival(source: Role) -> tuple[set[str], dict[str, float]]:
    """The tracks time in `source` accrues (without limit), and the most years on each track or
    role (`role:` keys) that someone meeting its requirements may already have."""
    prior: dict[str, float] = {}
    for rule in source.requirements.experience:
        for key in (*rule.tracks, *(f"role:{r}" for r in rule.roles)):
            prior[key] = max(prior.get(key, 0.0), rule.years)
    return set(source.tracks), prior


def _rule_reachable(rule: ExperienceRule, source_id: str, accrued: set[str], prior: dict[str, float]) -> bool:
    if not rule.tracks and not rule.roles:
        return True
    if set(rule.tracks) & accrued or source_id in rule.roles:
        return True
    keys = (*rule.tracks, *(f"role:{r}" for r in rule.roles))
    return max((prior.get(k, 0.0) for k in keys), default=0.0) + 1e-9 >= rule.years


def _obtainable(catalog: Catalog, cred_id: str, source_id: str, accrued: set[str], prior: dict[str, float],
                seen: set[str]) -> bool:
    credential = catalog.credentials.get(cred_id)
    if credential is None or not credential.offered or cred_id in seen:
        return False
    if not credential.eligibility.routes:
        return True
    seen = seen | {cred_id}
    return any(
        all(_rule_reachable(rule, source_id, accrued, prior) for rule in route.experience)
        and all(any(_obtainable(catalog, c, source_id, accrued, prior, seen) for c in group)
                for group in route.credentials)
        for route in credential.eligibility.routes
    )


def _years(years: float) -> str:
    return f"{years:g} year" + ("" if years == 1 else "s")


def unused_credentials(catalog: Catalog) -> list[str]:
    """Credentials no role requires or prefers: catalogued, but no advice can ever point to them."""
    used = {c for role in catalog.roles.values()
            for c in (*role.preferred_credentials, *(c for g in role.requirements.credentials for c in g))}
    return [cid for cid in catalog.credentials if cid not in used]


def unused_tracks(catalog: Catalog) -> list[str]:
    """Tracks of the vocabulary that no role carries: experience on them can never be gained."""
    carried = {t for role in catalog.roles.values() for t in role.tracks}
    return [t for t in TRACKS if t not in carried]
