"""Shared fixtures: the bundled data, personas from examples/, a fixed 'today', a clean home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Generator
from datetime import date
from pathlib import Path

# Before anything else is imported or loaded (module-level catalogs, session fixtures), the whole
# run gets a home and XDG directories of its own: the suite never reads or writes the user's.
REAL_HOME = Path(os.environ.get("HOME", "~")).expanduser()
REAL_HOME_WAS_EMPTY = REAL_HOME.is_dir() and not any(REAL_HOME.iterdir())
SESSION_HOME = Path(tempfile.mkdtemp(prefix="codingpath-test-home-"))
os.environ["HOME"] = str(SESSION_HOME)
for variable, folder in [("XDG_CACHE_HOME", ".cache"), ("XDG_CONFIG_HOME", ".config"),
                         ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")]:
    os.environ[variable] = str(SESSION_HOME / folder)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from codingpath.catalog import Catalog  # noqa: E402
from codingpath.load.data import load_catalog  # noqa: E402
from codingpath.load.profiles import load_profile  # noqa: E402

# Property tests: no example database in the working tree, no per-example deadline a loaded 2-core
# machine can break, and the same examples on every CI run.
settings.register_profile("dev", deadline=None, database=None)
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Reproducible output, and a tripwire home: nothing may touch the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("CODINGPATH_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("CODINGPATH_DATA", raising=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    """In CI every tool a test needs is installed (.ci/run does it), so a skip there is a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where nothing may be: {report.longrepr}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The tripwire: a home that was empty before the run is empty after it."""
    shutil.rmtree(SESSION_HOME, ignore_errors=True)
    if REAL_HOME_WAS_EMPTY and any(REAL_HOME.iterdir()):
        written = sorted(str(p.relative_to(REAL_HOME)) for p in REAL_HOME.rglob("*"))
        sys.stderr.write(f"\nthe test suite wrote into the real home {REAL_HOME}: {written[:10]}\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def bundled_data() -> Catalog:
    return load_catalog(use_env=False)


def persona(name: str, catalog: Catalog):
    return load_profile(str(EXAMPLES / f"{name}.yaml"), catalog, TODAY).profile


@pytest.fixture
def newcomer(bundled_data: Catalog):
    return persona("newcomer", bundled_data)


@pytest.fixture
def experienced_coder(bundled_data: Catalog):
    return persona("experienced-coder", bundled_data)


@pytest.fixture
def director_candidate(bundled_data: Catalog):
    return persona("director-candidate", bundled_data)


@pytest.fixture
def apprentice(bundled_data: Catalog):
    return persona("apprentice", bundled_data)


def installed_command() -> list[str]:
    """The installed `codingpath` executable next to this interpreter (or on PATH)."""
    exe = Path(sys.executable).with_name("codingpath")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("codingpath")
    assert found, "the codingpath command is not installed; run `pip install .` first"
    return [found]


def as_unprivileged(command: list[str]) -> list[str]:
    """`command` as the user 'nobody' when the suite runs as root, who reads and writes past any
    permission; skipped (a failure in CI) where 'nobody' cannot reach the installed command."""
    if os.geteuid() != 0:
        return command
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = subprocess.run([*prefix, *installed_command(), "--version"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip("the user 'nobody' cannot run the installed codingpath from here (a folder above it is "
                    "private); run the suite from a checkout others may enter, as .ci/run does")
    return [*prefix, *command]


def run_installed(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None):
    """Run the real executable in a subprocess, from a directory outside the repo by default."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*installed_command(), *args], capture_output=True, text=True, cwd=cwd, input=stdin,
        env=full_env, timeout=60,
    )
