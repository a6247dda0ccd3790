"""Commands that check inputs without planning anything: `check FILE...` and `data check`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import EXIT_PROBLEM
from .app import app
from .options import DataOption, FormatOption, load_data, show, today

data_app = typer.Typer(
    name="data",
    help="Work with career data: the bundled files or an employer's.\n\nExample: codingpath data check --data ./ladder",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(data_app, name="data")


@app.command("check")
def check_command(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE", help="Profile YAML files ('-' reads standard input).",
                                  show_default=False)
    ],
    fmt: FormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """Check profiles and report every problem with its file, line and column: errors (which stop
    the other commands) and warnings. Exit 0 if no file has an error, 1 if any has.

    Example: codingpath check me.yaml team/*.yaml --format json
    """
    from ..load.profiles import check_profiles
    from ..render.checkviews import check_view

    results = check_profiles(files, load_data(data), today())
    show(check_view(results), fmt)
    if any(r.count("error") for r in results):
        raise typer.Exit(EXIT_PROBLEM)


@data_app.command("check")
def data_check_command(
    data: DataOption = None,
    max_age_years: Annotated[
        int, typer.Option("--max-age-years", min=0, max=100,
                          help="Flag facts whose newest dated source is older than this many years.")
    ] = 5,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Fail (exit 1) on warnings too, not only on errors.")] = False,
    fmt: FormatOption = "table",  # type: ignore[assignment]
) -> None:
    """Check career data: schema, cross-references, progression cycles, roles no path reaches,
    leads_to edges no one could climb, labels the sources do not support, and the age of every
    sourced fact. Without --data it checks the bundled data; with it, the
    bundled data overlaid by that directory, as every other command would load it.
    Exit 0 if clean (warnings allowed unless --strict), 1 if it found problems, 2 if DIR is missing.

    Example: codingpath data check --data ./our-ladder --max-age-years 3
    """
    from ..load.datacheck import check_data
    from ..render.checkviews import data_check_view

    report = check_data(data, today(), max_age_years=max_age_years)
    show(data_check_view(report, strict=strict), fmt)
    if report.failed(strict=strict):
        raise typer.Exit(EXIT_PROBLEM)
