"""`codingpath renewals`: when each held credential's cycle ends and how many CEUs are still missing."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .app import app
from .options import DataOption, ProfileOption, load_data, load_person, today

if TYPE_CHECKING:
    from ..render import View
    from ..renewals import RenewalReport


class RenewalFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    ics = "ics"


@app.command("renewals")
def renewals_command(
    profile: ProfileOption = None,
    fmt: Annotated[RenewalFormat, typer.Option("--format", "-f", help="Output format; ics is a calendar file.",
                                               case_sensitive=False)] = RenewalFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output.",
                                                   show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --output file (a .bak copy is kept).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the table and due-soon warnings.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Add each credential's CEU rules and sources.")] = False,
    data: DataOption = None,
) -> None:
    """For each credential you hold: when its renewal cycle ends, the CEUs it needs (from the data,
    with sources), the CEUs you logged in this cycle (the profile's `ceus`), how many are missing, and
    a warning when a cycle ends within 90 days. --format ics writes calendar events to import.

    Example: codingpath renewals --profile me.yaml --format ics --output renewals.ics
    """
    import io

    from ..render import emit
    from ..renewals import renewal_calendar, renewals_of

    catalog = load_data(data)
    when = today()
    loaded = load_person(profile, catalog, when)
    report = renewals_of(loaded.profile, catalog, when)
    # Straight to standard output when that is where it goes, so that a terminal gets colours.
    buffer = io.StringIO() if output is not None else sys.stdout
    if fmt is RenewalFormat.ics:
        buffer.write(renewal_calendar(report, profile_key=loaded.profile.name or ""))
    else:
        emit(renewals_view(report, loaded.source, quiet=quiet, verbose=verbose), fmt.value, buffer)
    if output is None:
        return
    assert isinstance(buffer, io.StringIO)
    from ..fileio import write_atomic

    backup = write_atomic(output, buffer.getvalue(), force=force)
    if not quiet:
        what = f"{sum(i.cycle_end is not None for i in report.items)} events" if fmt is RenewalFormat.ics else fmt.value
        sys.stderr.write(f"wrote {output} ({what})" + (f"; previous file kept as {backup}" if backup else "") + "\n")


def renewals_view(report: RenewalReport, source: str, *, quiet: bool = False, verbose: bool = False) -> View:
    """The report as a table (80 columns wide) with notes, and as a JSON payload."""
    from ..render import Table, View
    from ..render.views import FORMAT_VERSION
    from ..renewals import DUE_SOON_DAYS

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
        pools = {}
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
