"""What a careless (or hostile) environment does to the installed command: a message and an exit
code, never a traceback. Standard streams closed or full, odd encodings and widths, dates and
numbers at the edges, a name typed on a Latin-1 terminal, a folder where a file should be.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, as_unprivileged, installed_command, run_installed

ME = str(EXAMPLES / "experienced-coder.yaml")
TEAM = str(ROOT / "tests" / "rosters" / "team.csv")


def shell(script: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`script` in sh, with $CP the installed command: redirections like `>&-` need a shell."""
    full_env = {**os.environ, "CP": installed_command()[0], **env}
    return subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=120)


def test_a_closed_standard_output_is_an_error_not_a_traceback():
    result = shell('"$CP" roles >&-; echo "exit $?" >&2')
    assert "error: cannot write the output (standard output is closed)" in result.stderr
    assert "exit 2" in result.stderr and "Traceback" not in result.stderr


def test_a_full_disk_on_standard_output_is_an_error():
    result = shell('"$CP" roadmap --profile "$ME" > /dev/full; echo "exit $?" >&2', ME=ME)
    assert "error: cannot write the output (No space left on device)" in result.stderr
    assert "exit 2" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_standard_input_for_a_profile_is_an_error():
    result = shell('"$CP" next --profile - <&-; echo "exit $?" >&2')
    assert "error: <stdin>: standard input is closed; give the profile as a file" in result.stderr
    assert "exit 2" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_a_closed_pipe_exits_0(fmt: str):
    # bash's PIPESTATUS gives the writer's own exit code.
    result = subprocess.run(["bash", "-c", f'"$CP" roles --format {fmt} | head -c 10 >/dev/null; '
                                           'echo "${PIPESTATUS[0]}"'],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "CP": installed_command()[0]})
    assert result.stdout.strip().endswith("0"), (result.stdout, result.stderr)
    assert result.stderr == ""


def test_columns_0_still_prints_the_table():
    result = run_installed("roles", env={"COLUMNS": "0"})
    assert result.returncode == 0 and "Ancillary Coder" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_a_latin_1_terminal_gets_escapes_not_a_crash(tmp_path: Path):
    roster = tmp_path / "wei.csv"
    roster.write_text("name,education_level,credentials,years_coding,current_role\n李 Wei,associate,CPC,3,medical-coder\n")
    for fmt in ("csv", "table", "json", "markdown"):
        result = run_installed("team", str(roster), "--format", fmt, env={"PYTHONIOENCODING": "latin-1"})
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("args", [["next", "--profile", ME], ["plan", "--profile", ME], ["team", TEAM],
                                  ["renewals", "--profile", ME], ["check", ME]])
def test_an_absurd_today_is_refused_with_a_message(when: str, args: list[str]):
    result = run_installed(*args, env={"CODINGPATH_TODAY": when})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"error: CODINGPATH_TODAY='{when}' is outside the dates codingpath plans from" in result.stderr


@pytest.mark.parametrize("when", ["1950-01-01", "2200-12-31"])
def test_the_edges_of_the_accepted_dates_run(when: str):
    for args in (["plan", "--profile", ME], ["team", TEAM, "--within", "600"]):
        result = run_installed(*args, env={"CODINGPATH_TODAY": when})
        assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("within", ["100000", "99999999999"])
def test_a_huge_within_is_a_usage_error(within: str):
    result = run_installed("team", TEAM, "--within", within)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--within" in result.stderr


def test_a_horizon_bound_plan_blames_the_horizon():
    result = run_installed("plan", "--profile", str(EXAMPLES / "newcomer.yaml"), "--hours-per-week", "0.05")
    assert "within 50 years, the planning horizon" in " ".join(result.stdout.split())


def test_init_turns_a_latin_1_name_into_utf_8(tmp_path: Path):
    # What Python makes of `--name $'Jos\xe9'` typed on a Latin-1 terminal: a lone surrogate.
    result = subprocess.run([*installed_command(), "init", "me.yaml", "--no-input", "--name", "Jos\udce9"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "PYTHONUTF8": "1"})
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "me.yaml").read_bytes().decode("utf-8")
    assert "name: José" in text
    assert run_installed("check", "me.yaml", cwd=tmp_path).returncode == 0


def test_init_into_a_folder_says_so_with_or_without_force(tmp_path: Path):
    (tmp_path / "adir").mkdir()
    for extra in ([], ["--force"]):
        result = run_installed("init", "adir", "--no-input", *extra, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == "error: adir: is a directory; give a file name\n"


def test_an_unreadable_profile_as_an_unprivileged_user(tmp_path: Path):
    """The permission case the bad-input catalogue cannot run as root (root reads any file)."""
    tmp_path.chmod(0o755)
    locked = tmp_path / "locked.yaml"
    locked.write_text("name: Jane\n")
    locked.chmod(0)
    command = as_unprivileged([*installed_command(), "check", str(locked)])
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "cannot be read (permission denied)" in result.stdout and "Traceback" not in result.stderr
