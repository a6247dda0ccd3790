"""Views of `match --team`: who meets the posting, who could within --within months, the rest.

JSON and CSV are written while people stream in (any number of them); the table and Markdown keep
the first `limit` people, and the counts always cover everyone. Names and messages are escaped for
the format (`posting_text`): a roster is someone else's text too.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TextIO

from ..catalog import Catalog
from ..match import HONEST_NOTE, Extraction
from ..match.team import MatchTally, PersonMatch
from . import Format, Table, View, emit
from .match_views import FORMAT_VERSION, months_text
from .posting_text import for_csv, for_format, for_json_output

__all__ = ["CSV_COLUMNS", "TABLE_LIMIT", "write_match_team"]

TABLE_LIMIT = 200
CSV_COLUMNS = ("name", "file", "line", "current_role", "status", "verdict", "months_to_required", "missing")
_STATUS = {"meets": "meets", "meets-required": "meets required", "within": "within reach", "gaps": "gaps"}
_STYLE = {"meets": "green", "meets-required": "green", "within": "yellow", "gaps": None}


def _person_dict(person: PersonMatch) -> dict[str, Any]:
    return {"name": person.name, "file": person.file, "line": person.line, "current_role": person.current_role,
            "status": person.status, "verdict": person.verdict, "months_to_required": person.months,
            "missing": person.missing, "warnings": [w.as_dict() for w in person.warnings]}


def _summary(tally: MatchTally) -> dict[str, Any]:
    counts = {k.replace("-", "_"): v for k, v in tally.counts.items()}
    return {"people": tally.people, "skipped": tally.skipped, **counts,
            "meets_people": tally.names["meets"], "meets_required_people": tally.names["meets-required"],
            "within_people": tally.names["within"], "plans_computed": tally.plans}


def write_match_team(people: Iterable[PersonMatch], tally: MatchTally, fmt: Format, out: TextIO, *,
                     extraction: Extraction, catalog: Catalog, resembles: str | None, today: date, within: int,
                     limit: int = TABLE_LIMIT) -> None:
    """Consume the people and write them; `tally` is complete once `people` is exhausted."""
    match fmt:
        case "json":
            head = {"format_version": FORMAT_VERSION, "posting": {"file": extraction.source, "title": extraction.title},
                    "as_of": today.isoformat(), "within_months": within, "resembles": resembles,
                    "requirements": [r.as_dict() for r in extraction.requirements],
                    "unchecked": [r.as_dict() for r in extraction.unchecked]}
            out.write(for_json_output(json.dumps(head, indent=2, ensure_ascii=False))[:-2] + ',\n  "people": [')
            first = True
            for person in people:
                out.write(("\n    " if first else ",\n    ")
                          + for_json_output(json.dumps(_person_dict(person), ensure_ascii=False)))
                first = False
            out.write(("\n  ]" if not first else "]") + ',\n  "summary": ')
            out.write(json.dumps(_summary(tally), indent=2, ensure_ascii=False).replace("\n", "\n  "))
            problems = json.dumps([p.as_dict() for p in tally.problems], indent=2, ensure_ascii=False)
            out.write(',\n  "skipped": ' + for_json_output(problems).replace("\n", "\n  "))
            out.write(f',\n  "note": {json.dumps(HONEST_NOTE)}\n}}\n')
        case "csv":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            for p in people:
                writer.writerow((for_csv(p.name), for_csv(p.file), "" if p.line is None else p.line,
                                 p.current_role or "", p.status, p.verdict, "" if p.months is None else p.months,
                                 for_csv(p.missing or "")))
        case "table" | "markdown" | "html" | "svg":
            kept: list[PersonMatch] = []
            for person in people:
                if len(kept) < limit:
                    kept.append(person)
            emit(_team_view(kept, tally, fmt, extraction=extraction, catalog=catalog, resembles=resembles,
                            today=today, within=within), fmt, out)
        case _:  # pragma: no cover
            raise AssertionError(fmt)


def _team_view(kept: list[PersonMatch], tally: MatchTally, fmt: Format, *, extraction: Extraction,
               catalog: Catalog, resembles: str | None, today: date, within: int) -> View:
    def safe(text: str) -> str:
        return for_format(text, fmt)

    order = {"meets": 0, "meets-required": 1, "within": 2, "gaps": 3}
    ranked = sorted(kept, key=lambda p: (order[p.status], p.months if p.months is not None else 1e9))
    rows = tuple((safe(p.name), _now(p, catalog), _STATUS[p.status], _detail(p, safe)) for p in ranked)
    people = f"{tally.people} {'person' if tally.people == 1 else 'people'}"
    caption = [HONEST_NOTE, f"within reach = a planned route (10 study hours a week) meets every required item "
                            f"within {within} months."]
    if tally.people > len(kept):
        caption.append(f"Showing the first {len(kept)} of {tally.people} people; --format csv or json lists everyone.")
    table = Table(f"{safe(extraction.title)}: {people} as of {today}", ("Person", "Now", "Standing", "Detail"), rows,
                  "\n".join(caption), tuple(_STYLE[p.status] for p in ranked), narrow_columns=(2,))
    counts = tally.counts
    summary = Table("Summary", ("Meets", "Meets required", f"Within {within} months", "Gaps", "Skipped"),
                    ((str(counts["meets"]), str(counts["meets-required"]), str(counts["within"]), str(counts["gaps"]),
                      str(tally.skipped)),))
    notes = []
    role = catalog.roles.get(resembles or "")
    if role is not None:
        notes.append(f"The posting is most like the codingpath role {role.title} ({role.id}).")
    if extraction.unchecked:
        names = ", ".join(safe(r.parsed.name) for r in extraction.unchecked)  # type: ignore[union-attr]
        notes.append(f"Not checked for anyone (codingpath has no record of them): {names}.")
    if tally.skipped:
        notes.append(f"{tally.skipped} profile{'s' if tally.skipped > 1 else ''} skipped: see the errors on stderr.")
    payload = {"format_version": FORMAT_VERSION, "summary": _summary(tally)}
    return View(payload, (table, summary), tuple(notes))


def _now(person: PersonMatch, catalog: Catalog) -> str:
    role = catalog.roles.get(person.current_role or "")
    return role.title if role else "-"


def _detail(person: PersonMatch, safe: Callable[[str], str]) -> str:
    if person.status in ("meets", "meets-required"):
        return "every required item met" + ("" if person.status == "meets" else "; not every preferred one")
    missing = safe(person.missing or "")
    if person.months is None:
        return missing
    return f"{missing}; {months_text(person.months)} on a planned route"
