"""The moves between states: which exams, courses, degrees, role changes and waits lead on from a
state, pruned to those a fastest route could need. A degree starts at the start or as the previous
one ends; an apprentice designation goes as soon as a removal route is met; an exam, course or move
to a role with more counting tracks that was open and passed over stays closed until the study slot
is used or the role changes; a role move must serve an unmet experience rule the current role does
not, bring the target a move closer or open a door to it the current role's climbs do not, and is
skipped when another such role adds as much, opens the same doors and is no harder to enter; an exam
is offered when it fills a credential still missing from a requirement in play (for stepping stones,
just in time) and no other exam fills as much for less study and no more money. Besides the months
something changes, a wait may end when a move would have its tenure served just as the role after
it opens (`Moves.stepping_in`)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias

from ..engine import Standing, apprentice_removable, assess
from ..taxonomy import EDUCATION_LEVELS
from .bounds import Bounds
from .context import Context
from .position import Position
from .state import Action, Degree, Move, State, Study, only_roles, without_roles

if TYPE_CHECKING:
    from ..models import Credential, EducationProgram, Requirement

__all__ = ["InPlay", "Moves"]

RouteMet: TypeAlias = "Requirement | None"  # the first eligibility route an exam's candidate meets


class InPlay(NamedTuple):
    """A requirement in play at a state, with the credential groups worth studying for now."""

    requirement: Requirement
    kind: str  # what it belongs to: "role", "credential" (eligibility) or "apprentice" (removal)
    owner: str
    missing: list[frozenset[str]]


class _Candidate:
    """The easiest role found so far for one gain in `Moves.useful_roles` (a plain class: it is
    updated in place, and a dataclass would cost more to import than it saves)."""

    __slots__ = ("entry", "fees", "role_id", "requirements")

    def __init__(self, entry: float, fees: float | None, role_id: str, requirements: Requirement) -> None:
        self.entry = entry  # months before it could be entered
        self.fees = fees  # its least fees, worked out only where they can decide
        self.role_id = role_id
        self.requirements = requirements


class Moves:
    """The moves of a search for `context.target`; reads bounds to prune them."""

    def __init__(self, context: Context, bounds: Bounds) -> None:
        self.context, self.bounds = context, bounds
        self._met: dict[tuple[object, ...], bool] = {}
        self._useful: dict[tuple[object, ...], frozenset[str]] = {}  # see `useful_roles`
        self._doors: dict[str | None, frozenset[str]] = {}  # see `doors_from`

    def expand(self, state: State, standing: Standing, month: int) -> Iterator[Move]:
        """Each next move from `state` at `month`."""
        removal = self._apprentice_removal(state, standing, month)
        if removal is not None:  # free and never harmful: done as soon as it can be
            yield removal
            return
        usual = self._usual_next_job(state, standing, month)
        if usual is not None:
            yield usual
            return
        position = self.bounds.position(state, month)
        roles = self.useful_roles(position)
        wanted, openings = self.wanted(position, roles)
        passed: set[str] = set()
        if state.study is None:
            yield from self._study_moves(state, standing, month, wanted, passed)
        degree_moves, must = self._degree_moves(state, month)
        yield from degree_moves
        current = self.context.accrues.get(state.role or "", frozenset())
        yield from self._role_moves(state, standing, month, roles, current, passed)
        openings += self.stepping_in(position, roles)
        end = None if must else self.next_event(position, standing, current, openings)
        if end is not None:
            waited = self.advance(state, month, end, current)
            yield Move(Action("wait", state.role or "", month, end),
                       waited._replace(passed_over=waited.passed_over | passed), 0.0, 0)

    def _apprentice_removal(self, state: State, standing: Standing, month: int) -> Move | None:
        for cid in sorted(state.apprentice):
            if apprentice_removable(self.context.catalog.credentials[cid], standing):
                return Move(Action("apprentice", cid, month, month),
                            state._replace(apprentice=state.apprentice - {cid}), 0.0, 0)
        return None

    def _usual_next_job(self, state: State, standing: Standing, month: int) -> Move | None:
        """The usual next job of the same tier and kind up the ladder (Trainee -> Coder), once it
        is open and the current one may be left."""
        context = self.context
        if state.role not in context.preference or month < state.may_move_at:
            return None
        here, ladder = context.catalog.roles[state.role], context.ladder
        onward = ladder.moves_from(state.role)
        for role in context.role_order[:context.preference[state.role]]:
            if (role.id in onward and role.tier == here.tier
                    and context.accrues[role.id] == context.accrues[state.role]
                    and ladder.moves_left(role.id) <= ladder.moves_left(state.role)
                    and self.meets(role.requirements, state, standing)):
                return Move(Action("role", role.id, month, month),
                            state._replace(role=role.id, passed_over=without_roles(state.passed_over),
                                           may_move_at=month + context.min_tenure),
                            0.0, int(not role.requirements.confirmed))
        return None

    def _study_moves(self, state: State, standing: Standing, month: int, wanted: list[InPlay],
                     passed: set[str]) -> Iterator[Move]:
        """Exams and courses worth starting now; each one offered joins `passed`."""
        context = self.context
        for cid, route in self.exams(state, standing, wanted):
            credential = context.scope.credentials[cid]
            passed.add(cid)
            fee = credential.fee.planning_usd if credential.fee else None
            end = month + context.study_months[cid]
            yield Move(Action("credential", cid, month, end, route),
                       state._replace(study=Study("credential", cid, end), passed_over=only_roles(state.passed_over)),
                       fee, int(not credential.eligibility.confirmed))
        for tid in sorted(context.scope.trainings - state.training - state.passed_over):
            if any(tid in in_play.requirement.training for in_play in wanted):
                passed.add(tid)
                end = month + context.training_months[tid]
                yield Move(Action("training", tid, month, end),
                           state._replace(study=Study("training", tid, end), passed_over=only_roles(state.passed_over)),
                           context.catalog.trainings[tid].cost_usd, 0)

    def _degree_moves(self, state: State, month: int) -> tuple[list[Move], bool]:
        """The quickest degree to each higher level, and a CAHIIM-accredited certificate at the
        level held where an accredited HIM education is asked for, when one may start; and whether
        starting one now is a must (the target asks for a degree the person lacks: never worse now)."""
        context = self.context
        if state.degree is not None or not state.degree_may_start:
            return [], False
        must = context.target_level is not None and state.education < context.target_level
        shortest: dict[int, EducationProgram] = {}
        months = context.program_months
        for program in context.programs:
            level, origin = EDUCATION_LEVELS.index(program.level), EDUCATION_LEVELS.index(program.from_level)
            shorter = level not in shortest or months(program) < months(shortest[level])
            if origin <= state.education < level and shorter:
                shortest[level] = program
        moves = []
        for level, program in sorted(shortest.items()):
            cahiim = state.cahiim or any(lv <= level for lv in context.scope.cahiim_levels)
            end = month + months(program)
            moves.append(Move(Action("education", program.level, month, end, cahiim),
                              state._replace(degree=Degree(level, cahiim, end)), 0.0, 0))
        certificate = context.certificate_months.get(state.education)
        if certificate is not None and not state.cahiim and any(lv <= state.education
                                                                for lv in context.scope.cahiim_levels):
            end = month + certificate
            moves.append(Move(Action("education", EDUCATION_LEVELS[state.education], month, end, True),
                              state._replace(degree=Degree(state.education, True, end)), 0.0, 0))
        return moves, must and bool(shortest)

    def _role_moves(self, state: State, standing: Standing, month: int, roles: frozenset[str],
                    current: frozenset[int], passed: set[str]) -> Iterator[Move]:
        """Moves up the ladder into the useful roles now open, one per set of keys gained and
        distance left, most preferred first."""
        context = self.context
        moves_left = context.ladder.moves_left
        gains_done: set[tuple[frozenset[int], float, frozenset[str]]] = set()
        for role in context.role_order if month >= state.may_move_at else ():
            gain = (context.accrues[role.id], moves_left(role.id), self.doors_from(role.id))
            if role.id not in roles or gain in gains_done or f"role:{role.id}" in state.passed_over:
                continue
            if self.meets(role.requirements, state, standing):
                gains_done.add(gain)
                if gain[0] > current:
                    passed.add(f"role:{role.id}")
                moved = state._replace(role=role.id, passed_over=without_roles(state.passed_over),
                                       may_move_at=month + context.min_tenure)
                yield Move(Action("role", role.id, month, month), moved, 0.0, int(not role.requirements.confirmed))

    def useful_roles(self, position: Position) -> frozenset[str]:
        """Roles the current one leads to that would accrue a track (or role) some unmet rule
        counts and the current role does not, or that bring the target a move closer; unless
        another such role adds at least as much, is no further from the target and is no harder
        to enter. What it reads of a state is the role held and `Position.signature`: states that
        differ only in what was passed over, the courses done or when a move may come share it."""
        key = (position.state.role, position.signature())
        found = self._useful.get(key)
        if found is None:
            if len(self._useful) > 20_000:
                self._useful.clear()
            found = self._useful[key] = self._useful_roles(position)
        return found

    def _useful_roles(self, position: Position) -> frozenset[str]:
        context, state = self.context, position.state
        ladder = context.ladder
        here = ladder.moves_left(state.role)
        gains, unmet = self._gains(position)
        # Per gain and distance, the easiest role: the soonest entered, then the least in fees
        # (role_order breaks ties). Fees are worked out only where they can decide.
        best: dict[tuple[frozenset[int], float, frozenset[str]], _Candidate] = {}
        onward = ladder.moves_from(state.role)
        doors_here = self.doors_from(state.role)
        for role, accrues in context.role_accrues:
            if role.id not in onward:
                continue
            closer, doors = ladder.moves_left(role.id), self.doors_from(role.id)
            if not (accrues & gains or closer < here or not doors <= doors_here):
                continue
            kind = (accrues & unmet, closer, doors)
            held = best.get(kind)
            entry = position.entry(role)
            if held is None or entry < held.entry:
                best[kind] = _Candidate(entry, None, role.id, role.requirements)
            elif entry == held.entry:
                if held.fees is None:
                    held.fees = self.bounds.requirement_fees(held.requirements, position)
                fees = self.bounds.requirement_fees(role.requirements, position)
                if fees < held.fees:
                    best[kind] = _Candidate(entry, fees, role.id, role.requirements)
        costs: dict[tuple[frozenset[int], float, frozenset[str]], tuple[float, float]] = {}
        for kind, held in best.items():
            if held.fees is None:
                held.fees = self.bounds.requirement_fees(held.requirements, position)
            costs[kind] = (held.entry, held.fees)
        return frozenset(held.role_id for kind, held in best.items()
                         if not any(other != kind and other[0] >= kind[0] and other[1] <= kind[1]
                                    and other[2] == kind[2] and cost <= costs[kind] for other, cost in costs.items()))

    def doors_from(self, role: str | None) -> frozenset[str]:
        """The doors to the target (roles that lead to it) at the end of the shortest climbs from
        `role` (none from a door itself: what lies beyond is the target): two roles as many moves
        from the target may open different doors (Coder II and Coding Auditor are both a move from
        a project manager's doors, but only the auditor's way leads through one that needs no degree)."""
        found = self._doors.get(role)
        if found is None:
            ladder = self.context.ladder
            left = ladder.moves_left(role)
            onward = [r for r in ladder.moves_from(role) if ladder.moves_left(r) == left - 1]
            if left == 1:
                found = frozenset(onward)
            else:
                found = frozenset().union(*(self.doors_from(r) for r in onward))
            self._doors[role] = found
        return found

    def _gains(self, position: Position) -> tuple[set[int], set[int]]:
        """The keys counted by an unmet rule the current role does not serve, and by any unmet rule."""
        current = self.context.accrues.get(position.state.role or "", frozenset())
        gains: set[int] = set()
        unmet: set[int] = set()
        for short, keys in zip(position.months_short, self.context.rule_keys, strict=True):
            if short:
                unmet |= keys
                gains |= keys if not keys & current else set()
        return gains, unmet

    def wanted(self, position: Position, roles: frozenset[str]) -> tuple[list[InPlay], list[int]]:
        """Requirements in play, each with the credential groups worth studying for now: the
        target's (all), and those of roles worth moving into and the eligibility and apprentice
        removal routes of wanted exams just in time, once the rest could be met within the study.
        Also the months in which a just-in-time exam could start."""
        context, state, month = self.context, position.state, position.month
        by_owner, longest_study = context.requirements_by_owner, context.longest_study
        openings: list[int] = []
        out: list[InPlay] = []
        credentials: set[str] = set()
        # Removal routes matter once the designation is held (or the exam is under way).
        removals = set(state.apprentice) | ({state.study.subject} if state.study else set())
        todo = [(req, "role", owner) for owner in (*roles, context.target.id)
                for req in by_owner.get(("role", owner), ())]
        todo += [(req, "apprentice", cid) for cid in removals for req in by_owner.get(("apprentice", cid), ())]
        done: set[int] = set()
        while todo:
            req, kind, owner = todo.pop()
            if id(req) in done:
                continue
            done.add(id(req))
            compiled = context.compiled[id(req)]
            missing = [g for g in compiled.groups if not position.met(g, compiled.full)]
            if missing and owner != context.target.id:
                rest = position.bound(req, 3)
                openings += [month + math.ceil(rest - longest_study[g]) for g in missing
                             if longest_study[g] < rest < math.inf]
                missing = [g for g in missing if rest <= longest_study[g]]
            for group in missing:
                for cid in group:
                    if cid not in state.credentials and cid not in credentials:
                        credentials.add(cid)  # its eligibility routes come into play
                        todo += [(r, "credential", cid) for r in by_owner.get(("credential", cid), ())]
            out.append(InPlay(req, kind, owner, missing))
        return out, openings

    def exams(self, state: State, standing: Standing, wanted: list[InPlay]) -> list[tuple[str, RouteMet]]:
        """Exams worth starting now: eligible, filling a missing group in play with a credential
        that fits the path (`Context.fitting`), and not beaten by
        one that fills every group it fills, for no more study, no more money and no apprentice
        designation it would not bring."""
        context = self.context
        fitting = context.fitting
        groups = [fitting.get(g, g) for in_play in wanted for g in in_play.missing]
        found: dict[str, tuple[frozenset[int], RouteMet, tuple[int, float, bool, bool]]] = {}
        for cid, credential in context.scope.credentials.items():
            fills = frozenset(i for i, g in enumerate(groups) if cid in g)
            if cid not in state.credentials and fills:
                route = self.route_met(credential, state, standing)
                if route is not False:
                    cost = (context.study_months[cid], context.ranking_fee[cid],
                            credential.fee is None or credential.fee.planning_usd is None,
                            credential.apprentice is not None)
                    found[cid] = (fills, route, cost)

        def beaten(cid: str) -> bool:
            fills, _, cost = found[cid]
            return any(other != cid and other_fills >= fills
                       and all(a <= b for a, b in zip(other_cost, cost, strict=True))
                       and (other_fills > fills or other_cost != cost or other < cid)
                       for other, (other_fills, _, other_cost) in found.items())

        # One passed over still beats the rest: they were passed over with it.
        return [(cid, route) for cid, (_, route, _) in found.items()
                if cid not in state.passed_over and not beaten(cid)]

    def meets(self, req: Requirement, state: State, standing: Standing) -> bool:
        """`engine.assess(req, standing).met`, kept per requirement and what a standing is made
        of: states that differ only in the role held, what is under way or passed over share it."""
        key = (id(req), state.education, state.cahiim, state.credentials, state.apprentice, state.training,
               state.months)
        found = self._met.get(key)
        if found is None:
            if len(self._met) > 50_000:
                self._met.clear()
            found = self._met[key] = assess(req, standing).met
        return found

    def route_met(self, credential: Credential, state: State, standing: Standing) -> RouteMet | Literal[False]:
        """The first eligibility route met (None when the exam has no prerequisite), else False."""
        routes = credential.eligibility.routes
        if not routes:
            return None
        return next((r for r in routes if self.meets(r, state, standing)), False)

    def stepping_in(self, position: Position, roles: frozenset[str]) -> list[int]:
        """The months a move into one of `roles` would have its tenure served just as a role it
        leads to could first be entered: leaving the current role then, and not at the next
        event, can be what meets two rules in time (audit years here, a year of supervision
        there, before the manager's degree is done)."""
        context, month = self.context, position.month
        tenure, catalog, ladder = context.min_tenure, context.catalog, context.ladder
        out = []
        for role_id in roles:
            for onward in ladder.moves_from(role_id):
                opens = position.entry(catalog.roles[onward])
                if tenure < opens < math.inf:
                    out.append(month + math.ceil(opens) - tenure)
        return out

    def next_event(self, position: Position, standing: Standing, accruing: frozenset[int],
                   openings: list[int]) -> int | None:
        """The next month something changes: a study or degree ends, an experience rule is met,
        a just-in-time exam opens, or a role may be left."""
        context, state, month = self.context, position.state, position.month
        events = [under_way.ends for under_way in (state.study, state.degree) if under_way]
        events += [m for m in openings if m > month]
        events += [state.may_move_at] if state.may_move_at > month else []
        keys = {context.keys[i] for i in accruing}
        for rule, short in zip(context.rules, position.months_short, strict=True):
            if not short:
                continue
            has = [standing.years_by_track.get(track, 0.0) for track in rule.tracks if track in keys]
            if any(f"role:{r}" in keys for r in rule.roles) or (not rule.tracks and not rule.roles and keys):
                has.append(standing.track_years(rule.tracks, rule.roles))
            events += [month + max(1, math.ceil((rule.years - years) * 12 - 1e-9)) for years in has]
        return min(events, default=None)

    def advance(self, state: State, month: int, end: int, accruing: frozenset[int]) -> State:
        """`state` after waiting from `month` to `end`: experience accrues, what ends by then is done."""
        months = tuple(m + (end - month if i in accruing else 0) for i, m in enumerate(state.months))
        after = state._replace(months=months, degree_may_start=False,
                               may_move_at=state.may_move_at if state.may_move_at > end else 0)
        if state.degree and state.degree.ends <= end:
            after = after._replace(education=state.degree.level, cahiim=state.degree.cahiim, degree=None,
                                   degree_may_start=True)
        if state.study and state.study.ends <= end:
            if state.study.kind == "training":
                after = after._replace(training=after.training | {state.study.subject}, study=None)
            else:
                cid = state.study.subject
                credential = self.context.catalog.credentials[cid]
                apprentice = (credential.apprentice is not None
                              and not apprentice_removable(credential, self.context.standing(after)))
                after = after._replace(credentials=(after.credentials - set(credential.replaces)) | {cid}, study=None,
                                       apprentice=(after.apprentice | {cid}) if apprentice else after.apprentice)
        return after
