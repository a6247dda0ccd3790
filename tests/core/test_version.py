"""The version is one string, read by `--version`, the installed package's metadata and
`python -m codingpath`, which runs the same command as the `codingpath` executable."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from importlib.metadata import version

import pytest

import codingpath
from codingpath.version import __version__


def test_the_version_is_a_release_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_package_and_its_metadata_say_the_same_version():
    assert codingpath.__version__ == __version__
    assert version("codingpath") == __version__  # pyproject reads it from codingpath/version.py


def test_python_m_codingpath_runs_the_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(sys, "argv", ["codingpath", "--version"])
    with pytest.raises(SystemExit) as ended:
        runpy.run_module("codingpath.__main__", run_name="__main__")
    assert ended.value.code in (0, None)
    assert capsys.readouterr().out == f"codingpath {__version__}\n"


def test_python_m_codingpath_in_a_process_of_its_own():
    result = subprocess.run([sys.executable, "-m", "codingpath", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"codingpath {__version__}\n", "")
