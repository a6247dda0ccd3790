"""Views of the exploring commands: `next`, `roles`, `roadmap`."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..catalog import Catalog
from ..engine import RoleResult
from ..errors import Problem
from ..models import TIERS, Role
from ..wording import credentials_text, education_text, experience_text
from .view import Table, View

__all__ = ["FORMAT_VERSION", "next_view", "roadmap_view", "role_summary", "roles_view"]

FORMAT_VERSION = 1
HONEST = (
    "eligible = meets the published requirements as recorded in codingpath's data; "
    "it is not a promise of a job or promotion."
)
_STYLE = {"eligible": "green", "held": "cyan", "gap": None}


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
    results: list[RoleResult], *, name: str | None, source: str, current_role: str | None,
    today: date, warnings: tuple[Problem, ...] = (),
) -> View:
    payload = {
        "format_version": FORMAT_VERSION,
        "profile": {"name": name, "file": source, "current_role": current_role},
        "as_of": today.isoformat(),
        "roles": [result_dict(r) for r in results],
        "warnings": [w.as_dict() for w in warnings],
    }
    rows = []
    for r in results:
        missing = "; ".join(g.message for g in r.gaps) or "-"
        rows.append((r.role.tier, r.role.title, _status_text(r), missing))
    eligible = sum(r.status == "eligible" for r in results)
    who = name or "this profile"
    title = f"Next roles for {who}: {eligible} of {len(results)} with every published requirement met"
    caption = HONEST
    if any(r.unconfirmed for r in results):
        caption += "\n* rests on requirements codingpath could not confirm; check with the employer."
    table = Table(title, ("Tier", "Role", "Status", "What is missing"), tuple(rows), caption,
                  tuple(_STYLE[r.status] for r in results), narrow_columns=(0, 2))
    return View(payload, (table,))


def roles_view(catalog: Catalog, roles: list[Role]) -> View:
    ordered = sorted(roles, key=lambda r: (TIERS.index(r.tier), r.title))
    payload = {
        "format_version": FORMAT_VERSION,
        "roles": [{**role_summary(r), "summary": r.summary, "leads_to": list(r.leads_to)} for r in ordered],
    }
    rows = tuple((r.tier, r.title, r.id, ", ".join(r.tracks), r.summary) for r in ordered)
    table = Table(f"{len(ordered)} roles by tier", ("Tier", "Role", "Id", "Tracks", "Summary"), rows,
                  group_column=0, narrow_columns=(0, 2), fold_detail=(4, 1))
    return View(payload, (table,))


def roadmap_view(catalog: Catalog, statuses: dict[str, RoleResult] | None, *, name: str | None = None) -> View:
    ordered = sorted(catalog.roles.values(), key=lambda r: (TIERS.index(r.tier), r.title))
    entries, rows, styles = [], [], []
    for role in ordered:
        req = role.requirements
        leads = ", ".join(catalog.roles[t].title for t in role.leads_to) or "-"
        row = [role.tier, role.title, credentials_text(req), experience_text(req), education_text(req), leads]
        entry: dict[str, Any] = {
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
        style = None
        if statuses is not None:
            result = statuses[role.id]
            entry["status"] = result.status
            entry["gaps"] = [g.as_dict() for g in result.gaps]
            row.append(_status_text(result))
            style = _STYLE[result.status]
        if not req.confirmed:
            row[1] += " *"
        entries.append(entry)
        rows.append(tuple(row))
        styles.append(style)
    columns = ["Tier", "Role", "Credentials", "Experience", "Education", "Leads to"]
    if statuses is not None:
        columns.append("You")
    title = "Medical coding and HIM career roadmap" + (f" for {name}" if name else "")
    caption = "* requirement thresholds codingpath could not confirm from a published source."
    if statuses is not None:
        caption = HONEST + "\n" + caption
    payload = {"format_version": FORMAT_VERSION, "roles": entries}
    table = Table(title, tuple(columns), tuple(rows), caption, tuple(styles), group_column=0,
                  narrow_columns=(0,))
    return View(payload, (table,))
