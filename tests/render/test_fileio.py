"""Output files: atomic, never overwritten without force, backed up, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

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
