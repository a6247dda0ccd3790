"""`codingpath team`: a department's readiness for the roles above, eligibility by role, renewals due."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..errors import EXIT_PROBLEM
from ..wording import counted
from .app import app, say
from .completion import complete_role
from .options import DataOption, FormatOption, MinTenureOption, command_inputs, load_data, resolve_role, show, today

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from enum import Enum

    from rich.progress import Progress, TaskID

    from ..catalog import Catalog
    from ..errors import Problem
    from ..render.fileio import OutputFile
    from ..render.view import View
    from ..team.evaluate import PersonResult, Skipped, Tally

PROGRESS_MIN = 500  # people; fewer finish before a bar is worth drawing
PROGRESS_EVERY = 250
MAX_WITHIN = 600  # months: the planner's horizon (50 years); beyond it nothing is "ready within"
SHOWN = {"error": 200, "warning": 20}  # stderr lines per kind before a one-line summary


@app.command("team")
def team_command(
    paths: Annotated[list[str], typer.Argument(
        help="Profile YAML files, folders of them (their *.yaml/*.yml files; sub-folders are not read) "
             "and CSV rosters, in any mix.", show_default=False, metavar="PATH")],
    role: Annotated[list[str] | None, typer.Option(
        "--role", "-r", help="A role to compare everyone against (id or title, any case); repeat for more. "
                             "Default: the roles one tier above each person's.", metavar="ROLE",
        autocompletion=complete_role, show_default=False)] = None,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, max=MAX_WITHIN, metavar="MONTHS",
        help="Months: 'ready within' for roles, and the window for renewals due.")] = 6,
    min_tenure: MinTenureOption = 12,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of standard output.", show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --output file (a .bak copy is kept).")] = False,
    data: DataOption = None,
) -> None:
    """A team's readiness for the roles above them: for each person and role, eligible now, ready
    within --within months on a planned route, or the main missing item; then who is eligible for each
    role, and credential renewals due within --within months (the plans move roles --min-tenure months
    apart, as in plan and next). A CSV roster has the columns name,
    education_level, credentials, years_coding, current_role (see the README for optional ones).
    A profile that fails its checks is reported on stderr and skipped (exit code 1).

    Example: codingpath team staff/ roster.csv --role coding-manager --within 12
    """
    if output is None and fmt.value in ("table", "markdown"):
        _show_team(paths, tuple(role or ()), within, min_tenure, fmt, data)
        return
    import contextlib

    from ..render.fileio import OutputFile
    from ..render.team_views import write_team
    from ..team.evaluate import ReadinessEvaluator, Tally, collect_sources, evaluate_team

    catalog = load_data(data)
    roles = resolve_roles(role or [], catalog)
    sources = collect_sources(paths)
    inputs = [*command_inputs(data=data), *(source.path for source in sources)]
    target = OutputFile(output, force=force, inputs=inputs) if output is not None else None  # before any work
    for source in sources:
        say(*(warning.line_for_stderr() for warning in (source.roster.warnings if source.roster else ())))
    when = today()
    tally = Tally()
    evaluator = ReadinessEvaluator(catalog, when, roles=roles, within_months=within, min_tenure=min_tenure)
    events = evaluate_team(sources, evaluator, tally)
    total = sum(s.people_estimate for s in sources)
    # A bar redrawn on the terminal would garble output streamed to the same terminal.
    streams_to_terminal = output is None and fmt.value in ("json", "csv") and sys.stdout.isatty()
    with contextlib.ExitStack() as stack:
        # --output streams into a temporary file beside it, renamed over it only when all is written.
        stream = sys.stdout if target is None else stack.enter_context(target)
        progress = stack.enter_context(_Progress(0 if streams_to_terminal else total))
        write_team(_report(events, progress), tally, fmt.value, stream, catalog=catalog, today=when,
                   within=within, roles=roles)
    _summarise(tally, output, target, fmt.value)


def _show_team(paths: list[str], role: tuple[str, ...], within: int, min_tenure: int, fmt: Enum,
               data: Path | None) -> None:
    """The team's tables, from the answer cache when the same files were asked about before (a
    manager re-running `team staff/`). The progress bar of a big team goes to stderr itself: the
    cache replays what was said there, and a redrawn bar is not something to replay."""
    terminal = sys.stderr

    def compute() -> tuple[View, int, int]:
        from ..render.team_views import collected_team_view
        from ..team.evaluate import ReadinessEvaluator, Tally, collect_sources, evaluate_team

        catalog = load_data(data)
        roles = resolve_roles(list(role), catalog)
        sources = collect_sources(paths)
        for source in sources:
            say(*(warning.line_for_stderr() for warning in (source.roster.warnings if source.roster else ())))
        when = today()
        tally = Tally()
        evaluator = ReadinessEvaluator(catalog, when, roles=roles, within_months=within, min_tenure=min_tenure)
        with _Progress(sum(s.people_estimate for s in sources), terminal) as progress:
            view = collected_team_view(_report(evaluate_team(sources, evaluator, tally), progress), tally,
                                       catalog=catalog, today=when, within=within, roles=roles)
        return view, tally.skipped, tally.people

    from .answers import answered

    view, skipped, people = answered(("team", role, within, min_tenure), compute, data=data, inputs=paths)
    show(view, fmt)
    _exit_if_skipped(skipped, people)


def _summarise(tally: Tally, output: Path | None, target: OutputFile | None, fmt: str) -> None:
    """What was written where, on stderr; exit 1 when a profile was skipped."""
    if output is not None and target is not None:
        say(f"wrote {output} ({tally.people} people, {fmt})"
            + (f"; previous file kept as {target.backup}" if target.backup else ""))
    _exit_if_skipped(tally.skipped, tally.people)


def _exit_if_skipped(skipped: int, people: int) -> None:
    """Exit 1, saying so on stderr, when a profile was skipped."""
    if skipped:
        sys.stderr.write(f"error: {counted(skipped, 'profile')} skipped; {people} evaluated\n")
        raise typer.Exit(EXIT_PROBLEM)


def resolve_roles(texts: list[str], catalog: Catalog) -> tuple[str, ...]:
    """Role ids for --role values (id or title, any case); a usage error with a hint otherwise."""
    roles: list[str] = []
    for text in texts:
        role_id = resolve_role(text, catalog, "--role")
        if role_id not in roles:
            roles.append(role_id)
    return tuple(roles)


def _report(events: Iterable[PersonResult | Skipped], progress: _Progress) -> Iterator[PersonResult]:
    """Problems and warnings to stderr as they come (a bounded number of lines); results onward."""
    from ..team.evaluate import Skipped

    shown = {"error": 0, "warning": 0}
    hidden = {"error": 0, "warning": 0}
    count = 0

    def report(problems: Iterable[Problem]) -> None:
        for problem in problems:
            kind = "error" if problem.severity == "error" else "warning"
            if shown[kind] < SHOWN[kind]:
                shown[kind] += 1
                say(problem.line_for_stderr())
            else:
                hidden[kind] += 1

    for event in events:
        count += 1
        if count % PROGRESS_EVERY == 0:
            progress.advance(PROGRESS_EVERY)
        if isinstance(event, Skipped):
            report(event.problems)
            continue
        if event.warnings:
            report(event.warnings)
        yield event
    progress.stop()  # before the tables are printed
    for kind, number in hidden.items():
        if number:
            sys.stderr.write(f"{kind}: {number} more {kind}s not shown"
                             + (" (--format json lists the first 1000 errors)" if kind == "error" else "") + "\n")


class _Progress:
    """A progress bar on `stream` (stderr) for many people when it is a terminal; nothing otherwise."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __enter__(self) -> _Progress:
        if self.total < PROGRESS_MIN or not self.stream.isatty():
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("evaluating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True, redirect_stdout=False)
        self.bar.start()
        self.task = self.bar.add_task("team", total=self.total)
        return self

    def advance(self, count: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, count)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __exit__(self, *exc: object) -> None:
        self.stop()
