"""--profile may be left out when a default exists: $CODINGPATH_PROFILE, else ./profile.yaml."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from codingpath.cli import app


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("command", ["next", "plan", "renewals"])
def test_without_a_profile_or_a_default_the_error_says_where_to_get_one(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CODINGPATH_PROFILE", raising=False)
    result = invoke(command)
    assert result.exit_code == 2
    assert "no profile: give --profile FILE, set CODINGPATH_PROFILE, or run `codingpath init`" in result.stderr


def test_profile_yaml_in_the_current_folder_is_read_and_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CODINGPATH_PROFILE", raising=False)
    shutil.copy(EXAMPLES / "newcomer.yaml", tmp_path / "profile.yaml")
    result = invoke("next", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == "profile: profile.yaml (found in the current folder)\n"
    assert json.loads(result.stdout)["profile"]["file"].endswith("profile.yaml")


def test_the_environment_variable_comes_before_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "newcomer.yaml", tmp_path / "profile.yaml")
    chosen = str(EXAMPLES / "apprentice.yaml")
    monkeypatch.setenv("CODINGPATH_PROFILE", chosen)
    result = invoke("renewals", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == f"profile: {chosen} (from $CODINGPATH_PROFILE)\n"
    assert json.loads(result.stdout)["profile"]["file"] == chosen


def test_an_explicit_profile_is_read_without_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("CODINGPATH_PROFILE", str(tmp_path / "absent.yaml"))
    result = invoke("next", "--profile", str(EXAMPLES / "newcomer.yaml"), "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
