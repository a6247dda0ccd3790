"""Options every command shares, and the few steps they all take (load data, load a profile)."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .completion import complete_credential, complete_role, complete_tier, complete_track

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..profiles import LoadedProfile

__all__ = [
    "CredentialArgument",
    "DataOption",
    "FormatOption",
    "ProfileOption",
    "RoleArgument",
    "TierOption",
    "TrackOption",
    "TableFormat",
    "load_data",
    "load_person",
    "show",
    "today",
]

TODAY_ENV = "CODINGPATH_TODAY"
PROFILE_ENV = "CODINGPATH_PROFILE"
DEFAULT_PROFILE = "profile.yaml"


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
# Months a plan keeps a person in a role before the next move up the ladder.
MinTenureOption = Annotated[
    int, typer.Option("--min-tenure", min=0, max=120, metavar="MONTHS",
                      help="Months in a role before a plan moves on to the next (0-120).")
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
    Optional[str],
    typer.Option("--profile", "-p", show_default=False,
                 help="Profile YAML file ('-' reads standard input). Default: $CODINGPATH_PROFILE, else "
                      "./profile.yaml (what `codingpath init` writes)."),
]
OptionalProfileOption = Annotated[
    Optional[str],
    typer.Option("--profile", "-p", help="Profile YAML file ('-' reads standard input).", show_default=False),
]
# With shell completion of ids, tiers and tracks read from the data (see completion.py).
TierOption = Annotated[
    Optional[str],
    typer.Option("--tier", "-t", help="entry, mid, advanced or master.", autocompletion=complete_tier,
                 show_default=False),
]
TrackOption = Annotated[
    Optional[str],
    typer.Option("--track", "-k", help="coding, billing, audit, compliance, cdi, management, education, data, privacy, him.",
                 autocompletion=complete_track, show_default=False),
]
RoleArgument = Annotated[
    str, typer.Argument(metavar="ROLE", help="A role id or title, any case.", autocompletion=complete_role)
]
CredentialArgument = Annotated[
    str, typer.Argument(metavar="CREDENTIAL", help="A credential id, any case (CPC, CCS-P).",
                        autocompletion=complete_credential)
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


def profile_path(given: str | None) -> tuple[str, str | None]:
    """The profile to read and, when the user did not name it, where it came from: --profile, else
    $CODINGPATH_PROFILE, else ./profile.yaml when present (what `init` writes)."""
    if given is not None:
        return given, None
    if os.environ.get(PROFILE_ENV):
        return os.environ[PROFILE_ENV], f"from ${PROFILE_ENV}"
    if Path(DEFAULT_PROFILE).is_file():
        return DEFAULT_PROFILE, "found in the current folder"
    raise typer.BadParameter(
        f"no profile: give --profile FILE, set {PROFILE_ENV}, or run `codingpath init` to write ./{DEFAULT_PROFILE}",
        param_hint="--profile")


def load_person(given: str | None, catalog: Catalog, when: date) -> LoadedProfile:
    """Load a profile (the default one when none is given), say on stderr which file a default
    picked, and print its warnings there."""
    import sys

    from ..profiles import load_profile

    path, origin = profile_path(given)
    if origin is not None:
        sys.stderr.write(f"profile: {path} ({origin})\n")
    loaded = load_profile(path, catalog, when)
    for warning in loaded.warnings:
        sys.stderr.write(warning.line_for_stderr() + "\n")
    return loaded


def show(view, fmt: Enum) -> None:  # noqa: ANN001 - a render.View
    from ..render import emit

    emit(view, fmt.value)
