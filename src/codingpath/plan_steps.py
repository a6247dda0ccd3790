"""From a route the planner found to steps a person can read: what, when, what it costs, which
published requirement it meets, and the notes a careful adviser would add. Prints nothing."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from .describe import requirement_text
from .engine import assess, evaluate_credential, level_name, years_text
from .models import EDUCATION_LEVELS, Profile, Requirement
from .plan_apply import add_months
from .planner import Plan, Step

if TYPE_CHECKING:
    from .catalog import Catalog
    from .plan_search import Search
    from .plan_state import Action, State

__all__ = ["build_plan", "unreachable_reason"]

_ORDER = {"apprentice": 0, "role": 1, "experience": 2, "credential": 3, "training": 3, "education": 4}


def span(months: int) -> str:
    """'5 months', '2 years', '2.5 years'."""
    if months < 24:
        return f"{months} month" + ("" if months == 1 else "s")
    return years_text(months / 12)


def _group_text(group: tuple[str, ...]) -> str:
    return group[0] if len(group) == 1 else "one of " + ", ".join(group)


def _contribution(kind: str, subject: str, extra: object, req: Requirement,
                  catalog: Catalog) -> tuple[str, tuple[str, ...]] | None:
    """Which part of `req` a step meets (and the other options for that part), or None."""
    if kind in ("credential", "apprentice"):
        group = next((g for g in req.credentials if subject in g), None)
        if group is None or (kind == "apprentice" and not req.full_credential):
            return None
        if kind == "apprentice":
            return f"{subject} without the apprentice designation", ()
        return _group_text(group), tuple(c for c in group if c != subject)
    if kind == "training":
        return (f"the {catalog.trainings[subject].name}", ()) if subject in req.training else None
    if kind == "education":
        enough = req.education and EDUCATION_LEVELS.index(req.education) <= EDUCATION_LEVELS.index(subject)
        if enough and (extra or not req.cahiim_accredited):
            return level_name(req.education) + (" from a CAHIIM-accredited HIM programme" if req.cahiim_accredited else ""), ()
        return None
    role = catalog.roles[subject]
    rules = [r for r in req.experience if set(r.tracks) & set(role.tracks) or subject in r.roles]
    return ("; ".join(f"{years_text(r.years)} of {r.label}" for r in rules), ()) if rules else None


class _Consumers:
    """The requirements a route meets on its way, in time order, the target's first."""

    def __init__(self, search: Search, actions: list[tuple[Action, State]], months: int) -> None:
        catalog, target = search.catalog, search.target
        self.catalog = catalog
        self.items = [(months, target.title, target.requirements)]
        self.removal: dict[tuple[str, int], Requirement] = {}
        later = []
        for action, before in actions:
            if action.kind == "role":
                role = catalog.roles[action.subject]
                later.append((action.start, role.title, role.requirements))
            elif action.kind == "credential" and isinstance(action.detail, Requirement):
                later.append((action.start, f"{action.subject} exam", action.detail))
            elif action.kind == "apprentice":
                credential = catalog.credentials[action.subject]
                route = next(r for r in credential.apprentice.removal if assess(r, search.standing(before)).met)
                self.removal[(action.subject, action.start)] = route
                later.append((action.start, f"removing {credential.apprentice.designation}", route))
        self.items += sorted(later, key=lambda c: c[0])

    def satisfies(self, kind: str, subject: str, extra: object, ready: int) -> tuple[str, tuple[str, ...]]:
        """'Coding Manager: one of CPC, CCS, ...' for the target if the step helps it, else for the
        first later requirement it helps; with the other options of that part."""
        for when, label, req in self.items:
            found = _contribution(kind, subject, extra, req, self.catalog) if when >= ready else None
            if found:
                return f"{label}: {found[0]}", found[1]
        return "", ()


def build_plan(search: Search, profile: Profile, actions: list[tuple[Action, State]], months: int,
               *, eligible_now: bool) -> Plan:
    """Steps, dates, totals and notes for a route of `months` months."""
    catalog, target, start = search.catalog, search.target, search.start
    # The state each exam ends in (it says whether the exam came with an apprentice designation).
    after = [b for _, b in actions[1:]] + ([search.final] if actions else [])
    passed = {(b.study[1], b.study[2]): nxt for (a, b), nxt in zip(actions, after)
              if a.kind == "wait" and b.study and b.study[2] <= a.end}
    # An exam or degree still under way when the target is met was not needed: drop it.
    actions = [(a, s) for a, s in actions if a.kind == "wait" or a.end <= months]
    consumers = _Consumers(search, actions, months)
    needs_cahiim = any(req.cahiim_accredited for _, _, req in consumers.items)
    raw: list[tuple[int, int, int, Step]] = []  # (start month, kind order, action order, step)
    role = profile.current_role if profile.current_role in search.accrues else None
    since, occupancy = 0, []
    for order, (action, before) in enumerate(actions):
        a0, a1 = add_months(start, action.start), add_months(start, action.end)
        step: Step | None = None
        if action.kind == "credential":
            credential = catalog.credentials[action.subject]
            fee = credential.fee.planning_usd if credential.fee else None
            text, others = consumers.satisfies("credential", action.subject, None, action.end)
            others = tuple(c for c in others if c not in before.creds and c in search.scope.credentials)
            apprentice = action.subject in passed[(action.subject, action.end)].apprentice
            weeks = math.ceil(credential.study.hours / search.hours_per_week)
            words = f"Earn {credential.id} ({credential.name}, {credential.body}): about {weeks} weeks of study, then the exam"
            route = action.detail
            if isinstance(route, Requirement) and (route.credentials or route.experience or route.cahiim_accredited):
                words += f"; you would meet its published route: {requirement_text(route)}"
            if apprentice:
                words += (f". Passed then, it comes as {credential.apprentice.designation} "
                          f"({credential.apprentice.applies_when.rstrip('.').lower()})")
            step = Step("credential", words, a0, a1, fee, text, others, not credential.eligibility.confirmed,
                        credential.id, apprentice)
        elif action.kind == "training":
            training = catalog.trainings[action.subject]
            text, _ = consumers.satisfies("training", action.subject, None, action.end)
            words = f"Complete the {training.name} ({training.hours:g} hours)"
            step = Step("training", words, a0, a1, training.cost_usd, text, (), False, training.id)
        elif action.kind == "education":
            cahiim = bool(action.detail) and needs_cahiim
            text, _ = consumers.satisfies("education", action.subject, cahiim, action.end)
            words = f"Complete {level_name(action.subject)} ({span(action.end - action.start)}, typical full-time)"
            if cahiim:
                who = sorted({label.removesuffix(" exam") for _, label, req in consumers.items if req.cahiim_accredited})
                words += f" in health information management at a CAHIIM-accredited programme ({', '.join(who)} asks for one)"
            step = Step("education", words, a0, a1, None, text, (), False, action.subject, cahiim_accredited=cahiim)
        elif action.kind == "apprentice":
            credential = catalog.credentials[action.subject]
            text, _ = consumers.satisfies("apprentice", action.subject, None, action.end)
            route = consumers.removal[(action.subject, action.start)]
            words = (f"Ask {credential.body} to remove the {credential.apprentice.designation} designation: you would "
                     f"meet a published removal route ({requirement_text(route).rstrip('.')})")
            step = Step("apprentice", words, a0, a1, None, text, (), False, credential.id)
        elif action.kind == "role":
            if role is not None and action.start > since:
                occupancy.append((role, since, action.start))
            role, since = action.subject, action.start
            moved = catalog.roles[role]
            others = tuple(r.title for r in search.role_order if r.id not in (role, before.role)
                           and search.accrues[r.id] == search.accrues[role] and r.tier == moved.tier
                           and bool(r.requirements.credentials) == bool(moved.requirements.credentials)
                           and assess(r.requirements, search.standing(before)).met)[:3]
            words = f"Apply for / move into {moved.title}: you would meet its published requirements"
            step = Step("role", words, a0, a1, None, "", others, not moved.requirements.confirmed, role)
        if step is not None:
            raw.append((action.start, _ORDER[step.kind], order, step))
    if role is not None and months > since:
        occupancy.append((role, since, months))
    for role_id, m0, m1 in occupancy:
        held = catalog.roles[role_id]
        text, _ = consumers.satisfies("experience", role_id, None, m1)
        tracks = [t for t in held.tracks if t in search.scope.tracks] or list(held.tracks)
        words = f"Work as {held.title} for {span(m1 - m0)}: {' and '.join(tracks)} experience"
        raw.append((m0, _ORDER["experience"], 0, Step("experience", words, add_months(start, m0),
                                                      add_months(start, m1), None, text, (), False, role_id)))
    steps = [step for *_, step in sorted(raw, key=lambda r: r[:3])]
    # A move is worth making for the experience that follows it.
    steps = [replace(s, satisfies=next((e.satisfies for e in steps if e.kind == "experience" and e.subject == s.subject
                                        and e.start == s.start), s.satisfies)) if s.kind == "role" else s
             for s in steps]
    finish = add_months(start, months)
    if not eligible_now:
        steps.append(Step("role", f"Apply for {target.title}: you would meet its published requirements", finish,
                          finish, None, "the target role", (), not target.requirements.confirmed, target.id))
    fees = sum(s.cost_usd or 0.0 for s in steps)
    unconfirmed = not target.requirements.confirmed or any(s.unconfirmed for s in steps)
    return Plan(target, eligible_now, True, None, tuple(steps), start, finish, round(months / 12, 2), fees,
                tuple(_notes(search, profile, steps, actions, eligible_now)), unconfirmed, search.hours_per_week)


def _notes(search: Search, profile: Profile, steps: list[Step], actions, eligible_now: bool) -> list[str]:
    catalog, target = search.catalog, search.target
    notes = []
    if eligible_now:
        notes.append(f"You already meet the published requirements for {target.title}: no steps needed.")
    if not target.requirements.confirmed:
        notes.append(f"{target.title}'s requirements are unconfirmed (codingpath's reading of career guides, not "
                     "a published rule): check them with the employer.")
    for cid in sorted({c.id for c in profile.credentials if c.apprentice} - search.base.apprentice):
        credential = catalog.credentials[cid]
        notes.append(f"You meet a published route to remove {credential.apprentice.designation}: "
                     f"ask {credential.body} to remove it.")
    exams = [s for s in steps if s.kind == "credential"]
    if exams:
        notes.append(f"Study time assumes {search.hours_per_week:g} hours a week; the hours per exam are codingpath's "
                     "planning estimates (no certifying body publishes them).")
        unknown = [s.subject for s in exams if s.cost_usd is None]
        notes.append("Fees are exam fees (the non-member price where members pay less); membership dues and tuition "
                     "are not included" + (f"; no published fee for {', '.join(unknown)}" if unknown else "") + ".")
    for step in exams:
        credential = catalog.credentials[step.subject]
        if step.unconfirmed:
            notes.append(f"{credential.id}'s eligibility rule is unconfirmed: "
                         + (credential.eligibility.note or "verify with the certifying body").strip())
        if credential.eligibility.conditions:
            notes.append(f"{credential.id} also asks (not checked): {'; '.join(credential.eligibility.conditions)}.")
        before = next(b for a, b in actions if a.kind == "credential" and a.subject == step.subject)
        result = evaluate_credential(credential, search.standing(before))
        if result.recommended_missing:
            closest = "; ".join(g.message for g in result.recommended_missing)
            notes.append(f"{credential.id}: {credential.body} recommends, but does not require, more preparation "
                         f"(closest recommended route: {closest}); see `codingpath credential {credential.id}`.")
    if any(s.kind == "education" for s in steps):
        notes.append("Degree durations are typical full-time durations (estimates); part-time takes longer.")
    if any(s.unconfirmed and s.kind == "role" for s in steps[:-1]):
        notes.append("Steps marked unconfirmed rest on role requirements codingpath could not confirm.")
    if sum(s.kind == "role" for s in steps) > 2:
        notes.append("Moves to work of another kind come at least a year apart (a planning assumption).")
    return notes


def unreachable_reason(search: Search, first: State) -> str | None:
    """The first requirement of the target that nothing in the data can meet, in words."""
    req, catalog = search.target.requirements, search.catalog
    if req.education:
        needed = EDUCATION_LEVELS.index(req.education)
        reachable = [first.edu, *search.chain[first.edu]]
        if max(reachable) < needed:
            return (f"needs {level_name(req.education)}, and codingpath's data has no degree programme leading "
                    f"there from {level_name(EDUCATION_LEVELS[first.edu])}")
    for group in req.credentials:
        if not search.group_met(group, req.full_credential, first) and not set(group) & set(search.scope.credentials):
            return f"needs {_group_text(group)}, and none of them can be planned (excluded or not in the data)"
    for rule in req.experience:
        accruing = [r for r in search.accrues if r != search.target.id
                    and (set(catalog.roles[r].tracks) & set(rule.tracks) or r in rule.roles)]
        if rule.years > search.base.track_years(rule.tracks, rule.roles) + 1e-9 and not accruing:
            return f"needs {years_text(rule.years)} of {rule.label}, and no role in codingpath's data counts toward it"
    return None
