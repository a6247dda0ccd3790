"""Shared fixtures: the bundled data, personas from examples/, a fixed 'today', a clean home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from codingpath.catalog import Catalog, load_catalog
from codingpath.profiles import load_profile

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


def run_installed(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None):
    """Run the real executable in a subprocess, from a directory outside the repo by default."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*installed_command(), *args], capture_output=True, text=True, cwd=cwd, input=stdin,
        env=full_env, timeout=60,
    )
