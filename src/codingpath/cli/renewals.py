"""`codingpath renewals`: when each held credential's cycle ends and how many CEUs are still missing."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .app import app, say
from .options import DataOption, ProfileOption, command_inputs, load_data, load_person, today


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
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.",
                                                   show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --output file (a .bak copy is kept).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the table and due-soon warnings.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Add each credential's CEU rules and sources.")] = False,
    data: DataOption = None,
) -> None:
    """For each credential you hold: when its renewal cycle ends, the CEUs it needs (from the data,
    with sources), the CEUs you logged in this cycle (the profile's `ceus`), how many are missing, and
    a warning when a cycle ends within 90 days. --format ics writes calendar events to import.

    Example: codingpath renewals --profile me.yaml --format ics --output renewals.ics
    """
    import io

    from ..render import emit
    from ..render.fileio import OutputFile
    from ..render.renewals import renewal_calendar, renewals_view
    from ..renewals import renewals_of

    # Checked before any work: a refused --output should not wait for the report.
    target = OutputFile(output, force=force, inputs=command_inputs(profile, data=data)) if output else None
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
    if target is None:
        return
    assert isinstance(buffer, io.StringIO)
    with target as handle:
        handle.write(buffer.getvalue())
    if not quiet:
        events = sum(d.lead.cycle_end is not None for d in report.deadlines)
        what = f"{events} events" if fmt is RenewalFormat.ics else fmt.value
        say(f"wrote {output} ({what})" + (f"; previous file kept as {target.backup}" if target.backup else ""))
