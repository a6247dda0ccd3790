"""Options every command shares, and the few steps they all take (load data, load a profile)."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..profiles import LoadedProfile

__all__ = [
    "DataOption",
    "FormatOption",
    "ProfileOption",
    "TableFormat",
    "load_data",
    "load_person",
    "show",
    "today",
]

TODAY_ENV = "CODINGPATH_TODAY"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class PageFormat(str, Enum):
    """Formats of commands whose table may also be printed or shared as a page or picture."""

    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    svg = "svg"


FormatOption = Annotated[
    TableFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
PageFormatOption = Annotated[
    PageFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        envvar="CODINGPATH_DATA",
        help="A directory with an employer's roles.yaml/credentials.yaml that extend or override the bundled data.",
        show_default=False,
    ),
]
ProfileOption = Annotated[
    str,
    typer.Option("--profile", "-p", help="Profile YAML file ('-' reads standard input).", show_default=False),
]
OptionalProfileOption = Annotated[
    Optional[str],
    typer.Option("--profile", "-p", help="Profile YAML file ('-' reads standard input).", show_default=False),
]


def today() -> date:
    """Today, or $CODINGPATH_TODAY (YYYY-MM-DD) so that results can be reproduced."""
    from ..errors import InputError

    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise InputError(f"{TODAY_ENV}={fixed!r} is not a date (YYYY-MM-DD)") from None


def load_data(data: Path | None) -> Catalog:
    from ..catalog import load_catalog

    return load_catalog(data)


def load_person(path: str, catalog: Catalog, when: date) -> LoadedProfile:
    """Load a profile and print its warnings on stderr."""
    import sys

    from ..profiles import load_profile

    loaded = load_profile(path, catalog, when)
    for warning in loaded.warnings:
        sys.stderr.write(warning.line_for_stderr() + "\n")
    return loaded


def show(view, fmt: Enum) -> None:  # noqa: ANN001 - a render.View
    from ..render import emit

    emit(view, fmt.value)
