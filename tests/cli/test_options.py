"""The options and steps every command shares: the day ($CODINGPATH_TODAY, refused outside the
dates plans make sense from), which profile a command reads, the files its --output must not
replace, and usage errors with a "did you mean" for ids and choices."""

from __future__ import annotations

import typing
from datetime import date
from pathlib import Path

import pytest
import typer
from conftest import EXAMPLES, TODAY
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app
from codingpath.cli.options import (
    DEFAULT_PROFILE,
    PROFILE_ENV,
    TODAY_ENV,
    TODAY_RANGE,
    PageFormat,
    TableFormat,
    check_choice,
    command_inputs,
    load_person,
    profile_path,
    resolve_credential,
    resolve_role,
    today,
)
from codingpath.errors import InputError
from codingpath.models import TRACKS
from codingpath.render.view import Format


def test_today_is_the_fixed_day_when_one_is_set():
    assert today() == TODAY  # conftest sets CODINGPATH_TODAY


def test_today_is_the_clock_without_one(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(TODAY_ENV)
    assert today() == date.today()
    monkeypatch.setenv(TODAY_ENV, "")
    assert today() == date.today()


@pytest.mark.parametrize("fixed", ["tomorrow", "2026-13-01", "23/11/2026"])
def test_a_day_that_is_not_a_date_is_an_input_error(monkeypatch: pytest.MonkeyPatch, fixed: str):
    monkeypatch.setenv(TODAY_ENV, fixed)
    with pytest.raises(InputError, match=rf"CODINGPATH_TODAY='{fixed}' is not a date \(YYYY-MM-DD\)"):
        today()


def test_only_days_inside_the_planning_range_are_accepted(monkeypatch: pytest.MonkeyPatch):
    first, last = TODAY_RANGE
    for edge in (first, last):
        monkeypatch.setenv(TODAY_ENV, edge.isoformat())
        assert today() == edge
    for outside in ("1949-12-31", "2201-01-01", "0001-01-01"):
        monkeypatch.setenv(TODAY_ENV, outside)
        with pytest.raises(InputError, match="is outside the dates codingpath plans from"):
            today()


def test_the_profile_named_comes_before_the_variable_and_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / DEFAULT_PROFILE).write_text("name: Here\n")
    monkeypatch.setenv(PROFILE_ENV, "from-env.yaml")
    assert profile_path("given.yaml") == ("given.yaml", None)
    assert profile_path("-") == ("-", None)
    assert profile_path(None) == ("from-env.yaml", "from $CODINGPATH_PROFILE")
    monkeypatch.delenv(PROFILE_ENV)
    assert profile_path(None) == (DEFAULT_PROFILE, "found in the current folder")
    (tmp_path / DEFAULT_PROFILE).unlink()
    (tmp_path / DEFAULT_PROFILE).mkdir()  # a folder of that name is no profile
    with pytest.raises(typer.BadParameter, match="no profile: give --profile FILE, set CODINGPATH_PROFILE"):
        profile_path(None)


def test_a_profile_found_by_default_is_named_on_stderr(bundled_data: Catalog, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]):
    coder = str(EXAMPLES / "experienced-coder.yaml")
    monkeypatch.setenv(PROFILE_ENV, coder)
    loaded = load_person(None, bundled_data, TODAY)
    assert loaded.profile.name and capsys.readouterr().err == f"profile: {coder} (from $CODINGPATH_PROFILE)\n"
    load_person(coder, bundled_data, TODAY)
    assert capsys.readouterr().err == ""  # named on the command line: nothing to say


def test_the_inputs_an_output_must_not_replace(tmp_path: Path):
    assert command_inputs("me.yaml", None, "-", Path("answers.yaml")) == [Path("me.yaml"), Path("answers.yaml")]
    assert command_inputs("me.yaml", data=tmp_path) == [Path("me.yaml"), tmp_path / "roles.yaml",
                                                          tmp_path / "credentials.yaml"]
    assert command_inputs(data=tmp_path / "missing") == []  # not a folder: the data loader says so


def test_a_role_is_found_by_id_title_or_alias_in_any_case(bundled_data: Catalog):
    for text in ("coding-manager", "Coding Manager", "CODING MANAGER"):
        assert resolve_role(text, bundled_data, "--to") == "coding-manager"


def test_an_unknown_role_is_a_usage_error_with_the_nearest(bundled_data: Catalog):
    with pytest.raises(typer.BadParameter) as caught:
        resolve_role("codng manager", bundled_data, "--to")
    assert caught.value.message == "unknown role 'codng manager'; did you mean 'coding-manager'?"
    assert caught.value.param_hint == "--to"


def test_an_unknown_credential_says_where_to_look_when_nothing_is_near(bundled_data: Catalog):
    assert resolve_credential("cpc", bundled_data, "CREDENTIAL") == "CPC"
    with pytest.raises(typer.BadParameter, match=r"unknown credential 'CPX'; did you mean 'CPC'\?"):
        resolve_credential("CPX", bundled_data, "CREDENTIAL")
    with pytest.raises(typer.BadParameter, match=r"unknown credential 'ZZZZZZZZ' \(codingpath credentials lists them\)"):
        resolve_credential("ZZZZZZZZ", bundled_data, "CREDENTIAL")


def test_a_choice_is_checked_in_any_case_with_the_nearest():
    check_choice("--track", None, TRACKS)
    check_choice("--track", "Coding", TRACKS)
    with pytest.raises(typer.BadParameter) as caught:
        check_choice("--track", "Codng", TRACKS)
    assert caught.value.message.startswith("'Codng' is not one of coding, billing,")
    assert caught.value.message.endswith("; did you mean 'coding'?")


def test_a_bad_choice_on_the_command_line_exits_2():
    result = CliRunner().invoke(app, ["roles", "--track", "codng"])
    assert result.exit_code == 2
    assert "did you mean 'coding'?" in result.stderr


def test_the_table_formats_are_the_formats_a_view_is_written_in():
    assert {f.value for f in TableFormat} == set(typing.get_args(Format))
    assert {f.value for f in PageFormat} == {*typing.get_args(Format), "html", "svg"}
