"""Every signal that ends a run leaves nothing behind: no temporary file beside the --output, no
worker or manager process, no traceback; and a reader that leaves early is not an error.

`team` on a roster this big evaluates it in worker processes with a multiprocessing manager, the
case where an interrupted run used to leave orphans, half-written files and hangs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT, installed_command

from codingpath.team.evaluate import PARALLEL_FROM

ROSTER = ROOT / "tests" / "rosters" / "team.csv"


@pytest.fixture(scope="module")
def big_roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    header, *rows = [line for line in ROSTER.read_text().splitlines() if line]
    path = tmp_path_factory.mktemp("big") / "big.csv"
    path.write_text(header + "\n" + "".join(rows[i % len(rows)] + "\n" for i in range(PARALLEL_FROM + 1000)))
    return path


def _group(pgid: int) -> list[int]:
    """The processes alive in a process group (zombies are not)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _start(*args: str, cwd: Path, **options: object) -> subprocess.Popen[str]:
    env = {**os.environ, "CODINGPATH_TODAY": "2026-11-23"}
    return subprocess.Popen([*installed_command(), *args], cwd=cwd, env=env, text=True, start_new_session=True,
                            stderr=subprocess.PIPE, **options)  # type: ignore[call-overload]


def _wait_for_workers(process: subprocess.Popen[str], deadline: float = 120) -> None:
    """Until the worker pool is up (the parent, a manager and two workers at least)."""
    end = time.monotonic() + deadline
    while len(_group(process.pid)) < 4:
        assert process.poll() is None, "team ended before its workers started"
        assert time.monotonic() < end, "no worker processes started"
        time.sleep(0.1)


@pytest.mark.parametrize(("number", "to_group"), [(signal.SIGTERM, False), (signal.SIGHUP, True),
                                                  (signal.SIGINT, True)])
def test_a_signal_leaves_no_temporary_file_and_no_process(big_roster: Path, tmp_path: Path, number: int,
                                                         to_group: bool):
    process = _start("team", str(big_roster), "--format", "csv", "--output", "out.csv", cwd=tmp_path,
                     stdout=subprocess.DEVNULL)
    _wait_for_workers(process)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # it is writing
    if to_group:  # a terminal's Ctrl-C or hang-up reaches every process of the job
        os.killpg(process.pid, number)
    else:
        os.kill(process.pid, number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + number, stderr
    assert "Traceback" not in stderr and "ForkPoolWorker" not in stderr
    assert list(tmp_path.iterdir()) == []
    end = time.monotonic() + 15
    while _group(process.pid) and time.monotonic() < end:
        time.sleep(0.1)
    assert _group(process.pid) == []


def test_a_reader_that_leaves_early_is_not_an_error(big_roster: Path, tmp_path: Path):
    process = _start("team", str(big_roster), "--format", "csv", cwd=tmp_path, stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline().startswith("name,")
    _wait_for_workers(process)
    process.stdout.close()  # `| head -1`
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert stderr == ""
    end = time.monotonic() + 15
    while _group(process.pid) and time.monotonic() < end:
        time.sleep(0.1)
    assert _group(process.pid) == []
