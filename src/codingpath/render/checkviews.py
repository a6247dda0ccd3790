"""Views of the checking commands: `check FILE...` and `data check`."""

from __future__ import annotations

import os

from ..errors import Problem
from ..load.datacheck import DataReport
from ..load.profiles import CheckedFile
from ..wording import counted
from .view import Table, View

__all__ = ["FORMAT_VERSION", "check_view", "data_check_view"]

FORMAT_VERSION = 1
_STYLE = {"error": "red", "warning": "yellow", "note": "dim", "ok": "green"}


def _where(problem: Problem, *, from_here: bool = False) -> str:
    """file:line:column; with `from_here`, a file under the working directory as a relative path
    (as linters print it), so the table's width does not follow where the data is checked out."""
    where = problem.file
    if from_here and os.path.isabs(where):
        relative = os.path.relpath(where)
        where = where if relative.startswith("..") else relative
    if problem.line is not None:
        where += f":{problem.line}" + (f":{problem.column}" if problem.column is not None else "")
    return where


def _what(problem: Problem) -> str:
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


def check_view(results: list[CheckedFile]) -> View:
    """Every problem of every file, a clean file as one 'ok' row."""
    errors = sum(r.count("error") for r in results)
    warnings = sum(r.count("warning") for r in results)
    payload = {
        "format_version": FORMAT_VERSION,
        "ok": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "files": [
            {
                "file": r.file,
                "ok": r.count("error") == 0,
                "errors": r.count("error"),
                "warnings": r.count("warning"),
                "problems": [p.as_dict() for p in r.problems],
            }
            for r in results
        ],
    }
    rows: list[tuple[str, str, str]] = []
    styles: list[str | None] = []
    for r in results:
        if not r.problems:
            rows.append((r.file, "ok", "no problems"))
            styles.append(_STYLE["ok"])
        for p in r.problems:
            rows.append((_where(p), p.severity, _what(p)))
            styles.append(_STYLE.get(p.severity))
    title = (f"Checked {counted(len(results), 'profile')}: {counted(errors, 'error')}, "
             f"{counted(warnings, 'warning')}")
    caption = ("Warnings do not stop other commands; errors do (fix them and run check again)."
               if warnings or errors else None)
    table = Table(title, ("Where", "Severity", "Problem"), tuple(rows), caption, tuple(styles), narrow_columns=(1,),
                  fold_detail=(2, 0))
    return View(payload, (table,))


def data_check_view(report: DataReport, *, strict: bool) -> View:
    """Errors and warnings in one table, undated facts (notes) in a second."""
    payload = {
        "format_version": FORMAT_VERSION,
        "ok": not report.failed(strict=strict),
        "strict": strict,
        "files": list(report.files),
        "validated": report.validated,
        "max_age_years": report.max_age_years,
        "counts": {
            "credentials": report.credentials,
            "roles": report.roles,
            "facts": report.facts,
            "sources": report.sources,
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "undated": sum(f.kind == "undated" for f in report.findings),
        },
        "problems": [f.as_dict() for f in report.findings],
    }
    main = [f for f in report.findings if f.problem.severity != "note"]
    notes = [f for f in report.findings if f.problem.severity == "note"]
    rows: tuple[tuple[str, ...], ...] = tuple(
        (_where(f.problem, from_here=True), f.problem.severity, f.kind, _what(f.problem)) for f in main)
    styles = tuple(_STYLE.get(f.problem.severity) for f in main)
    if report.validated:
        title = (f"Checked {report.credentials} credentials, {report.roles} roles and {report.facts} sourced facts: "
                 f"{counted(report.count('error'), 'error')}, {counted(report.count('warning'), 'warning')}")
    else:
        title = (f"The data does not validate: {counted(report.count('error'), 'error')} "
                 "(cross-references and fact ages are checked once every file validates)")
    if not main:
        clean = ("no problems: no errors, no stale or mislabelled facts, and every leads_to edge can be climbed"
                 if report.validated else "no problems")
        rows, styles = (("-", "ok", "-", clean),), (_STYLE["ok"],)
    tables = [Table(title, ("Where", "Severity", "Check", "Problem"), rows, None, styles, narrow_columns=(1, 2),
                    fold_detail=(3, 0))]
    if notes:
        tables.append(Table(
            f"{counted(len(notes), 'fact')} whose sources state no date (ages unknown; not counted as problems)",
            ("Where", "Fact"), tuple((_where(f.problem, from_here=True), f.problem.message) for f in notes),
            narrow_columns=(0,),
        ))
    lines = [f"Stale means the newest dated source is more than {report.max_age_years} years old "
             f"(counted from {report.year}); set --max-age-years to change that."]
    if report.count("warning") and not strict:
        lines.append("Warnings do not fail the check; --strict makes them count.")
    return View(payload, tuple(tables), tuple(lines))
