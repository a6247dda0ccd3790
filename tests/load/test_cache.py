"""The cache of validated data: used when nothing changed, never a source of stale answers.

Each test runs with its own empty $XDG_CACHE_HOME (conftest's autouse fixture). Whether a load came
from the cache is observed by making the YAML path unavailable, never by timing.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_installed

from codingpath.catalog import Catalog
from codingpath.errors import DataError
from codingpath.load import cache as cache_module
from codingpath.load import data as data_module
from codingpath.load.cache import CatalogCache
from codingpath.load.data import data_files, data_layers, load_catalog

LADDER = EXAMPLES / "employer-ladder"


def entries() -> list[Path]:
    directory = Path(os.environ["XDG_CACHE_HOME"]) / "codingpath"
    return sorted(directory.glob("catalog-*.pickle")) if directory.is_dir() else []


def forbid_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on reading the YAML fails the test: a load that succeeds came from the cache."""
    monkeypatch.setattr(data_module, "inspect_catalog",
                        lambda *a, **k: pytest.fail("the data was read from YAML, not from the cache"))


@pytest.fixture
def ladder(tmp_path: Path) -> Path:
    """A private copy of the example employer ladder, free to edit."""
    return Path(shutil.copytree(LADDER, tmp_path / "ladder"))


def test_a_second_load_comes_from_the_cache_and_equals_the_first(monkeypatch):
    fresh = load_catalog(use_env=False)  # reads the YAML and fills the cache
    assert len(entries()) == 1
    forbid_yaml(monkeypatch)
    cached = load_catalog(use_env=False)
    assert isinstance(cached, Catalog) and cached is not fresh
    assert cached.roles == fresh.roles and cached.credentials == fresh.credentials
    assert cached.trainings == fresh.trainings and cached.education == fresh.education
    assert cached.occupations == fresh.occupations and cached.files == fresh.files
    assert cached.role_id("Coding Manager") == "coding-manager" and cached.credential_id("cpc-a") == "CPC"
    # Lazily built validators still work on objects read back from the cache.
    source = cached.roles["coding-manager"].requirements.sources[0]
    assert source.model_dump()["url"] == source.url


def test_changing_a_data_file_is_seen_at_once(ladder: Path):
    before = load_catalog(ladder, use_env=False)
    assert before.roles["coder-i"].title == "Coder I"
    roles = ladder / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Coder I\n", "title: Coder Z\n", 1))  # same size
    after = load_catalog(ladder, use_env=False)
    assert after.roles["coder-i"].title == "Coder Z"
    assert len(entries()) == 2  # one entry per version of the files


def test_a_file_added_to_an_overlay_changes_the_key(ladder: Path):
    load_catalog(ladder, use_env=False)
    (ladder / "credentials.yaml").write_text((Path(data_module.bundled_data_dir()) / "credentials.yaml").read_text())
    assert len(data_files(data_layers(ladder, use_env=False))) == 4
    load_catalog(ladder, use_env=False)
    assert len(entries()) == 2


def test_the_key_covers_every_byte_path_and_version(tmp_path: Path, monkeypatch):
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.write_bytes(b"roles: []\n")
    two.write_bytes(b"roles: []\n")
    key = CatalogCache([one]).key
    assert key and CatalogCache([one]).key == key
    assert CatalogCache([two]).key != key  # same bytes, another file
    assert CatalogCache([one, two]).key != key
    one.write_bytes(b"roles: {}\n")  # the same size
    assert CatalogCache([one]).key != key
    one.write_bytes(b"roles: []\n")
    monkeypatch.setattr("codingpath.version.__version__", "99.0")
    assert CatalogCache([one]).key != key
    monkeypatch.undo()


def test_the_key_covers_the_code(tmp_path: Path, monkeypatch):
    data = tmp_path / "roles.yaml"
    data.write_bytes(b"roles: []\n")
    package = tmp_path / "codingpath"
    (package / "load").mkdir(parents=True)
    module = package / "models.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(cache_module, "CORE_DIRECTORIES", (package, package / "load"))
    key = CatalogCache([data]).key
    os.utime(module, ns=(1, 1_000_000_000))
    assert CatalogCache([data]).key != key  # an edited module (its mtime changed)
    key = CatalogCache([data]).key
    module.write_text("x = 22\n")
    os.utime(module, ns=(1, 1_000_000_000))
    assert CatalogCache([data]).key != key  # same mtime, other size
    key = CatalogCache([data]).key
    (package / "ladder.py").write_text("")
    assert CatalogCache([data]).key != key  # a new module
    key = CatalogCache([data]).key
    (package / "load" / "overlay.py").write_text("")
    assert CatalogCache([data]).key != key  # a new loader
    key = CatalogCache([data]).key
    (package / "notes.txt").write_text("")
    assert CatalogCache([data]).key == key  # not code


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]), id="last-byte-flipped"),
        # still a valid pickle, of the wrong data: only the entry's digest tells
        pytest.param(lambda raw: raw.replace(b"Coding Manager", b"Coding Mxnager"), id="a-title-altered"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b"not a cache\n" + raw, id="foreign-header"),
        pytest.param(lambda raw: os.urandom(len(raw)), id="noise"),
    ],
)
def test_a_damaged_entry_is_ignored_and_replaced(damage):
    expected = load_catalog(use_env=False)
    (entry,) = entries()
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_catalog(use_env=False).roles == expected.roles
    (entry,) = entries()
    assert CatalogCache(data_files(data_layers(use_env=False))).load() is not None  # rewritten whole


def test_an_entry_that_is_not_a_catalog_is_ignored():
    load_catalog(use_env=False)
    cache = CatalogCache(data_files(data_layers(use_env=False)))
    payload = pickle.dumps({"roles": {}})
    header = cache_module.FORMAT + cache.key.encode() + b"\n"
    cache.path.write_bytes(header + cache_module.hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    assert cache.load() is None
    assert load_catalog(use_env=False).roles  # the YAML again


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_could_have_written_is_not_trusted():
    load_catalog(use_env=False)
    (entry,) = entries()
    entry.chmod(0o666)
    cache = CatalogCache(data_files(data_layers(use_env=False)))
    assert cache.load() is None
    entry.chmod(0o600)
    entry.parent.chmod(0o777)
    assert cache.load() is None
    entry.parent.chmod(0o700)
    assert cache.load() is not None


def test_invalid_data_is_never_cached(ladder: Path):
    roles = ladder / "roles.yaml"
    roles.write_text(roles.read_text().replace("leads_to: [coder-ii]", "leads_to: [coder-iv]", 1))
    with pytest.raises(DataError, match="unknown role 'coder-iv'"):
        load_catalog(ladder, use_env=False)
    assert entries() == []
    with pytest.raises(DataError):  # and the second time too: nothing was stored
        load_catalog(ladder, use_env=False)


def test_a_file_that_changes_while_loading_is_not_stored(ladder: Path):
    files = data_files(data_layers(ladder, use_env=False))
    cache = CatalogCache(files)
    catalog = load_catalog(ladder, use_env=False)
    for entry in entries():
        entry.unlink()
    roles = ladder / "roles.yaml"
    roles.write_text(roles.read_text() + "\n# edited meanwhile\n")
    cache.store(catalog)  # keyed by the bytes before the edit: must not be stored under that key
    assert entries() == []


def test_an_unwritable_cache_directory_only_means_no_cache(tmp_path: Path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would go\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_catalog(use_env=False).roles
    assert load_catalog(use_env=False).roles


def test_caching_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("CODINGPATH_NO_CACHE", "1")
    load_catalog(use_env=False)
    assert entries() == []
    assert cache_module.cache_dir() is None


def test_a_relative_cache_home_is_ignored_as_the_xdg_spec_says(monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_module.cache_dir() == Path.home() / ".cache" / "codingpath"


def test_old_entries_are_pruned(ladder: Path):
    roles = ladder / "roles.yaml"
    text = roles.read_text()
    for n in range(cache_module.KEEP + 3):
        roles.write_text(text + f"\n# version {n}\n")
        load_catalog(ladder, use_env=False)
    assert len(entries()) == cache_module.KEEP


def test_the_installed_command_fills_and_uses_the_cache_with_the_same_output():
    first = run_installed("roadmap", "--format", "json")
    assert first.returncode == 0, first.stderr
    assert len(entries()) == 1
    second = run_installed("roadmap", "--format", "json")
    uncached = run_installed("roadmap", "--format", "json", env={"CODINGPATH_NO_CACHE": "1"})
    assert second.returncode == uncached.returncode == 0
    assert first.stdout == second.stdout == uncached.stdout
    profile = str(EXAMPLES / "experienced-coder.yaml")
    assert run_installed("next", "--profile", profile).stdout == run_installed(
        "next", "--profile", profile, env={"CODINGPATH_NO_CACHE": "1"}).stdout


def test_the_installed_command_sees_an_edited_overlay_at_once(ladder: Path):
    before = run_installed("roles", "--tier", "entry", "--format", "json", "--data", str(ladder))
    assert before.returncode == 0, before.stderr
    assert '"Coder I"' in before.stdout
    roles = ladder / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Coder I\n", "title: Coder Z\n", 1))  # same size
    after = run_installed("roles", "--tier", "entry", "--format", "json", "--data", str(ladder))
    assert after.returncode == 0
    assert '"Coder Z"' in after.stdout and '"Coder I"' not in after.stdout


# -- a shared or hostile cache directory ----------------------------------------------------------


def _entry_path() -> Path:
    cache = CatalogCache(data_files(data_layers(use_env=False)))
    assert cache.path is not None
    cache.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return cache.path


def test_a_fifo_named_like_an_entry_neither_hangs_nor_is_used():
    os.mkfifo(_entry_path(), 0o600)
    assert CatalogCache(data_files(data_layers(use_env=False))).load() is None
    result = run_installed("roles", "--format", "json")  # the command's own 60 s timeout would fail it
    assert result.returncode == 0 and '"roles"' in result.stdout


def test_a_link_named_like_an_entry_is_not_followed(tmp_path: Path):
    load_catalog(use_env=False)
    (entry,) = entries()
    real = tmp_path / "real.pickle"
    entry.rename(real)
    entry.symlink_to(real)
    assert CatalogCache(data_files(data_layers(use_env=False))).load() is None


def test_an_oversized_overlay_file_is_not_read_for_the_key(ladder: Path, monkeypatch: pytest.MonkeyPatch):
    roles = ladder / "roles.yaml"
    with open(roles, "r+b") as handle:
        handle.truncate(3_000_000_000)  # sparse: costs no disk
    real_open = os.open

    def watched(path, *args, **kwargs):
        assert Path(path) != roles, "the key read an oversized file"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", watched)
    assert CatalogCache(data_files(data_layers(ladder, use_env=False))).key is None
    with pytest.raises(DataError, match="larger than"):
        load_catalog(ladder, use_env=False)


def test_an_overlay_fifo_is_never_opened(ladder: Path):
    (ladder / "roles.yaml").unlink()
    os.mkfifo(ladder / "roles.yaml")
    with pytest.raises(DataError, match="holds neither"):
        load_catalog(ladder, use_env=False)


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    directory = Path(os.environ["XDG_CACHE_HOME"]) / "codingpath"
    directory.parent.mkdir(parents=True, exist_ok=True)
    directory.symlink_to(elsewhere)
    load_catalog(use_env=False)
    assert list(elsewhere.iterdir()) == []
def test_the_key_covers_every_module_that_loading_imports():
    code = ("import sys; from pathlib import Path; import codingpath.load.data as d; d.load_catalog(use_env=False);"
            "print('\\n'.join(str(Path(m.__file__).resolve().parent) for n, m in list(sys.modules.items())"
            " if n.startswith('codingpath') and getattr(m, '__file__', None)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "CODINGPATH_NO_CACHE": "1"})
    assert result.returncode == 0, result.stderr
    directories = {Path(line) for line in result.stdout.splitlines()}
    assert directories and directories <= {d.resolve() for d in cache_module.CORE_DIRECTORIES}
