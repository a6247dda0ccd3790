"""`codingpath.render.team_views`: the team's readiness in every format, from hand-made results:
cell words, the matrix, who is eligible by role, renewals due, and the table limit."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date

import pytest
from conftest import TODAY

from codingpath.errors import Problem
from codingpath.render.team_views import CSV_COLUMNS, cell_text, team_view, write_team
from codingpath.team.evaluate import Skipped, Tally
from codingpath.team.readiness import Cell, PersonResult, RenewalDue


@pytest.mark.parametrize(("cell", "text"), [
    (Cell("coder-ii", "eligible"), "eligible"),
    (Cell("coder-ii", "eligible", unconfirmed=True), "eligible *"),
    (Cell("coder-ii", "current"), "current role"),
    (Cell("coder-ii", "ready", months=3.2), "ready in ~4 months"),
    (Cell("coder-ii", "ready", months=0.2), "ready in ~1 month"),
    (Cell("coder-ii", "ready", months=12), "ready in ~1 year"),
    (Cell("coder-ii", "gap", missing="needs CCS", unconfirmed=True), "gap: needs CCS *"),
])
def test_cell_text(cell, text):
    assert cell_text(cell) == text


def results() -> list[PersonResult]:
    due = RenewalDue("CPC", "AAPC", date(2027, 1, 31), 36, 12.0)
    return [
        PersonResult("Ana", "team.csv", 2, "medical-coder",
                     (Cell("coder-ii", "eligible"), Cell("coding-auditor", "ready", months=6),
                      Cell("inpatient-coder", "gap", missing="needs CCS/CIC")), (due,), ("CCA",)),
        PersonResult("Bo", "team.csv", 3, "coding-director", ()),
        PersonResult("Cy", "cy.yaml", None, None, (Cell("coder-ii", "gap", missing="needs CPC", unconfirmed=True),),
                     warnings=(Problem("cy.yaml", "old", severity="warning"),)),
    ]


def streamed(tally: Tally) -> Iterator[PersonResult]:
    """The results as the team command streams them: the tally fills as they are consumed."""
    for result in results():
        tally.add(result)
        yield result


def written(fmt: str, **options) -> tuple[str, Tally]:
    from codingpath import load_catalog

    tally, out = Tally(), io.StringIO()
    write_team(streamed(tally), tally, fmt, out, catalog=load_catalog(use_env=False), today=TODAY,  # type: ignore[arg-type]
               within=12, **options)
    return out.getvalue(), tally


def test_json_lists_everyone_and_a_summary_filled_after_the_stream():
    text, _ = written("json")
    payload = json.loads(text)
    assert [p["name"] for p in payload["people"]] == ["Ana", "Bo", "Cy"]
    assert payload["summary"]["people"] == 3 and payload["summary"]["top_tier"] == 1
    assert payload["summary"]["renewals_due"] == 1 and payload["summary"]["undated_credentials"] == 1
    assert payload["people"][0]["renewals_due"][0]["cycle_end"] == "2027-01-31"
    by_role = {r["id"]: r for r in payload["summary"]["by_role"]}
    assert by_role["coder-ii"]["eligible_people"] == ["Ana"] and by_role["coder-ii"]["gap"] == 1
    assert payload["roles_of_interest"] is None and payload["within_months"] == 12


def test_json_with_no_people_is_still_valid():
    from codingpath import load_catalog

    out = io.StringIO()
    write_team(iter(()), Tally(), "json", out, catalog=load_catalog(use_env=False), today=TODAY, within=12)
    assert json.loads(out.getvalue())["people"] == []


def test_csv_has_a_row_per_cell_and_one_for_a_person_at_the_top_tier():
    text, _ = written("csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r[0], r[4], r[6]) for r in rows[1:]] == [
        ("Ana", "coder-ii", "eligible"), ("Ana", "coding-auditor", "ready"), ("Ana", "inpatient-coder", "gap"),
        ("Bo", "", "top-tier"), ("Cy", "coder-ii", "gap")]
    assert rows[5][2] == "" and rows[5][9] == "yes"  # Cy has no roster line; an unconfirmed cell


def test_the_table_shows_the_matrix_who_is_eligible_and_renewals(bundled_data):
    tally = Tally()
    kept = list(streamed(tally))
    view = team_view(kept, [("Ana", kept[0].renewals[0])], tally, catalog=bundled_data, today=TODAY, within=12,
                     roles=(), limit=200)
    matrix, by_role, renewals = view.tables
    assert matrix.title == f"Team readiness as of {TODAY}: 3 people, each against the roles one tier above"
    assert ("Bo", "Coding Director", "-", "top tier: give --role to compare") in matrix.rows
    assert matrix.caption is not None and "* rests on requirements" in matrix.caption
    assert by_role.rows[0][0] == "Coder II" and by_role.rows[0][1:4] == ("1", "0", "1")
    assert renewals.rows == (("Ana", "CPC", "2027-01-31", "36"),)
    assert any("1 held credential has no earned date" in n for n in view.notes)


def test_given_roles_make_one_column_each(bundled_data):
    tally = Tally()
    ana = results()[0]
    tally.add(ana)
    view = team_view([ana], [], tally, catalog=bundled_data, today=TODAY, within=6,
                     roles=("inpatient-coder", "coder-ii", "coding-auditor"), limit=200)
    matrix = view.tables[0]
    assert matrix.columns == ("Person", "Now", "Inpatient Coder", "Coder II", "Coding Auditor")
    assert [row[0] for row in view.tables[1].rows] == ["Inpatient Coder", "Coder II", "Coding Auditor"]
    assert "No credential renewal is due within 6 months." in view.notes


def test_the_limit_keeps_the_first_people_but_counts_everyone():
    text, tally = written("markdown", limit=1)
    assert tally.people == 3
    assert "Showing the first 1 of 3 people" in text
    assert "| Ana |" in text and "| Cy |" not in text


def test_skipped_profiles_are_noted(bundled_data):
    tally = Tally()
    tally.skip(Skipped((Problem("bad.yaml", "broken"),)))
    view = team_view([], [], tally, catalog=bundled_data, today=TODAY, within=12, roles=(), limit=200)
    assert "1 profile skipped: see the errors on stderr." in view.notes
