"""What a plan says beyond its steps: the notes a careful adviser would add (unconfirmed rules,
study and fee assumptions, recommended preparation), and, when there is no route, why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import evaluate_credential
from ..taxonomy import EDUCATION_LEVELS
from ..wording import level_name, years_text
from .context import Context
from .fit import recommended_credentials
from .needs import group_text
from .result import Step
from .state import Action, State, Transition, group_met

if TYPE_CHECKING:
    from ..models import Profile

__all__ = ["plan_notes", "unreachable_reason"]


def plan_notes(context: Context, profile: Profile, steps: list[Step], transitions: list[Transition],
               eligible_now: bool, early: tuple[tuple[str, Action | None], ...] = ()) -> list[str]:
    """The notes of a plan, the most useful first; `early` names the exams scheduled before their
    recommended preparation, each with the step that needs it first (`Route.early`)."""
    catalog, target = context.catalog, context.target
    notes = []
    if eligible_now:
        notes.append(f"You already meet the published requirements for {target.title}: no steps needed.")
    if not target.requirements.confirmed:
        notes.append(f"{target.title}'s requirements are unconfirmed (codingpath's reading of career guides, not "
                     "a published rule): check them with the employer.")
    for cid in sorted({c.id for c in profile.credentials if c.apprentice} - context.base.apprentice):
        credential = catalog.credentials[cid]
        assert credential.apprentice is not None  # held as an apprentice, so it has the designation
        notes.append(f"You meet a published route to remove {credential.apprentice.designation}: "
                     f"ask {credential.body} to remove it.")
    exams = [s for s in steps if s.kind == "credential"]
    held = [*context.base.credentials, *(s.subject for s in exams)]
    recommended = recommended_credentials(target, held)
    if recommended:
        notes.append(f"{target.title}: recommended: {', '.join(recommended)} (preferred by employers, not required; "
                     "not in the route).")
    if exams:
        notes.append(f"Study time assumes {context.hours_per_week:g} hours a week; the hours per exam are "
                     "codingpath's planning estimates (no certifying body publishes them).")
        unknown = [s.subject for s in exams if s.cost_usd is None]
        notes.append("Fees are exam fees (the non-member price where members pay less); membership dues and tuition "
                     "are not included" + (f"; no published fee for {', '.join(unknown)}" if unknown else "") + ".")
    notes += _exam_notes(context, exams, transitions, early)
    if any(s.kind == "education" for s in steps):
        notes.append("Degree durations are typical part-time durations beside a full-time job (estimates; "
                     "--degree-pace full-time plans them full-time)." if context.part_time else
                     "Degree durations are typical full-time durations (estimates); part-time takes longer.")
    if any(s.unconfirmed and s.kind == "role" for s in steps[:-1]):
        notes.append("Steps marked unconfirmed rest on role requirements codingpath could not confirm.")
    if sum(s.kind == "role" for s in steps) > 2:
        notes.append("Moves to work of another kind come at least a year apart (a planning assumption).")
    return notes


def _exam_notes(context: Context, exams: list[Step], transitions: list[Transition],
                early: tuple[tuple[str, Action | None], ...]) -> list[str]:
    """Per exam: an unconfirmed eligibility rule, conditions not checked, recommended preparation."""
    notes = []
    for step in exams:
        credential = context.catalog.credentials[step.subject]
        if step.unconfirmed:
            notes.append(f"{credential.id}'s eligibility rule is unconfirmed: "
                         + (credential.eligibility.note or "verify with the certifying body").strip())
        if credential.eligibility.conditions:
            notes.append(f"{credential.id} also asks (not checked): {'; '.join(credential.eligibility.conditions)}.")
        before = next(b for a, b in transitions if a.kind == "credential" and a.subject == step.subject)
        result = evaluate_credential(credential, context.standing(before))
        if result.recommended_missing:
            closest = "; ".join(g.message for g in result.recommended_missing)
            why = _why_early(context, dict(early), credential.id)
            notes.append(f"{credential.id}: {credential.body} recommends, but does not require, more preparation, "
                         f"not yet met when the plan sits the exam (closest recommended route: {closest}){why}; "
                         f"see `codingpath credential {credential.id}`.")
    return notes


def _why_early(context: Context, early: dict[str, Action | None], cid: str) -> str:
    """Why an exam is sat before its recommended preparation, or "" when the plan has no reason."""
    if cid not in early:
        return ""
    needed_by = early[cid]
    if needed_by is None:
        return f"; waiting for it would delay {context.target.title}, so the plan does not"
    catalog = context.catalog
    if needed_by.kind == "role":
        step = f"the move into {catalog.roles[needed_by.subject].title} asks for it (or another of its group)"
    elif needed_by.kind == "apprentice":
        step = f"removing the {needed_by.subject} apprentice designation rests on it"
    else:
        step = f"{needed_by.subject}'s eligibility rests on it"
    return f"; the plan sits it first because {step}, and waiting for the preparation would close that step"


def unreachable_reason(context: Context, first: State) -> str | None:
    """The first requirement of the target that nothing in the data can meet, in words."""
    req, catalog = context.target.requirements, context.catalog
    if req.education:
        needed = EDUCATION_LEVELS.index(req.education)
        reachable = [first.education, *context.degree_months[first.education]]
        if max(reachable) < needed:
            return (f"needs {level_name(req.education)}, and codingpath's data has no degree programme leading "
                    f"there from {level_name(EDUCATION_LEVELS[first.education])}")
    for group in req.credentials:
        if not group_met(group, req.full_credential, first) and not set(group) & set(context.scope.credentials):
            retired = [c for c in group if c in catalog.credentials and not catalog.credentials[c].offered]
            why = "excluded or not in the data" + (f"; {', '.join(retired)}: the exam is no longer offered"
                                                   if retired else "")
            return f"needs {group_text(group)}, and none of them can be planned ({why})"
    for rule in req.experience:
        accruing = [r for r in context.accrues if r != context.target.id
                    and (set(catalog.roles[r].tracks) & set(rule.tracks) or r in rule.roles)]
        if rule.years > context.base.track_years(rule.tracks, rule.roles) + 1e-9 and not accruing:
            return f"needs {years_text(rule.years)} of {rule.label}, and no role in codingpath's data counts toward it"
    return None
