"""The error hierarchy: where a problem is located and how it is said, and which exit code each
kind of error ends a command with."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.errors import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEM,
    CodingpathError,
    DataError,
    InputError,
    OutputError,
    Problem,
    ProfileError,
)


def test_exit_codes_follow_grep_and_diff_and_the_shells():
    assert (EXIT_OK, EXIT_PROBLEM, EXIT_INPUT) == (0, 1, 2)
    assert EXIT_INTERRUPTED == 128 + 2  # SIGINT


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("me.yaml", "is required"), "me.yaml: is required"),
    (Problem("me.yaml", "is required", line=3), "me.yaml:3: is required"),
    (Problem("me.yaml", "is required", line=3, column=7), "me.yaml:3:7: is required"),
    (Problem("me.yaml", "is required", column=7), "me.yaml: is required"),  # a column means nothing without a line
    (Problem("me.yaml", "is required", line=3, column=7, field="name"), "me.yaml:3:7: name: is required"),
    (Problem("", "CODINGPATH_TODAY is not a date"), "CODINGPATH_TODAY is not a date"),
])
def test_a_problem_is_said_file_line_column_field_message(problem: Problem, text: str):
    assert str(problem) == text


def test_a_problem_on_stderr_starts_with_its_severity():
    assert Problem("a.yaml", "bad", line=1).line_for_stderr() == "error: a.yaml:1: bad"
    assert Problem("a.yaml", "old", severity="warning").line_for_stderr() == "warning: a.yaml: old"


def test_a_problem_as_a_dict_keeps_every_field_for_json():
    assert Problem("a.yaml", "bad", 2, 5, "credentials", "warning").as_dict() == {
        "file": "a.yaml", "line": 2, "column": 5, "field": "credentials", "message": "bad", "severity": "warning"}


def test_equal_problems_are_equal_and_hashable():
    # Readers drop repeated problems with dict.fromkeys: that needs equality and a hash.
    assert len({Problem("a", "b", 1), Problem("a", "b", 1), Problem("a", "b", 2)}) == 2


def test_an_input_error_holds_its_problems_in_any_form():
    from_text = InputError("cannot read x")
    assert from_text.problems == [Problem("", "cannot read x")] and str(from_text) == "cannot read x"
    one = Problem("x.yaml", "bad", line=1)
    assert InputError(one).problems == [one]
    two = [one, Problem("x.yaml", "worse", line=2)]
    error = InputError(two)
    assert error.problems == two and str(error) == "x.yaml:1: bad\nx.yaml:2: worse"


@pytest.mark.parametrize("kind", [InputError, ProfileError, DataError, OutputError])
def test_every_error_is_a_usage_error_the_user_can_fix(kind: type[CodingpathError]):
    assert issubclass(kind, CodingpathError) and kind.exit_code == EXIT_INPUT


def test_profile_and_data_errors_are_input_errors():
    # A caller that catches InputError catches a bad profile and bad data too.
    assert issubclass(ProfileError, InputError) and issubclass(DataError, InputError)
    assert not issubclass(OutputError, InputError)


def test_the_command_turns_an_error_into_its_lines_and_exit_code(tmp_path):
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Jo\ncredentials: [CPX]\n")
    result = CliRunner().invoke(app, ["next", "--profile", str(profile)])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"error: {profile}:2:")
    assert "CPX" in result.stderr and "Traceback" not in result.stderr


def test_one_message_for_a_file_that_cannot_be_read():
    from codingpath.errors import unreadable

    def said(exc: OSError, **kw: str) -> str:
        return unreadable("me.yaml", exc, **kw).problems[0].message

    assert said(FileNotFoundError(2, "No such file or directory")) == "no such file"
    assert said(IsADirectoryError(21, "Is a directory"), directory="is a directory, not a YAML file") \
        == "is a directory, not a YAML file"
    assert said(PermissionError(13, "Permission denied")) == "cannot be read (permission denied)"
    assert said(OSError(5, "Input/output error")) == "cannot be read (Input/output error)"
