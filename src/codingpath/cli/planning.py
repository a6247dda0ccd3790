"""Commands that plan and explain: `plan`, `credentials`, `credential ID`, `role ID`."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import EXIT_PROBLEM
from .app import app
from .options import (
    DataOption,
    FormatOption,
    MinTenureOption,
    OptionalProfileOption,
    ProfileOption,
    check_choice,
    load_data,
    load_person,
    resolve_credential,
    resolve_role,
    show,
    today,
)

if TYPE_CHECKING:
    from datetime import date

    from ..render.view import View


class DegreePace(str, Enum):
    """How a plan schedules a degree: beside work, or full-time."""

    part_time = "part-time"
    full_time = "full-time"


class DetailFormat(str, Enum):
    """Formats of the one-item views (no CSV: they are not one table)."""

    table = "table"
    json = "json"
    markdown = "markdown"


BriefOption = Annotated[bool, typer.Option("--brief", help="Only your standing (needs --profile).")]
DetailFormatOption = Annotated[
    DetailFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]


@app.command("plan")
def plan_command(
    profile: ProfileOption = None,
    to: Annotated[str | None, typer.Option(
        "--to", "-t", help="The role to plan for (id or title, any case). Default: the profile's target_role.",
        show_default=False)] = None,
    start: Annotated[str | None, typer.Option(
        "--start", help="The month the plan starts, YYYY-MM (default: today).", show_default=False)] = None,
    hours_per_week: Annotated[float, typer.Option(
        "--hours-per-week", "-w", help="Hours a week you can study for exams and courses.")] = 10.0,
    min_tenure: MinTenureOption = 12,
    degree_pace: Annotated[DegreePace, typer.Option(
        "--degree-pace", case_sensitive=False,
        help="part-time: degrees beside a full-time job (the usual case); full-time: degrees full-time.")
    ] = DegreePace.part_time,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """The fastest route from your profile to a role: dated steps (exams, degrees, roles to move
    into, experience to gain), what each costs and which published requirement it meets, with the
    total time and exam fees. Exit code 1 when the data holds no route to the role.

    Example: codingpath plan --profile me.yaml --to coding-manager --hours-per-week 8
    """
    if not hours_per_week > 0:
        raise typer.BadParameter(f"must be more than 0 hours a week; found {hours_per_week:g}",
                                 param_hint="--hours-per-week")
    if hours_per_week > 168:
        raise typer.BadParameter(f"a week has 168 hours; found {hours_per_week:g}", param_hint="--hours-per-week")

    def compute() -> tuple[View, bool]:
        from ..planning import plan_route
        from ..render.plan_views import plan_view

        when = today()
        begin = _start_month(start, when)
        catalog = load_data(data)
        loaded = load_person(profile, catalog, when)
        person = loaded.profile
        target = resolve_role(to, catalog, "--to") if to is not None else person.target_role
        if target is None:
            raise typer.BadParameter("no target role: give --to ROLE or set target_role in the profile",
                                     param_hint="--to")
        plan = plan_route(person, catalog, target, start=begin, hours_per_week=hours_per_week,
                          min_tenure=min_tenure, degree_pace=degree_pace.value)
        return plan_view(plan, name=person.name, source=loaded.source, warnings=loaded.warnings), plan.feasible

    from .answers import answered

    question = ("plan", to, start, hours_per_week, min_tenure, degree_pace.value)
    view, feasible = answered(question, compute, data=data, profile=profile, reads_profile=True)
    show(view, fmt)
    if not feasible:
        raise typer.Exit(EXIT_PROBLEM)


@app.command("credentials")
def credentials_command(
    body: Annotated[str | None, typer.Option(
        "--body", "-b", help="AAPC, AHIMA, ACDIS or NCRA.", show_default=False)] = None,
    focus: Annotated[str | None, typer.Option(
        "--focus", help="physician, outpatient, inpatient, risk adjustment, billing, audit, compliance, cdi, "
                        "management, data, privacy, him.", show_default=False)] = None,
    fmt: FormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """The credential catalogue, one row each: who awards it, what it takes to sit the exam, the
    renewal cycle and CEUs, and the exam fee (third-party or unconfirmed figures marked).

    Example: codingpath credentials --body AHIMA --format csv
    """
    from typing import get_args

    from ..render.plan_views import credentials_view
    from ..taxonomy import Focus

    catalog = load_data(data)
    bodies = tuple(sorted({c.body.lower() for c in catalog.credentials.values()}))
    check_choice("--body", body, bodies)
    check_choice("--focus", focus, get_args(Focus))
    chosen = [c for c in catalog.credentials.values()
              if (body is None or c.body.lower() == body.lower()) and (focus is None or focus.lower() in c.focus)]
    show(credentials_view(chosen), fmt)


@app.command("credential")
def credential_command(
    credential_id: Annotated[str, typer.Argument(metavar="ID", help="A credential id such as CPC or CCS (any case).",
                                                 show_default=False)],
    profile: OptionalProfileOption = None,
    brief: BriefOption = False,
    fmt: DetailFormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """Everything about one credential: the rule to sit the exam (required routes apart from merely
    recommended ones), apprentice rules, renewal and CEUs, exam, fee, study estimate and every
    source with its date and confidence. With --profile: first whether you may sit it now, and if
    not, exactly what is missing (--brief: only that).

    Example: codingpath credential CCS --profile me.yaml
    """
    from ..engine import apprentice_months_left, evaluate_credential, standing_of
    from ..render.plan_views import ApprenticeOutlook, credential_view

    catalog = load_data(data)
    cid = resolve_credential(credential_id, catalog, "ID")
    result, name, apprentice, outlook = None, None, False, None
    credential = catalog.credentials[cid]
    if profile is not None:
        when = today()
        person = load_person(profile, catalog, when).profile
        standing = standing_of(person, catalog, when)
        result, name, apprentice = evaluate_credential(credential, standing), person.name, cid in standing.apprentice
        months = apprentice_months_left(credential, standing, catalog.roles.get(person.current_role or ""))
        if credential.apprentice is not None and months != 0:  # passed now, it comes with the A
            outlook = ApprenticeOutlook(credential.apprentice.designation, when, months)
    _need_profile_for_brief(brief, profile)
    show(credential_view(catalog, credential, result, name=name, apprentice=apprentice, brief=brief,
                         apprentice_outlook=outlook), fmt)


@app.command("role")
def role_command(
    role_id: Annotated[str, typer.Argument(metavar="ID", help="A role id or title (any case).", show_default=False)],
    profile: OptionalProfileOption = None,
    brief: BriefOption = False,
    fmt: DetailFormatOption = "table",  # type: ignore[assignment]
    data: DataOption = None,
) -> None:
    """One role in full: requirements with their sources, preferred credentials, the roles it leads
    to and those that lead to it, and its occupation code with published pay and outlook figures.
    With --profile: first whether you meet them and what you are missing (--brief: only that).

    Example: codingpath role "Coding Manager" --profile me.yaml
    """
    from ..engine import evaluate_role, standing_of
    from ..planning.outlook import recommended_credentials
    from ..render.plan_views import role_view

    catalog = load_data(data)
    rid = resolve_role(role_id, catalog, "ID")
    result, name = None, None
    recommended: tuple[str, ...] = ()
    if profile is not None:
        when = today()
        person = load_person(profile, catalog, when).profile
        result = evaluate_role(catalog.roles[rid], standing_of(person, catalog, when), current_role=person.current_role,
                               catalog=catalog)
        name = person.name
        recommended = recommended_credentials(catalog.roles[rid], [c.id for c in person.credentials])
    _need_profile_for_brief(brief, profile)
    show(role_view(catalog, catalog.roles[rid], result, name=name, brief=brief, recommended=recommended), fmt)


def _need_profile_for_brief(brief: bool, profile: str | None) -> None:
    if brief and profile is None:
        raise typer.BadParameter("--brief prints your standing: give --profile FILE as well", param_hint="--brief")


def _start_month(text: str | None, when: date) -> date:
    """--start YYYY-MM as the first of that month; today when not given; not before this month."""
    import re
    from datetime import date

    if text is None:
        return when
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not match or not 1 <= int(match[2]) <= 12:
        raise typer.BadParameter(f"expected a month as YYYY-MM; found {text!r}", param_hint="--start")
    month = date(int(match[1]), int(match[2]), 1)
    if (month.year, month.month) < (when.year, when.month):
        raise typer.BadParameter(f"{text} is before this month ({when:%Y-%m}); a plan starts now or later",
                                 param_hint="--start")
    return month
