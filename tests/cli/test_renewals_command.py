"""`codingpath.cli.renewals`: the renewals command's formats, its calendar file and --output."""

from __future__ import annotations

import json

from conftest import EXAMPLES, TODAY
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.cli.renewals import RenewalFormat, renewals_command

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")


def test_the_formats_are_the_five_documented():
    assert [f.value for f in RenewalFormat] == ["table", "json", "markdown", "csv", "ics"]
    assert callable(renewals_command)


def test_json_lists_a_deadline_per_held_credential():
    result = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["format_version"] == 1 and payload["as_of"] == TODAY.isoformat()
    held = sorted(c for d in payload["deadlines"] for c in d["credentials"])
    assert held == ["CCA", "CPC"]  # the profile holds these two
    by_id = {d["credentials"][0]: d for d in payload["deadlines"]}
    cpc = by_id["CPC"]
    assert cpc["ceus_missing"] == cpc["ceus_required"] - cpc["ceus_logged"]
    # CCA has no earned date: its cycle, and so what is missing in it, is unknown.
    assert by_id["CCA"]["status"] == "unknown" and by_id["CCA"]["ceus_missing"] is None


def test_the_format_name_is_case_insensitive():
    result = runner.invoke(app, ["renewals", "--profile", CODER, "-f", "CSV"])
    assert result.exit_code == 0, result.output
    assert "," in result.stdout.splitlines()[0]


def test_ics_is_a_calendar():
    result = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "ics"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("BEGIN:VCALENDAR") and result.stdout.rstrip().endswith("END:VCALENDAR")


def test_output_writes_the_file_and_says_how_many_events(tmp_path):
    out = tmp_path / "renewals.ics"
    result = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "ics", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert f"wrote {out} (" in result.output and " events)" in result.output
    assert result.stdout.count("BEGIN:VCALENDAR") == 0


def test_an_existing_output_is_kept_unless_forced(tmp_path):
    out = tmp_path / "renewals.md"
    out.write_text("mine\n", encoding="utf-8")
    refused = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "markdown", "--output", str(out)])
    assert refused.exit_code != 0 and out.read_text(encoding="utf-8") == "mine\n"
    forced = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "markdown", "--output", str(out),
                                 "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8") != "mine\n" and "previous file kept as" in forced.output


def test_quiet_writes_the_file_without_a_word(tmp_path):
    out = tmp_path / "renewals.csv"
    result = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "csv", "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote" not in result.output


def test_an_unknown_format_is_refused():
    result = runner.invoke(app, ["renewals", "--profile", CODER, "--format", "pdf"])
    assert result.exit_code != 0
