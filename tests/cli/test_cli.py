"""next, roles and roadmap through the CLI runner, and once through the installed executable."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import EXAMPLES, run_installed
from typer.testing import CliRunner

from codingpath import __version__
from codingpath.cli import app

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")
NEWCOMER = str(EXAMPLES / "newcomer.yaml")


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"codingpath {__version__}\n"


def test_help_lists_the_commands_with_an_example():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("next", "roles", "roadmap"):
        assert command in result.output
        sub = invoke(command, "--help")
        assert sub.exit_code == 0 and "Example: codingpath" in sub.output


def test_next_table_names_the_person_and_the_gaps():
    result = invoke("next", "--profile", CODER)
    assert result.exit_code == 0, result.output
    assert "Next roles for Jane Doe" in result.output
    assert "Inpatient Coder" in result.output and "needs one of CIC, CCS" in result.output
    assert "not a promise of a job" in result.output


def test_next_json_contract():
    result = invoke("next", "--profile", NEWCOMER, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["format_version"] == 1
    roles = payload["roles"]
    assert roles and all({"id", "title", "tier", "status", "gaps"} <= set(r) for r in roles)
    assert {r["status"] for r in roles} <= {"eligible", "gap"}
    coder = next(r for r in roles if r["id"] == "medical-coder")
    assert coder["status"] == "gap"
    assert coder["gaps"][0]["kind"] == "credential" and "CPC" in coder["gaps"][0]["message"]
    assert all(g["kind"] in {"credential", "experience", "education", "training"} for r in roles for g in r["gaps"])


def test_next_all_shows_every_role_but_the_current_one(bundled_data):
    payload = json.loads(invoke("next", "-p", CODER, "--all", "-f", "json").output)
    assert len(payload["roles"]) == len(bundled_data.roles) - 1


def test_next_reads_standard_input():
    text = (EXAMPLES / "newcomer.yaml").read_text()
    result = invoke("next", "--profile", "-", "--format", "csv", stdin=text)
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["tier", "role", "id", "status", "missing", "unconfirmed", "months_to_close", "recommended",
                       "target"]
    assert ["entry", "Medical Coder", "medical-coder"] == rows[[r[1] for r in rows].index("Medical Coder")][:3]
    assert {r[3] for r in rows[1:]} <= {"eligible", "gap", "held"} and {r[5] for r in rows[1:]} <= {"yes", "no"}
    assert rows[1][2] == "coding-manager" and rows[1][8] == "yes"  # the profile's target, pinned first


def test_next_markdown():
    result = invoke("next", "-p", CODER, "-f", "markdown")
    assert result.exit_code == 0
    assert "| Tier | Role | Status | What is missing |" in result.output


def test_profile_errors_exit_2_with_located_messages(tmp_path):
    bad = tmp_path / "me.yaml"
    bad.write_text("name: X\ncredentials:\n  - CPCC\nexperience:\n  - role: medcal coder\n    years: 2\n")
    result = invoke("next", "--profile", str(bad))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {bad}:3:5: credentials[0]: unknown credential 'CPCC'; did you mean 'CPC'?\n"
        f"error: {bad}:5:11: experience[0].role: unknown role 'medcal coder'; did you mean 'medical-coder'?\n"
    )


def test_missing_profile_file():
    result = invoke("next", "--profile", "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == "error: nope.yaml: no such file\n"


def test_roles_by_tier_and_track():
    result = invoke("roles", "--tier", "mid", "--format", "json")
    assert result.exit_code == 0
    roles = json.loads(result.output)["roles"]
    assert roles and {r["tier"] for r in roles} == {"mid"}
    audit = json.loads(invoke("roles", "--track", "audit", "-f", "json").output)["roles"]
    assert audit and all("audit" in r["tracks"] for r in audit)


def test_roles_table_groups_tiers():
    result = invoke("roles")
    assert result.exit_code == 0
    tiers = re.findall(r"^  (entry|mid|advanced|master) ", result.output, re.M)
    assert tiers == sorted(tiers, key=["entry", "mid", "advanced", "master"].index)
    assert set(tiers) == {"entry", "mid", "advanced", "master"}


def test_roles_bad_tier_is_a_usage_error():
    result = invoke("roles", "--tier", "midd")
    assert result.exit_code == 2
    assert "'midd' is not one of entry, mid, advanced, master; did you mean 'mid'?" in result.stderr


def test_roadmap_covers_every_role(bundled_data):
    rows = list(csv.reader(io.StringIO(invoke("roadmap", "-f", "csv").output)))
    assert rows[0] == ["tier", "role", "credentials", "experience", "education", "leads_to", "unconfirmed"]
    assert len(rows) - 1 == len(bundled_data.roles)
    assert {r[-1] for r in rows[1:]} == {"yes", "no"} and not any(r[1].endswith("*") for r in rows[1:])


def test_roadmap_with_profile_marks_each_row():
    result = invoke("roadmap", "--profile", str(EXAMPLES / "director-candidate.yaml"), "-f", "json")
    roles = {r["id"]: r for r in json.loads(result.output)["roles"]}
    assert roles["coding-manager"]["status"] == "held"
    assert roles["coding-director"]["status"] == "eligible"
    assert all(r["sources"] for r in roles.values())


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_roadmap_as_a_page_or_picture(fmt):
    result = invoke("roadmap", "--format", fmt)
    assert result.exit_code == 0
    assert "Coding Director" in result.output.replace("&#160;", " ")
    assert result.output.startswith("<!DOCTYPE html>" if fmt == "html" else '<?xml version="1.0" encoding="UTF-8"?>\n<svg')


def test_installed_command_runs_anywhere(tmp_path):
    result = run_installed("next", "--profile", CODER, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["name"] == "Jane Doe"
    roles = run_installed("roles", "--tier", "master", cwd=tmp_path)
    assert roles.returncode == 0 and "Director" in roles.stdout
    roadmap = run_installed("roadmap", cwd=tmp_path)
    assert roadmap.returncode == 0 and "Leads to" in roadmap.stdout
    bad = run_installed("next", "--profile", str(tmp_path / "missing.yaml"), cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr
