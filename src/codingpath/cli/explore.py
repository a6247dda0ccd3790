"""Commands that explore the map: `next`, `roles`, `roadmap`."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app
from .options import (
    DataOption,
    FormatOption,
    MinTenureOption,
    OptionalProfileOption,
    PageFormatOption,
    ProfileOption,
    TierOption,
    TrackOption,
    load_data,
    load_person,
    show,
    today,
)


@app.command("next")
def next_command(
    profile: ProfileOption = None,
    all_roles: Annotated[bool, typer.Option(
        "--all", "-a", help="Show every role, not only your target, the roles yours leads to and the next tier.")] = False,
    min_tenure: MinTenureOption = 12,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """What to do next: your target role first, then the roles your current role leads to and
    those one tier up; roles whose published requirements you meet before the rest, the rest
    ranked by the months a plan needs to close their gaps, with every gap spelled out. Above
    them, the one step that opens the most of them soonest.

    Example: codingpath next --profile me.yaml --format json
    """
    from ..planning.outlook import next_outlook
    from ..render.views import next_view

    catalog = load_data(data)
    when = today()
    loaded = load_person(profile, catalog, when)
    person = loaded.profile
    outlook = next_outlook(person, catalog, when, show_all=all_roles, min_tenure=min_tenure)
    show(next_view(outlook, name=person.name, source=loaded.source, current_role=person.current_role,
                   today=when, warnings=loaded.warnings), fmt)


@app.command("roles")
def roles_command(
    tier: TierOption = None,
    track: TrackOption = None,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """Roles grouped by tier, optionally only one tier or track.

    Example: codingpath roles --tier mid --track audit
    """
    from ..models import TIERS, TRACKS
    from ..render.views import roles_view

    check_choice("--tier", tier, TIERS)
    check_choice("--track", track, TRACKS)
    catalog = load_data(data)
    roles = [r for r in catalog.roles.values()
             if (tier is None or r.tier == tier.lower()) and (track is None or track.lower() in r.tracks)]
    show(roles_view(catalog, roles), fmt)


@app.command("roadmap")
def roadmap_command(
    profile: OptionalProfileOption = None,
    fmt: PageFormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """The whole career map as one table: tier, role, credentials, experience, education and where
    it leads. With --profile, each row is marked held, eligible or gap.

    Example: codingpath roadmap --format html > roadmap.html
    """
    from ..engine import roadmap_statuses
    from ..render.views import roadmap_view

    catalog = load_data(data)
    statuses, name = None, None
    if profile is not None:
        when = today()
        person = load_person(profile, catalog, when).profile
        statuses, name = roadmap_statuses(person, catalog, when), person.name
    show(roadmap_view(catalog, statuses, name=name), fmt)


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    """A usage error (exit 2) with a "did you mean" for a value outside `choices`."""
    if value is None or value.lower() in choices:
        return
    from ..validation import did_you_mean

    raise typer.BadParameter(
        f"{value!r} is not one of {', '.join(choices)}{did_you_mean(value.lower(), choices)}", param_hint=option
    )
