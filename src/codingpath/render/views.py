"""Views of the exploring commands: `next`, `roles`, `roadmap`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..engine import RoleResult
from ..errors import Problem
from ..planning.outlook import Outlook
from ..taxonomy import TIERS
from ..wording import credentials_text, education_text, experience_text, months_in_words
from .view import Table, View

if TYPE_CHECKING:
    from ..models import Requirement, Role

__all__ = ["FORMAT_VERSION", "next_view", "roadmap_view", "role_summary", "roles_view"]

FORMAT_VERSION = 1
HONEST = (
    "eligible = meets the published requirements as recorded in codingpath's data; "
    "it is not a promise of a job or promotion."
)
_STYLE = {"eligible": "green", "held": "cyan", "gap": None}


def _plain(table: Table) -> Table:
    """The table for CSV: the same columns, one line per cell."""
    rows = tuple(tuple(" ".join(cell.split()) for cell in row) for row in table.rows)
    return Table(table.title, table.columns, rows)


def role_summary(role: Role) -> dict[str, Any]:
    return {"id": role.id, "title": role.title, "tier": role.tier, "tracks": list(role.tracks)}


def result_dict(result: RoleResult) -> dict[str, Any]:
    return {
        **role_summary(result.role),
        "status": result.status,
        "unconfirmed": result.unconfirmed,
        "gaps": [g.as_dict() for g in result.gaps],
        "notes": list(result.notes),
    }


def _status_text(result: RoleResult) -> str:
    text = {"eligible": "eligible", "gap": "gap", "held": "held"}[result.status]
    return text + (" *" if result.unconfirmed else "")


def next_view(
    outlook: Outlook, *, name: str | None, source: str, current_role: str | None,
    today: date, warnings: tuple[Problem, ...] = (),
) -> View:
    results = [r.result for r in outlook.roles]
    best = outlook.best
    payload = {
        "format_version": FORMAT_VERSION,
        "profile": {"name": name, "file": source, "current_role": current_role},
        "as_of": today.isoformat(),
        "best_next_step": None if best is None else {
            "kind": best.kind, "subject": best.subject, "description": best.description, "opens": list(best.opens),
            "months": best.months},
        "roles": [{**result_dict(r.result), "target": r.target, "on_ladder": r.on_ladder,
                   "months_to_close": r.months_to_close, "recommended": list(r.recommended)}
                  for r in outlook.roles],
        "warnings": [w.as_dict() for w in warnings],
    }
    rows = []
    for r in outlook.roles:
        missing = [g.message for g in r.result.gaps]
        if r.result.status != "eligible":
            missing.append("no route in codingpath's data" if r.months_to_close is None
                           else f"about {months_in_words(r.months_to_close)} by the plan")
        missing += [f"recommended: {', '.join(r.recommended)}"] if r.recommended else []
        title = r.result.role.title + (" (target)" if r.target else "")
        rows.append((r.result.role.tier, title, _status_text(r.result), "; ".join(missing) or "-"))
    eligible = sum(r.status == "eligible" for r in results)
    who = name or "this profile"
    title = f"Next roles for {who}: {eligible} of {len(results)} with every published requirement met"
    if best is not None:
        titles = {r.result.role.id: r.result.role.title for r in outlook.roles}
        opened = ", ".join(titles[o] for o in best.opens[:3]) + (f" and {len(best.opens) - 3} more"
                                                                if len(best.opens) > 3 else "")
        title += (f"\nBest next step: {best.description.rstrip('.')}. Done in about "
                  f"{months_in_words(best.months)}; on the way to {opened}.")
    caption = HONEST
    if any(r.unconfirmed for r in results):
        caption += "\n* rests on requirements codingpath could not confirm; check with the employer."
    caption += "\nrecommended = preferred by employers, never required."
    table = Table(title, ("Tier", "Role", "Status", "What is missing"), tuple(rows), caption,
                  tuple(_STYLE[r.status] for r in results), narrow_columns=(0, 2), title_columns=(1,))
    records = tuple((r.result.role.tier, r.result.role.title, r.result.role.id, r.result.status,
                     "; ".join(g.message for g in r.result.gaps), "yes" if r.result.unconfirmed else "no",
                     "" if r.months_to_close is None else str(r.months_to_close), ", ".join(r.recommended),
                     "yes" if r.target else "no") for r in outlook.roles)
    plain = Table(title.split("\n")[0], ("tier", "role", "id", "status", "missing", "unconfirmed", "months_to_close",
                                         "recommended", "target"), records)
    return View(payload, (table,), records=plain)


def roles_view(catalog: Catalog, roles: list[Role]) -> View:
    ordered = sorted(roles, key=lambda r: (TIERS.index(r.tier), r.title))
    payload = {
        "format_version": FORMAT_VERSION,
        "roles": [{**role_summary(r), "summary": r.summary, "leads_to": list(r.leads_to)} for r in ordered],
    }
    title = f"{len(ordered)} roles by tier"
    rows = tuple((r.tier, r.title, r.id, ", ".join(r.tracks), r.summary) for r in ordered)
    # Below WIDE columns: tiers as headings, no id column (every command takes the title as well).
    narrow = Table(title, ("Tier", "Role", "Tracks", "Summary"),
                   tuple((r.tier, r.title, "\n".join(r.tracks), r.summary) for r in ordered),
                   "Commands take a role's title as well as its id: codingpath role \"Coding Manager\".",
                   group_column=0, group_headings=True, title_columns=(1,))
    table = Table(title, ("Tier", "Role", "Id", "Tracks", "Summary"), rows,
                  group_column=0, narrow_columns=(0, 2), title_columns=(1,), narrow=narrow)
    return View(payload, (table,), records=_plain(table))


def short_title(role: Role) -> str:
    """A long title's shortest alias ('CDI Specialist'), for columns where the full one crowds."""
    shorter = [a for a in role.aliases if len(a) < len(role.title)]
    return min(shorter, key=len) if len(role.title) > 24 and shorter else role.title


def _needs(req: Requirement, *, baseline: bool) -> str:
    """What a role asks for, one kind a line, for the handout layout; with `baseline` the high
    school every role asks for is said once in the caption instead."""
    baseline_only = baseline and req.education == "high-school" and not req.cahiim_accredited
    education = "-" if baseline_only else education_text(req)
    parts = [credentials_text(req), experience_text(req), education]
    return "\n".join(p for p in parts if p != "-") or "high school"


def _roadmap_entry(role: Role) -> dict[str, Any]:
    req = role.requirements
    return {
        **role_summary(role),
        "credentials": [list(g) for g in req.credentials],
        "full_credential": req.full_credential,
        "experience": [{"years": e.years, "label": e.label, "tracks": list(e.tracks), "roles": list(e.roles)}
                       for e in req.experience],
        "education": req.education,
        "cahiim_accredited": req.cahiim_accredited,
        "preferred_credentials": list(role.preferred_credentials),
        "leads_to": list(role.leads_to),
        "confidence": req.confidence,
        "sources": [s.model_dump() for s in req.sources],
    }


def roadmap_view(catalog: Catalog, statuses: dict[str, RoleResult] | None, *, name: str | None = None) -> View:
    """The career map: a wall chart of every requirement at WIDE columns and more, a handout (tiers
    as headings, one 'Needs' column, short titles) below that."""
    ordered = sorted(catalog.roles.values(), key=lambda r: (TIERS.index(r.tier), r.title))
    entries, wide, narrow, records, styles = [], [], [], [], []
    baseline = all(r.requirements.education is not None for r in ordered)
    for role in ordered:
        req = role.requirements
        star = "" if req.confirmed else " *"
        leads = [catalog.roles[t] for t in role.leads_to if t in catalog.roles]
        entry = _roadmap_entry(role)
        you: list[str] = []
        style = None
        if statuses is not None:
            result = statuses[role.id]
            entry["status"] = result.status
            entry["gaps"] = [g.as_dict() for g in result.gaps]
            you = [_status_text(result)]
            style = _STYLE[result.status]
        cells = (credentials_text(req), experience_text(req), education_text(req))
        wide.append((role.tier, role.title + star, *cells, ", ".join(r.title for r in leads) or "-", *you))
        leads_to = ", ".join(short_title(r) for r in leads) or "-"
        narrow.append((role.tier, role.title + star, _needs(req, baseline=baseline), leads_to,
                       *you))
        records.append((role.tier, role.title, *cells, " ".join(role.leads_to),
                        *([statuses[role.id].status] if statuses is not None else []),
                        "no" if req.confirmed and not (statuses and statuses[role.id].unconfirmed) else "yes"))
        entries.append(entry)
        styles.append(style)
    you_column = ("You",) if statuses is not None else ()
    title = "Medical coding and HIM career roadmap" + (f" for {name}" if name else "")
    caption = "* requirement thresholds codingpath could not confirm from a published source."
    if statuses is not None:
        caption = HONEST + "\n" + caption
    payload = {"format_version": FORMAT_VERSION, "roles": entries}
    handout_caption = caption
    if baseline:
        handout_caption = ("Every role needs at least high school (a diploma or an equivalency such as GED or "
                           "HSE); Needs adds what more each asks.\n" + caption)
    handout = Table(title, ("Tier", "Role", "Needs", "Leads to", *you_column), tuple(narrow), handout_caption,
                    tuple(styles), group_column=0, group_headings=True, title_columns=(1,),
                    narrow_columns=(4,) if statuses is not None else ())
    table = Table(title, ("Tier", "Role", "Credentials", "Experience", "Education", "Leads to", *you_column),
                  tuple(wide), caption, tuple(styles), group_column=0, narrow_columns=(0,), title_columns=(1,),
                  narrow=handout)
    plain = Table(title, ("tier", "role", "credentials", "experience", "education", "leads_to",
                          *(("status",) if statuses is not None else ()), "unconfirmed"), tuple(records))
    return View(payload, (table,), records=plain)
