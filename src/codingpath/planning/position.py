"""A state at a month with its lower bounds memoised: the unit the bounds and the moves read.
A state is looked at when it is pushed and again when it is popped, and many states share what a
bound depends on, so the memos live here and in `BoundMemo`, shared by every position of a search."""

from __future__ import annotations

import math
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..engine import Standing
from .context import Context
from .scope import Compiled
from .state import State

if TYPE_CHECKING:
    from ..models import ExperienceRule, Requirement, Role

__all__ = ["BoundMemo", "Position", "months_short"]

# What a role's entry bound depends on beyond its requirement (see `Position.entry`).
EntrySignature = tuple[object, ...]


class Reads(NamedTuple):
    """What an entry bound reads of a state (`BoundMemo.reads`)."""

    rules: tuple[int, ...]  # indexes into the context's experience rules
    levels: tuple[tuple[int, bool], ...]  # education levels asked, each with whether CAHIIM-accredited
    credentials: frozenset[str]


class BoundMemo:
    """Bounds that many states share, kept across the positions of one search."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.short_by_months: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.entries: dict[tuple[object, ...], float] = {}  # by requirement, rules read and signature
        self._reads: dict[int, Reads] = {}  # see `reads`

    def reads(self, compiled: Compiled) -> Reads:
        """What an entry bound of `compiled` reads of a state (`Position.bound` at depth 1): the
        experience rules, the education levels and the credentials; its own and, two levels down,
        those of the eligibility routes of the exams that could fill its groups. States that
        differ only in the rest share the bound."""
        found = self._reads.get(id(compiled))
        if found is None:
            rules: set[int] = set()
            levels: set[tuple[int, bool]] = set()
            credentials: set[str] = set()
            self._read(compiled, 1, rules, levels, credentials)
            found = self._reads[id(compiled)] = Reads(tuple(sorted(rules)), tuple(sorted(levels)),
                                                      frozenset(credentials))
        return found

    def _read(self, compiled: Compiled, depth: int, rules: set[int], levels: set[tuple[int, bool]],
              credentials: set[str]) -> None:
        context = self.context
        rules.update(compiled.rules)
        if compiled.level is not None:
            levels.add((compiled.level, compiled.cahiim))
        if depth < 3:
            for group in compiled.groups:
                credentials.update(group)
                for cid in group & context.schedulable:
                    for route in context.scope.credentials[cid].eligibility.routes:
                        self._read(context.compiled[id(route)], depth + 1, rules, levels, credentials)

    def months_short(self, position: Position) -> tuple[int, ...]:
        """Months still missing for every rule, as `months_short` (engine's track_years) gives
        them, read straight from the accrued months for the common rule shape (tracks only).
        They depend on the months accrued alone, which many states share: kept per months."""
        months = position.state.months
        found = self.short_by_months.get(months)
        if found is not None:
            return found
        out = []
        for rule, track_only in zip(self.context.rules, self.context.track_only_rules, strict=True):
            if track_only is None:
                out.append(months_short(rule, position.standing))
                continue
            has = max(base + (months[k] / 12 if k is not None else 0.0) for base, k in track_only)
            short = rule.years - has
            out.append(math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0)
        if len(self.short_by_months) > 20_000:
            self.short_by_months.clear()
        found = self.short_by_months[months] = tuple(out)
        return found


class Position:
    """A state at a month, with its lower bounds memoised."""

    def __init__(self, context: Context, memo: BoundMemo, state: State, month: int) -> None:
        self.context, self.memo, self.state, self.month = context, memo, state, month
        self.months_short = memo.months_short(self)  # per rule of the context
        self._bounds: dict[tuple[int, int], float] = {}
        self._credentials: dict[tuple[str, int], float] = {}
        self._entries: dict[str, float] = {}
        self._entry_signature: EntrySignature | None = None
        self.climb_entries: dict[str, float] = {}  # see `Bounds.climb_entry`
        self.full_credentials = state.credentials - state.apprentice

    @cached_property
    def standing(self) -> Standing:
        """The engine's view of the state (built only when a rule needs more than the months)."""
        return self.context.standing(self.state)

    def met(self, group: frozenset[str], full: bool) -> bool:
        """Whether a held credential fills the group (a full one where the requirement asks)."""
        return not group.isdisjoint(self.full_credentials if full else self.state.credentials)

    def entry(self, role: Role) -> float:
        """Months before `role` could be entered, at the earliest (shared by the states that differ
        only in what does not enter the bound: the role held, what was passed over; and by the
        roles that ask the same)."""
        found = self._entries.get(role.id)
        if found is None:
            memo = self.memo
            cache, compiled = memo.entries, self.context.compiled[id(role.requirements)]
            key = self._entry_key(compiled, memo.reads(compiled))
            if key not in cache:
                if len(cache) > 50_000:
                    cache.clear()
                cache[key] = self.bound(role.requirements, 1)
            found = self._entries[role.id] = cache[key]
        return found

    def _entry_key(self, compiled: Compiled, reads: Reads) -> tuple[object, ...]:
        """`signature` narrowed to what an entry bound of `compiled` reads (`BoundMemo.reads`)."""
        state, month, months_short = self.state, self.month, self.months_short
        credentials = reads.credentials
        study = state.study
        return (id(compiled), tuple([months_short[i] for i in reads.rules]),
                tuple([self.education(level, cahiim) for level, cahiim in reads.levels]),
                state.credentials & credentials, state.apprentice & credentials,
                (study.subject, study.ends - month) if study and study.subject in credentials else None,
                self.context.offerable.get(state.role))

    def signature(self) -> EntrySignature:
        """What the bounds of a requirement read of the state, the month taken out: the months
        short per rule, the exams still offerable from the role held, education, credentials (and
        which as an apprentice), and what is under way with the months it has left."""
        if self._entry_signature is None:
            state, month = self.state, self.month
            self._entry_signature = (
                self.months_short, self.context.offerable.get(state.role), state.education, state.cahiim,
                state.credentials, state.apprentice,
                state.degree and (state.degree.level, state.degree.cahiim, state.degree.ends - month),
                state.study and (state.study.subject, state.study.ends - month))
        return self._entry_signature

    def soonest(self, roles: list[Role]) -> float:
        """The least `entry` of `roles` (inf for none); they come lowest tier first, so a role
        open now (0, the least there is) usually ends the look early."""
        best = math.inf
        for role in roles:
            months = self.entry(role)
            if months < best:
                best = months
                if months <= 0:
                    break
        return best

    def bound(self, req: Requirement, depth: int) -> float:
        """Months until `req` could be met: the largest of independent lower bounds (experience
        accrues at most a month a month; a degree or an exam takes its whole time)."""
        compiled = self.context.compiled[id(req)]
        key = (id(compiled), depth)
        found = self._bounds.get(key)
        if found is not None:
            return found
        months_short = self.months_short
        months: float = 0
        for i in compiled.rules:
            months = max(months, months_short[i])
        if compiled.level is not None:
            months = max(months, self.education(compiled.level, compiled.cahiim))
        if depth < 3:
            held = self.full_credentials if compiled.full else self.state.credentials
            for group in compiled.groups:
                if group.isdisjoint(held):  # not met
                    months = max(months, min((self.credential(c, depth) for c in group), default=math.inf))
        self._bounds[key] = months
        return months

    def education(self, level: int, cahiim: bool) -> float:
        """Months until a degree of `level` (from a CAHIIM-accredited programme where asked)."""
        state, chains = self.state, self.context.degree_months
        if state.education >= level and (state.cahiim or not cahiim):
            return 0.0
        # A certificate keeps the level and brings the accreditation (post-baccalaureate HIM).
        certificate = self.context.certificate_months.get(state.education, math.inf) \
            if state.education >= level and not state.degree else math.inf
        if state.degree:
            reached, accredited, ends = state.degree
            if reached >= level and (accredited or not cahiim):
                return ends - self.month
            after = self.context.certificate_months.get(reached, math.inf) if reached >= level else math.inf
            return ends - self.month + min(after, chains[reached].get(max(level, reached + 1), math.inf))
        return min(certificate, min((m for to, m in chains[state.education].items()
                                     if to >= max(level, state.education + 1)), default=math.inf))

    def credential(self, cid: str, depth: int) -> float:
        """Months until credential `cid` could be held: its quickest eligibility route, then study."""
        state, context = self.state, self.context
        if cid in state.credentials:
            return 0.0  # held as an apprentice: as far as a bound knows, removal may be immediate
        if state.study and state.study.subject == cid:
            return state.study.ends - self.month
        if cid not in context.schedulable:  # `Moves.exams` never offers it: out of scope, or not fitting
            return math.inf
        offerable = context.offerable.get(state.role)
        if offerable is not None and cid not in offerable:  # nor from here on up the ladder
            return math.inf
        key = (cid, depth)
        if key not in self._credentials:
            routes = context.scope.credentials[cid].eligibility.routes
            self._credentials[key] = (min((self.bound(r, depth + 1) for r in routes), default=0.0)
                                      + context.study_months[cid])
        return self._credentials[key]


def months_short(rule: ExperienceRule, standing: Standing) -> int:
    """Whole months of experience still missing for one rule (0 when met)."""
    short = rule.years - standing.track_years(rule.tracks, rule.roles)
    return math.ceil(short * 12 - 1e-9) if short > 1e-9 else 0
