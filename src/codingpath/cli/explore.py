"""Commands that explore the map: `next`, `roles`, `roadmap`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .app import app
from .completion import complete_role
from .options import (
    DataOption,
    FormatOption,
    MinTenureOption,
    OptionalProfileOption,
    PageFormatOption,
    ProfileOption,
    TierOption,
    TrackOption,
    check_choice,
    load_data,
    load_person,
    resolve_role,
    show,
    today,
)

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..engine import RoleResult
    from ..models import Profile
    from ..render.view import View


@app.command("next")
def next_command(
    profile: ProfileOption = None,
    all_roles: Annotated[bool, typer.Option(
        "--all", "-a",
        help="Show every role, not only your target, the roles yours leads to and the next tier.")] = False,
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
    def compute() -> View:
        from ..planning.outlook import next_outlook
        from ..render.views import next_view

        catalog = load_data(data)
        when = today()
        loaded = load_person(profile, catalog, when)
        person = loaded.profile
        outlook = next_outlook(person, catalog, when, show_all=all_roles, min_tenure=min_tenure)
        return next_view(outlook, name=person.name, source=loaded.source, current_role=person.current_role,
                         today=when, warnings=loaded.warnings)

    from .answers import answered

    show(answered(("next", all_roles, min_tenure), compute, data=data, profile=profile, reads_profile=True), fmt)


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
    def compute() -> View:
        from ..render.views import roles_view
        from ..taxonomy import TIERS, TRACKS

        check_choice("--tier", tier, TIERS)
        check_choice("--track", track, TRACKS)
        catalog = load_data(data)
        roles = [r for r in catalog.roles.values()
                 if (tier is None or r.tier == tier.lower()) and (track is None or track.lower() in r.tracks)]
        return roles_view(catalog, roles)

    from .answers import answered

    show(answered(("roles", tier, track), compute, data=data), fmt)


@app.command("roadmap")
def roadmap_command(
    profile: OptionalProfileOption = None,
    fmt: PageFormatOption = "table",  # type: ignore[assignment]
    to: Annotated[str | None, typer.Option("--to", help="The role to draw a route to on the html/svg map "
                                              "(default: the profile's target_role).", autocompletion=complete_role,
                                              show_default=False)] = None,
    data: DataOption = None,
) -> None:
    """The whole career map: tier, role, credentials, experience, education and where it leads. With
    --profile, each role is marked held, eligible or gap. --format html writes a page to print or pin
    on a wall (tiers as columns, tracks as rows, your planned route as numbered moves); --format svg
    a picture of the ladder.

    Example: codingpath roadmap --profile me.yaml --format html > roadmap.html
    """
    if to is not None and (profile is None or fmt.value not in ("html", "svg")):
        raise typer.BadParameter("draws a route on the map: give it with --profile and --format html or svg",
                                 param_hint="--to")

    def marked() -> tuple[Catalog, Profile | None, dict[str, RoleResult] | None]:
        from ..engine import roadmap_statuses

        catalog = load_data(data)
        if profile is None:
            return catalog, None, None
        when = today()
        person = load_person(profile, catalog, when).profile
        return catalog, person, roadmap_statuses(person, catalog, when)

    if fmt.value in ("html", "svg"):
        catalog, person, statuses = marked()
        target = None if to is None else resolve_role(to, catalog, "--to")
        _write_map(catalog, fmt.value, person, statuses, target)
        return

    def compute() -> View:
        from ..render.views import roadmap_view

        catalog, person, statuses = marked()
        return roadmap_view(catalog, statuses, name=person.name if person else None)

    from .answers import answered

    show(answered(("roadmap",), compute, data=data, profile=profile, reads_profile=profile is not None), fmt)


def _write_map(catalog: Catalog, fmt: str, person: Profile | None, statuses: dict[str, RoleResult] | None,
               target: str | None) -> None:
    """The map as a page or picture: marks and the route to `target` (or the profile's target_role)."""
    import sys

    from ..render.graph import graph_roles
    from ..render.ladder_svg import ladder_svg
    from ..render.lattice_page import lattice_page, page_route
    from ..render.map_marks import map_marks
    from ..version import __version__

    marks, route, name = None, None, None
    if person is not None and statuses is not None:
        name = person.name
        target = target or (person.target_role if person.target_role in catalog.roles else None)
        marks = map_marks(statuses, current=person.current_role, target=target)
        if target is not None and fmt == "html":
            from ..planning import plan_route

            route = page_route(plan_route(person, catalog, target, start=today()), name or "This profile")
    if fmt == "svg":
        title = "Medical coding and HIM career map" + (f" for {name}" if name else "")
        sys.stdout.write(ladder_svg(graph_roles(catalog), marks, title=title))
    else:
        sys.stdout.write(lattice_page(catalog, marks=marks, name=name, route=route, today=today(), version=__version__))

