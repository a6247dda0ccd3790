"""`team --min-tenure`: the team's 'ready in ~N months' cells come from the same planner as `plan`
and `next`, with the same minimum tenure between moves."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import TODAY
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.load.profiles import load_profile
from codingpath.planning import plan_route
from codingpath.planning.apply import months_between

runner = CliRunner()

# In Medical Coder since July 2026 (about five months by TODAY) with five years of coding before:
# Inpatient Coder waits only on CIC or CCS, and on the tenure before the move.
KIM = """\
name: Kim Lee
education: {level: high-school}
credentials: [{id: CPC, earned: 2022-06-15}]
experience:
  - {role: coding-trainee, start: 2021-01, end: 2026-06}
  - {role: medical-coder, start: 2026-07}
current_role: medical-coder
"""


def ready_in(path: str, *tenure: str) -> str:
    out = runner.invoke(app, ["team", path, "--role", "inpatient-coder", "--within", "12", "--format", "csv",
                              *tenure])
    assert out.exit_code == 0, out.output
    (row,) = list(csv.DictReader(io.StringIO(out.output)))
    assert row["status"] == "ready"
    return row["months"]


@pytest.fixture
def kim(tmp_path):
    path = tmp_path / "kim.yaml"
    path.write_text(KIM)
    return str(path)


def test_min_tenure_changes_a_ready_in_cell(kim):
    assert ready_in(kim) == ready_in(kim, "--min-tenure", "12") == "8.0"  # the default is a year
    assert ready_in(kim, "--min-tenure", "0") == "4.0"  # the exam's study alone


@pytest.mark.parametrize("tenure", [0, 6, 12])
def test_the_cell_is_the_plans_length(kim, bundled_data, tenure):
    profile = load_profile(kim, bundled_data, TODAY).profile
    plan = plan_route(profile, bundled_data, "inpatient-coder", start=TODAY, min_tenure=tenure)
    assert ready_in(kim, "--min-tenure", str(tenure)) == f"{months_between(TODAY, plan.finish):.1f}"


def test_min_tenure_is_checked_like_plan_and_next(kim):
    out = runner.invoke(app, ["team", kim, "--min-tenure", "121"])
    assert out.exit_code == 2 and "--min-tenure" in out.output
