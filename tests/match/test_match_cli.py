"""`codingpath match` on the command line: hostile and odd inputs, escaping in every format, and
team mode (the `team` readers, streaming CSV and JSON, exit codes)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_installed
from posting_catalogue import POSTINGS
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.load.data import load_catalog

runner = CliRunner()
ROSTERS = Path(__file__).resolve().parent.parent / "rosters"
AUDITOR = str(POSTINGS / "coding-auditor-profee.txt")
CODER = str(EXAMPLES / "experienced-coder.yaml")


def invoke(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, ["match", *args], input=stdin)


# -- reading the posting ------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty: no posting to read"),
    (b"   \n\n  ", "is empty: no posting to read"),
    (b"%PDF-1.7\n\x00\x01binary", ":2: contains a NUL byte: this looks like a binary file"),
    (b"\xff\xfeC\x00P\x00C\x00", "is UTF-16 encoded; save the posting as UTF-8 text"),
    (b"CPC required\ncaf\xe9", ":2:4: is not valid UTF-8 (byte 0xe9)"),
    (b"<html><script>var a = 'CPC required';</script></html>", "holds no readable text once its HTML tags"),
])
def test_unreadable_postings_exit_2_with_a_precise_message(tmp_path, content, message):
    posting = tmp_path / "posting.txt"
    posting.write_bytes(content)
    result = invoke(str(posting), "--profile", CODER)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {posting}")
    assert message in result.stderr
    assert result.stdout == ""


def test_a_ten_megabyte_file_is_refused_before_it_is_read_whole(tmp_path):
    posting = tmp_path / "huge.txt"
    posting.write_bytes(b"CPC required. " * 750_000)
    result = invoke(str(posting))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {posting}: is larger than 1 MB; a job posting is a few pages of text: "
                             "refusing to read it\n")


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a directory, not a job posting"),
])
def test_a_missing_file_or_a_folder(tmp_path, make, message):
    result = invoke(str(make(tmp_path)))
    assert result.exit_code == 2 and message in result.stderr


def test_a_posting_with_no_requirement_exits_1(tmp_path):
    posting = tmp_path / "vague.txt"
    posting.write_text("Coder\n\nJoin our friendly team! Great benefits and a hybrid schedule.\n")
    result = invoke(str(posting), "--profile", CODER)
    assert result.exit_code == 1
    assert result.stderr == f"error: {posting}: found no requirement codingpath can check (credentials, years of " \
                            "experience, education)\n"


def test_only_unchecked_items_still_exit_1_and_name_them(tmp_path):
    posting = tmp_path / "registrar.txt"
    posting.write_text("Compliance Analyst\n\nRequirements\n- CHC required\n")
    result = invoke(str(posting))
    assert result.exit_code == 1 and "; only CHC, which it cannot check" in result.stderr


def test_a_posting_from_standard_input(tmp_path):
    text = (POSTINGS / "coding-auditor-profee.txt").read_text()
    result = invoke("-", "--profile", CODER, "--format", "json", stdin=text)
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["posting"]["file"] == "<stdin>" and payload["verdict"] == "meets"


@pytest.mark.parametrize("args", [
    ["-", "--profile", "-"],
    [AUDITOR, "somebody.yaml"],
    [AUDITOR, "--team"],
    [AUDITOR, "--team", str(ROSTERS / "staff"), "--profile", CODER],
    [AUDITOR, "--profile", CODER, "--output", "out.json"],
])
def test_usage_errors_exit_2(args):
    result = invoke(*args)
    assert result.exit_code == 2, result.output


def test_without_a_profile_it_lists_what_the_posting_asks():
    result = invoke(AUDITOR, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Need", "Kind", "What the posting asks", "Line", "Sentence"]
    assert [row[:3] for row in rows[1:]] == [
        ["required", "credential", "CPC"], ["required", "credential", "CPMA, within 12 months of hire"],
        ["required", "experience", "3 years of professional fee coding experience"],
        ["preferred", "education", "an associate degree"]]


def test_a_required_item_it_cannot_check_is_said_before_the_verdict(tmp_path):
    posting = tmp_path / "registrar.txt"
    posting.write_text("Compliance Analyst\n\nRequirements\n- CHC required\n- Associate degree\n")
    result = invoke(str(posting), "--profile", CODER)
    assert result.exit_code == 0
    assert result.stdout.startswith("Compliance Analyst: Jane Doe meets every requirement codingpath can check")
    out = result.stdout
    assert "Required but not checked (codingpath has no record of them): CHC" in out
    assert out.index("Required but not checked") < out.index("Verdict: meets.")


def test_gaps_are_spelled_as_next_spells_them_with_the_time_to_close():
    result = invoke(str(POSTINGS / "coding-supervisor.md"), "--profile", CODER, "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "gaps" and payload["resembles"] == "coding-supervisor"
    [gap] = [g for g in payload["gaps"] if g["required"]]
    # The engine's own words for the same rule, as `next` prints them.
    from conftest import TODAY, persona

    from codingpath.engine import assess, standing_of
    from codingpath.models import ExperienceRule, Requirement

    catalog = load_catalog(use_env=False)
    rule = Requirement(experience=(ExperienceRule(years=1, tracks=("management",),
                                                  label="supervisory or management experience"),))
    expected = assess(rule, standing_of(persona("experienced-coder", catalog), catalog, TODAY)).gaps[0].message
    assert gap["message"] == expected and expected.startswith("needs 1 year of supervisory or management experience")
    # Up the ladder: Coder II now, Coding Supervisor a year later, then a year of supervising.
    assert gap["months_to_close"] == 24.0
    assert payload["months_to_required"] == 24.0


# -- escaping -------------------------------------------------------------------------------------

HOSTILE = ("\x1b]0;pwned\x07Coder \u202eevil\n\nRequirements\n"
           "- =HYPERLINK(\"http://x\") CPC required\n- <script>alert(1)</script> **CCS** | preferred\n")


@pytest.fixture
def hostile(tmp_path) -> str:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE)
    return str(path)


def test_the_terminal_never_receives_an_escape_sequence(hostile):
    """Controls are blanked when the posting is read; direction marks are shown as escapes."""
    result = invoke(hostile, "--profile", CODER)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert result.stdout.startswith("]0;pwned Coder \\u202eevil: Jane Doe")


def test_csv_cells_never_start_a_formula(hostile):
    result = invoke(hostile, "--profile", CODER, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    sentences = [row[-1] for row in rows[1:]]
    assert sentences[0] == "'=HYPERLINK(\"http://x\") CPC required"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_markdown_escapes_html_and_markup(hostile):
    result = invoke(hostile, "--profile", CODER, "--format", "markdown")
    assert "<script>" not in result.stdout
    assert "| &lt;script&gt;alert(1)&lt;/script&gt; CCS \\| preferred |" in result.stdout


def test_json_keeps_the_text_and_escapes_the_controls(hostile):
    result = invoke(hostile, "--profile", CODER, "--format", "json")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    payload = json.loads(result.stdout)
    assert payload["posting"]["title"] == "]0;pwned Coder \u202eevil"
    assert "\\u202e" in result.stdout


# -- team mode ------------------------------------------------------------------------------------

def test_team_mode_says_who_meets_who_is_close_and_the_rest():
    result = invoke(AUDITOR, "--team", str(ROSTERS / "staff"), str(ROSTERS / "team.csv"), "--within", "12",
                    "--format", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    status = {p["name"]: (p["status"], p["months_to_required"]) for p in payload["people"]}
    assert status["Ann Lee"] == ("meets", 0.0)
    assert status["Cara Diaz"][0] == "within"  # CPC and 2.7 years: about 4 months of experience short
    assert status["Fay Ng"][0] == "gaps"
    assert payload["summary"]["people"] == len(payload["people"])
    assert payload["summary"]["within"] == sum(p["status"] == "within" for p in payload["people"])


def test_team_csv_streams_one_row_a_person_with_cells_made_safe(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,education_level,credentials,years_coding,current_role\n"
                      "=1+1,associate,CPC,5,medical-coder\nBo,high-school,,0,\n")
    result = invoke(AUDITOR, "--team", str(roster), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["name"], r["status"]) for r in rows] == [("'=1+1", "meets"), ("Bo", "gaps")]


def test_team_table_and_a_skipped_profile_exit_1():
    result = invoke(AUDITOR, "--team", str(ROSTERS / "with-bad-profile"))
    assert result.exit_code == 1
    assert "Ann Lee" in result.stdout and "Summary" in result.stdout
    assert result.stderr.splitlines()[-1] == "error: 1 profile skipped; 1 evaluated"


def test_team_output_file_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "who.csv"
    out.write_text("mine\n")
    refused = invoke(AUDITOR, "--team", str(ROSTERS / "staff"), "--output", str(out), "--format", "csv")
    assert refused.exit_code == 2 and out.read_text() == "mine\n"
    forced = invoke(AUDITOR, "--team", str(ROSTERS / "staff"), "--output", str(out), "--format", "csv", "--force")
    assert forced.exit_code == 0 and out.read_text().startswith("name,file,line")
    assert (tmp_path / "who.csv.bak").read_text() == "mine\n"


def test_the_posting_is_never_the_output(tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text("Coder\n\nRequirements\n- CPC\n")
    result = invoke(str(posting), "--team", str(ROSTERS / "staff"), "--output", str(posting), "--force")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {posting}: is one of this command's inputs; not overwriting it "
                             "(choose another output file)\n")
    assert posting.read_text() == "Coder\n\nRequirements\n- CPC\n"


def test_the_installed_command_reads_stdin_and_a_team(tmp_path):
    text = (POSTINGS / "him-operations-manager.txt").read_text()
    one = run_installed("match", "-", "--profile", str(EXAMPLES / "director-candidate.yaml"), cwd=tmp_path,
                        stdin=text, env={"COLUMNS": "80"})
    assert one.returncode == 0, one.stderr
    assert "meets every requirement" in one.stdout
    assert max(len(line) for line in one.stdout.splitlines()) <= 80
    team = run_installed("match", AUDITOR, "--team", str(ROSTERS / "team.csv"), "--format", "csv", cwd=tmp_path)
    assert team.returncode == 0 and team.stdout.startswith("name,file,line,current_role,status")
