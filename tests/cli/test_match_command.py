"""`codingpath.cli.match`: which options go together, a posting with nothing checkable, one person
against a posting, and a team written to --output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from conftest import EXAMPLES
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.cli.match import _check_inputs

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")
NEWCOMER = str(EXAMPLES / "newcomer.yaml")


@pytest.mark.parametrize(("people", "profile", "team", "output", "hint"), [
    (["a.yaml"], None, False, None, "PATH"),
    (None, None, True, None, "PATH"),
    (["a.yaml"], "me.yaml", True, None, "--profile"),
    (None, None, False, Path("out.csv"), "--output"),
])
def test_options_that_do_not_go_together_are_usage_errors(people, profile, team, output, hint):
    with pytest.raises(typer.BadParameter) as caught:
        _check_inputs("posting.txt", people, profile, team=team, output=output)
    assert caught.value.param_hint == hint


def test_only_one_input_may_come_from_standard_input():
    with pytest.raises(typer.BadParameter, match="only one input"):
        _check_inputs("-", None, "-", team=False, output=None)
    with pytest.raises(typer.BadParameter, match="only one input"):
        _check_inputs("-", ["a.yaml", "-"], None, team=True, output=None)


def test_inputs_that_go_together_pass():
    _check_inputs("posting.txt", None, "me.yaml", team=False, output=None)
    _check_inputs("posting.txt", ["staff"], None, team=True, output=Path("out.csv"))
    _check_inputs("-", None, "me.yaml", team=False, output=None)


def posting(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "posting.txt"
    path.write_text("Coder\n\nRequirements:\n" + "".join(f"- {line}\n" for line in lines), encoding="utf-8")
    return str(path)


def test_a_posting_with_nothing_checkable_exits_one_and_names_what_it_found(tmp_path):
    result = runner.invoke(app, ["match", posting(tmp_path, "XYZQ certification required")])
    assert result.exit_code == 1
    assert "found no requirement codingpath can check" in result.output and "only XYZQ" in result.output


def test_one_person_gets_a_verdict(tmp_path):
    result = runner.invoke(app, ["match", posting(tmp_path, "CPC required"), "--profile", CODER, "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "meets" and payload["requirements"][0]["status"] == "met"


def test_without_a_profile_the_requirements_are_listed(tmp_path):
    result = runner.invoke(app, ["match", posting(tmp_path, "CPC required", "2 years of coding experience"),
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [r["kind"] for r in json.loads(result.stdout)["requirements"]] == ["credential", "experience"]


def test_a_team_is_written_to_output_and_counted(tmp_path):
    out = tmp_path / "team.csv"
    result = runner.invoke(app, ["match", posting(tmp_path, "CPC required"), "--team", CODER, NEWCOMER,
                                 "-f", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and {r["verdict"] for r in rows} == {"meets", "gaps"}
    assert f"wrote {out} (2 people, csv)" in result.output


def test_a_team_that_skips_a_profile_exits_one(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("credentials: [\n", encoding="utf-8")
    result = runner.invoke(app, ["match", posting(tmp_path, "CPC required"), "--team", CODER, str(broken),
                                 "-f", "json"])
    assert result.exit_code == 1
    assert "1 profile skipped; 1 evaluated" in result.output


def test_output_may_not_replace_the_posting(tmp_path):
    text = posting(tmp_path, "CPC required")
    result = runner.invoke(app, ["match", text, "--team", CODER, "--output", text, "--force"])
    assert result.exit_code != 0
    assert "CPC required" in Path(text).read_text(encoding="utf-8")
