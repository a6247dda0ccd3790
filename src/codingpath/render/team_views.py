"""Views of `team`: the readiness matrix, who is eligible for each role, renewals due.

JSON and CSV are written while the results stream in (one person at a time, any number of people).
The table and Markdown views keep only the first `limit` people for the matrix and the first
`limit` renewals; the summary counts always cover everyone.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from ..catalog import Catalog
from ..taxonomy import TIERS
from ..team.evaluate import Cell, PersonResult, Tally
from ..wording import counted, months_in_words
from . import emit
from .escape import json_text
from .text import csv_row
from .view import Format, Table, View

__all__ = ["CSV_COLUMNS", "FORMAT_VERSION", "TABLE_LIMIT", "cell_text", "write_team"]

FORMAT_VERSION = 1
TABLE_LIMIT = 200
CSV_COLUMNS = ("name", "file", "line", "current_role", "role", "role_title", "status", "months", "missing",
               "unconfirmed")
HONEST = ("eligible = meets the published requirements as recorded in codingpath's data; "
          "it is not a promise of a job or promotion.")
RENEWAL_RULE = ("Renewal dates: each credential's cycle counted in whole cycles from its earned date "
                "(AHIMA's first cycle starts the day the exam is passed; AAPC's CEUs are due every two "
                "years); the exact due date is the one in the person's AAPC or AHIMA account.")
_STYLE = {"eligible": "green", "ready": "yellow", "current": "cyan", "gap": None}


def _months_text(months: float) -> str:
    return months_in_words(max(1, math.ceil(months - 1e-9)))


def cell_text(cell: Cell) -> str:
    """'eligible', 'ready in ~4 months', 'gap: needs CCS', 'current role' (with '*' if unconfirmed)."""
    star = " *" if cell.unconfirmed else ""
    match cell.status:
        case "eligible":
            return "eligible" + star
        case "current":
            return "current role"
        case "ready":
            return f"ready in ~{_months_text(cell.months or 0)}{star}"
        case "gap":
            return f"gap: {cell.missing}{star}"
    raise AssertionError(cell.status)  # pragma: no cover


def _person_dict(result: PersonResult, catalog: Catalog) -> dict[str, Any]:
    return {
        "name": result.name,
        "file": result.file,
        "line": result.line,
        "current_role": result.current_role,
        "roles": [
            {"id": c.role, "title": catalog.roles[c.role].title, "status": c.status,
             "months": c.months, "missing": c.missing, "unconfirmed": c.unconfirmed}
            for c in result.cells
        ],
        "renewals_due": [
            {"credential": r.credential, "body": r.body, "cycle_end": r.cycle_end.isoformat(),
             "ceus_required": r.ceus_required, "ceus_missing": r.ceus_missing}
            for r in result.renewals
        ],
        "undated_credentials": list(result.undated_credentials),
        "warnings": [w.as_dict() for w in result.warnings],
    }


def _ordered_roles(tally: Tally, catalog: Catalog, roles: tuple[str, ...] = ()) -> list[str]:
    """The --role roles in the order given, else by tier and title."""
    if roles:
        return [r for r in roles if r in tally.roles]
    return sorted(tally.roles, key=lambda r: (TIERS.index(catalog.roles[r].tier), catalog.roles[r].title))


def _summary(tally: Tally, catalog: Catalog, roles: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "people": tally.people,
        "skipped": tally.skipped,
        "warnings": tally.warnings,
        "top_tier": tally.top_tier,
        "renewals_due": tally.renewals_due,
        "undated_credentials": tally.undated,
        "people_with_renewals_due": tally.people_with_renewals,
        "plans_computed": tally.plans,
        "by_role": [
            {"id": r, "title": catalog.roles[r].title, "tier": catalog.roles[r].tier,
             "eligible": t.eligible, "ready": t.ready, "gap": t.gap, "current": t.current,
             "eligible_people": t.eligible_names, "ready_people": t.ready_names}
            for r in _ordered_roles(tally, catalog, roles)
            for t in (tally.roles[r],)
        ],
    }


def write_team(
    results: Iterable[PersonResult],
    tally: Tally,
    fmt: Format,
    out: TextIO,
    *,
    catalog: Catalog,
    today: date,
    within: int,
    roles: tuple[str, ...] = (),
    limit: int = TABLE_LIMIT,
) -> None:
    """Consume the results and write them; `tally` is complete once `results` is exhausted."""
    match fmt:
        case "json":
            _write_json(results, tally, out, catalog=catalog, today=today, within=within, roles=roles)
        case "csv":
            _write_csv(results, out, catalog)
        case "table" | "markdown":
            emit(collected_team_view(results, tally, catalog=catalog, today=today, within=within, roles=roles,
                                     limit=limit), fmt, out)
        case _:  # pragma: no cover
            raise AssertionError(fmt)


def _write_json(results: Iterable[PersonResult], tally: Tally, out: TextIO, *, catalog: Catalog, today: date,
                within: int, roles: tuple[str, ...]) -> None:
    def dumps(value: Any, **options: Any) -> str:
        return json_text(json.dumps(value, ensure_ascii=False, **options))

    head = {"format_version": FORMAT_VERSION, "as_of": today.isoformat(), "within_months": within,
            "roles_of_interest": list(roles) or None}  # None: the tier above each person's
    out.write(dumps(head, indent=2)[:-2] + ',\n  "people": [')
    first = True
    for result in results:
        out.write(("\n    " if first else ",\n    ") + dumps(_person_dict(result, catalog)))
        first = False
    out.write(("\n  ]" if not first else "]") + ',\n  "summary": ')
    out.write(dumps(_summary(tally, catalog, roles), indent=2).replace("\n", "\n  "))
    out.write(',\n  "skipped": ')
    problems = [p.as_dict() for p in tally.problems]
    out.write(dumps(problems, indent=2).replace("\n", "\n  "))
    out.write(f',\n  "notes": {json.dumps([HONEST, RENEWAL_RULE])}\n}}\n')


def _write_csv(results: Iterable[PersonResult], out: TextIO, catalog: Catalog) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        base = (result.name, result.file, "" if result.line is None else str(result.line), result.current_role or "")
        if not result.cells:
            writer.writerow(csv_row((*base, "", "", "top-tier", "", "", "")))
        for c in result.cells:
            writer.writerow(csv_row((*base, c.role, catalog.roles[c.role].title, c.status,
                                     "" if c.months is None else str(c.months), c.missing or "",
                                     "yes" if c.unconfirmed else "")))


def _who(result: PersonResult) -> str:
    return result.name


def _now(result: PersonResult, catalog: Catalog) -> str:
    role = catalog.roles.get(result.current_role or "")
    return role.title if role else "-"


def _names(names: list[str], count: int) -> str:
    if not count:
        return "-"
    more = count - len(names)
    return ", ".join(names) + (f", +{more} more" if more > 0 else "")


def collected_team_view(results: Iterable[PersonResult], tally: Tally, *, catalog: Catalog, today: date,
                        within: int, roles: tuple[str, ...] = (), limit: int = TABLE_LIMIT) -> View:
    """Consume the results into `team_view`'s tables (at most `limit` rows each)."""
    kept: list[PersonResult] = []
    renewals: list[tuple[str, Any]] = []
    for result in results:
        if len(kept) < limit:
            kept.append(result)
        for due in result.renewals:
            if len(renewals) < limit:
                renewals.append((result.name, due))
    return team_view(kept, renewals, tally, catalog=catalog, today=today, within=within, roles=roles, limit=limit)


def team_view(
    kept: list[PersonResult], renewals: list[tuple[str, Any]], tally: Tally, *, catalog: Catalog, today: date,
    within: int, roles: tuple[str, ...], limit: int,
) -> View:
    """The three tables: readiness matrix, eligible by role, renewals due."""
    people = counted(tally.people, "person", "people")
    tables = [_matrix_table(kept, tally, catalog, today, within, roles, people)]
    notes = []
    by_role = _by_role_table(tally, catalog, within, roles, people)
    if by_role.rows:
        tables.append(by_role)
    horizon = counted(within, "month")
    if renewals:
        tables.append(_renewals_table(renewals, tally, horizon))
        notes.append(RENEWAL_RULE)
    else:
        notes.append(f"No credential renewal is due within {horizon}.")
    if tally.undated:
        verb = "has" if tally.undated == 1 else "have"
        notes.append(f"{counted(tally.undated, 'held credential')} {verb} no earned date, "
                     "so no renewal date (give it as CPC@2021-06-15 in a roster, `earned:` in a profile).")
    if tally.skipped:
        notes.append(f"{counted(tally.skipped, 'profile')} skipped: see the errors on stderr.")
    payload = {"format_version": FORMAT_VERSION, "summary": _summary(tally, catalog, roles)}
    return View(payload, tuple(tables), tuple(notes))


def _matrix_table(kept: list[PersonResult], tally: Tally, catalog: Catalog, today: date, within: int,
                  roles: tuple[str, ...], people: str) -> Table:
    """Each person against the roles given, or against the roles one tier above them, one row each."""
    if roles:
        title = f"Team readiness as of {today}: {people} against {counted(len(roles), 'role')}"
        columns = ("Person", "Now", *(catalog.roles[r].title for r in roles))
        rows = tuple((_who(p), _now(p, catalog), *(cell_text(c) for c in p.cells)) for p in kept)
        matrix = Table(title, columns, rows)
    else:
        title = f"Team readiness as of {today}: {people}, each against the roles one tier above"
        rows_list: list[tuple[str, ...]] = []
        styles: list[str | None] = []
        for p in kept:
            if not p.cells:
                rows_list.append((_who(p), _now(p, catalog), "-", "top tier: give --role to compare"))
                styles.append(None)
            for c in p.cells:
                rows_list.append((_who(p), _now(p, catalog), catalog.roles[c.role].title, cell_text(c)))
                styles.append(_STYLE[c.status])
        matrix = Table(title, ("Person", "Now", "Role", "Readiness"), tuple(rows_list), row_styles=tuple(styles),
                       group_column=0)
    caption = [HONEST, f"ready = a planned route (10 study hours a week) gets there within {within} months."]
    if any(c.unconfirmed for p in kept for c in p.cells):
        caption.append("* rests on requirements codingpath could not confirm; check with the employer.")
    if tally.people > len(kept):
        caption.append(f"Showing the first {len(kept)} of {tally.people} people; "
                       "--format csv or json lists everyone.")
    return _with_caption(matrix, "\n".join(caption))


def _by_role_table(tally: Tally, catalog: Catalog, within: int, roles: tuple[str, ...], people: str) -> Table:
    rows = []
    for role_id in _ordered_roles(tally, catalog, roles):
        t = tally.roles[role_id]
        rows.append((catalog.roles[role_id].title, str(t.eligible), str(t.ready), str(t.gap),
                     _names(t.eligible_names, t.eligible)))
    return Table(f"Who meets the published requirements now, by role ({people})",
                 ("Role", "Eligible now", f"Ready ≤{within} mo", "Gap", "Eligible now: who"),
                 tuple(rows), narrow_columns=(1, 2, 3))


def _renewals_table(renewals: list[tuple[str, Any]], tally: Tally, horizon: str) -> Table:
    rows = tuple(
        (name, due.credential, due.cycle_end.isoformat(), "-" if due.ceus_required is None else str(due.ceus_required))
        for name, due in renewals
    )
    caption = None
    if tally.renewals_due > len(renewals):
        caption = f"Showing {len(renewals)} of {tally.renewals_due}; --format json lists every one."
    return Table(
        f"Renewals due within {horizon}: {tally.renewals_due} for "
        f"{counted(tally.people_with_renewals, 'person', 'people')}",
        ("Person", "Credential", "Cycle ends", "CEUs required"),
        rows, caption,
    )


def _with_caption(table: Table, caption: str) -> Table:
    from dataclasses import replace

    return replace(table, caption=caption)
