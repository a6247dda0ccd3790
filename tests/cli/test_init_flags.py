"""`codingpath.cli.init` called directly for its parts: flags answer their questions (overriding an
answers file), a bad flag is a usage error naming it, and '-' writes the profile to standard output."""

from __future__ import annotations

from datetime import date

import pytest
import typer
import yaml
from conftest import TODAY
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.cli.init import _apply_flags
from codingpath.load.questionnaire import Answers, Experience

runner = CliRunner()
NO_FLAGS = {"name": None, "education": None, "cahiim": None, "credential": None, "experience": None,
            "current_role": None, "target_role": None}


def applied(bundled_data, answers: Answers | None = None, **flags) -> Answers:
    answers = answers or Answers()
    _apply_flags(answers, bundled_data, TODAY, **{**NO_FLAGS, **flags})
    return answers


def test_no_flags_answer_nothing(bundled_data):
    assert applied(bundled_data).answered == set()


def test_each_flag_answers_its_question(bundled_data):
    got = applied(bundled_data, name="Ana", education="associate", cahiim=True, credential=["cpc-a=2024-05", "CCA"],
                  experience=["medical-coder=2"], current_role="Medical Coder", target_role="coding-manager")
    assert (got.name, got.education, got.cahiim_accredited) == ("Ana", "associate", True)
    assert [(h.id, h.apprentice, h.earned) for h in got.credentials] == [("CPC", True, "2024-05"), ("CCA", False, None)]
    assert got.experience == [Experience("medical-coder", 2)]
    assert (got.current_role, got.target_role) == ("medical-coder", "coding-manager")
    # CCA has no date: the questionnaire still asks when it was earned.
    assert "earned" not in got.answered and {"credentials", "experience", "name"} <= got.answered


def test_dated_credentials_answer_the_earned_question_too(bundled_data):
    got = applied(bundled_data, credential=["CPC=2023-01-15"])
    assert got.credentials[0].earned == date(2023, 1, 15) and "earned" in got.answered


def test_flags_override_an_answers_file(bundled_data):
    answers = Answers(name="Old", target_role="medical-coder")
    got = applied(bundled_data, answers, name="New")
    assert got.name == "New" and got.target_role == "medical-coder"


@pytest.mark.parametrize(("flags", "option"), [
    ({"credential": ["XYZZY"]}, "--credential"), ({"credential": ["CPC=2099-01"]}, "--credential"),
    ({"experience": ["medical-coder"]}, "--experience"), ({"current_role": "astronaut"}, "--current-role"),
    ({"target_role": "astronaut"}, "--target-role"), ({"education": "kindergarten"}, "--education"),
])
def test_a_bad_flag_is_a_usage_error_naming_it(bundled_data, flags, option):
    with pytest.raises(typer.BadParameter) as caught:
        applied(bundled_data, **flags)
    assert caught.value.param_hint == option


def test_a_dash_writes_the_profile_to_standard_output_and_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "-", "--no-input", "--name", "Ana", "--education", "high-school",
                                 "--credential", "CPC=2024-05", "--target-role", "medical-coder"])
    assert result.exit_code == 0, result.output
    profile = yaml.safe_load(result.stdout)
    assert profile["name"] == "Ana" and profile["target_role"] == "medical-coder"
    assert list(tmp_path.iterdir()) == []


def test_quiet_writes_without_a_word_and_verbose_shows_the_profile(tmp_path):
    quiet = tmp_path / "quiet.yaml"
    result = runner.invoke(app, ["init", str(quiet), "--no-input", "--name", "Q", "--quiet"])
    assert result.exit_code == 0 and quiet.exists() and "wrote" not in result.output
    loud = tmp_path / "loud.yaml"
    result = runner.invoke(app, ["init", str(loud), "--no-input", "--name", "L", "--verbose"])
    assert result.exit_code == 0 and f"wrote {loud}" in result.output and "name: L" in result.output
