"""`codingpath.cli.planning`: the plan command's own checks (--start, --hours-per-week, a target)
and the one-item views' formats, called through the app."""

from __future__ import annotations

import json
from datetime import date

import pytest
import typer
from conftest import EXAMPLES, TODAY
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.cli.planning import DegreePace, DetailFormat, _need_profile_for_brief, _start_month

runner = CliRunner()
NEWCOMER = str(EXAMPLES / "newcomer.yaml")


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_the_choices_are_what_the_help_says():
    assert [p.value for p in DegreePace] == ["part-time", "full-time"]
    assert [f.value for f in DetailFormat] == ["table", "json", "markdown"]  # no CSV for one item


def test_start_is_the_first_of_the_month_given_or_today():
    assert _start_month(None, TODAY) == TODAY
    assert _start_month(" 2027-3 ", TODAY) == date(2027, 3, 1)
    assert _start_month(f"{TODAY:%Y-%m}", TODAY) == TODAY.replace(day=1)


@pytest.mark.parametrize(("text", "message"), [("2027-13", "expected a month as YYYY-MM"),
                                               ("March 2027", "expected a month as YYYY-MM"),
                                               ("2027-03-01", "expected a month as YYYY-MM"),
                                               ("2020-01", "is before this month")])
def test_a_bad_start_is_refused(text, message):
    with pytest.raises(typer.BadParameter, match=message):
        _start_month(text, TODAY)


def test_brief_needs_a_profile():
    with pytest.raises(typer.BadParameter, match="give --profile FILE as well"):
        _need_profile_for_brief(True, None)
    _need_profile_for_brief(True, "me.yaml")
    _need_profile_for_brief(False, None)


def test_plan_json_starts_in_the_month_asked(bundled_data):
    result = invoke("plan", "--profile", NEWCOMER, "--to", "Medical Coder", "--start", "2027-02", "-f", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["start"] == "2027-02-01" and payload["target"]["id"] == "medical-coder"


@pytest.mark.parametrize("hours", ["0", "-1", "169"])
def test_impossible_hours_are_a_usage_error(hours):
    result = invoke("plan", "--profile", NEWCOMER, "--to", "medical-coder", "--hours-per-week", hours)
    assert result.exit_code == 2 and "--hours-per-week" in result.output


def test_full_time_degrees_make_a_shorter_plan():
    def years(pace: str) -> float:
        result = invoke("plan", "--profile", NEWCOMER, "--to", "coding-manager", "--degree-pace", pace, "-f", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["total_years"]

    assert years("full-time") < years("part-time")


def test_an_unknown_target_is_a_usage_error_not_a_missing_route():
    result = invoke("plan", "--profile", NEWCOMER, "--to", "astronaut")
    assert result.exit_code == 2 and "astronaut" in result.output


def test_role_and_credential_views_refuse_csv():
    assert invoke("role", "medical-coder", "-f", "csv").exit_code == 2
    assert invoke("credential", "CPC", "-f", "json").exit_code == 0


def test_brief_without_a_profile_is_a_usage_error():
    result = invoke("credential", "CPC", "--brief")
    assert result.exit_code == 2 and "--brief" in result.output
