"""`check FILE...` and `data check`: the commands, their exit codes and formats, and the core checks
behind them (profile semantics, fact ages, unreachable roles)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, TODAY, run_installed
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app
from codingpath.errors import ProfileError
from codingpath.load.datacheck import DEFAULT_MAX_AGE_YEARS, check_data, unreachable_roles
from codingpath.load.profiles import check_profiles, profile_from_data, profile_from_text
from codingpath.models import Introduced, Source

runner = CliRunner()
EXAMPLE_FILES = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def role_yaml(role_id: str, tier: str = "entry", *, sources: str = '{url: "https://example.org/l", as_of: "2026"}',
              leads_to: str = "[]") -> str:
    return f"""\
  - id: {role_id}
    title: {role_id.replace("-", " ").title()}
    tier: {tier}
    tracks: [coding]
    summary: A role on an employer's ladder.
    leads_to: {leads_to}
    requirements:
      credentials: [[CPC]]
      confidence: confirmed
      sources:
        - {sources}
"""


@pytest.fixture
def ladder(tmp_path: Path) -> Path:
    """An employer's overlay with one new entry-tier role."""
    folder = tmp_path / "ladder"
    folder.mkdir()
    (folder / "roles.yaml").write_text("roles:\n" + role_yaml("coding-analyst"))
    return folder


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


# -- check FILE... ------------------------------------------------------------------------------------

def test_check_passes_the_examples():
    result = invoke("check", *EXAMPLE_FILES)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Checked {len(EXAMPLE_FILES)} profiles: 0 errors, 0 warnings")
    assert result.stdout.count("no problems") == len(EXAMPLE_FILES)
    assert result.stderr == ""


def test_check_reports_every_file_and_exits_1_on_any_error(tmp_path: Path):
    bad = write(tmp_path, "bad.yaml", "name: Jane\ncredentail: [CPC]\nexperience:\n  - {role: medical-coder, years: -1}\n")
    doubtful = write(tmp_path, "doubtful.yaml", "education: high-school\ncredentials: [{id: RHIT, earned: 2020-06}]\n")
    result = invoke("check", EXAMPLE_FILES[0], bad, doubtful, str(tmp_path / "gone.yaml"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["format_version"] == 1 and report["ok"] is False
    assert (report["errors"], report["warnings"]) == (3, 1)
    assert [f["file"] for f in report["files"]] == [EXAMPLE_FILES[0], bad, doubtful, str(tmp_path / "gone.yaml")]
    assert [(f["ok"], f["errors"], f["warnings"]) for f in report["files"]] == [
        (True, 0, 0), (False, 2, 0), (True, 0, 1), (False, 1, 0)]
    assert report["files"][1]["problems"] == [
        {"file": bad, "line": 2, "column": 1, "field": "credentail", "severity": "error",
         "message": "unknown key 'credentail'; did you mean 'credentials'?"},
        {"file": bad, "line": 4, "column": 34, "field": "experience[0].years", "severity": "error",
         "message": "must be at least 0; found -1"},
    ]
    assert report["files"][2]["problems"][0]["severity"] == "warning"
    assert report["files"][3]["problems"] == [
        {"file": str(tmp_path / "gone.yaml"), "line": None, "column": None, "field": None,
         "severity": "error", "message": "no such file"}]


def test_check_with_warnings_only_exits_0(tmp_path: Path):
    doubtful = write(tmp_path, "doubtful.yaml", "education: high-school\ncredentials: [{id: RHIT, earned: 2020-06}]\n")
    result = invoke("check", doubtful)
    assert result.exit_code == 0
    assert result.stdout.startswith("Checked 1 profile: 0 errors, 1 warning")
    assert f"{doubtful}:2:15" in result.stdout and "warning" in result.stdout


def test_check_needs_a_file():
    result = invoke("check")
    assert result.exit_code == 2
    assert "Missing argument 'FILE'" in result.stderr


def test_check_reads_standard_input():
    result = invoke("check", "-", "--format", "csv", stdin="name: Jane\neducation: bachelors\n")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1].startswith('<stdin>:2:12,error,"education.level: must be one of')


def test_check_uses_the_employers_ladder(tmp_path: Path, ladder: Path):
    profile = write(tmp_path, "me.yaml", "experience:\n  - {role: Coding Analyst, years: 2}\ncurrent_role: coding-analyst\n")
    assert invoke("check", profile).exit_code == 1
    result = invoke("check", profile, "--data", str(ladder))
    assert result.exit_code == 0, result.stdout


def test_check_cannot_run_on_broken_data(tmp_path: Path):
    (tmp_path / "roles.yaml").write_text("roles: [1\n")
    result = invoke("check", EXAMPLE_FILES[0], "--data", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'roles.yaml'}:2:1: YAML syntax error")


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_check_formats(fmt: str, tmp_path: Path):
    bad = write(tmp_path, "bad.yaml", "name: [a]\n")
    result = invoke("check", bad, "--format", fmt)
    assert result.exit_code == 1
    header = "| Where | Severity | Problem |" if fmt == "markdown" else "Where,Severity,Problem"
    assert header in result.stdout
    assert f"{bad}:1:7" in result.stdout and "name: must be text; found a list" in result.stdout


def test_installed_check(tmp_path: Path):
    bad = write(tmp_path, "bad.yaml", "name: Jane\nname: Sam\n")
    result = run_installed("check", *EXAMPLE_FILES, bad)
    assert result.returncode == 1
    assert result.stdout.startswith(f"Checked {len(EXAMPLE_FILES) + 1} profiles: 1 error, 0 warnings")
    assert f"{bad}:2:1" in result.stdout and "name: duplicate key 'name' (first at line 1)" in result.stdout
    assert result.stderr == ""


def test_check_profiles_core_never_raises(bundled_data: Catalog, tmp_path: Path):
    results = check_profiles([str(tmp_path), EXAMPLE_FILES[0]], bundled_data, TODAY)
    assert [r.count("error") for r in results] == [1, 0]
    assert results[0].problems[0].message == "is a directory, not a YAML file"
    assert results[1].name is not None


# -- data check ---------------------------------------------------------------------------------------

def test_data_check_of_the_bundled_data(bundled_data: Catalog):
    result = invoke("data", "check", "--format", "json")
    report = json.loads(result.stdout)
    counts = report["counts"]
    assert (counts["credentials"], counts["roles"]) == (len(bundled_data.credentials), len(bundled_data.roles))
    assert counts["errors"] == 0 and report["validated"] is True
    assert result.exit_code == 0  # warnings (stale facts) alone do not fail it
    kinds = {p["kind"] for p in report["problems"]}
    assert kinds <= {"stale", "undated"}
    strict = invoke("data", "check", "--strict", "--format", "json")
    assert strict.exit_code == (1 if counts["warnings"] else 0)
    # notes (undated facts) never fail it, even with --strict
    relaxed = invoke("data", "check", "--strict", "--max-age-years", "100", "--format", "json")
    assert relaxed.exit_code == 0
    assert json.loads(relaxed.stdout)["counts"]["undated"] > 0


def test_data_check_table_lists_warnings_then_undated_facts():
    result = invoke("data", "check", "--max-age-years", "0")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Checked ") and "sourced facts: 0 errors," in lines[0]
    assert any(line.startswith("  ") and "stale" in line for line in lines)
    assert any("facts whose sources state no date" in line for line in lines)
    assert "Stale means the newest dated source is more than 0 years old (counted from 2026)" in result.stdout
    assert "Warnings do not fail the check; --strict makes them count." in result.stdout


def test_fact_age_boundaries(tmp_path: Path):
    """With the default of 5 years, counted from the year of today: 2021 is current, 2020 is stale;
    an undated source is a note (with its retrieval date), and so is an old block with an undated one."""
    assert DEFAULT_MAX_AGE_YEARS == 5
    roles = "roles:\n" + "".join([
        role_yaml("five-years", sources='{url: "https://example.org/a", as_of: "2021-12"}'),
        role_yaml("six-years", sources='{url: "https://example.org/b", as_of: "2020-01-31"}'),
        role_yaml("undated-page", sources='{url: "https://example.org/c", as_of: undated, retrieved: "2026-11"}'),
        role_yaml("old-and-undated", sources='{url: "https://example.org/d", as_of: "2001"}\n'
                                            '        - {url: "https://example.org/e", as_of: undated}'),
    ])
    (tmp_path / "roles.yaml").write_text(roles)
    report = check_data(tmp_path, TODAY)
    mine = [f for f in report.findings if f.problem.file == str(tmp_path / "roles.yaml")]
    assert [(f.kind, f.problem.severity, f.problem.line) for f in mine] == [
        ("stale", "warning", 23), ("undated", "note", 34), ("undated", "note", 45)]
    assert mine[0].problem.message == ("six-years requirements: newest source is dated 2020, 6 years ago "
                                       "(older than 5); check it against the current page")
    assert mine[1].problem.message == "undated-page requirements: no source states a date (retrieved 2026-11)"
    assert mine[2].problem.message == ("old-and-undated requirements: no source states a date "
                                       "(with no retrieval date either); the newest dated one is from 2001")
    assert not report.failed() and report.failed(strict=True)
    assert check_data(tmp_path, date(2027, 1, 1)).count("warning") > report.count("warning")


def test_unreachable_roles(bundled_data: Catalog, tmp_path: Path):
    assert unreachable_roles(bundled_data) == []
    (tmp_path / "roles.yaml").write_text(
        "roles:\n" + role_yaml("island-a", "mid", leads_to="[island-b]") + role_yaml("island-b", "advanced")
        + role_yaml("bridge", "entry", leads_to="[island-c]") + role_yaml("island-c", "mid"))
    report = check_data(tmp_path, TODAY)
    found = [f.problem.message for f in report.findings if f.kind == "unreachable"]
    assert found == [
        "role 'island-a' (mid) cannot be reached: no leads_to path from an entry-tier role names it",
        "role 'island-b' (advanced) cannot be reached: no leads_to path from an entry-tier role names it",
    ]


def test_data_check_reports_schema_problems_instead_of_stopping(tmp_path: Path):
    (tmp_path / "roles.yaml").write_text("roles:\n" + role_yaml("x-role").replace("tier: entry", "tier: junior"))
    (tmp_path / "credentials.yaml").write_text("credentials: [{id: cpc}]\n")
    result = invoke("data", "check", "--data", str(tmp_path), "--format", "json")
    assert result.exit_code == 1 and result.stderr == ""
    report = json.loads(result.stdout)
    assert report["validated"] is False
    assert report["files"] == [str(tmp_path / "credentials.yaml"), str(tmp_path / "roles.yaml")]
    assert {p["kind"] for p in report["problems"]} == {"schema"}
    assert any(p["field"] == "roles[0].tier" and "found 'junior'" in p["message"] for p in report["problems"])
    table = invoke("data", "check", "--data", str(tmp_path))
    assert table.stdout.startswith("The data does not validate:")


@pytest.mark.parametrize(("args", "message"), [
    (["--data", "nope"], "error: nope: is not a directory of career data\n"),
    (["--max-age-years", "-1"], "Invalid value for '--max-age-years'"),
])
def test_data_check_cannot_run(args: list[str], message: str):
    result = invoke("data", "check", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_data_check_of_a_file_is_exit_2(tmp_path: Path):
    result = invoke("data", "check", "--data", EXAMPLE_FILES[0])
    assert result.exit_code == 2
    assert result.stderr == f"error: {EXAMPLE_FILES[0]}: is not a directory of career data\n"


def test_installed_data_check(ladder: Path):
    result = run_installed("data", "check", "--data", str(ladder), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert str(ladder / "roles.yaml") in report["files"]
    assert report["counts"]["errors"] == 0


@pytest.mark.parametrize("args", [["check"], ["data"], ["data", "check"]])
def test_help_has_an_example(args: list[str]):
    result = invoke(*args, "--help")
    assert result.exit_code == 0
    assert "Example: codingpath " in result.stdout


# -- the profile checks behind `check` ---------------------------------------------------------------------

def with_introduced(catalog: Catalog, cred: str, year: int, confidence: str) -> Catalog:
    introduced = Introduced(year=year, confidence=confidence,
                            sources=(Source(url="https://example.org/history", as_of=str(year)),))
    credentials = dict(catalog.credentials)
    credentials[cred] = credentials[cred].model_copy(update={"introduced": introduced})
    return Catalog(credentials, catalog.roles, catalog.trainings, catalog.education, catalog.occupations)


def test_a_credential_earned_before_it_existed(bundled_data: Catalog):
    data = {"credentials": [{"id": "CRC", "earned": "2010-05"}]}
    with pytest.raises(ProfileError) as info:
        profile_from_data(data, "p.yaml", with_introduced(bundled_data, "CRC", 2015, "confirmed"), TODAY)
    assert str(info.value) == "p.yaml: credentials[0].earned: CRC was introduced in 2015; it cannot have been earned in 2010"
    # an unconfirmed introduction year is only a warning: the engine never treats it as a rule
    loaded = profile_from_data(data, "p.yaml", with_introduced(bundled_data, "CRC", 2015, "unconfirmed"), TODAY)
    assert [w.severity for w in loaded.warnings] == ["warning"]
    assert loaded.warnings[0].message.endswith("(the introduction year is unconfirmed)")


@pytest.mark.parametrize(("education", "credential", "warning"), [
    ("high-school", "RHIT", "sitting the RHIT exam requires at least an associate degree, but education is 'high-school'"),
    ("associate", "RHIA", "sitting the RHIA exam requires at least a bachelor's degree, but education is 'associate'"),
    ("associate", "RHIT", None),
    ("none", "CCS", "sitting the CCS exam requires at least a high-school diploma or equivalent, but education is 'none'"),
    ("none", "CPC", None),  # AAPC: no education prerequisite
    ("none", "CDIP", None),  # its routes are unconfirmed: never a rule
])
def test_a_credential_the_education_on_record_could_not_have_sat(
    bundled_data: Catalog, education: str, credential: str, warning: str | None
):
    loaded = profile_from_data({"education": education, "credentials": [credential]}, "p.yaml", bundled_data, TODAY)
    messages = [w.message for w in loaded.warnings]
    assert messages == ([f"{warning}; add your degree if you have one"] if warning else [])


def test_every_problem_of_a_file_at_once_in_line_order(bundled_data: Catalog):
    """Unknown ids and semantic checks together (not one kind per run), sorted by line."""
    text = """\
credentials:
  - {id: CPX, earned: 2030-01}
  - CPC
  - cpc
experience:
  - {role: medical-coder, start: 2020-01}
  - {role: coder-ii, start: 2021-01}
ceus:
  - {date: 2031-01-01, hours: 1}
current_role: codng-manager
"""
    with pytest.raises(ProfileError) as info:
        profile_from_text(text, "p.yaml", bundled_data, TODAY)
    assert [(p.line, p.severity, p.field) for p in info.value.problems] == [
        (2, "error", "credentials[0].id"),
        (2, "error", "credentials[0].earned"),
        (4, "error", "credentials[2]"),
        (7, "warning", "experience[1]"),
        (9, "error", "ceus[0].date"),
        (10, "error", "current_role"),
    ]
    # an unknown current role is not also reported as missing from experience
    assert sum(p.field == "current_role" for p in info.value.problems) == 1


def test_the_checks_of_a_valid_profile_stay_quiet(bundled_data: Catalog):
    for path in EXAMPLE_FILES:
        results = check_profiles([path], bundled_data, TODAY)
        assert results[0].problems == ()


def test_every_troubleshooting_message_is_one_the_catalogue_produces():
    """docs/troubleshooting.md quotes real messages: each one is expected by a case of tests/bad_inputs/cases.yaml."""
    import re

    import yaml

    page = (ROOT / "docs" / "troubleshooting.md").read_text()
    quoted = [re.match(r"\| `([^`]+)`", line)[1] for line in page.splitlines() if re.match(r"\| `", line)]
    assert len(quoted) >= 25
    cases = yaml.safe_load((ROOT / "tests" / "bad_inputs" / "cases.yaml").read_text())
    expected = []
    for case in cases["profiles"] + cases["data"]:
        expected += case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
    for message in quoted:
        assert any(message in e for e in expected), f"docs/troubleshooting.md quotes a message no case produces: {message!r}"


def test_replace_keeps_problem_fields():  # check_profiles names stdin's problems with dataclasses.replace
    from codingpath.errors import Problem

    assert replace(Problem("", "m", 1, 2, "f"), file="<stdin>") == Problem("<stdin>", "m", 1, 2, "f")
