"""Output files: atomic, never overwritten without force, backed up, with ordinary permissions."""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import as_unprivileged, installed_command

from codingpath.errors import OutputError
from codingpath.render.fileio import atomic_writer, write_atomic


def test_new_file_gets_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.txt", "hello\n")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").read_text() == "hello\n"
    assert stat.S_IMODE((tmp_path / "out.txt").stat().st_mode) == 0o644


def test_existing_file_is_refused_without_force(tmp_path):
    target = tmp_path / "me.yaml"
    target.write_text("mine\n")
    with pytest.raises(OutputError, match="already exists; not overwriting it"):
        write_atomic(target, "new\n")
    assert target.read_text() == "mine\n"


def test_force_keeps_a_backup_and_the_mode(tmp_path):
    target = tmp_path / "me.yaml"
    target.write_text("mine\n")
    target.chmod(0o640)
    backup = write_atomic(target, "new\n", force=True)
    assert backup == tmp_path / "me.yaml.bak" and backup.read_text() == "mine\n"
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failure_midway_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_writer(target, force=True) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_directory_and_missing_parent(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "x")
    with pytest.raises(OutputError, match="no such directory"):
        write_atomic(tmp_path / "nope" / "out.txt", "x")


# -- hostile and careless targets: output goes only to the path named ------------------------------


def test_a_planted_backup_link_is_never_written_through(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keys\n")
    target = tmp_path / "rep.ics"
    target.write_text("old report\n")
    (tmp_path / "rep.ics.bak").symlink_to(precious)
    backup = write_atomic(target, "new report\n", force=True)
    assert precious.read_text() == "keys\n"
    assert (tmp_path / "rep.ics.bak").is_symlink()
    assert backup == tmp_path / "rep.ics.bak.1" and backup.read_text() == "old report\n"
    assert target.read_text() == "new report\n"


def test_the_copying_backup_also_refuses_a_planted_link(tmp_path, monkeypatch):
    def no_hard_links(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_hard_links)
    precious = tmp_path / "precious.txt"
    precious.write_text("keys\n")
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    (tmp_path / "out.csv.bak").symlink_to(precious)
    backup = write_atomic(target, "new\n", force=True)
    assert precious.read_text() == "keys\n"
    assert backup == tmp_path / "out.csv.bak.1" and backup.read_text() == "old\n"


def test_backups_never_destroy_an_earlier_backup(tmp_path):
    target = tmp_path / "me.yaml"
    target.write_text("first\n")
    backups = [write_atomic(target, f"version {n}\n", force=True) for n in (2, 3, 4)]
    assert [b.name for b in backups] == ["me.yaml.bak", "me.yaml.bak.1", "me.yaml.bak.2"]
    assert [b.read_text() for b in backups] == ["first\n", "version 2\n", "version 3\n"]


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_at_the_target_is_never_replaced(tmp_path, force):
    dangling = tmp_path / "out.txt"
    dangling.symlink_to(tmp_path / "nowhere")
    real = tmp_path / "real.txt"
    real.write_text("mine\n")
    pointing = tmp_path / "link.txt"
    pointing.symlink_to(real)
    for link in (dangling, pointing):
        with pytest.raises(OutputError, match="is a symbolic link" if force else "already exists"):
            write_atomic(link, "x", force=force)
        assert link.is_symlink()
    assert real.read_text() == "mine\n" and not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "out.txt", "real.txt"]


@pytest.mark.parametrize("force", [False, True])
def test_a_device_is_written_to_never_replaced(tmp_path, force):
    null = tmp_path / "null"
    null.symlink_to("/dev/null")  # a link in the temp folder: a broken writer could replace only the link
    assert write_atomic(null, "discarded\n", force=force) is None
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and null.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_full_device_is_an_error_and_no_backup_fills_the_disk(tmp_path):
    full = tmp_path / "full"
    full.symlink_to("/dev/full")
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(full, "x" * 100_000, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]


def test_a_fifo_is_written_to(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "through the pipe\n")
    reader.join(10)
    assert received == ["through the pipe\n"] and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_socket_is_refused(tmp_path):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock"))
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(tmp_path / "sock", "x", force=True)


def test_an_input_is_never_the_output_even_with_force(tmp_path):
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Me\n")
    alias = tmp_path / "alias.yaml"
    os.link(profile, alias)  # the same file under another name
    for name in (profile, alias):
        with pytest.raises(OutputError, match="is one of this command's inputs"):
            write_atomic(name, "x", force=True, inputs=[profile])
    assert profile.read_text() == "name: Me\n"


def test_a_file_that_appears_during_the_run_is_not_overwritten(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(OutputError, match="changed while codingpath ran"):
        with atomic_writer(target) as handle:
            handle.write("mine\n")
            target.write_text("someone else's\n")
    assert target.read_text() == "someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def _as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command as an unprivileged user: root writes where permissions say no."""
    command = as_unprivileged([*installed_command(), *args])
    env = {**os.environ, "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / "cache")}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def test_an_unwritable_directory_is_a_message_not_a_traceback(tmp_path):
    tmp_path.chmod(0o777)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    for args in (["graph", "--output", str(locked / "map.mmd")], ["init", str(locked / "me.yaml"), "--no-input"]):
        result = _as_nobody(*args, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "cannot be written (Permission denied)" in result.stderr and "Traceback" not in result.stderr
    assert list(locked.iterdir()) == []


def test_a_device_as_output_through_the_installed_command(tmp_path):
    result = subprocess.run([*installed_command(), "graph", "--output", "/dev/stdout"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("%% Medical coding and HIM career map")
    result = subprocess.run([*installed_command(), "graph", "--output", "/dev/full", "--force"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "No space left on device" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
