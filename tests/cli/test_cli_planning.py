"""plan, credentials, credential ID and role ID through the CLI runner, and each once through the
installed executable."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_installed
from typer.testing import CliRunner

from codingpath.cli import app

runner = CliRunner()
NEWCOMER = str(EXAMPLES / "newcomer.yaml")
CODER = str(EXAMPLES / "experienced-coder.yaml")
APPRENTICE = str(EXAMPLES / "apprentice.yaml")
DIRECTOR = str(EXAMPLES / "director-candidate.yaml")


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def usage_error(result) -> str:
    """The last line of a usage error (Typer prints the usage lines first)."""
    assert result.exit_code == 2, result.output
    return result.output.strip().splitlines()[-1]


# -- plan ---------------------------------------------------------------------------------------

def test_plan_table_gives_dates_fees_and_totals():
    result = invoke("plan", "--profile", NEWCOMER, "--degree-pace", "full-time")  # target: coding-manager
    assert result.exit_code == 0, result.output
    out = result.output
    # The answer first: how long and what it costs.
    assert out.startswith("Sam Rivera to Coding Manager: 5 years (2026-11 to 2031-11), exam fees $399")
    assert "2029-11" in out and "2031-11" in out and "$399" in out
    # Cells wrap in a table; Markdown keeps each step on one line, with a letter for what it meets.
    markdown = invoke("plan", "--profile", NEWCOMER, "--format", "markdown", "--degree-pace", "full-time").output
    assert ("| 2026-11<br>to 2027-04 | Earn CCS (Certified Coding Specialist, AHIMA): about 20 weeks of study, then "
            "the exam<br>or: CPC, COC, CIC, RHIT, RHIA | $399 | b |") in markdown
    assert "| 2030-11 | Apply for / move into Coding Supervisor |  | d |" in markdown
    assert "| b | Coding Manager: one of CPC, CCS, COC, CIC, RHIT, RHIA |" in markdown
    # What a step meets is said once, and so is that a move waits for the role's requirements.
    assert markdown.count("Coding Manager: 5 years of coding experience; 1 year of supervisory") == 1
    assert markdown.count("published requirements") == 2  # the caption's two sentences
    assert "not a promise of a job" in markdown


def test_plan_json_contract():
    result = invoke("plan", "--profile", NEWCOMER, "--to", "Coding Supervisor", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["format_version"] == 1
    assert payload["target"] == {"id": "coding-supervisor", "title": "Coding Supervisor", "tier": "mid"}
    assert payload["eligible_now"] is False and payload["feasible"] is True and payload["reason"] is None
    assert payload["total_years"] == 4.0 and payload["total_fees_usd"] == 399  # a year in each rung
    steps = payload["steps"]
    assert all({"kind", "description", "start", "end", "cost_usd", "satisfies", "alternatives"} <= set(s) for s in steps)
    assert [s["kind"] for s in steps][-1] == "role" and steps[-1]["subject"] == "coding-supervisor"
    exam = next(s for s in steps if s["kind"] == "credential")
    assert exam["start"] == "2026-11-23" and exam["end"] == "2027-04-23" and exam["cost_usd"] == 399
    assert "CPC" in exam["alternatives"]


def test_plan_for_someone_already_eligible():
    result = invoke("plan", "--profile", DIRECTOR, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["eligible_now"] is True and payload["steps"] == [] and payload["total_years"] == 0
    table = invoke("plan", "--profile", DIRECTOR, "--format", "csv")
    assert table.output == "Result\nDana Okafor already meets the published requirements for Coding Director: no steps needed.\n"
    said = invoke("plan", "--profile", DIRECTOR).output
    assert " ".join(said.split()).count("already meets the published requirements") == 1


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_plan_markdown_and_csv(fmt):
    result = invoke("plan", "--profile", APPRENTICE, "--to", "coding-auditor", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.output)))
        assert rows[0] == ["start", "end", "kind", "subject", "step", "alternatives", "fee_usd", "meets", "unconfirmed"]
        assert any("Ask AAPC to remove the CPC-A designation" in r[4] for r in rows[1:])
        assert len(result.output.splitlines()) == len(rows)  # one line a step: no line breaks in a cell
        assert {r[-1] for r in rows[1:]} <= {"yes", "no"} and not any(r[4].endswith("*") for r in rows[1:])
    else:
        assert result.output.startswith("### Lee Park to Coding Auditor: ")
        assert "| When | Step | Fee | Meets |" in result.output


def test_plan_start_and_hours_per_week():
    slow = json.loads(invoke("plan", "-p", NEWCOMER, "--to", "medical-coder", "-w", "2", "-f", "json").output)
    fast = json.loads(invoke("plan", "-p", NEWCOMER, "--to", "medical-coder", "--start", "2027-01", "-f", "json").output)
    assert slow["hours_per_week"] == 2 and slow["total_years"] > fast["total_years"]
    assert fast["start"] == "2027-01-01" and fast["steps"][0]["start"] == "2027-01-01"


@pytest.mark.parametrize(("args", "line"), [
    (["--hours-per-week", "-3"], "Error: Invalid value for --hours-per-week: must be more than 0 hours a week; found -3"),
    (["--hours-per-week", "0"], "Error: Invalid value for --hours-per-week: must be more than 0 hours a week; found 0"),
    (["--hours-per-week", "200"], "Error: Invalid value for --hours-per-week: a week has 168 hours; found 200"),
    (["--to", "codng managr"], "Error: Invalid value for --to: unknown role 'codng managr'; did you mean 'coding-manager'?"),
    (["--start", "2026/12"], "Error: Invalid value for --start: expected a month as YYYY-MM; found '2026/12'"),
    (["--start", "2025-01"], "Error: Invalid value for --start: 2025-01 is before this month (2026-11); a plan starts now or later"),
])
def test_plan_usage_errors(args, line):
    assert usage_error(invoke("plan", "--profile", NEWCOMER, *args)) == line


def test_plan_without_any_target_is_a_usage_error():
    result = invoke("plan", "--profile", "-", stdin="name: Ana\neducation: high-school\n")
    assert usage_error(result) == ("Error: Invalid value for --to: no target role: give --to ROLE or set "
                                   "target_role in the profile")


def test_plan_without_a_diploma_goes_through_an_equivalency():
    result = invoke("plan", "--profile", "-", "--to", "medical-coder", "--format", "csv",
                    stdin="name: Ana\neducation: none\n")
    assert result.exit_code == 0, result.output
    steps = [row["step"] for row in csv.DictReader(io.StringIO(result.output))]
    assert any(step.startswith("Complete a high-school diploma or equivalent (6 months, part-time") for step in steps)


def test_plan_with_no_route_exits_1_and_says_why(tmp_path: Path):
    # The data has no programme that leads to a doctorate.
    (tmp_path / "roles.yaml").write_text("""roles:
  - id: chief-informatics-officer
    title: Chief Informatics Officer
    tier: master
    tracks: [management]
    summary: An employer's top informatics post.
    requirements:
      education: doctorate
      confidence: confirmed
      sources: [{url: "https://intranet.example/ladder", as_of: "2026-01"}]
""")
    args = ["plan", "--profile", "-", "--to", "chief-informatics-officer", "--data", str(tmp_path)]
    result = invoke(*args, "--format", "csv", stdin="name: Ana\neducation: none\n")
    assert result.exit_code == 1, result.output
    assert list(csv.reader(io.StringIO(result.output))) == [["Result"], [
        "No route: Chief Informatics Officer: needs a doctorate, and codingpath's data has no degree "
        "programme leading there from no formal education."]]
    payload = json.loads(invoke(*args, "-f", "json", stdin="name: Ana\neducation: none\n").output)
    assert payload["feasible"] is False and payload["steps"] == [] and payload["reason"].startswith(
        "Chief Informatics Officer: needs")


def test_plan_with_a_bad_profile_is_exit_2():
    result = invoke("plan", "--profile", "-", stdin="name: Ana\ncredentail: [CPC]\n")
    assert result.exit_code == 2
    assert "unknown key 'credentail'; did you mean 'credentials'?" in result.output


# -- credentials --------------------------------------------------------------------------------

def test_credentials_lists_the_catalogue():
    result = invoke("credentials")
    assert result.exit_code == 0
    assert "33 credentials" in result.output and "CPC" in result.output and "CCDS" in result.output


def test_credentials_filters_and_csv():
    result = invoke("credentials", "--body", "ahima", "--focus", "cdi", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["id"] for r in rows] == ["CDIP"]
    assert rows[0]["unconfirmed"] == "yes" and not rows[0]["to_sit"].endswith("*")  # CDIP's routes are unconfirmed
    assert rows[0]["fee_usd"] == ""


def test_credentials_json_marks_fee_confidence():
    payload = json.loads(invoke("credentials", "--body", "AHIMA", "-f", "json").output)
    ccs = next(c for c in payload["credentials"] if c["id"] == "CCS")
    assert ccs["fee"] == {"usd": None, "member_usd": 299.0, "non_member_usd": 399.0, "planning_usd": 399.0,
                          "confidence": "third-party"}
    assert ccs["rule_to_sit"] == "high school" and ccs["renewal"] == {"cycle_years": 2, "ceus": 20}
    table = invoke("credentials", "--body", "AHIMA").output
    assert "$399 ($299 members)" in table and "(third-party)" in table


def test_credentials_bad_filter_is_a_usage_error():
    assert usage_error(invoke("credentials", "--body", "XYZ")) == (
        "Error: Invalid value for --body: 'XYZ' is not one of aapc, acdis, ahima, ncra")
    assert usage_error(invoke("credentials", "--focus", "codng")).startswith("Error: Invalid value for --focus:")


# -- credential ID ------------------------------------------------------------------------------

def test_credential_keeps_required_and_recommended_apart():
    result = invoke("credential", "ccs")
    assert result.exit_code == 0
    out = result.output
    assert "CCS: Certified Coding Specialist" in out
    assert "To sit (required)" in out and "Recommended, not required" in out
    assert "Two years of coding experience directly applying codes" in out
    assert "https://ahima.org/certification-careers/certifications-overview/ccs" in out


def test_credential_with_a_profile_says_what_is_missing():
    payload = json.loads(invoke("credential", "RHIA", "--profile", NEWCOMER, "-f", "json").output)
    assert payload["id"] == "RHIA" and payload["eligible"] is False
    assert payload["missing"] == [
        "needs a bachelor's degree from a CAHIIM-accredited HIM programme; has a high-school diploma or equivalent"]
    ccs = json.loads(invoke("credential", "CCS", "--profile", NEWCOMER, "-f", "json").output)
    assert ccs["eligible"] is True and ccs["missing"] == []
    assert ccs["recommended_missing"]  # recommended, never required
    assert all("sources" in ccs[block] for block in ("eligibility", "recommended", "renewal", "fee", "study"))


def test_credential_held_as_an_apprentice():
    result = invoke("credential", "CPC-A", "--profile", APPRENTICE)
    assert result.exit_code == 0
    assert "held as CPC-A" in result.output and "Missing (recommended, not required)" in result.output


def test_credential_unknown_id_is_a_usage_error():
    assert usage_error(invoke("credential", "CCX")) == "Error: Invalid value for ID: unknown credential 'CCX'; did you mean 'CUC'?"


# -- role ID ------------------------------------------------------------------------------------

def test_role_in_full():
    result = invoke("role", "Coding Manager")
    assert result.exit_code == 0
    out = result.output
    for text in ("coding-manager", "one of CPC, CCS, COC, CIC, RHIT, RHIA", "Coding Director",
                 "Coding Supervisor", "11-9111 Medical and Health Services Managers",
                 "median pay $110,680 (2023)", "[confirmed]", "Also counts as", "audit experience", "Sources"):
        assert text in out, text


def test_role_json_with_a_profile_lists_the_gaps():
    payload = json.loads(invoke("role", "coding-manager", "--profile", CODER, "--format", "json").output)
    assert payload["id"] == "coding-manager" and payload["status"] == "gap"
    assert payload["missing"] == ["needs a bachelor's degree; has an associate degree",
                                  "needs 1 year of supervisory or management experience; has none (1 year short)"]
    assert "coding-supervisor" in payload["led_from"]
    assert payload["occupation"]["code"] == "11-9111" and payload["occupation"]["pay_year"] == 2023


def test_role_markdown_and_unknown_role():
    result = invoke("role", "medical-coder", "--format", "markdown")
    assert result.exit_code == 0 and result.output.startswith("### Medical Coder")
    assert "median pay $50,250 (2024)" in result.output
    assert usage_error(invoke("role", "medical codr")) == (
        "Error: Invalid value for ID: unknown role 'medical codr'; did you mean 'medical-coder'?")
    assert invoke("role", "medical-coder", "--format", "csv").exit_code == 2  # one item: no CSV


def test_every_command_has_help_with_an_example():
    for command in ("plan", "credentials", "credential", "role"):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and "Example: codingpath " + command in result.output


# -- the installed executable -------------------------------------------------------------------

def test_installed_plan(tmp_path):
    result = run_installed("plan", "--profile", CODER, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    # The bachelor's beside work: 3.5 years part-time from her associate degree.
    assert payload["target"]["id"] == "coding-manager" and payload["total_years"] == 3.5
    bad = run_installed("plan", "--profile", CODER, "--hours-per-week", "-1", cwd=tmp_path)
    assert bad.returncode == 2 and "must be more than 0 hours a week; found -1" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_installed_credentials(tmp_path):
    result = run_installed("credentials", "--body", "ACDIS", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("CCDS,Certified Clinical Documentation Specialist,ACDIS")


def test_installed_credential(tmp_path):
    result = run_installed("credential", "cpc", "--profile", NEWCOMER, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["id"] == "CPC" and payload["eligible"] is True and payload["missing"] == []


def test_installed_role(tmp_path):
    result = run_installed("role", "coding-director", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Coding Director" in result.stdout and "VP of Coding" in result.stdout


def test_credential_says_what_passing_without_experience_brings():
    out = invoke("credential", "CPC", "--profile", NEWCOMER, "--brief").output
    assert "may sit the exam now" in out and "it comes as CPC-A" in " ".join(out.split())
    trainee = "name: A\neducation: high-school\ncurrent_role: coding-trainee\nexperience:\n  - role: coding-trainee\n    start: 2026-03\n"
    payload = json.loads(invoke("credential", "CPC", "--profile", "-", "--format", "json", stdin=trainee).output)
    # Two years of coding from 2026-03: the A can go in 2028-03 by working on as a trainee.
    assert payload["passes_as_apprentice"] == "CPC-A" and payload["apprentice_removal"] == "2028-03"
    held = invoke("credential", "CPC", "--profile", CODER, "--format", "json").output
    assert "passes_as_apprentice" not in json.loads(held)
