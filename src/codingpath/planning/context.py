"""The tables a route search reads, worked out once per plan and never changed: the scope, the
experience keys a state counts months on, each role's accrual and preference rank, the compiled
requirements and who serves each experience rule. `Bounds` and `Moves` read them; keeping them in
one frozen value lets each of those be built and tested on its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..engine import Standing, standing_of
from ..taxonomy import EDUCATION_LEVELS, TIERS
from .ladder import Ladder, build_ladder, months_in_current_role
from .scope import Compiled, Scope, degree_chains, program_months, study_months
from .state import MIN_STAY_MONTHS, State

if TYPE_CHECKING:
    from ..models import EducationProgram, ExperienceRule, Profile, Requirement, Role

__all__ = ["Context", "TrackOnlyRule", "build_context"]

# A rule that counts tracks only, read straight from a state's months: per track, the years the
# profile brings and the index of the track's months in `State.months` (None: not counted).
TrackOnlyRule = tuple[tuple[float, int | None], ...]


@dataclass(frozen=True, slots=True, eq=False, repr=False)  # compared and printed by identity: tables
class Context:
    """What a search for one target from one profile reads; `build_context` makes it."""

    catalog: Catalog
    target: Role
    start: date
    hours_per_week: float
    scope: Scope
    base: Standing  # the profile's standing at the start
    keys: tuple[str, ...]  # what `State.months` counts: tracks, then "role:<id>" ("role:*": any)
    accrues: dict[str, frozenset[int]]  # role id -> indexes of the keys time in it counts on
    study_months: dict[str, int]  # credential id -> months of study
    training_months: dict[str, int]
    role_order: tuple[Role, ...]  # most preferred first
    preference: dict[str, int]  # role id -> place in `role_order`
    role_accrues: tuple[tuple[Role, frozenset[int]], ...]  # `role_order` with each one's accrual
    rules: tuple[ExperienceRule, ...]  # every distinct experience rule in scope
    rule_keys: tuple[frozenset[int], ...]  # per rule, the keys that count toward it
    track_only_rules: tuple[TrackOnlyRule | None, ...]  # per rule; None when it needs the engine
    programs: tuple[EducationProgram, ...]  # the degree programmes worth taking
    degree_months: tuple[dict[int, float], ...]  # per level, fewest months to each higher one
    unknown_fee: float  # what an unknown fee counts as: the dearest known
    ranking_fee: dict[str, float]  # credential id -> fee, an unknown one as `unknown_fee`
    compiled: dict[int, Compiled]  # id(requirement) -> compiled (shared by equal requirements)
    target_rules: tuple[int, ...]  # the target's experience rules
    target_level: int | None  # the target's education level
    serving_roles: dict[int, list[Role]]  # target rule -> roles that accrue toward it, lowest tier first
    serving_requirements: dict[int, list[Compiled]]  # target rule -> those roles' requirements
    roles_serving_both: dict[tuple[int, int], list[Role]]  # two target rules -> roles serving both
    requirements_by_owner: dict[tuple[str, str], list[Requirement]]  # (kind, owner id) -> requirements
    longest_study: dict[frozenset[str], int]  # credential group -> its longest study, in months
    ladder: Ladder  # the moves a route may make, and how far each role is from the target
    min_tenure: int  # months between two moves (and between the last one and the target)
    first_move_at: int  # the month the current role may first be left
    hops: dict[str | None, dict[str, int]]  # role (None: none) -> moves up the ladder to each role
    doors: tuple[Role, ...]  # the roles in scope that lead to the target
    fitting: dict[frozenset[str], frozenset[str]]  # credential group -> the members that fit the path
    schedulable: frozenset[str]  # the exams a route may sit: in scope and, for some group, fitting it
    offerable: dict[str | None, frozenset[str]]  # role (None: none) -> the exams still offerable from it
    part_time: bool  # degrees at a working adult's pace
    certificate_months: dict[int, int]  # level -> the quickest CAHIIM-accredited certificate kept at it

    def program_months(self, program: EducationProgram) -> int:
        return program_months(program, self.part_time)

    def at_goal(self, state: State, month: int) -> bool:
        """Whether a state whose standing meets the target's requirements ends a route: in the
        target, or one move from it with the minimum tenure served."""
        return state.role == self.target.id or (self.ladder.moves_left(state.role) == 0 and month >= state.may_move_at)

    def initial_state(self, profile: Profile) -> State:
        """The state the search starts from: the profile at the start date."""
        base = self.base
        role = profile.current_role if profile.current_role in self.accrues else None
        return State(base.credentials, base.apprentice, base.education, base.cahiim_accredited, base.training,
                     role, (0,) * len(self.keys), None, None, True, frozenset(), self.first_move_at)

    def standing(self, state: State) -> Standing:
        """The engine's view of a state, to check rules with `engine.assess`."""
        tracks, roles = dict(self.base.years_by_track), dict(self.base.years_by_role)
        for key, months in zip(self.keys, state.months, strict=True):
            if months:
                bucket, name = (roles, key[5:]) if key.startswith("role:") else (tracks, key)
                bucket[name] = bucket.get(name, 0.0) + months / 12
        return Standing(state.education, state.cahiim, state.credentials, state.apprentice, tracks, roles,
                        state.training, self.start)


def build_context(catalog: Catalog, profile: Profile, target: Role, start: date, hours_per_week: float,
                  avoid: frozenset[str], min_tenure: int = MIN_STAY_MONTHS, fit: bool = True,
                  part_time: bool = True) -> Context:
    """Everything a search from `profile` to `target` reads, worked out once; without `fit`, any
    member of a credential group will do."""
    ladder = build_ladder(catalog, target)
    held = profile.current_role if profile.current_role in catalog.roles else None
    scope = Scope(catalog, target, avoid, frozenset(ladder.reachable_from(held)))
    base = standing_of(profile, catalog, start)
    keys = (*scope.tracks, *(f"role:{r}" for r in scope.role_keys))
    accrues = {role.id: _accrual(keys, role) for role in (*scope.roles.values(), target)}
    if profile.current_role in catalog.roles and profile.current_role not in accrues:
        accrues[profile.current_role] = _accrual(keys, catalog.roles[profile.current_role])
    role_order = _role_order(catalog, scope, target)
    rules = tuple({(rule.tracks, rule.roles, rule.years): rule
                   for req, _, _ in scope.requirements for rule in req.experience}.values())
    rule_keys = tuple(frozenset(i for i, k in enumerate(keys)
                                if k in rule.tracks or k[5:] in rule.roles or (k == "role:*" and not rule.tracks))
                      for rule in rules)
    need = max(max(scope.levels, default=0), max(scope.cahiim_levels, default=-1) + 1)
    programs = tuple(p for p in catalog.education if EDUCATION_LEVELS.index(p.level) <= need)
    known = [c.fee.planning_usd for c in catalog.credentials.values() if c.fee and c.fee.planning_usd is not None]
    unknown_fee = max(known, default=0.0)  # an unknown fee never ranks as cheap
    study = {cid: study_months(c.study.hours, hours_per_week) for cid, c in scope.credentials.items()}
    compiled = _compile(scope, rules)
    target_compiled = compiled[id(target.requirements)]
    serving = _serving_roles(role_order, accrues, rule_keys, target, target_compiled.rules)
    fitting = _fitting(target, scope, compiled.values(), base) if fit else {}
    requirements_by_owner: dict[tuple[str, str], list[Requirement]] = {}
    for req, kind, owner in scope.requirements:
        requirements_by_owner.setdefault((kind, owner), []).append(req)
    return Context(
        catalog=catalog, target=target, start=start, hours_per_week=hours_per_week, scope=scope, base=base,
        keys=keys, accrues=accrues, study_months=study,
        training_months={t: study_months(catalog.trainings[t].hours, hours_per_week) for t in scope.trainings},
        role_order=role_order, preference={r.id: i for i, r in enumerate(role_order)},
        role_accrues=tuple((r, accrues[r.id]) for r in role_order), rules=rules, rule_keys=rule_keys,
        track_only_rules=_track_only_rules(base, keys, rules), programs=programs,
        degree_months=tuple(degree_chains(programs, part_time)), unknown_fee=unknown_fee,
        ranking_fee={cid: c.fee.planning_usd if c.fee and c.fee.planning_usd is not None else unknown_fee
                     for cid, c in scope.credentials.items()},
        compiled=compiled, target_rules=target_compiled.rules, target_level=target_compiled.level,
        serving_roles=serving,
        serving_requirements={i: [compiled[id(r.requirements)] for r in roles] for i, roles in serving.items()},
        roles_serving_both={(i, j): [r for r in serving[i] if accrues[r.id] & rule_keys[j]]
                            for i in target_compiled.rules for j in target_compiled.rules},
        requirements_by_owner=requirements_by_owner,
        longest_study={g: max(study.get(c, 0) for c in g) for c in compiled.values() for g in c.groups},
        ladder=ladder, min_tenure=min_tenure,
        hops={role: ladder.hops_from(role) for role in (None, *accrues)},
        doors=tuple(r for r in role_order if ladder.moves_left(r.id) == 0),
        fitting=fitting,
        schedulable=frozenset(c for g in {g for c in compiled.values() for g in c.groups}
                              for c in fitting.get(g, g) if c in scope.credentials),
        offerable=_offerable(scope, compiled, fitting, ladder, target, (None, *accrues)),
        part_time=part_time,
        certificate_months=_certificate_months(programs, part_time),
        first_move_at=max(0, min_tenure - months_in_current_role(profile, start)) if held else 0,
    )


def _offerable(scope: Scope, compiled: dict[int, Compiled], fitting: dict[frozenset[str], frozenset[str]],
               ladder: Ladder, target: Role, held: Iterable[str | None]) -> dict[str | None, frozenset[str]]:
    """Per role, the exams a route may still be offered from it or any role a climb from it
    reaches. `Moves.exams` offers an exam only for a group that it fits, of a requirement in play:
    the target's, an eligibility or apprentice removal route's (in play anywhere), or a role's
    that the role held leads to (`Moves.useful_roles`)."""
    always: set[str] = set()
    enabled_by: dict[str, set[str]] = {}  # exam -> the roles whose requirements offer it
    for req, kind, owner in scope.requirements:
        for group in compiled[id(req)].groups:
            for cid in fitting.get(group, group):
                if kind != "role" or owner == target.id:
                    always.add(cid)
                else:
                    enabled_by.setdefault(cid, set()).add(owner)
    out: dict[str | None, frozenset[str]] = {}
    for role in held:
        onward = {r for h in (role, *ladder.reachable_from(role)) for r in ladder.moves_from(h)}
        out[role] = frozenset(always | {c for c, owners in enabled_by.items() if owners & onward})
    return out


def _certificate_months(programs: tuple[EducationProgram, ...], part_time: bool) -> dict[int, int]:
    """Per level, the months of the quickest CAHIIM-accredited certificate that keeps it."""
    certificates = [p for p in programs if p.cahiim_accredited and p.level == p.from_level]
    return {level: min(program_months(p, part_time) for p in certificates if EDUCATION_LEVELS.index(p.level) == level)
            for level in {EDUCATION_LEVELS.index(p.level) for p in certificates}}


def _fitting(target: Role, scope: Scope, compiled: Iterable[Compiled],
             base: Standing) -> dict[frozenset[str], frozenset[str]]:
    """Per credential group, the members a coding manager would advise on this path: those the
    target prefers (CPC for a physician coder, CIC or CCS for an inpatient coder), else those a
    role on the way prefers, else any; only those whose experience a role on the way can give
    (the CCDS's CDI years come from the CDI role it would open). Fees and speed choose among them."""
    on_the_way = {c for role in scope.roles.values() for c in role.preferred_credentials}
    obtainable = {cid for cid, credential in scope.credentials.items()
                  if not credential.eligibility.routes
                  or any(_servable(route, scope, target, base) for route in credential.eligibility.routes)}
    out: dict[frozenset[str], frozenset[str]] = {}
    for group in {g for c in compiled for g in c.groups}:
        usable = group & obtainable
        best = usable & set(target.preferred_credentials) or usable & on_the_way
        if best:
            out[group] = frozenset(best)
    return out


def _servable(route: Requirement, scope: Scope, target: Role, base: Standing) -> bool:
    """Whether every experience rule of `route` is met already or accrues in a role on the way."""
    return all(base.track_years(rule.tracks, rule.roles) + 1e-9 >= rule.years
               or any(role.id != target.id and (set(role.tracks) & set(rule.tracks) or role.id in rule.roles
                                               or not (rule.tracks or rule.roles))
                      for role in scope.roles.values())
               for rule in route.experience)


def _accrual(keys: tuple[str, ...], role: Role) -> frozenset[int]:
    """The keys time in `role` counts on."""
    counted = [*role.tracks, f"role:{role.id}", "role:*"]
    return frozenset(i for i, key in enumerate(keys) if key in counted)


def _role_order(catalog: Catalog, scope: Scope, target: Role) -> tuple[Role, ...]:
    """The order roles are preferred in when several would do: closest in kind to the target (most
    of its kinds of work, then fewest others: Coder II before Coding Auditor on the way to Coding
    Manager), then the higher tier, then the usual next step (most roles lead to it)."""
    popularity = {r.id: len(catalog.leads_from(r.id)) for r in scope.roles.values()}
    # The target's own kinds of work: a track it is only credited with (a manager's audit years)
    # does not make auditing the way to it.
    kinds = set(target.tracks) - set(target.credited_tracks.tracks if target.credited_tracks else ())
    return tuple(sorted(scope.roles.values(), key=lambda r: (
        -len(set(r.tracks) & kinds), len(set(r.tracks) - kinds), -TIERS.index(r.tier), -popularity[r.id], r.title)))


def _track_only_rules(base: Standing, keys: tuple[str, ...],
                      rules: tuple[ExperienceRule, ...]) -> tuple[TrackOnlyRule | None, ...]:
    key_index = {k: i for i, k in enumerate(keys)}
    return tuple(None if rule.roles or not rule.tracks else
                 tuple((base.years_by_track.get(tr, 0.0), key_index.get(tr)) for tr in rule.tracks)
                 for rule in rules)


def _compile(scope: Scope, rules: tuple[ExperienceRule, ...]) -> dict[int, Compiled]:
    """One Compiled per distinct requirement: roles that ask the same share their bounds."""
    index = {(r.tracks, r.roles, r.years): i for i, r in enumerate(rules)}
    distinct: dict[Compiled, Compiled] = {}
    return {id(req): distinct.setdefault(c, c) for req, _, _ in scope.requirements
            for c in [Compiled(tuple(index[(r.tracks, r.roles, r.years)] for r in req.experience),
                               EDUCATION_LEVELS.index(req.education) if req.education else None,
                               req.cahiim_accredited, tuple(frozenset(g) for g in req.credentials),
                               req.full_credential)]}


def _serving_roles(role_order: tuple[Role, ...], accrues: dict[str, frozenset[int]],
                   rule_keys: tuple[frozenset[int], ...], target: Role,
                   target_rules: tuple[int, ...]) -> dict[int, list[Role]]:
    """The roles that serve each rule of the target, lowest tier first (see `Position.soonest`)."""
    by_tier = sorted(role_order, key=lambda r: TIERS.index(r.tier))
    return {i: [r for r in by_tier if accrues[r.id] & rule_keys[i] and r.id != target.id] for i in target_rules}
