"""The cache of validated profiles: never a stale answer, never an entry it should not trust.

A changed profile is always read again, even when the edit keeps the file's size and modification
time; so is one read on another day or against other data. Entries that are symlinks, FIFOs, huge,
corrupt, truncated or writable by others are ignored. What a cached run imports is guarded in
`tests/cli/test_startup.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES, TODAY, run_installed

from codingpath.catalog import Catalog
from codingpath.errors import ProfileError
from codingpath.load.data import load_catalog
from codingpath.load.profile_cache import (
    ENTRY_MAX_BYTES,
    FORMAT,
    LoadedProfile,
    ProfileCache,
    load_profile_cached,
)

LADDER = EXAMPLES / "employer-ladder"


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog(use_env=False)  # this test's own cache directory, so it has files to key by


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    shutil.copyfile(EXAMPLES / "experienced-coder.yaml", path)
    return path


def cache_entries() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "codingpath").glob("profile-*.pickle"))


def entry_for(path: Path, catalog: Catalog, today: date = TODAY) -> Path:
    entry = ProfileCache(str(path), path.read_bytes(), catalog, today).path
    assert entry is not None
    return entry


def plant(entry: Path, loaded: LoadedProfile, key: str) -> None:
    """A well-formed entry holding `loaded`: what the cache would return if it trusted the file."""
    payload = pickle.dumps(loaded)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    entry.chmod(0o600)


def planted(profile_file: Path, catalog: Catalog) -> tuple[Path, LoadedProfile]:
    """Fill the cache for `profile_file`, then replace the entry by one that says "Planted"."""
    loaded = load_profile_cached(str(profile_file), catalog, TODAY)
    cache = ProfileCache(str(profile_file), profile_file.read_bytes(), catalog, TODAY)
    assert cache.path is not None and cache.key is not None and cache.path.is_file()
    fake = replace(loaded, profile=loaded.profile.model_copy(update={"name": "Planted"}))
    plant(cache.path, fake, cache.key)
    return cache.path, loaded


def years_short(next_json: str) -> float:
    """How many years of experience `next --format json` finds missing, over every role."""
    return sum(gap["years_short"] for role in json.loads(next_json)["roles"] for gap in role["gaps"])


def test_a_profile_seen_before_comes_from_the_cache(profile_file, catalog):
    first = load_profile_cached(str(profile_file), catalog, TODAY)
    assert len(cache_entries()) == 1
    again = load_profile_cached(str(profile_file), catalog, TODAY)
    assert again == first and again.profile.name == "Jane Doe"


def test_a_trusted_entry_is_what_a_run_returns(profile_file, catalog):
    """The other tests show an entry ignored by its name not being "Planted"; here it is used."""
    planted(profile_file, catalog)
    assert load_profile_cached(str(profile_file), catalog, TODAY).profile.name == "Planted"


def test_an_edit_that_keeps_size_and_modification_time_is_read_again(profile_file):
    first = run_installed("next", "--all", "--profile", str(profile_file), "--format", "json")
    assert first.returncode == 0, first.stderr
    assert run_installed("next", "--all", "--profile", str(profile_file), "--format", "json").stdout == first.stdout
    before = profile_file.stat()
    text = profile_file.read_text()
    profile_file.write_text(text.replace("Jane Doe", "Jane Roe").replace("start: 2021-09", "start: 2011-09"))
    os.utime(profile_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = profile_file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    edited = run_installed("next", "--all", "--profile", str(profile_file), "--format", "json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["profile"]["name"] == "Jane Roe"
    assert years_short(edited.stdout) < years_short(first.stdout)  # ten more years of experience count
    assert len(cache_entries()) == 2


def test_an_edit_that_breaks_the_profile_is_reported_not_served_from_the_cache(profile_file):
    assert run_installed("next", "--profile", str(profile_file)).returncode == 0
    profile_file.write_text(profile_file.read_text().replace("role: medical-coder", "role: medical-codr"))
    broken = run_installed("next", "--profile", str(profile_file))
    assert broken.returncode != 0
    assert f"{profile_file}:12" in broken.stderr and "medical-coder" in broken.stderr  # file, line, did you mean


def test_warnings_are_printed_again_from_the_cache(tmp_path):
    path = tmp_path / "warned.yaml"
    path.write_text("name: Sam\ncurrent_role: medical-coder\nexperience:\n  - role: claims-edit-specialist\n    years: 2\n")
    runs = [run_installed("next", "--profile", str(path)) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert "warning:" in runs[0].stderr and "not in experience" in runs[0].stderr
    assert runs[1].stderr == runs[0].stderr
    assert runs[1].stdout == runs[0].stdout


def test_a_profile_with_errors_is_never_stored(tmp_path, catalog):
    path = tmp_path / "bad.yaml"
    path.write_text("name: X\ncredentials: [NOPE]\n")
    for _ in range(2):
        with pytest.raises(ProfileError, match="unknown credential"):
            load_profile_cached(str(path), catalog, TODAY)
    assert cache_entries() == []


def test_another_day_checks_the_profile_again(tmp_path, catalog):
    path = tmp_path / "future.yaml"
    path.write_text("credentials:\n  - id: CPC\n    earned: 2027-01-10\n")
    assert load_profile_cached(str(path), catalog, date(2027, 2, 1)).profile.credentials[0].id == "CPC"
    with pytest.raises(ProfileError, match="in the future"):
        load_profile_cached(str(path), catalog, TODAY)


def test_other_data_checks_the_profile_again(tmp_path):
    path = tmp_path / "ladder.yaml"
    shutil.copyfile(LADDER / "profile.yaml", path)
    with_ladder = run_installed("next", "--profile", str(path), "--data", str(LADDER))
    assert with_ladder.returncode == 0, with_ladder.stderr
    without = run_installed("next", "--profile", str(path))
    assert without.returncode != 0 and "unknown role 'coder-iii'" in without.stderr


def test_the_same_bytes_under_another_name_are_reported_under_that_name(tmp_path, catalog, profile_file):
    load_profile_cached(str(profile_file), catalog, TODAY)
    other = tmp_path / "copy.yaml"
    shutil.copyfile(profile_file, other)
    assert load_profile_cached(str(other), catalog, TODAY).source == str(other)


@pytest.mark.parametrize("damage", ["symlink", "fifo", "writable by others", "corrupt", "truncated", "huge", "directory"])
def test_an_entry_it_cannot_trust_is_ignored(profile_file, catalog, tmp_path, damage):
    entry, real = planted(profile_file, catalog)
    if damage == "symlink":
        target = tmp_path / "elsewhere.pickle"
        entry.rename(target)
        entry.symlink_to(target)
    elif damage == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif damage == "writable by others":
        entry.chmod(0o666)
    elif damage == "corrupt":
        raw = bytearray(entry.read_bytes())
        raw[-20] ^= 0xFF
        entry.write_bytes(bytes(raw))
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-30])
    elif damage == "huge":
        with entry.open("r+b") as handle:
            handle.truncate(ENTRY_MAX_BYTES + 1)  # sparse: no disk is used
    elif damage == "directory":
        entry.unlink()
        entry.mkdir()
    loaded = load_profile_cached(str(profile_file), catalog, TODAY)
    assert loaded.profile.name == "Jane Doe" and loaded == real


def test_a_cache_directory_writable_by_others_is_not_trusted(profile_file, catalog):
    entry, _ = planted(profile_file, catalog)
    entry.parent.chmod(0o777)
    try:
        assert load_profile_cached(str(profile_file), catalog, TODAY).profile.name == "Jane Doe"
    finally:
        entry.parent.chmod(0o700)


def test_the_cache_lives_in_xdg_cache_home_and_can_be_turned_off(profile_file, tmp_path, monkeypatch):
    elsewhere = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(elsewhere))
    assert run_installed("next", "--profile", str(profile_file)).returncode == 0
    assert len(list((elsewhere / "codingpath").glob("profile-*.pickle"))) == 1
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "off"))
    monkeypatch.setenv("CODINGPATH_NO_CACHE", "1")
    assert run_installed("next", "--profile", str(profile_file)).returncode == 0
    assert not (tmp_path / "off").exists()


def test_standard_input_and_a_symlinked_profile_are_never_cached(profile_file, tmp_path, catalog):
    link = tmp_path / "link.yaml"
    link.symlink_to(profile_file)
    assert load_profile_cached(str(link), catalog, TODAY).profile.name == "Jane Doe"
    piped = run_installed("next", "--profile", "-", stdin=profile_file.read_text())
    assert piped.returncode == 0, piped.stderr
    assert cache_entries() == []


def test_a_fifo_given_as_the_profile_is_left_to_the_reader(tmp_path, catalog):
    """The cache never blocks on a FIFO; the ordinary reader then decides what to say about it."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    from codingpath.load.profile_cache import read_regular_file

    assert read_regular_file(fifo, 1000) is None
