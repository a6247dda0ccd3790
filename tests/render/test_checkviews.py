"""`codingpath.render.checkviews`: the views of `check FILE...` and `data check`: counts, one row
per problem located as file:line:column, an 'ok' row for a clean file, and notes kept apart."""

from __future__ import annotations

from codingpath.errors import Problem
from codingpath.load.datacheck import DataReport, Finding
from codingpath.load.profiles import CheckedFile
from codingpath.render.checkviews import FORMAT_VERSION, check_view, data_check_view


def test_a_clean_file_is_one_ok_row_and_no_caption():
    view = check_view([CheckedFile("a.yaml", ())])
    (table,) = view.tables
    assert table.title == "Checked 1 profile: 0 errors, 0 warnings"
    assert table.rows == (("a.yaml", "ok", "no problems"),) and table.caption is None
    assert view.payload["ok"] is True and view.payload["format_version"] == FORMAT_VERSION


def test_problems_are_located_and_counted_per_file():
    problems = (Problem("b.yaml", "unknown credential", line=3, column=5, field="credentials[0]"),
                Problem("b.yaml", "old", line=7, severity="warning"),
                Problem("b.yaml", "no line at all", severity="warning"))
    view = check_view([CheckedFile("a.yaml", ()), CheckedFile("b.yaml", problems)])
    (table,) = view.tables
    assert table.rows[1:] == (("b.yaml:3:5", "error", "credentials[0]: unknown credential"),
                              ("b.yaml:7", "warning", "old"), ("b.yaml", "warning", "no line at all"))
    assert table.row_styles == ("green", "red", "yellow", "yellow")
    assert table.title == "Checked 2 profiles: 1 error, 2 warnings"
    assert table.caption and table.caption.startswith("Warnings do not stop other commands")
    payload = view.payload
    assert (payload["ok"], payload["errors"], payload["warnings"]) == (False, 1, 2)
    assert [f["ok"] for f in payload["files"]] == [True, False]
    assert payload["files"][1]["problems"][0]["line"] == 3


def test_warnings_alone_leave_the_check_ok():
    view = check_view([CheckedFile("a.yaml", (Problem("a.yaml", "old", severity="warning"),))])
    assert view.payload["ok"] is True and view.tables[0].caption is not None


def report(*findings: Finding, validated: bool = True) -> DataReport:
    return DataReport(("data/roles.yaml",), findings, validated, 5, 2026, credentials=3, roles=4, facts=20, sources=9)


def test_a_clean_data_directory_says_every_check_passed():
    view = data_check_view(report(), strict=False)
    (table,) = view.tables
    assert table.title == "Checked 3 credentials, 4 roles and 20 sourced facts: 0 errors, 0 warnings"
    assert table.rows == (("-", "ok", "-", "no problems: no errors, no stale or mislabelled facts, and every "
                                            "leads_to edge can be climbed"),)
    assert view.payload["ok"] is True and view.payload["counts"]["undated"] == 0
    assert view.notes == ("Stale means the newest dated source is more than 5 years old (counted from 2026); "
                          "set --max-age-years to change that.",)


def test_warnings_fail_only_a_strict_check_and_notes_get_a_table_of_their_own():
    stale = Finding("stale", Problem("data/roles.yaml", "source from 2015", line=12, severity="warning"))
    undated = Finding("undated", Problem("data/roles.yaml", "roles[3].requirements", line=40, severity="note"))
    lenient = data_check_view(report(stale, undated), strict=False)
    main, notes = lenient.tables
    assert main.rows == (("data/roles.yaml:12", "warning", "stale", "source from 2015"),)
    assert notes.title.startswith("1 fact whose sources state no date")
    assert notes.rows == (("data/roles.yaml:40", "roles[3].requirements"),)
    assert lenient.payload["ok"] is True and lenient.payload["counts"]["undated"] == 1
    assert lenient.notes[-1] == "Warnings do not fail the check; --strict makes them count."
    strict = data_check_view(report(stale, undated), strict=True)
    assert strict.payload["ok"] is False and strict.payload["strict"] is True
    assert len(strict.notes) == 1


def test_data_that_does_not_validate_says_later_checks_were_skipped():
    broken = Finding("schema", Problem("data/roles.yaml", "bad tier", line=2, column=3, field="roles[0].tier"))
    view = data_check_view(report(broken, validated=False), strict=False)
    table = view.tables[0]
    assert table.title.startswith("The data does not validate: 1 error (cross-references and fact ages")
    assert table.rows == (("data/roles.yaml:2:3", "error", "schema", "roles[0].tier: bad tier"),)
    assert view.payload["ok"] is False and view.payload["problems"][0]["kind"] == "schema"


def test_the_bundled_data_checks_clean(bundled_data):
    from conftest import TODAY

    from codingpath.load.datacheck import check_data

    view = data_check_view(check_data(None, TODAY), strict=False)
    assert view.payload["validated"] is True and view.payload["counts"]["errors"] == 0
