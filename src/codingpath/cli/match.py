"""`codingpath match POSTING`: which of a job posting's requirements you (or your team) meet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import app
from .options import DataOption, FormatOption, OptionalProfileOption, load_data, load_person, today

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..catalog import Catalog
    from ..errors import Problem
    from ..match import Extraction
    from ..match.team import PersonMatch
    from ..team.evaluate import Skipped

SHOWN = 200  # problems of skipped people printed on stderr before a one-line summary


@app.command("match")
def match_command(
    posting: Annotated[str, typer.Argument(
        metavar="POSTING", help="The job posting: a text, Markdown or saved HTML file ('-' reads standard input).",
        show_default=False)],
    people: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="With --team: profile files, folders of them and CSV rosters.",
        show_default=False)] = None,
    profile: OptionalProfileOption = None,
    team: Annotated[bool, typer.Option("--team", help="Check everyone in the PATHs after the posting.")] = False,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, metavar="MONTHS",
        help="With --team: months within which a planned route counts as within reach.")] = 6,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="With --team: write to this file instead of standard output.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --output file (a .bak copy is kept).")] = False,
    data: DataOption = None,
) -> None:
    """Read a job posting and list its requirements (credentials, years of experience and of what,
    education), each required or preferred, with the sentence it came from. With --profile: which
    you meet, each gap as `next` spells it with the months a planned route takes to close it, and a
    verdict (meets, meets-required or gaps). With --team: the same for every person, who meets it
    and who is within --within months. Items codingpath cannot check (a credential it does not know,
    "Epic certification") are listed as not checked. Exit code 1 when the posting holds no
    requirement codingpath can check, or when --team skipped a profile.

    Example: codingpath match posting.txt --profile me.yaml

    Example: codingpath match posting.html --team staff/ roster.csv --within 12 --format csv
    """
    from ..errors import InputError, Problem
    from ..match import extract_requirements, read_posting

    _check_inputs(posting, people, profile, team=team, output=output)
    catalog = load_data(data)
    extraction = extract_requirements(read_posting(posting), catalog)
    if not extraction.checkable:
        unchecked = ", ".join(r.parsed.name for r in extraction.unchecked)  # type: ignore[union-attr]
        from ..render.posting_text import for_terminal

        sys.stderr.write(for_terminal(str(InputError(Problem(
            extraction.source, "found no requirement codingpath can check (credentials, years of experience, "
            "education)" + (f"; only {unchecked}, which it cannot check" if unchecked else ""))).problems[0]
            .line_for_stderr())) + "\n")
        raise typer.Exit(1)
    if team:
        _team(extraction, people or [], catalog, within, fmt.value, output, force)
        return
    _one(extraction, profile, catalog, fmt.value)


def _check_inputs(posting: str, people: list[str] | None, profile: str | None, *, team: bool,
                  output: Path | None) -> None:
    """Usage errors (exit 2) for options that do not go together."""
    if people and not team:
        raise typer.BadParameter(f"{people[0]!r}: give --team to check the people in PATHs", param_hint="PATH")
    if team and not people:
        raise typer.BadParameter("--team needs at least one profile, folder or roster after the posting",
                                 param_hint="PATH")
    if team and profile is not None:
        raise typer.BadParameter("give either --profile or --team, not both", param_hint="--profile")
    if posting == "-" and (profile == "-" or "-" in (people or [])):
        raise typer.BadParameter("only one input can be read from standard input", param_hint="POSTING")
    if output is not None and not team:
        raise typer.BadParameter("--output is for --team; redirect the output of one person instead",
                                 param_hint="--output")


def _one(extraction: Extraction, profile: str | None, catalog: Catalog, fmt: str) -> None:
    from ..match import evaluate_posting
    from ..render.match_views import match_view, write_match

    when = today()
    result, name, source = None, None, None
    warnings: tuple[Problem, ...] = ()
    if profile is not None:
        loaded = load_person(profile, catalog, when)
        result = evaluate_posting(extraction, loaded.profile, catalog, when)
        name, source, warnings = loaded.profile.name, loaded.source, loaded.warnings
    view = match_view(extraction, result, catalog, fmt, name=name, profile_file=source,  # type: ignore[arg-type]
                      today=when, warnings=warnings)
    write_match(view, fmt, sys.stdout)  # type: ignore[arg-type]


def _team(extraction: Extraction, paths: list[str], catalog: Catalog, within: int, fmt: str, output: Path | None,
          force: bool) -> None:
    import contextlib

    from ..match.resemble import resembles
    from ..match.team import MatchTally, match_team
    from ..render.fileio import OutputFile
    from ..render.match_team_views import write_match_team
    from ..team.evaluate import collect_sources
    from .app import say
    from .options import command_inputs

    sources = collect_sources(paths)
    # The posting and every profile and roster read are inputs: --output never replaces one of them.
    posting_file = None if extraction.source == "<stdin>" else extraction.source
    inputs = [*command_inputs(posting_file), *(source.path for source in sources)]
    target = OutputFile(output, force=force, inputs=inputs) if output is not None else None  # before any work
    for source in sources:
        say(*(warning.line_for_stderr() for warning in (source.roster.warnings if source.roster else ())))
    when = today()
    tally = MatchTally()
    events = match_team(sources, extraction, catalog, when, within_months=within, tally=tally)
    with contextlib.ExitStack() as stack:
        # --output streams into a temporary file beside it, renamed over it only when all is written.
        stream = sys.stdout if target is None else stack.enter_context(target)
        write_match_team(_report(events), tally, fmt, stream, extraction=extraction,  # type: ignore[arg-type]
                         catalog=catalog, resembles=resembles(extraction, catalog), today=when, within=within)
    if target is not None:
        say(f"wrote {output} ({tally.people} people, {fmt})"
            + (f"; previous file kept as {target.backup}" if target.backup else ""))
    if tally.skipped:
        sys.stderr.write(f"error: {tally.skipped} profile{'s' if tally.skipped > 1 else ''} skipped; "
                         f"{tally.people} evaluated\n")
        raise typer.Exit(1)


def _report(events: Iterable[PersonMatch | Skipped]) -> Iterator[PersonMatch]:
    """Problems to stderr as they come (a bounded number of lines); people onward."""
    from ..render.posting_text import for_terminal
    from ..team.evaluate import Skipped

    shown = hidden = 0
    for event in events:
        problems = event.problems if isinstance(event, Skipped) else event.warnings
        for problem in problems:
            if shown < SHOWN:
                shown += 1
                sys.stderr.write(for_terminal(problem.line_for_stderr()) + "\n")
            else:
                hidden += 1
        if not isinstance(event, Skipped):
            yield event
    if hidden:
        sys.stderr.write(f"error: {hidden} more problems not shown (--format json lists the first 1000)\n")
