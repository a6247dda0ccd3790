"""A person's renewals as a table with notes, as a JSON payload, and as an iCalendar file."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time

from ..renewals import DUE_SOON_DAYS, RenewalReport
from .ics import Event, calendar
from .view import Table, View
from .views import FORMAT_VERSION

__all__ = ["renewal_calendar", "renewals_view"]


def renewals_view(report: RenewalReport, source: str, *, quiet: bool = False, verbose: bool = False) -> View:
    """The report as a table (80 columns wide) with notes, and as a JSON payload."""
    rows, styles = [], []
    for item in report.items:
        missing = item.ceus_missing
        if item.status == "replaced":
            status = f"replaced by {item.replaced_by}"
        elif item.status == "unknown":
            status = "no earned date"
        elif item.due_soon:
            status = f"due in {item.days_left} days"
        else:
            status = "complete" if item.status == "complete" else "open"
        rows.append((
            item.credential.id + (" *" if item.unconfirmed else ""),
            str(item.cycle_end) if item.cycle_end else "-",
            "-" if item.ceus_required is None or item.status == "replaced" else str(item.ceus_required),
            f"{item.ceus_logged:g}" if item.cycle_end else "-",
            "-" if missing is None else f"{missing:g}",
            status,
        ))
        styles.append("bold red" if item.due_soon and missing else ("green" if item.status == "complete" else None))
    who = report.name or "this profile"
    title = f"Renewals for {who} as of {report.as_of}"
    notes: list[str] = []
    if not quiet:
        notes.append("Required = CEUs per cycle; Logged = the profile's `ceus` dated in this cycle.")
        pools: dict[str, list[str]] = {}
        for item in report.items:
            if item.pooling:
                pools.setdefault(item.pooling.rule, sorted({item.credential.id, *item.pooled_with}))
        notes += [f"{', '.join(ids)}: {rule}." for rule, ids in pools.items()]
        if report.items:
            notes.append("Cycles are counted from each `earned` date; the certifying body's record is what counts.")
        if any(i.unconfirmed for i in report.items):
            notes.append("* renewal rule codingpath could not confirm; check with the certifying body.")
    if verbose:
        for item in report.items:
            renewal = item.credential.renewal
            sources = ", ".join(s.url for s in renewal.sources)
            notes.append(f"{item.credential.id}: {renewal.ceu_note or 'no note'} (sources: {sources})")
    notes += [f"due soon: {w}" for w in report.warnings]
    if not report.items:
        notes.append("The profile lists no credentials; add them under `credentials:` with an `earned` date.")
    table = Table(title, ("Credential", "Cycle ends", "Required", "Logged", "Missing", "Status"),
                  tuple(rows), None, tuple(styles), narrow_columns=(0, 1))
    payload = {
        "format_version": FORMAT_VERSION,
        "profile": {"name": report.name, "file": source},
        "as_of": report.as_of.isoformat(),
        "due_soon_days": DUE_SOON_DAYS,
        "renewals": [i.as_dict() for i in report.items],
        "warnings": list(report.warnings),
    }
    return View(payload, (table,), tuple(notes))


def renewal_calendar(report: RenewalReport, *, profile_key: str = "") -> str:
    """An iCalendar (RFC 5545) file: one all-day event per cycle end, reminders 90 and 30 days before."""
    stamp = datetime.combine(report.as_of, time(0, 0), tzinfo=UTC)
    events = []
    for item in report.items:
        if item.cycle_end is None:
            continue
        cid = item.credential.id
        seed = f"{profile_key or report.name or ''}|{cid}|{item.cycle_end.isoformat()}"
        uid = hashlib.sha256(seed.encode()).hexdigest()[:24] + "@codingpath"
        lines = [f"{item.credential.name} ({item.credential.body}): renewal cycle "
                 f"{item.cycle_start} to {item.cycle_end}."]
        if item.ceus_required is not None:
            lines.append(f"CEUs required: {item.ceus_required}; logged: {item.ceus_logged:g}; "
                         f"missing: {item.ceus_missing:g}.")
        if item.pooled_with:
            lines.append(f"Shared total with {', '.join(item.pooled_with)} ({item.pooling.rule}).")  # type: ignore[union-attr]
        if item.credential.renewal.ceu_note:
            lines.append(item.credential.renewal.ceu_note)
        lines.append("Source: " + ", ".join(s.url for s in item.credential.renewal.sources))
        events.append(Event(uid=uid, summary=f"{cid} renewal due", start=item.cycle_end, stamp=stamp,
                            description="\n".join(lines), alarm_days=(DUE_SOON_DAYS, 30)))
    return calendar(events)
