"""The bad-input catalogue (tests/bad_inputs/cases.yaml), run against the installed command.

Profiles: one run of the installed `codingpath check --format json` over every catalogued file gives
each file's problem lines and whether it has errors; then each file goes through `next --profile`
(CliRunner, fast) to show that every other command refuses it with exit 2 and the same message.
Data directories: `data check --data DIR` per case (CliRunner), and the installed command for one
case of each exit code.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, run_installed
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app

CATALOGUE = ROOT / "tests" / "bad_inputs"
CASES = yaml.safe_load((CATALOGUE / "cases.yaml").read_text(encoding="utf-8"))
PROFILE_CASES: list[dict[str, Any]] = CASES["profiles"]
DATA_CASES: list[dict[str, Any]] = CASES["data"]
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads a file whatever its mode

runner = CliRunner()
_runs: dict[str, Any] = {}


def expected(case: dict[str, Any]) -> list[str]:
    return case["expect"] if isinstance(case["expect"], list) else [case["expect"]]


def runnable(case: dict[str, Any]) -> bool:
    return not (case.get("make") == "unreadable" and AS_ROOT)


# As root (CI runs as root) a file's mode cannot make it unreadable, so that case is not collected
# there rather than skipped; the permission-denied message is covered by a faked failure below.
RUNNABLE_PROFILE_CASES = [case for case in PROFILE_CASES if runnable(case)]


def problem_line(problem: dict[str, Any]) -> str:
    """A JSON problem as the `severity: file:line:col: field: message` line printed on stderr."""
    where = problem["file"]
    if problem["line"] is not None:
        where += f":{problem['line']}" + (f":{problem['column']}" if problem["column"] is not None else "")
    field = f" {problem['field']}:" if problem["field"] else ""
    return f"{problem['severity']}: {where}:{field} {problem['message']}"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the catalogue (nothing runs in the repository), plus the files made at test time."""
    root = tmp_path_factory.mktemp("catalogue") / "bad_inputs"
    shutil.copytree(CATALOGUE, root)
    for case in PROFILE_CASES:
        path = root / case["file"]
        if case.get("make") == "too-large":
            path.write_text("name: " + "x" * 1_100_000 + "\n")
        elif case.get("make") == "unreadable":
            path.write_text("name: Jane\n")
            path.chmod(0)
    return root


def checked(workdir: Path) -> dict[str, Any]:
    """file -> its entry in the JSON of one installed `check` over every profile case (run once)."""
    if "check" not in _runs:
        files = [case["file"] for case in PROFILE_CASES if runnable(case)]
        result = run_installed("check", "--format", "json", *files, cwd=workdir)
        assert result.returncode == 1, result.stderr  # some files have errors
        assert result.stderr == ""  # the report is the output; nothing else, no traceback
        payload = json.loads(result.stdout)
        assert [entry["file"] for entry in payload["files"]] == files  # every file, in the order given
        _runs["check"] = {entry["file"]: entry for entry in payload["files"]}
    return _runs["check"]


def case_id(case: dict[str, Any]) -> str:
    name = Path(case.get("file") or case["dir"]).stem
    return name + ("-" + "-".join(a.strip("-") for a in case["args"]) if case.get("args") else "")


def test_the_catalogue_has_at_least_40_cases_and_no_orphan_files():
    assert len(PROFILE_CASES) + len(DATA_CASES) >= 40
    assert len({c["file"] for c in PROFILE_CASES}) == len(PROFILE_CASES)  # one case per file
    named = {c["file"] for c in PROFILE_CASES} | {c["dir"] for c in DATA_CASES}
    on_disk = {f"profiles/{p.name}" for p in (CATALOGUE / "profiles").iterdir()}
    on_disk |= {f"data/{p.name}" for p in (CATALOGUE / "data").iterdir()}
    assert on_disk <= named, f"files without a case: {sorted(on_disk - named)}"
    for case in PROFILE_CASES + DATA_CASES:
        assert case["exit"] in (0, 1, 2) and expected(case)


@pytest.mark.parametrize("case", RUNNABLE_PROFILE_CASES, ids=case_id)
def test_check_reports_the_case(case: dict[str, Any], workdir: Path):
    entry = checked(workdir)[case["file"]]
    lines = [problem_line(p) for p in entry["problems"]]
    for fragment in expected(case):
        assert any(fragment in line for line in lines), f"{fragment!r} not in {lines}"
    # exit code of `check FILE` alone: 1 when the file has an error, 0 when only warnings
    assert (1 if entry["errors"] else 0) == case["exit"]
    assert entry["ok"] is (case["exit"] == 0)


@pytest.mark.parametrize("case", RUNNABLE_PROFILE_CASES, ids=case_id)
def test_other_commands_refuse_the_case_or_warn(
    case: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch, bundled_data: Catalog
):
    monkeypatch.chdir(workdir)
    from codingpath.cli import explore

    monkeypatch.setattr(explore, "load_data", lambda data: bundled_data, raising=False)  # a speed-up only
    result = runner.invoke(app, ["next", "--profile", case["file"], "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (2 if case["exit"] == 1 else 0), result.output
    for fragment in expected(case):
        assert fragment in result.stderr
    if case["exit"] == 1:
        assert result.stdout == ""  # refused: no half-made result


def data_check_text(result_code: int, stdout: str, stderr: str, case: dict[str, Any]) -> str:
    """The problem lines of one `data check` run, after checking its exit code and streams."""
    assert result_code == case["exit"], stdout + stderr
    assert "Traceback" not in stderr
    if case["exit"] == 2:  # the directory itself is unusable: one error line, no report
        assert stdout == ""
        return stderr
    assert stderr == ""
    return "\n".join(problem_line(p) for p in json.loads(stdout)["problems"])


@pytest.mark.parametrize("case", DATA_CASES, ids=case_id)
def test_data_check_reports_the_case(case: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(workdir)
    result = runner.invoke(app, ["data", "check", "--data", case["dir"], "--format", "json", *case.get("args", [])])
    text = data_check_text(result.exit_code, result.stdout, result.stderr, case)
    for fragment in expected(case):
        assert fragment in text


@pytest.mark.parametrize("name", ["no-such-directory", "progression-cycle", "unreachable-role"])
def test_installed_data_check_reports_the_case(name: str, workdir: Path):
    """The same through the installed command, for one case of each exit code (2, 1, 0)."""
    case = next(c for c in DATA_CASES if c["dir"] == f"data/{name}")
    result = run_installed("data", "check", "--data", case["dir"], "--format", "json", *case.get("args", []),
                           cwd=workdir)
    text = data_check_text(result.returncode, result.stdout, result.stderr, case)
    for fragment in expected(case):
        assert fragment in text


@pytest.mark.parametrize("case", DATA_CASES, ids=case_id)
def test_other_commands_refuse_data_that_does_not_load(case: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(workdir)
    result = runner.invoke(app, ["roles", "--data", case["dir"], "--format", "json"])
    if case.get("loads", True):
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 2
        assert result.stdout == ""
        first = expected(case)[0]
        assert first in result.stderr


def test_unreadable_file_is_reported_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The permission-denied message, simulated where the test runs as root."""
    from codingpath.load import yamlio

    def denied(path: Any, *args: Any, **kwargs: Any):
        if str(path) == "me.yaml":
            raise PermissionError(13, "Permission denied")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(yamlio, "open", denied, raising=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "me.yaml"])
    assert result.exit_code == 1
    assert "me.yaml" in result.stdout and "cannot be read (permission denied)" in result.stdout
    result = runner.invoke(app, ["next", "--profile", "me.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "error: me.yaml: cannot be read (permission denied)\n"
