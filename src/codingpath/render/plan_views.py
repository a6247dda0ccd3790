"""Views of `plan`, `credentials`, `credential ID` and `role ID`: JSON payloads and display tables."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ..dates import add_months
from ..errors import Problem
from ..wording import credentials_text, education_text, experience_text, retired_text, years_in_words
from .view import Table, View
from .views import FORMAT_VERSION, HONEST

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..catalog import Catalog
    from ..engine import CredentialResult, RoleResult
    from ..models import Credential, Fee, Requirement, Role, Sourced
    from ..planning import Plan, Step

__all__ = ["credential_view", "credentials_view", "plan_view", "role_view", "short_rule"]

UNCONFIRMED = "* rests on a rule or requirement codingpath could not confirm from a published source."


# -- plan ---------------------------------------------------------------------------------------

def _money(usd: float | None) -> str:
    return "-" if usd is None else f"${usd:,.0f}"


def _step_dict(step: Step) -> dict[str, Any]:
    return {
        "kind": step.kind, "description": step.description, "start": step.start.isoformat(),
        "end": step.end.isoformat(), "cost_usd": step.cost_usd, "satisfies": step.satisfies,
        "alternatives": list(step.alternatives), "unconfirmed": step.unconfirmed, "subject": step.subject,
        "apprentice": step.apprentice, "cahiim_accredited": step.cahiim_accredited,
    }


_MOVE_CLAUSE = ": you would meet its published requirements"


def _step_text(step: Step) -> str:
    """A step as the table shows it; that a move waits until its requirements are met is said once
    under the table, not on every move."""
    text = step.description.removesuffix(_MOVE_CLAUSE) if step.kind == "role" else step.description
    text += " *" if step.unconfirmed else ""
    if step.alternatives:
        text += "\nor: " + ", ".join(step.alternatives)
    return text


def _fee_cell(step: Step) -> str:
    if step.kind in ("credential", "training") and step.cost_usd is not None:
        return _money(step.cost_usd)
    return "unknown" if step.kind == "credential" else ""


def _meets_marks(steps: tuple[Step, ...]) -> dict[str, str]:
    """A letter for each distinct requirement the steps meet, in the order they first appear."""
    marks: dict[str, str] = {}
    for step in steps:
        if step.satisfies and step.satisfies not in marks:
            marks[step.satisfies] = chr(ord("a") + len(marks)) if len(marks) < 26 else str(len(marks) + 1)
    return marks


def _plan_records(plan: Plan) -> Table:
    """CSV: one row per step, plain values, no line breaks."""
    rows = tuple((f"{s.start:%Y-%m}", f"{s.end:%Y-%m}" if s.end != s.start else "", s.kind, s.subject or "",
                  " ".join(s.description.split()), "; ".join(s.alternatives),
                  "" if s.cost_usd is None else f"{s.cost_usd:g}", s.satisfies or "",
                  "yes" if s.unconfirmed else "no") for s in plan.steps)
    return Table("", ("start", "end", "kind", "subject", "step", "alternatives", "fee_usd", "meets", "unconfirmed"),
                 rows)


def _plan_payload(plan: Plan, name: str | None, source: str, warnings: tuple[Problem, ...]) -> dict[str, Any]:
    target = plan.target
    return {
        "format_version": FORMAT_VERSION,
        "profile": {"name": name, "file": source},
        "target": {"id": target.id, "title": target.title, "tier": target.tier},
        "start": plan.start.isoformat(),
        "finish": plan.finish.isoformat() if plan.finish else None,
        "hours_per_week": plan.hours_per_week,
        "eligible_now": plan.eligible_now,
        "feasible": plan.feasible,
        "reason": plan.reason,
        "unconfirmed": plan.unconfirmed,
        "total_years": plan.total_years,
        "total_months": round(plan.total_years * 12),
        "total_text": years_in_words(plan.total_years),
        "total_fees_usd": plan.total_fees_usd,
        "steps": [_step_dict(s) for s in plan.steps],
        "notes": list(plan.notes),
        "warnings": [w.as_dict() for w in warnings],
    }


def plan_view(plan: Plan, *, name: str | None, source: str, warnings: tuple[Problem, ...] = ()) -> View:
    """The route: the answer (how long, what it costs) as the title, dated steps with a letter for
    the requirement each meets, the requirements once under it, then the notes."""
    target = plan.target
    payload = _plan_payload(plan, name, source, warnings)
    who = name or "this profile"
    records = _plan_records(plan)
    if not plan.feasible or plan.eligible_now:
        result = (f"No route: {plan.reason}." if not plan.feasible else
                  f"{who} already meets the published requirements for {target.title}: no steps needed.")
        caption = HONEST + ("\n" + UNCONFIRMED if plan.unconfirmed else "")
        table = Table(f"Plan for {who} to {target.title}", ("Result",), ((result,),), caption)
        notes = tuple(n for n in plan.notes if not n.startswith("You already meet the published requirements"))
        return View(payload, (table,), notes)
    unknown = sum(s.kind == "credential" and s.cost_usd is None for s in plan.steps)
    fees = _money(plan.total_fees_usd) + (f" plus {unknown} unknown" if unknown else "")
    title = (f"{who} to {target.title}: {years_in_words(plan.total_years)} ({plan.start:%Y-%m} to "
             f"{plan.finish:%Y-%m}), exam fees {fees}")
    marks = _meets_marks(plan.steps)
    rows = []
    for step in plan.steps:
        when = f"{step.start:%Y-%m}" + (f"\nto {step.end:%Y-%m}" if step.end != step.start else "")
        rows.append((when, _step_text(step), _fee_cell(step), marks.get(step.satisfies or "", "")))
    caption = "A move is planned for when you would meet the role's published requirements.\n" + HONEST
    if plan.unconfirmed:
        caption += "\n" + UNCONFIRMED
    steps = Table(title, ("When", "Step", "Fee", "Meets"), tuple(rows), caption, narrow_columns=(0, 2, 3))
    meets = Table("What each step meets", ("", "Requirement"), tuple((m, text) for text, m in marks.items()),
                  narrow_columns=(0,))
    return View(payload, (steps, meets), tuple(plan.notes), records=records)


# -- credentials --------------------------------------------------------------------------------

def short_rule(req: Requirement) -> str:
    """One route to sit an exam in a few words (the structure, not the prose description)."""
    parts = [p for p in (education_text(req), credentials_text(req)) if p != "-"]
    parts += [f"{years_in_words(rule.years)} {rule.label}" for rule in req.experience]
    # A course's id is a slug of its name: spaced, it reads as words and wraps in a narrow column.
    parts += [f"training {t.replace('-', ' ')}" for t in req.training]
    return " + ".join(parts) or "no prerequisite"


def rule_to_sit(credential: Credential) -> str:
    """The rule to sit in short: its first route, and how many others there are."""
    rule = credential.eligibility
    if not credential.offered:
        status = credential.status
        return "exam no longer offered" + (" *" if status is not None and not status.confirmed else "")
    routes = [short_rule(r) for r in rule.routes]
    text = " or ".join(routes) if len(routes) <= 2 else f"{routes[0]}, or {len(routes) - 1} other routes"
    text = text or "none"
    if not rule.routes and rule.conditions:
        text += f" ({'; '.join(rule.conditions)})"
    return text + (" *" if not rule.confirmed else "")


def fee_text(fee: Fee | None) -> str:
    if fee is None or fee.planning_usd is None:
        return "unknown"
    text = _money(fee.planning_usd)
    if fee.member_usd is not None and fee.member_usd != fee.planning_usd:
        text += f" ({_money(fee.member_usd)} members)"
    return text + ("" if fee.confidence == "confirmed" else f" ({fee.confidence})")


def _fee_dict(fee: Fee | None) -> dict[str, Any] | None:
    if fee is None:
        return None
    return {"usd": fee.usd, "member_usd": fee.member_usd, "non_member_usd": fee.non_member_usd,
            "planning_usd": fee.planning_usd, "confidence": fee.confidence}


def credentials_view(credentials: list[Credential]) -> View:
    """The catalogue, one row per credential; below WIDE columns the body as headings and the focus
    under the name."""
    ordered = sorted(credentials, key=lambda c: (c.body, c.id))
    entries, rows, records = [], [], []
    for c in ordered:
        ceus = f", {c.renewal.ceus} CEUs" if c.renewal.ceus is not None else ""
        renewal = f"every {c.renewal.cycle_years} years{ceus}"
        entries.append({
            "id": c.id, "name": c.name, "body": c.body, "focus": list(c.focus), "summary": c.summary,
            "rule_to_sit": rule_to_sit(c), "eligibility_confidence": c.eligibility.confidence,
            "apprentice": c.apprentice.designation if c.apprentice else None,
            "renewal": {"cycle_years": c.renewal.cycle_years, "ceus": c.renewal.ceus},
            "fee": _fee_dict(c.fee), "study_hours": c.study.hours,
        })
        rows.append((c.id, c.name, c.body, ", ".join(c.focus), rule_to_sit(c), renewal, fee_text(c.fee)))
        records.append((c.id, c.name, c.body, " ".join(c.focus), rule_to_sit(c).removesuffix(" *"),
                        str(c.renewal.cycle_years), "" if c.renewal.ceus is None else str(c.renewal.ceus),
                        "" if c.fee is None or c.fee.planning_usd is None else f"{c.fee.planning_usd:g}",
                        c.fee.confidence if c.fee else "", "no" if c.eligibility.confirmed else "yes"))
    caption = ("To sit: what the certifying body requires (recommendations are not requirements). "
               "Fee: the non-member exam price; third-party or unconfirmed figures are marked.\n" + UNCONFIRMED)
    title = f"{len(ordered)} credential" + ("" if len(ordered) == 1 else "s")
    columns = ("Id", "Name", "Body", "Focus", "To sit", "Renewal", "Fee")
    narrow = Table(title, columns, tuple(rows), caption, group_column=2, group_headings=True, narrow_columns=(0,),
                   fold_detail=(3, 1))
    table = Table(title, columns, tuple(rows), caption, group_column=2, narrow_columns=(0, 2), narrow=narrow)
    plain = Table(title, ("id", "name", "body", "focus", "to_sit", "cycle_years", "ceus", "fee_usd",
                          "fee_confidence", "unconfirmed"), tuple(records))
    return View({"format_version": FORMAT_VERSION, "credentials": entries}, (table,), records=plain)


def _sources_table(blocks: list[tuple[str, Sourced]], title: str = "Sources") -> Table:
    rows = []
    for fact, block in blocks:
        for source in block.sources:
            where = source.url + (f" ({source.note})" if source.note else "")
            rows.append((fact, block.confidence, source.as_of, where))
    return Table(title, ("Fact", "Confidence", "As of", "Source"), tuple(rows))


def _blocks(model: BaseModel) -> list[tuple[str, Sourced]]:
    from ..facts import iter_sourced

    return [(".".join(str(p) for p in path) or "entry", block) for path, block in iter_sourced(model)]


class ApprenticeOutlook(NamedTuple):
    """What passing an exam now would mean: its apprentice designation (CPC-A), and the months
    until a removal route is met working on in the current role (None: that role does not count)."""

    designation: str
    today: date
    months: int | None


def credential_view(catalog: Catalog, credential: Credential, result: CredentialResult | None,
                    *, name: str | None = None, apprentice: bool = False, brief: bool = False,
                    apprentice_outlook: ApprenticeOutlook | None = None) -> View:
    """Everything about one credential; with a profile, first whether the person may sit it now and
    what is missing (only that with `brief`)."""
    c = credential
    rows: list[tuple[str, str]] = [("Summary", c.summary), ("Body", c.body), ("Focus", ", ".join(c.focus))]
    rule = c.eligibility
    if c.status is not None and not c.offered:
        rows.append(("Status", f"retired: {retired_text(c)}\n[{c.status.confidence}]"
                     + (f" {c.status.note.strip()}" if c.status.note else "")))
    routes = "\n".join(("or: " if i else "") + (r.description or short_rule(r)) for i, r in enumerate(rule.routes))
    rows.append(("To sit (required)", (routes or "no education or experience prerequisite")
                 + f"\n[{rule.confidence}]" + (f" {rule.note.strip()}" if rule.note else "")))
    if rule.conditions:
        rows.append(("Also asked (not checked)", "\n".join(rule.conditions)))
    if c.recommended:
        text = "\n".join(("or: " if i else "") + (r.description or short_rule(r))
                         for i, r in enumerate(c.recommended.routes))
        rows.append(("Recommended, not required", text + f"\n[{c.recommended.confidence}]"))
    if c.apprentice:
        removal = "\n".join(("or: " if i else "") + (r.description or short_rule(r))
                            for i, r in enumerate(c.apprentice.removal))
        rows.append(("Apprentice", f"{c.apprentice.designation}: {c.apprentice.applies_when}\nRemoved by: {removal}"
                     f"\n[{c.apprentice.confidence}]"))
    renewal = f"every {c.renewal.cycle_years} years"
    renewal += f", {c.renewal.ceus} CEUs" if c.renewal.ceus is not None else ""
    renewal += (f"\n{c.renewal.ceu_note}" if c.renewal.ceu_note else "") + f"\n[{c.renewal.confidence}]"
    rows.append(("Renewal", renewal))
    rows += _exam_rows(c)
    if c.introduced:
        rows.append(("Introduced", str(c.introduced.year)))
    if c.replaces:
        rows.append(("Replaces", ", ".join(c.replaces)))
    payload: dict[str, Any] = {"format_version": FORMAT_VERSION, **c.model_dump(mode="json"),
                               "rule_to_sit": rule_to_sit(c)}
    tables = [Table(f"{c.id}: {c.name}", ("Field", "Value"), tuple(rows), None if rule.confirmed else UNCONFIRMED),
              _sources_table(_blocks(c))]
    if result is not None:
        payload.update({
            "profile": {"name": name}, "eligible": result.eligible, "held": result.held,
            "held_as_apprentice": result.held and apprentice,
            "missing": [g.message for g in result.missing], "missing_detail": [g.as_dict() for g in result.missing],
            "recommended_missing": [g.message for g in result.recommended_missing],
            "unconfirmed": result.unconfirmed, "notes": list(result.notes),
        })
        status = ((f"held as {c.apprentice.designation}" if apprentice and c.apprentice else "held") if result.held
                  else "may sit the exam now" if result.eligible
                  else "the exam is no longer offered" if not c.offered else "not yet eligible to sit the exam")
        you = [("Status", status + (" *" if result.unconfirmed else ""))]
        if apprentice_outlook is not None and not result.held:
            you.append(_if_passed_now(c, apprentice_outlook, payload))
        you += [("Missing (required)", g.message) for g in result.missing]
        you += [("Missing (recommended, not required)", g.message) for g in result.recommended_missing]
        you += [("Note", n) for n in result.notes]
        answer = Table(f"{name or 'This profile'} and {c.id}", ("Your standing", "Detail"), _label_once(you))
        tables = [answer] if brief else [answer, *tables]
    return View(payload, tuple(tables))


def _exam_rows(c: Credential) -> list[tuple[str, str]]:
    """The exam's format, fee and study estimate, each with its confidence."""
    rows: list[tuple[str, str]] = []
    if c.exam:
        facts = (f"{c.exam.questions} questions" if c.exam.questions else "",
                 f"{c.exam.duration_hours:g} hours" if c.exam.duration_hours else "",
                 f"retake after {c.exam.retake_wait_days} days" if c.exam.retake_wait_days else "")
        exam = ", ".join(p for p in facts if p) or "format not recorded"
        rows.append(("Exam", exam + (f"\n{c.exam.note}" if c.exam.note else "") + f"\n[{c.exam.confidence}]"))
    rows.append(("Fee", fee_text(c.fee) + (f"\n{c.fee.note.strip()}" if c.fee and c.fee.note else "")))
    rows.append(("Study estimate", f"{c.study.hours:g} hours [{c.study.confidence}]"
                 + (f"\n{c.study.note}" if c.study.note else "")))
    return rows


def _if_passed_now(c: Credential, outlook: ApprenticeOutlook, payload: dict[str, Any]) -> tuple[str, str]:
    """What passing the exam now gives (CPC-A), and when the A could go; recorded in `payload` too."""
    removal_month = None if outlook.months is None else add_months(outlook.today, outlook.months)
    payload["passes_as_apprentice"] = outlook.designation
    payload["apprentice_removal"] = removal_month.strftime("%Y-%m") if removal_month else None
    if removal_month:
        later = (f"a removal route would be met in {removal_month:%Y-%m} working on in your current role, "
                 f"then ask {c.body} to remove the A")
    elif c.apprentice and c.apprentice.removal:
        first = c.apprentice.removal[0]
        route = (first.description or short_rule(first)).rstrip(".")
        later = f"the A goes once a published removal route is met: {route}"
    else:
        later = "the A stays"
    return ("If passed now", f"it comes as {outlook.designation}; {later}")


def _label_once(rows: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Rows under one label ('Missing') name it on the first only."""
    return tuple(("" if i and label == rows[i - 1][0] else label, text) for i, (label, text) in enumerate(rows))


# -- role ---------------------------------------------------------------------------------------

def role_view(catalog: Catalog, role: Role, result: RoleResult | None, *, name: str | None = None,
              brief: bool = False, recommended: tuple[str, ...] = ()) -> View:
    """One role in full: requirements, progression, occupation figures; with a profile, first the
    verdict and the gaps (only those with `brief`)."""
    req = role.requirements
    led_from = catalog.leads_from(role.id)
    rows: list[tuple[str, str]] = [
        ("Id", role.id), ("Tier", role.tier), ("Tracks", ", ".join(role.tracks)), ("Summary", role.summary),
        ("Requirements", (req.description or "-") + f"\n[{req.confidence}]" + (" *" if not req.confirmed else "")),
        ("Education", education_text(req)), ("Credentials", credentials_text(req)),
        ("Experience", experience_text(req)),
    ]
    if req.training:
        rows.append(("Training", ", ".join(req.training)))
    if req.note:
        rows.append(("Why", req.note.strip()))
    rows += [("Preferred credentials", ", ".join(role.preferred_credentials) or "-"),
             ("Leads to", ", ".join(catalog.roles[r].title for r in role.leads_to if r in catalog.roles) or "-"),
             ("Led to from", ", ".join(r.title for r in led_from) or "-")]
    blocks: list[tuple[str, Sourced]] = [("requirements", req)]
    if role.credited_tracks:  # time here also counts on these tracks, and the data says why
        credit = role.credited_tracks
        rows.append(("Also counts as", f"{', '.join(credit.tracks)} experience [{credit.confidence}]"
                     + (f"\n{credit.note.strip()}" if credit.note else "")))
        blocks.append(("credited_tracks", credit))
    occupation = catalog.occupations.get(role.occupation or "")
    if occupation:
        figures = [f"{occupation.code} {occupation.title}"]
        if occupation.median_pay_usd is not None:
            figures.append(f"median pay {_money(occupation.median_pay_usd)} ({occupation.pay_year})")
        if occupation.employment is not None:
            figures.append(f"employment {occupation.employment:,} ({occupation.employment_year})")
        if occupation.outlook:
            figures.append(f"outlook {occupation.outlook}")
        rows.append(("Occupation", "\n".join(figures) + f"\n[{occupation.provenance.confidence}]"))
        blocks.append((f"occupation {occupation.code}", occupation.provenance))
    elif role.occupation:
        rows.append(("Occupation", role.occupation))
    payload: dict[str, Any] = {
        "format_version": FORMAT_VERSION, **role.model_dump(mode="json"),
        "led_from": [r.id for r in led_from],
        "occupation": occupation.model_dump(mode="json") if occupation else None,
    }
    tables = [Table(role.title, ("Field", "Value"), tuple(rows), None if req.confirmed else UNCONFIRMED),
              _sources_table(blocks)]
    if result is not None:
        payload.update({"profile": {"name": name}, "status": result.status, "unconfirmed": result.unconfirmed,
                        "gaps": [g.as_dict() for g in result.gaps], "missing": [g.message for g in result.gaps]})
        status = {"eligible": "meets the published requirements", "gap": "does not yet meet the published requirements",
                  "held": "current role"}[result.status]
        you = [("Status", status + (" *" if result.unconfirmed else ""))]
        you += [("Missing", g.message) for g in result.gaps]
        if recommended:  # what employers prefer, never a gap
            you.append(("Recommended", f"recommended: {', '.join(recommended)} (preferred by employers, not required)"))
        payload["recommended"] = list(recommended)
        answer = Table(f"{name or 'This profile'} and {role.title}", ("Your standing", "Detail"), _label_once(you),
                       HONEST + ("" if req.confirmed else "\n" + UNCONFIRMED))
        tables = [answer] if brief else [answer, *tables]
    return View(payload, tuple(tables))
