"""`codingpath team`: roster reading, readiness cells, renewals due, every format, exit codes."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from datetime import date

import pytest
from conftest import ROOT, TODAY, run_installed
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.engine import evaluate_role, standing_of
from codingpath.errors import InputError, ProfileError
from codingpath.load.roster import RosterRow, open_roster, row_profile
from codingpath.planning import plan_route
from codingpath.team.evaluate import Person, PersonResult, Skipped, Tally, collect_sources, evaluate_team, iter_people
from codingpath.team.readiness import ReadinessEvaluator

runner = CliRunner()
ROSTERS = ROOT / "tests" / "rosters"
TEAM = str(ROSTERS / "team.csv")
STAFF = str(ROSTERS / "staff")
BAD_ROW = str(ROSTERS / "bad-row.csv")


def invoke(*args: str):
    return runner.invoke(app, ["team", *args])


def people(output: str) -> dict[str, dict]:
    return {p["name"]: p for p in json.loads(output)["people"]}


def cells(person: dict) -> dict[str, dict]:
    return {c["id"]: c for c in person["roles"]}


def rows_of(path: str):
    return [r for r in open_roster(path).rows() if isinstance(r, RosterRow)]


# -- the roster reader --------------------------------------------------------------------------


def test_a_row_becomes_the_profile_it_describes(bundled_data):
    eli = row_profile(rows_of(TEAM)[2], bundled_data, TODAY).profile
    assert eli.name == "Eli Moss"
    assert (eli.education.level, eli.education.field, eli.education.cahiim_accredited) == (
        "bachelor", "health information management", True)
    assert [(c.id, c.earned) for c in eli.credentials] == [
        ("CCS", date(2015, 6, 1)), ("RHIT", date(2016, 1, 10)), ("RHIA", date(2019, 5, 15))]
    # 9 years of coding: 7 in the listed roles (both on the coding track), the other 2 as a coder.
    assert [(e.role, e.years) for e in eli.experience] == [
        ("coding-supervisor", 3), ("coding-manager", 4), ("medical-coder", 2)]
    assert (eli.current_role, eli.target_role) == ("coding-manager", "coding-director")


def test_a_rows_numbers_and_yes_no_words_take_the_quick_reader(bundled_data):
    """A spreadsheet writes years and flags as text; plain numbers and yes/no words become numbers
    and booleans, so the row is checked without pydantic (load/quick_profile.py), with the model's
    answer; anything else stays text, for the model to convert or explain."""
    from codingpath.load.quick_profile import quick_profile
    from codingpath.load.roster import row_data

    for row in rows_of(TEAM):
        data, _, problems = row_data(row, bundled_data)
        assert problems == [] and quick_profile(data) is not None, row.cells["name"]
    text = ("name,education_level,credentials,years_coding,current_role,experience,cahiim_accredited\n"
            "Ana,associate,CPC,3,medical-coder,coder-ii:2.5;coding-auditor:x,on\n")
    row = RosterRow("r.csv", 2, dict(zip(next(csv.reader(io.StringIO(text))),
                                         list(csv.reader(io.StringIO(text)))[1], strict=True)))
    data, _, _ = row_data(row, bundled_data)
    assert data["education"]["cahiim_accredited"] == "on"  # the model reads it; the quick reader does not
    assert [e["years"] for e in data["experience"]] == [2.5, "x", 0.5]  # 3 coding years, 2.5 of them listed
    with pytest.raises(ProfileError, match="column 'experience': must be a number; found 'x'"):
        row_profile(row, bundled_data, TODAY)


def test_apprentice_titles_and_any_case_are_understood(bundled_data):
    dev = row_profile(rows_of(TEAM)[1], bundled_data, TODAY).profile
    assert dev.education.level == "high-school"  # written High-School
    assert [(c.id, c.apprentice, c.earned) for c in dev.credentials] == [("CPC", True, date(2026, 2, 1))]
    assert dev.current_role == "coding-trainee"  # written Coding Trainee
    # A coding-only current role takes the years of coding.
    assert [(e.role, e.years) for e in dev.experience] == [("coding-trainee", 0.5)]


def test_a_bad_row_is_located_by_file_line_and_column(bundled_data):
    with pytest.raises(ProfileError) as caught:
        row_profile(rows_of(BAD_ROW)[1], bundled_data, TODAY)
    assert [p.line_for_stderr() for p in caught.value.problems] == [
        f"error: {BAD_ROW}:3: column 'credentials': unknown credential 'CPX'; did you mean 'CPC'?"]


def test_line_numbers_count_lines_inside_quoted_values(bundled_data):
    path = str(ROSTERS / "multiline.csv")
    rows = rows_of(path)
    assert [r.line for r in rows] == [2, 4]  # Kim Lo's field spans lines 2-3
    with pytest.raises(ProfileError) as caught:
        row_profile(rows[1], bundled_data, TODAY)
    assert str(caught.value) == f"{path}:4: column 'years_coding': must be a number; found 'seven'"


def test_a_row_gives_the_same_messages_as_the_same_profile_in_yaml(bundled_data):
    """The roster path goes through profiles.profile_from_data: same checks, same words."""
    from codingpath.load.profiles import profile_from_text

    with pytest.raises(ProfileError) as from_yaml:
        profile_from_text("name: Hana Sato\neducation: bachelor\ncredentials: [CPX]\n", "h.yaml", bundled_data, TODAY)
    with pytest.raises(ProfileError) as from_row:
        row_profile(rows_of(BAD_ROW)[1], bundled_data, TODAY)
    assert [p.message for p in from_row.value.problems] == [p.message for p in from_yaml.value.problems]


@pytest.mark.parametrize(("text", "message"), [
    ("name,credentials,years_coding,current_role\n",
     "the header lacks the required column 'education_level' (a roster needs name, education_level, "
     "credentials, years_coding, current_role)"),
    ("", "is empty; a roster starts with a header row naming its columns"),
    ("name,name,education_level,credentials,years_coding,current_role\n", "column 'name' appears twice in the header"),
])
def test_a_roster_that_cannot_be_read_is_refused_before_anything_runs(tmp_path, text, message):
    path = tmp_path / "r.csv"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        open_roster(path)
    assert caught.value.problems[0].message == message


def test_a_roster_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"name,education_level,credentials,years_coding,current_role\nJos\xe9,none,,0,\n")
    with pytest.raises(InputError) as caught:
        open_roster(path)
    assert str(caught.value) == f"{path}:2: is not valid UTF-8 (byte 0xe9); save it as UTF-8"


def test_a_near_miss_column_is_a_warning(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("name,education_level,credentials,years_coding,current_role,Experiance\n")
    assert [str(w) for w in open_roster(path).warnings] == [
        f"{path}:1:6: column 'Experiance' is ignored; did you mean 'experience'?"]


# -- readiness ----------------------------------------------------------------------------------


def evaluate(paths, catalog, **options):
    evaluator = ReadinessEvaluator(catalog, TODAY, **options)
    tally = Tally()
    results = list(evaluate_team(collect_sources(paths), evaluator, tally))
    return results, tally


def test_default_roles_are_the_tier_above(bundled_data):
    results, _ = evaluate([TEAM], bundled_data)
    by_name = {r.name: r for r in results}
    tier_of = {r.name: {bundled_data.roles[c.role].tier for c in r.cells} for r in results}
    assert tier_of["Cara Diaz"] == {"mid"}  # a medical coder (entry)
    assert tier_of["Eli Moss"] == {"master"}  # a coding manager (advanced)
    assert tier_of["Fay Ng"] == {"entry"}  # no role yet: the entry tier
    assert len(by_name["Cara Diaz"].cells) == len(bundled_data.roles_in_tier("mid"))


def test_cells_say_eligible_ready_with_the_plans_time_or_the_main_gap(bundled_data):
    results, _ = evaluate([TEAM], bundled_data, roles=("coder-ii", "coding-director", "medical-coder"))
    cara, dev, eli, fay = results
    assert (cara.cells[0].status, cara.cells[0].months) == ("ready", 4.0)  # 2.7 of 3 years: keep working
    assert dev.cells[0].status == "gap"
    assert dev.cells[0].missing == "needs 3 years of coding experience; has 6 months (2 years 6 months short)"
    assert eli.cells[1].status == "eligible"
    assert fay.cells[2].status == "ready"  # a credential away: the planner's time
    plan = plan_route(row_profile(rows_of(TEAM)[3], bundled_data, TODAY).profile, bundled_data, "medical-coder",
                      start=TODAY)
    assert fay.cells[2].months == round(plan.total_years * 12, 1)
    assert dev.cells[2].status == "eligible" and eli.cells[0].status == "eligible"


def test_the_main_gap_is_the_one_that_takes_longest(bundled_data):
    (jane,), _ = evaluate([str(ROOT / "examples" / "experienced-coder.yaml")], bundled_data,
                          roles=("coding-manager",))
    # Short of a bachelor's degree and of years: the degree (at least two years) comes first.
    assert jane.cells[0].missing == "needs a bachelor's degree; has an associate degree"


def test_within_widens_what_counts_as_ready(bundled_data):
    narrow, _ = evaluate([STAFF], bundled_data, roles=("coding-manager",), within_months=6)
    wide, _ = evaluate([STAFF], bundled_data, roles=("coding-manager",), within_months=48)
    assert [c.status for r in narrow for c in r.cells] == ["gap", "gap"]
    # Bo Chen's bachelor's beside his job: 3.5 years part-time.
    assert [(c.status, c.months) for r in wide for c in r.cells] == [("ready", 12.0), ("ready", 42.0)]


@pytest.mark.parametrize("within", [6, 24])
def test_memoised_cells_match_a_plan_for_every_gap(bundled_data, within):
    """The shortcuts (verdicts per role, plans keyed on what a route depends on, no plan where a
    gap cannot close in time) give what planning every gap of every person gives."""
    roster = ROSTERS / "generated-60.csv"
    results, _ = evaluate([str(roster)], bundled_data, within_months=within)
    people_ = [p for p in iter_people(collect_sources([str(roster)]), bundled_data, TODAY) if isinstance(p, Person)]
    checked = 0
    for result, person in zip(results, people_, strict=True):
        profile = person.loaded.profile
        standing = standing_of(profile, bundled_data, TODAY)
        for cell in result.cells:
            truth = evaluate_role(bundled_data.roles[cell.role], standing, current_role=profile.current_role)
            if truth.status != "gap":
                assert cell.status == {"eligible": "eligible", "held": "current"}[truth.status]
                continue
            plan = plan_route(profile, bundled_data, cell.role, start=TODAY)
            months = plan.total_years * 12 if plan.feasible else None
            ready = months is not None and months <= within + 1e-9
            assert cell.status == ("ready" if ready else "gap"), (result.name, cell)
            if ready:
                assert abs(cell.months - months) <= 1.01, (result.name, cell, months)
            checked += 1
    assert checked > 100


def test_renewals_due_within_the_window(bundled_data):
    results, tally = evaluate([STAFF, TEAM], bundled_data, roles=("coder-ii",))
    due = {r.name: [(d.credential, d.cycle_end) for d in r.renewals] for r in results}
    assert due["Ann Lee"] == [("CPC", date(2027, 1, 10))]  # earned 2021-01-10, two-year cycles
    # RHIT is retired by RHIA; CCS and RHIA share AHIMA's pooled total, counted from CCS's
    # 2015-06-01: the cycle ends 2027-06-01, after the six months.
    assert due["Eli Moss"] == []
    assert due["Cara Diaz"] == [] and due["Bo Chen"] == []
    assert {r.name: r.undated_credentials for r in results}["Cara Diaz"] == ("CCA",)
    assert (tally.renewals_due, tally.people_with_renewals) == (1, 1)
    none, _ = evaluate([STAFF, TEAM], bundled_data, roles=("coder-ii",), within_months=0)
    assert not any(r.renewals for r in none)


def test_a_large_roster_shared_out_to_processes_gives_the_same_results(bundled_data):
    roster = ROSTERS / "generated-60.csv"
    serial, serial_tally = evaluate([str(roster), BAD_ROW], bundled_data)
    evaluator = ReadinessEvaluator(bundled_data, TODAY)
    tally = Tally()
    parallel = list(evaluate_team(collect_sources([str(roster), BAD_ROW]), evaluator, tally, workers=2,
                                  parallel_from=1))
    assert parallel == serial
    assert (tally.people, tally.skipped) == (serial_tally.people, serial_tally.skipped) == (62, 2)


def test_inputs_are_checked_before_anything_is_evaluated():
    with pytest.raises(InputError) as caught:
        collect_sources([TEAM, "nowhere.csv"])
    assert str(caught.value) == "nowhere.csv: no such file or folder"
    with pytest.raises(InputError) as caught:
        collect_sources([str(ROSTERS / "notes.txt")])
    assert str(caught.value) == f"{ROSTERS / 'notes.txt'}: is neither a profile (.yaml, .yml) nor a roster (.csv)"
    # The same file twice (directly and through its folder) is read once.
    assert len(collect_sources([STAFF, f"{STAFF}/ann-lee.yaml"])) == 2


def test_the_core_prints_nothing(bundled_data, capsys):
    evaluate([STAFF, TEAM, BAD_ROW], bundled_data)
    assert capsys.readouterr() == ("", "")


# -- the command --------------------------------------------------------------------------------


def test_folder_yaml_and_csv_inputs_mixed():
    result = invoke(STAFF, str(ROOT / "examples" / "newcomer.yaml"), TEAM, "--format", "json")
    assert result.exit_code == 0, result.output
    found = people(result.stdout)
    assert list(found) == ["Ann Lee", "Bo Chen", "Sam Rivera", "Cara Diaz", "Dev Patel", "Eli Moss", "Fay Ng"]
    assert found["Ann Lee"]["file"] == f"{STAFF}/ann-lee.yaml" and found["Ann Lee"]["line"] is None
    assert (found["Eli Moss"]["file"], found["Eli Moss"]["line"]) == (TEAM, 4)


def test_a_bad_profile_among_good_ones_is_reported_and_skipped():
    folder = ROSTERS / "with-bad-profile"
    result = invoke(str(folder), BAD_ROW, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {folder}/broken.yaml:3:12: education.level: must be one of 'none', 'high-school', 'associate', "
        "'bachelor', 'master' or 'doctorate'; found 'phd'",
        f"error: {BAD_ROW}:3: column 'credentials': unknown credential 'CPX'; did you mean 'CPC'?",
        f"error: {BAD_ROW}:4: has 4 values but the header has 5 columns",
        "error: 3 profiles skipped; 3 evaluated",
    ]
    payload = json.loads(result.stdout)
    assert list(people(result.stdout)) == ["Ann Lee", "Gil Ortiz", "Jo Kim"]
    assert payload["summary"]["skipped"] == 3
    assert [(p["file"], p["line"]) for p in payload["skipped"]] == [
        (f"{folder}/broken.yaml", 3), (BAD_ROW, 3), (BAD_ROW, 4)]


@pytest.mark.parametrize(("args", "message"), [
    (["nowhere"], "error: nowhere: no such file or folder"),
    ([str(ROSTERS / "missing-column.csv")],
     f"error: {ROSTERS / 'missing-column.csv'}:1: the header lacks the required column 'years_coding' "
     "(a roster needs name, education_level, credentials, years_coding, current_role)"),
])
def test_an_unreadable_path_is_exit_2_and_nothing_is_printed(args, message):
    result = invoke(TEAM, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [message]


def test_role_by_id_or_title_in_any_case():
    result = invoke(TEAM, "--role", "CODING DIRECTOR", "-r", "medical-coder", "-r", "Medical Coder", "-f", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["roles_of_interest"] == ["coding-director", "medical-coder"]
    assert all(list(cells(p)) == ["coding-director", "medical-coder"] for p in payload["people"])
    assert cells(people(result.stdout)["Eli Moss"])["coding-director"]["status"] == "eligible"


def test_a_misspelt_role_is_a_usage_error_with_a_hint():
    result = invoke(TEAM, "--role", "coding-manger")
    assert result.exit_code == 2
    assert "unknown role 'coding-manger'; did you mean 'coding-manager'?" in result.stderr


def test_within_months():
    six = people(invoke(STAFF, "--role", "coding-manager", "-f", "json").stdout)
    wide = people(invoke(STAFF, "--role", "coding-manager", "--within", "24", "-f", "json").stdout)
    widest = people(invoke(STAFF, "--role", "coding-manager", "--within", "48", "-f", "json").stdout)
    assert cells(six["Bo Chen"])["coding-manager"]["status"] == "gap"
    assert cells(widest["Bo Chen"])["coding-manager"] == {  # a bachelor's part-time beside his job
        "id": "coding-manager", "title": "Coding Manager", "status": "ready", "months": 42.0, "missing": None,
        "unconfirmed": True}
    assert [r["credential"] for r in wide["Bo Chen"]["renewals_due"]] == ["RHIT"]  # 2028-03-01
    negative = invoke(STAFF, "--within", "-1")
    assert negative.exit_code == 2
    # Typer words the range itself ("Input should be greater than or equal to 0" from 0.29 on,
    # "-1 is not in the range x>=0" before); the option it names is what stays the same.
    assert "Invalid value for '--within' / '-w': " in negative.stderr
    assert "0" in negative.stderr.split("'-w': ", 1)[1]


def test_table_shows_the_matrix_who_is_eligible_and_renewals():
    result = invoke(STAFF, TEAM)
    assert result.exit_code == 0
    out = result.stdout
    assert "Team readiness as of 2026-11-23: 6 people, each against the roles one tier above" in out
    assert "ready in ~4 months" in out  # Cara Diaz, Coder II
    assert "Who meets the published requirements now, by role (6 people)" in out
    assert "Renewals due within 6 months: 1 for 1 person" in out
    assert "Ann Lee" in out and "2027-01-10" in out and "2027-05-15" not in out  # Eli Moss: pooled, 2027-06-01
    assert "not a promise of a job" in out


def test_table_with_roles_is_a_matrix_with_a_column_per_role():
    result = invoke(TEAM, "-r", "coder-ii", "-r", "coding-director")
    header = next(line for line in result.stdout.splitlines() if "Person" in line)
    assert header.split() == ["Person", "Now", "Coder", "II", "Coding", "Director"]


def test_markdown():
    result = invoke(TEAM, "-r", "coder-ii", "-f", "markdown")
    assert result.exit_code == 0
    assert "| Person | Now | Coder II |\n|---|---|---|\n| Cara Diaz | Medical Coder | ready in ~4 months |" in result.stdout
    assert "| Role | Eligible now | Ready ≤6 mo | Gap | Eligible now: who |" in result.stdout


def test_csv_is_one_row_per_person_and_role():
    result = invoke(TEAM, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 13 + 13 + 9 + 16  # mid, mid, master and entry roles
    cara = next(r for r in rows if r["name"] == "Cara Diaz" and r["role"] == "coder-ii")
    assert cara == {"name": "Cara Diaz", "file": TEAM, "line": "2", "current_role": "medical-coder",
                    "role": "coder-ii", "role_title": "Coder II", "status": "ready", "months": "4.0",
                    "missing": "", "unconfirmed": ""}


def test_json_contract():
    payload = json.loads(invoke(STAFF, TEAM, "-f", "json").stdout)
    assert payload["format_version"] == 1 and payload["as_of"] == "2026-11-23" and payload["within_months"] == 6
    assert payload["roles_of_interest"] is None  # the tier above each person
    summary = payload["summary"]
    assert (summary["people"], summary["skipped"], summary["renewals_due"]) == (6, 0, 1)
    coder_ii = next(r for r in summary["by_role"] if r["id"] == "coder-ii")
    assert (coder_ii["eligible"], coder_ii["ready"], coder_ii["gap"]) == (0, 1, 1)
    assert coder_ii["ready_people"] == ["Cara Diaz"]
    assert {c["status"] for p in payload["people"] for c in p["roles"]} <= {"eligible", "ready", "gap", "current"}


def test_output_is_written_only_when_asked_and_never_over_a_file_without_force(tmp_path):
    target = tmp_path / "team.json"
    result = invoke(TEAM, "-f", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"wrote {target} (4 people, json)\n"
    assert len(json.loads(target.read_text())["people"]) == 4
    target.write_text("mine")
    refused = invoke(TEAM, "-f", "json", "--output", str(target))
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {target}: already exists; not overwriting it (use --force to replace it)\n"
    assert target.read_text() == "mine"
    forced = invoke(TEAM, "-f", "csv", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text().startswith("name,file,line,")
    assert (tmp_path / "team.json.bak").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.json", "team.json.bak"]


def test_no_progress_bar_when_stderr_is_not_a_terminal():
    from codingpath.cli.team import _Progress

    with _Progress(10**6) as progress:
        assert progress.bar is None  # pytest captures stderr: not a terminal
    result = invoke(str(ROSTERS / "generated-60.csv"))
    assert result.stderr == ""


def test_the_installed_command(tmp_path):
    result = run_installed("team", STAFF, BAD_ROW, "--role", "coding-manager", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {BAD_ROW}:3: column 'credentials': unknown credential 'CPX'; did you mean 'CPC'?")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["status"]) for r in rows] == [
        ("Ann Lee", "gap"), ("Bo Chen", "gap"), ("Gil Ortiz", "gap"), ("Jo Kim", "gap")]


def test_the_benchmark_runs_with_one_command(capsys):
    spec = importlib.util.spec_from_file_location("bench_team", ROOT / "benchmarks" / "bench_team.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.run(sizes=[200], formats=("csv",))
    assert [(f["people"], f["format"], f["exit_code"]) for f in figures] == [(200, "csv", 0)]
    assert figures[0]["people_per_second"] > 0 and figures[0]["peak_mib"] > 0
    assert "people/s" in capsys.readouterr().out


def test_results_are_person_results_or_skips(bundled_data):
    results, _ = evaluate([BAD_ROW], bundled_data)
    assert [type(r) for r in results] == [PersonResult, Skipped, Skipped, PersonResult]


def test_the_window_ends_on_the_same_day_months_later():
    from codingpath.dates import add_months

    assert add_months(date(2026, 11, 23), 6) == date(2027, 5, 23)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_a_failure_half_way_leaves_the_output_file_as_it_was(tmp_path):
    from codingpath.render.fileio import atomic_writer

    target = tmp_path / "team.csv"
    target.write_text("before")
    with pytest.raises(RuntimeError), atomic_writer(target, force=True) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["team.csv"]
