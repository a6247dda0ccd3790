"""Options every command shares, and the few steps they all take (load data, load a profile)."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .completion import complete_credential, complete_role, complete_tier, complete_track

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..load.profile_cache import LoadedProfile
    from ..render.view import View

__all__ = [
    "CredentialArgument",
    "DataOption",
    "FormatOption",
    "ProfileOption",
    "RoleArgument",
    "TierOption",
    "TrackOption",
    "TableFormat",
    "check_choice",
    "load_data",
    "command_inputs",
    "load_person",
    "resolve_credential",
    "resolve_role",
    "show",
    "today",
]

TODAY_ENV = "CODINGPATH_TODAY"
PROFILE_ENV = "CODINGPATH_PROFILE"
DEFAULT_PROFILE = "profile.yaml"
TODAY_RANGE = (date(1950, 1, 1), date(2200, 12, 31))


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
    Path | None,
    typer.Option(
        "--data",
        envvar="CODINGPATH_DATA",
        help="A directory with an employer's roles.yaml/credentials.yaml that extend or override the bundled data.",
        show_default=False,
    ),
]
ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", "-p", show_default=False,
                 help="Profile YAML file ('-' reads standard input). Default: $CODINGPATH_PROFILE, else "
                      "./profile.yaml (what `codingpath init` writes)."),
]
OptionalProfileOption = Annotated[
    str | None,
    typer.Option("--profile", "-p", help="Profile YAML file ('-' reads standard input).", show_default=False),
]
# With shell completion of ids, tiers and tracks read from the data (see completion.py).
TierOption = Annotated[
    str | None,
    typer.Option("--tier", "-t", help="entry, mid, advanced or master.", autocompletion=complete_tier,
                 show_default=False),
]
TrackOption = Annotated[
    str | None,
    typer.Option("--track", "-k",
                 help="coding, billing, audit, compliance, cdi, management, education, data, privacy, him.",
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
        when = date.fromisoformat(fixed)
    except ValueError:
        raise InputError(f"{TODAY_ENV}={fixed!r} is not a date (YYYY-MM-DD)") from None
    # Plans and renewals count months forward and careers back from today; far outside a working
    # life that arithmetic leaves the calendar (year 1 or 9999) and the answer means nothing.
    if not TODAY_RANGE[0] <= when <= TODAY_RANGE[1]:
        raise InputError(f"{TODAY_ENV}={fixed!r} is outside the dates codingpath plans from "
                         f"({TODAY_RANGE[0]} to {TODAY_RANGE[1]})")
    return when


def load_data(data: Path | None) -> Catalog:
    from ..load.data import load_catalog

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
    from ..load.profile_cache import load_profile_cached
    from .app import say

    path, origin = profile_path(given)
    if origin is not None:
        say(f"profile: {path} ({origin})")
    loaded = load_profile_cached(path, catalog, when)
    say(*(warning.line_for_stderr() for warning in loaded.warnings))
    return loaded


def command_inputs(*paths: str | Path | None, data: Path | None = None) -> list[Path]:
    """The files a command reads (a profile, an answers file, the overlay's data files), which its
    --output must never replace; standard input ('-') is none."""
    inputs = [Path(p) for p in paths if p is not None and str(p) != "-"]
    if data is not None and data.is_dir():
        inputs += [data / "roles.yaml", data / "credentials.yaml"]
    return inputs


def show(view: View, fmt: Enum) -> None:
    from ..render import emit

    emit(view, fmt.value)


def resolve_role(text: str, catalog: Catalog, option: str) -> str:
    """The role id for an id, title or alias in any case; else a usage error with a "did you mean"."""
    role_id = catalog.role_id(text)
    if role_id is None:
        raise typer.BadParameter(f"unknown role {text!r}{catalog.role_hint(text)}", param_hint=option)
    return role_id


def resolve_credential(text: str, catalog: Catalog, option: str) -> str:
    """The credential id for an id in any case; else a usage error with a "did you mean"."""
    from ..wording import suggestion

    credential_id = catalog.credential_id(text)
    if credential_id is None:
        hint = suggestion(catalog.suggest_credential(text)) or " (codingpath credentials lists them)"
        raise typer.BadParameter(f"unknown credential {text!r}{hint}", param_hint=option)
    return credential_id


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    """A usage error (exit 2) with a "did you mean" for a value outside `choices`."""
    if value is None or value.lower() in choices:
        return
    from ..wording import did_you_mean

    raise typer.BadParameter(
        f"{value!r} is not one of {', '.join(choices)}{did_you_mean(value.lower(), choices)}", param_hint=option
    )
