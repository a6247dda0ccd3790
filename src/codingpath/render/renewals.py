"""The views of `renewals`: one row per deadline (a body's pooled total, or a credential on its own),
each credential's own CEUs listed under the total they count in."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from ..renewals import DUE_SOON_DAYS
from .ics import Event, calendar
from .view import Table, View
from .views import FORMAT_VERSION

if TYPE_CHECKING:
    from ..renewals import Deadline, RenewalItem, RenewalReport

__all__ = ["renewal_calendar", "renewals_view"]

COLUMNS = ("Credentials", "Due", "Required", "Logged", "Missing", "Status")


def _status(item: RenewalItem) -> str:
    if item.status == "unknown":
        return "no earned date"
    if item.due_soon:
        return f"due in {item.days_left} days"
    return "complete" if item.status == "complete" else "open"


def _deadline_rows(deadline: Deadline) -> list[tuple[str, ...]]:
    item = deadline.lead
    star = " *" if any(i.unconfirmed for i in deadline.items) else ""
    end = "-" if item.cycle_end is None else str(item.cycle_end) + ("" if deadline.shared_cycle_confirmed else " *")
    rows: list[tuple[str, ...]] = [(
        " + ".join(deadline.ids) + star, end,
        "-" if item.ceus_required is None else str(item.ceus_required),
        f"{item.ceus_logged:g}" if item.cycle_end else "-",
        "-" if item.ceus_missing is None else f"{item.ceus_missing:g}",
        _status(item),
    )]
    within = f"of the {item.ceus_required}" if item.ceus_required is not None else "of the total"
    for part in deadline.specific:
        logged = f"{part.logged:g}" if item.cycle_end else "-"
        missing = f"{part.missing:g}" if item.cycle_end else "-"
        rows.append((f"└ {part.credential}: {part.subject}", "", str(part.ceus), logged, missing, within))
    return rows


def _records(report: RenewalReport) -> Table:
    """CSV: one row per deadline, plain values, the credential-specific CEUs in one cell."""
    rows: list[tuple[str, ...]] = []
    for deadline in report.deadlines:
        item = deadline.lead
        specific = "; ".join(f"{p.credential} {p.ceus} {p.subject} ({p.logged:g} logged)" for p in deadline.specific)
        rows.append((
            item.credential.body, " ".join(deadline.ids), str(item.cycle_end or ""),
            "" if item.ceus_required is None else str(item.ceus_required),
            f"{item.ceus_logged:g}" if item.cycle_end else "",
            "" if item.ceus_missing is None else f"{item.ceus_missing:g}",
            item.status, specific,
            "yes" if any(i.unconfirmed for i in deadline.items) or not deadline.shared_cycle_confirmed else "no",
        ))
    for item in report.items:
        if item.status == "replaced":
            rows.append((item.credential.body, item.credential.id, "", "", "", "", f"replaced by {item.replaced_by}",
                         "", "no"))
    return Table("", ("body", "credentials", "cycle_end", "ceus_required", "ceus_logged", "ceus_missing",
                      "status", "specific_ceus", "unconfirmed"), tuple(rows))


def _notes(report: RenewalReport, *, quiet: bool, verbose: bool) -> list[str]:
    notes: list[str] = []
    if not quiet:
        notes.append("Required = CEUs per cycle; Logged = the profile's `ceus` dated in this cycle.")
        for deadline in report.deadlines:
            pooling = deadline.lead.pooling
            if pooling is None:
                continue
            notes.append(f"{', '.join(sorted(deadline.ids))}: {pooling.rule}.")
            if not deadline.shared_cycle_confirmed:
                notes.append(f"* {deadline.lead.credential.body}'s published rule pools the CEUs; that the later "
                             "credentials share the first one's cycle is codingpath's reading: check your "
                             f"{deadline.lead.credential.body} account.")
        if report.items:
            notes.append("Cycles are counted from the first `earned` date of a pooled body (AAPC keeps one "
                         "deadline per member), else from each credential's own; the certifying body's record "
                         "is what counts.")
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
    return notes


def renewals_view(report: RenewalReport, source: str, *, quiet: bool = False, verbose: bool = False) -> View:
    """The report as a table (one row per deadline, within 80 columns) with notes, and as JSON."""
    from ..renewals import DUE_SOON_DAYS

    rows: list[tuple[str, ...]] = []
    styles: list[str | None] = []
    for deadline in report.deadlines:
        item = deadline.lead
        style = "bold red" if item.due_soon and item.ceus_missing else ("green" if item.status == "complete" else None)
        for i, row in enumerate(_deadline_rows(deadline)):
            rows.append(row)
            styles.append(style if i == 0 else "dim")
    for item in report.items:
        if item.status == "replaced":
            rows.append((item.credential.id, "-", "-", "-", "-", f"replaced by {item.replaced_by}"))
            styles.append(None)
    who = report.name or "this profile"
    table = Table(f"Renewals for {who} as of {report.as_of}", COLUMNS, tuple(rows), None, tuple(styles),
                  narrow_columns=(1, 2, 3, 4))
    payload = {
        "format_version": FORMAT_VERSION,
        "profile": {"name": report.name, "file": source},
        "as_of": report.as_of.isoformat(),
        "due_soon_days": DUE_SOON_DAYS,
        "deadlines": [d.as_dict() for d in report.deadlines],
        "renewals": [i.as_dict() for i in report.items],
        "warnings": list(report.warnings),
    }
    return View(payload, (table,), tuple(_notes(report, quiet=quiet, verbose=verbose)), records=_records(report))


def renewal_calendar(report: RenewalReport, *, profile_key: str = "") -> str:
    """An iCalendar (RFC 5545) file: one all-day event per deadline, reminders 90 and 30 days before."""
    stamp = datetime.combine(report.as_of, time(0, 0), tzinfo=UTC)
    events = []
    for deadline in report.deadlines:
        item = deadline.lead
        if item.cycle_end is None:
            continue
        names = " + ".join(deadline.ids)
        seed = f"{profile_key or report.name or ''}|{names.replace(' + ', ',')}|{item.cycle_end.isoformat()}"
        uid = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:24] + "@codingpath"
        lines = [f"{names} ({item.credential.body}): renewal cycle {item.cycle_start} to {item.cycle_end}."]
        if item.ceus_required is not None:
            lines.append(f"CEUs required: {item.ceus_required}; logged: {item.ceus_logged:g}; "
                         f"missing: {item.ceus_missing:g}.")
        if item.pooling:
            lines.append(f"One total for {names} ({item.pooling.rule}).")
        lines += [f"Of which {c.ceus} {c.subject} CEUs for {c.credential}." for c in deadline.specific]
        if len(deadline.items) == 1 and item.credential.renewal.ceu_note:
            lines.append(item.credential.renewal.ceu_note)
        urls = dict.fromkeys(s.url for i in deadline.items for s in i.credential.renewal.sources)
        lines.append("Source: " + ", ".join(urls))
        events.append(Event(uid=uid, summary=f"{names} renewal due", start=item.cycle_end, stamp=stamp,
                            description="\n".join(lines), alarm_days=(DUE_SOON_DAYS, 30)))
    return calendar(events)
