"""No command writes to a file it was given as input (nothing a user wrote may be damaged).

Every registered command runs on a folder of inputs (profiles, a roster, an employer's data, an
answers file); afterwards every file must have the same bytes and modification time, and the folder
must hold no new file (no stray temp file, no `.bak` of an input). `--output` pointed at an input
must be refused, not carried out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_installed
from typer.testing import CliRunner

from codingpath.cli import app

runner = CliRunner()

ROSTER = "name,education_level,credentials,years_coding,current_role\nAna Li,associate,CPC;CCA,3,medical-coder\n"
ANSWERS = "name: Lee Park\neducation: high school\ncredentials: CPC-A\ncurrent_role: coding-trainee\n"
OVERLAY = """\
roles:
  - id: coding-analyst
    title: Coding Analyst
    tier: entry
    tracks: [coding]
    summary: Analyses coding quality.
    requirements:
      credentials: [[CPC]]
      confidence: confirmed
      sources:
        - {url: "https://example.org/our-ladder", as_of: "2026"}
"""

# Each command with the inputs it reads ({x} names a file in the inputs folder) and its exit code:
# 2 where a bad profile is refused or `--output`/the profile to write names an existing input.
INVOCATIONS: dict[str, list[tuple[list[str], int]]] = {
    "next": [(["next", "--profile", "{me}", "--data", "{ladder}"], 0), (["next", "--profile", "{bad}"], 2)],
    "roles": [(["roles", "--data", "{ladder}"], 0)],
    "roadmap": [(["roadmap", "--profile", "{me}", "--data", "{ladder}", "--format", "html"], 0)],
    "renewals": [(["renewals", "--profile", "{me}"], 0), (["renewals", "--profile", "{me}", "--output", "{me}"], 2),
                 (["renewals", "--profile", "{me}", "--output", "{me}", "--force"], 2),
                 (["renewals", "--profile", "{me}", "--data", "{ladder}", "--output", "{ladder}/roles.yaml", "--force"], 2)],
    "graph": [(["graph", "--profile", "{me}"], 0), (["graph", "--profile", "{me}", "--output", "{me}"], 2),
              (["graph", "--profile", "{me}", "--output", "{me}", "--force"], 2)],
    "init": [(["init", "-", "--from-answers", "{answers}"], 0), (["init", "{me}", "--from-answers", "{answers}"], 2),
             (["init", "{answers}", "--from-answers", "{answers}", "--force"], 2)],
    "check": [(["check", "{me}", "{bad}", "{team}/a.yaml", "--data", "{ladder}"], 1)],
    "team": [(["team", "{team}", "{roster}", "--data", "{ladder}"], 0),
             (["team", "{team}", "--output", "{roster}"], 2),
             (["team", "{team}", "{roster}", "--output", "{roster}", "--force"], 2)],
    "data": [(["data", "check", "--data", "{ladder}"], 0),
             (["data", "check", "--data", "{ladder}", "--max-age-years", "0", "--strict"], 1)],
    "plan": [(["plan", "--profile", "{me}", "--data", "{ladder}"], 0), (["plan", "--profile", "{bad}"], 2)],
    "credentials": [(["credentials", "--data", "{ladder}"], 0)],
    "credential": [(["credential", "CPC", "--profile", "{me}", "--data", "{ladder}"], 0)],
    "role": [(["role", "coding-analyst", "--profile", "{me}", "--data", "{ladder}"], 0)],
    "match": [(["match", "{posting}", "--profile", "{me}", "--data", "{ladder}"], 0),
              (["match", "{posting}", "--team", "{team}", "{roster}", "--format", "csv"], 0),
              (["match", "{posting}", "--team", "{team}", "--output", "{roster}"], 2)],
}


def registered_commands() -> set[str]:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    return names | {g.name or "" for g in app.registered_groups}


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "inputs"
    (folder / "team").mkdir(parents=True)
    (folder / "ladder").mkdir()
    shutil.copy(EXAMPLES / "experienced-coder.yaml", folder / "me.yaml")
    shutil.copy(EXAMPLES / "newcomer.yaml", folder / "team" / "a.yaml")
    shutil.copy(EXAMPLES / "apprentice.yaml", folder / "team" / "b.yaml")
    (folder / "bad.yaml").write_text("name: Jane\ncredentail: [CPC]\n")
    (folder / "roster.csv").write_text(ROSTER)
    (folder / "answers.yaml").write_text(ANSWERS)
    (folder / "ladder" / "roles.yaml").write_text(OVERLAY)
    (folder / "posting.txt").write_text("Coding Auditor\n\nRequirements\n- CPC required; 3+ years of coding\n")
    names = {"me": "me.yaml", "bad": "bad.yaml", "team": "team", "roster": "roster.csv",
             "answers": "answers.yaml", "ladder": "ladder", "posting": "posting.txt"}
    return {key: str(folder / value) for key, value in names.items()} | {"folder": str(folder)}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_command_is_covered():
    missing = registered_commands() - set(INVOCATIONS)
    assert not missing, f"add {sorted(missing)} to INVOCATIONS in tests/cli/test_no_writes.py"


@pytest.mark.parametrize("command", sorted(INVOCATIONS))
def test_the_command_leaves_its_inputs_untouched(command: str, inputs: dict[str, str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    if command not in registered_commands():
        pytest.skip(f"{command} is not registered in this tree")
    folder = Path(inputs["folder"])
    monkeypatch.chdir(tmp_path)  # outputs written to the working directory are not inputs
    before = snapshot(folder)
    for args, code in INVOCATIONS[command]:
        result = runner.invoke(app, [a.format(**inputs) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code == code, (args, result.output)
        if code == 2 and "{bad}" not in args:  # an existing input named as the output: refused
            refusal = "is one of this command's inputs; " if "--force" in args else ""
            assert f"{refusal}not overwriting it" in result.stderr, (args, result.stderr)
    assert snapshot(folder) == before


def test_installed_check_and_data_check_leave_inputs_untouched(inputs: dict[str, str], tmp_path: Path):
    folder = Path(inputs["folder"])
    before = snapshot(folder)
    assert run_installed("check", inputs["me"], inputs["bad"], cwd=tmp_path).returncode == 1
    assert run_installed("data", "check", "--data", inputs["ladder"], cwd=tmp_path).returncode == 0
    assert snapshot(folder) == before
