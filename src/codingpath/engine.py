"""Evaluate a person against the published requirements of roles and exams. Prints nothing.

A requirement is met, unmet (with what would meet it), or rests on an unconfirmed fact. The
engine's words are deliberately modest: a person "meets the published requirements" of a role;
nothing here says anyone will be hired or promoted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Literal

from .catalog import Catalog
from .taxonomy import EDUCATION_LEVELS
from .wording import level_name, retired_text, short_level_name, years_in_words, years_text

if TYPE_CHECKING:
    from .models import Credential, Profile, Requirement, Role

__all__ = [
    "CredentialResult",
    "Gap",
    "RoleResult",
    "Standing",
    "assess",
    "degree_behind",
    "evaluate_credential",
    "evaluate_role",
    "level_name",
    "next_roles",
    "roadmap_statuses",
    "standing_of",
    "years_text",
]

GapKind = Literal["credential", "experience", "education", "training"]
Status = Literal["held", "eligible", "gap"]


@dataclass(frozen=True)
class Standing:
    """What a person has, as of a date: the facts the rules are checked against."""

    education: int  # index into EDUCATION_LEVELS
    cahiim_accredited: bool
    credentials: frozenset[str]
    apprentice: frozenset[str]  # held, but only with an apprentice designation
    years_by_track: dict[str, float]
    years_by_role: dict[str, float]
    training: frozenset[str]
    as_of: date

    def track_years(self, tracks: tuple[str, ...], roles: tuple[str, ...]) -> float:
        if not tracks and not roles:
            return sum(self.years_by_role.values())
        by_track = max((self.years_by_track.get(t, 0.0) for t in tracks), default=0.0)
        by_role = sum(self.years_by_role.get(r, 0.0) for r in roles)
        return max(by_track, by_role)


def standing_of(profile: Profile, catalog: Catalog, today: date) -> Standing:
    """Sum a profile's experience by track and role, counting overlapping dated spans once."""
    by_role: dict[str, float] = defaultdict(float)
    undated_by_track: dict[str, float] = defaultdict(float)
    spans_by_track: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for entry in profile.experience:
        role = catalog.roles.get(entry.role)
        tracks = role.tracks if role else ()
        if entry.years is not None:
            by_role[entry.role] += entry.years
            for track in tracks:
                undated_by_track[track] += entry.years
        elif entry.start is not None:
            end = min(entry.end or today, today)
            by_role[entry.role] += max(0.0, (end - entry.start).days / 365.25)
            for track in tracks:
                spans_by_track[track].append((entry.start, end))
    by_track: dict[str, float] = dict(undated_by_track)
    for track_name, spans in spans_by_track.items():
        by_track[track_name] = by_track.get(track_name, 0.0) + _union_years(spans)
    apprentice = frozenset(c.id for c in profile.credentials if c.apprentice)
    standing = Standing(
        education=EDUCATION_LEVELS.index(profile.education.level),
        cahiim_accredited=profile.education.cahiim_accredited,
        credentials=frozenset(c.id for c in profile.credentials),
        apprentice=apprentice,
        years_by_track=by_track,
        years_by_role=dict(by_role),
        training=frozenset(profile.training),
        as_of=today,
    )
    # An apprentice whose removal rule is already met is treated as fully credentialed; the
    # designation itself is removed by the body, so results say so in a note.
    removable = {cid for cid in apprentice if apprentice_removable(catalog.credentials[cid], standing)}
    if removable:
        standing = Standing(**{**standing.__dict__, "apprentice": apprentice - removable})
    return standing


def _union_years(spans: list[tuple[date, date]]) -> float:
    total = 0
    current_start: date = date.min
    current_end: date | None = None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += (current_end - current_start).days
    return total / 365.25


def apprentice_removable(credential: Credential, standing: Standing) -> bool:
    """Whether a published route to remove the apprentice designation is met."""
    if credential.apprentice is None:
        return False
    return any(not assess(route, standing).gaps for route in credential.apprentice.removal)


def apprentice_months_left(credential: Credential, standing: Standing, role: Role | None) -> int | None:
    """For an exam passed now with an apprentice designation (CPC-A): whole months until a removal
    route is met by working on in `role` (0: met already; None: the role's time does not count
    toward any removal route, or the route needs more than experience)."""
    if credential.apprentice is None:
        return None
    best: int | None = None
    for route in credential.apprentice.removal:
        gaps = assess(route, standing).gaps
        if any(g.kind != "experience" for g in gaps):
            continue
        months = 0
        for rule in route.experience:
            short = rule.years - standing.track_years(rule.tracks, rule.roles)
            if short <= 1e-9:
                continue
            if role is None or not (set(role.tracks) & set(rule.tracks) or role.id in rule.roles):
                months = -1
                break
            months = max(months, math.ceil(short * 12 - 1e-9))
        if months >= 0 and (best is None or months < best):
            best = months
    return best


@dataclass(frozen=True)
class Gap:
    """One unmet part of a requirement, with what would meet it."""

    kind: GapKind
    message: str
    options: tuple[str, ...] = ()
    years_short: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "message": self.message, "options": list(self.options),
                "years_short": round(self.years_short, 2)}


@dataclass(frozen=True)
class Assessment:
    gaps: tuple[Gap, ...]

    @property
    def met(self) -> bool:
        return not self.gaps


def assess(req: Requirement, standing: Standing) -> Assessment:
    """Check one requirement (an AND of clauses) against a standing."""
    gaps: list[Gap] = []
    if req.education is not None:
        needed = EDUCATION_LEVELS.index(req.education)
        if standing.education < needed:
            gaps.append(Gap("education", f"needs {level_name(req.education)}"
                            + (" from a CAHIIM-accredited HIM programme" if req.cahiim_accredited else "")
                            + f"; has {level_name(EDUCATION_LEVELS[standing.education])}"))
        elif req.cahiim_accredited and not standing.cahiim_accredited:
            gaps.append(Gap("education", f"needs {level_name(req.education)} from a CAHIIM-accredited HIM programme"))
    for group in req.credentials:
        full = set(group) & (standing.credentials - standing.apprentice)
        apprentice = set(group) & standing.apprentice
        if full or (apprentice and not req.full_credential):
            continue
        if apprentice:
            held = ", ".join(sorted(f"{c}-A" for c in apprentice))
            others = [c for c in group if c not in apprentice]
            gaps.append(Gap("credential", f"holds {held}; needs the apprentice designation removed"
                            + (f", or one of {', '.join(others)}" if others else ""), tuple(group)))
        elif len(group) == 1:
            gaps.append(Gap("credential", f"needs {group[0]}", tuple(group)))
        else:
            gaps.append(Gap("credential", f"needs one of {', '.join(group)}", tuple(group)))
    for rule in req.experience:
        has = standing.track_years(rule.tracks, rule.roles)
        if has + 1e-9 < rule.years:
            short = rule.years - has
            held = years_in_words(has) if has > 0 else "none"
            gaps.append(Gap("experience", f"needs {years_in_words(rule.years)} of {rule.label}; has {held} "
                            f"({years_in_words(short)} short)", years_short=short))
    missing_training = [t for t in req.training if t not in standing.training]
    for training in missing_training:
        gaps.append(Gap("training", f"needs the training {training!r}", (training,)))
    return Assessment(tuple(gaps))


@dataclass(frozen=True)
class RoleResult:
    role: Role
    status: Status
    gaps: tuple[Gap, ...] = ()
    unconfirmed: bool = False
    notes: tuple[str, ...] = ()

    @property
    def rank(self) -> tuple[int, int, float, int, str]:
        """Eligible first, then fewest gaps, fewest years short, lowest tier."""
        order = {"eligible": 0, "gap": 1, "held": 2}[self.status]
        years = sum(g.years_short for g in self.gaps)
        from .models import TIERS

        return (order, len(self.gaps), years, TIERS.index(self.role.tier), self.role.title)


def evaluate_role(role: Role, standing: Standing, current_role: str | None = None,
                  catalog: Catalog | None = None) -> RoleResult:
    """A person against one role's published requirements; with `catalog`, a credential gap whose
    every option needs a CAHIIM-accredited degree the person lacks says which (`degree_behind`)."""
    assessment = assess(role.requirements, standing)
    if catalog is not None:
        assessment = Assessment(tuple(_with_degree(g, catalog, standing) for g in assessment.gaps))
    notes = []
    if not role.requirements.confirmed:
        notes.append("requirements unconfirmed: " + (role.requirements.note or "no published source"))
    if role.id == current_role:
        return RoleResult(role, "held", assessment.gaps, not role.requirements.confirmed, tuple(notes))
    status: Status = "eligible" if assessment.met else "gap"
    return RoleResult(role, status, assessment.gaps, not role.requirements.confirmed, tuple(notes))


def _with_degree(gap: Gap, catalog: Catalog, standing: Standing) -> Gap:
    behind = degree_behind(gap.options, catalog, standing) if gap.kind == "credential" else None
    if behind is None or gap.message.startswith("holds "):
        return gap
    return replace(gap, message=f"needs {' or '.join(gap.options)} ({behind})")


def degree_behind(group: tuple[str, ...], catalog: Catalog, standing: Standing) -> str | None:
    """What stands behind a credential group when every member's eligibility asks for a degree
    from a CAHIIM-accredited HIM programme the person lacks, in words read from the data:
    "each needs a CAHIIM-accredited HIM degree: associate for RHIT, bachelor's or post-baccalaureate
    certificate for RHIA"; None when any member is open without one (or is not in the data)."""
    parts = []
    for cid in group:
        credential = catalog.credentials.get(cid)
        routes = credential.eligibility.routes if credential else ()
        if not routes or any(not (r.cahiim_accredited and r.education) or assess(r, standing).met for r in routes):
            return None
        level = min((r.education for r in routes if r.education), key=EDUCATION_LEVELS.index)
        ways = [short_level_name(level)]
        if any(p.kind == "certificate" and p.cahiim_accredited and p.level == p.from_level == level
               for p in catalog.education):
            ways.append("post-baccalaureate certificate" if level == "bachelor"
                        else f"certificate after {level_name(level).removeprefix('a ').removeprefix('an ')}")
        parts.append((cid, " or ".join(ways)))
    if len(parts) == 1:
        return f"it needs a CAHIIM-accredited HIM degree: {parts[0][1]}"
    return "each needs a CAHIIM-accredited HIM degree: " + ", ".join(f"{ways} for {cid}" for cid, ways in parts)


def current_tier_index(profile: Profile, catalog: Catalog) -> int:
    """The tier someone stands at: their current role's, else their highest role's, else entry."""
    if profile.current_role in catalog.roles:
        return catalog.tier_index(catalog.roles[profile.current_role].tier)
    tiers = [catalog.tier_index(catalog.roles[e.role].tier) for e in profile.experience if e.role in catalog.roles]
    return max(tiers, default=0)


def next_roles(profile: Profile, catalog: Catalog, today: date, *, show_all: bool = False) -> list[RoleResult]:
    """Roles beside or one tier above where the person stands (or every role), best first."""
    standing = standing_of(profile, catalog, today)
    tier = current_tier_index(profile, catalog)
    current = catalog.roles.get(profile.current_role or "")
    candidates = []
    for role in catalog.roles.values():
        if role.id == profile.current_role:
            continue
        index = catalog.tier_index(role.tier)
        if show_all or index in (tier, tier + 1) or (current and role.id in current.leads_to):
            candidates.append(evaluate_role(role, standing))
    return sorted(candidates, key=lambda r: r.rank)


def roadmap_statuses(profile: Profile, catalog: Catalog, today: date) -> dict[str, RoleResult]:
    """Every role marked: held (current or past), eligible, or gap."""
    standing = standing_of(profile, catalog, today)
    held = {e.role for e in profile.experience} | {profile.current_role}
    results = {}
    for role in catalog.roles.values():
        result = evaluate_role(role, standing, current_role=role.id if role.id in held else None)
        results[role.id] = result
    return results


@dataclass(frozen=True)
class CredentialResult:
    """Whether a person may sit an exam now, and what is missing if not."""

    credential: Credential
    eligible: bool
    held: bool
    missing: tuple[Gap, ...] = ()
    recommended_missing: tuple[Gap, ...] = ()
    unconfirmed: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


def evaluate_credential(credential: Credential, standing: Standing) -> CredentialResult:
    """A person against the rule to sit one exam; recommendations are reported, never required."""
    rule = credential.eligibility
    notes = list(rule.conditions)
    if not rule.confirmed:
        notes.append("eligibility rule unconfirmed: " + (rule.note or "verify with the certifying body"))
    held = credential.id in standing.credentials
    missing: tuple[Gap, ...]
    if not rule.routes:
        eligible, missing = True, ()
    else:
        assessments = [assess(route, standing) for route in rule.routes]
        eligible = any(a.met for a in assessments)
        closest = min(assessments, key=lambda a: (len(a.gaps), sum(g.years_short for g in a.gaps)))
        missing = () if eligible else closest.gaps
        if not eligible and len(rule.routes) > 1:
            notes.append(f"closest of {len(rule.routes)} published routes shown; any one route suffices")
    if not credential.offered and not held:
        # Holders keep a retired credential; no one can sit its exam now, whatever routes they meet.
        eligible, missing, notes = False, (), [retired_text(credential)]
    recommended: tuple[Gap, ...] = ()
    if credential.recommended and credential.offered:
        options = [assess(route, standing) for route in credential.recommended.routes]
        if not any(a.met for a in options):
            recommended = min(options, key=lambda a: len(a.gaps)).gaps
    return CredentialResult(credential, eligible, held, missing, recommended, not rule.confirmed, tuple(notes))
