"""init: the questionnaire's answers checked one by one, the profile it writes loads, files are safe."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, run_installed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.load.profiles import load_profile
from codingpath.load.questionnaire import (
    AnswerError,
    Answers,
    Experience,
    Held,
    build_profile,
    parse_credentials,
    parse_date,
    parse_education,
    parse_role,
    parse_when,
    parse_yes_no,
    profile_yaml,
)
from codingpath.models import EDUCATION_LEVELS

runner = CliRunner()

# The answers a person types, one line per prompt, for an associate-degree coder with CPC and CCA.
JANE_TYPES = [
    "Jane Doe",           # name
    "assoc",              # education (a unique prefix is enough)
    "y",                  # CAHIIM-accredited?
    "",                   # field of study: skipped
    "cpc, CCA",           # credentials, any case
    "2021-06-15",         # CPC earned
    "",                   # CCA earned: unsure
    "Medical Coder",      # experience role, by title
    "2021-09",            # since September 2021
    "",                   # no more roles
    "",                   # courses: none
    "",                   # current role: the ongoing one is offered as the default
    "coding manager",     # target
]
JANE_PROFILE = {
    "name": "Jane Doe",
    "education": {"level": "associate", "cahiim_accredited": True},
    "credentials": [{"id": "CPC", "earned": date(2021, 6, 15)}, "CCA"],
    "experience": [{"role": "medical-coder", "start": "2021-09"}],
    "current_role": "medical-coder",
    "target_role": "coding-manager",
}


def init(*args: str, typed: list[str] | None = None):
    return runner.invoke(app, ["init", *args], input=None if typed is None else "\n".join(typed) + "\n")


# -- answers, one at a time ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "level"), [("3", "associate"), ("Bachelor's", "bachelor"), ("HS", "high-school"),
                                             ("high school", "high-school"), ("mast", "master"), ("6", "doctorate")])
def test_education_by_number_name_alias_or_prefix(text, level):
    assert parse_education(text) == level


def test_education_outside_the_list_says_what_would_do():
    with pytest.raises(AnswerError) as caught:
        parse_education("colege")
    assert str(caught.value) == ("'colege' is not one of none, high-school, associate, bachelor, master, doctorate")
    with pytest.raises(AnswerError, match="did you mean 'master'"):
        parse_education("mastr")


def test_credentials_any_case_apprentice_suffix_and_did_you_mean(bundled_data):
    held = parse_credentials("cpc-a, ccs-p RHIA", bundled_data)
    assert [(h.id, h.apprentice) for h in held] == [("CPC", True), ("CCS-P", False), ("RHIA", False)]
    assert parse_credentials("", bundled_data) == []
    with pytest.raises(AnswerError) as caught:
        parse_credentials("CPC, CCX", bundled_data)
    assert str(caught.value) == "unknown credential 'CCX'; did you mean 'CUC'?"
    with pytest.raises(AnswerError, match="CPC is named twice"):
        parse_credentials("CPC cpc", bundled_data)


def test_roles_by_id_title_or_alias(bundled_data):
    assert parse_role("Coding Manager", bundled_data) == "coding-manager"
    assert parse_role("coder", bundled_data) == "medical-coder"  # an alias
    assert parse_role(" ", bundled_data) is None
    with pytest.raises(AnswerError, match="unknown role 'codign manager'; did you mean 'coding-manager'"):
        parse_role("codign manager", bundled_data)


def test_dates_keep_the_precision_typed_and_refuse_the_future():
    assert parse_date("2021-06", TODAY) == "2021-06"
    assert parse_date("2021-6-5", TODAY) == date(2021, 6, 5)
    assert parse_date("", TODAY) is None
    with pytest.raises(AnswerError, match=r"^2027-01 is in the future \(today is 2026-11-23\)$"):
        parse_date("2027-01", TODAY)
    with pytest.raises(AnswerError, match="is not a real date"):
        parse_date("2021-02-30", TODAY)
    with pytest.raises(AnswerError, match="give the date as YYYY-MM or YYYY-MM-DD"):
        parse_date("June 2021", TODAY)


def test_how_long_is_years_a_start_or_a_span():
    assert parse_when("3.5", TODAY) == (3.5, None, None)
    assert parse_when("2", TODAY) == (2, None, None)
    assert parse_when("2021-09", TODAY) == (None, "2021-09", None)
    assert parse_when("2019-01..2021-06-30", TODAY) == (None, "2019-01", "2021-06-30")
    with pytest.raises(AnswerError, match="the end 2018-01 is before the start 2019-01"):
        parse_when("2019-01..2018-01", TODAY)
    with pytest.raises(AnswerError, match="between 0 and 60"):
        parse_when("70", TODAY)
    assert parse_yes_no("Y") is True and parse_yes_no("no") is False and parse_yes_no("") is None


# Every combination of valid answers gives a profile the real reader accepts, with the same content.
_held = st.lists(st.sampled_from(["CPC", "CCA", "CCS", "CRC", "CIC", "RHIT", "CPB"]), unique=True, max_size=4)
_roles = st.lists(st.sampled_from(["medical-coder", "coding-trainee", "coding-auditor", "him-manager"]),
                  unique=True, max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.none(), st.text(alphabet="abcdefghij XYZé'-", min_size=1, max_size=30).filter(str.strip)),
       level=st.sampled_from(EDUCATION_LEVELS[1:]), held=_held, roles=_roles,
       years=st.floats(min_value=0.5, max_value=10).map(lambda y: round(y, 1)),
       earned=st.dates(min_value=date(2016, 1, 1), max_value=TODAY))
def test_any_valid_answers_make_a_profile_that_loads(bundled_data, tmp_path_factory, name, level, held, roles, years,
                                                     earned):
    answers = Answers(name=" ".join(name.split()) if name else None, education=level,
                      credentials=[Held(c, earned=earned if i % 2 else None) for i, c in enumerate(held)],
                      experience=[Experience(r, years=years) for r in roles],
                      current_role=roles[0] if roles else None)
    path = tmp_path_factory.mktemp("p") / "profile.yaml"
    path.write_text(profile_yaml(build_profile(answers), TODAY), encoding="utf-8")
    profile = load_profile(str(path), bundled_data, TODAY).profile
    assert profile.name == answers.name and profile.education.level == level
    assert [(c.id, c.earned) for c in profile.credentials] == [(h.id, h.earned) for h in answers.credentials]
    assert [(e.role, e.years) for e in profile.experience] == [(r, years) for r in roles]


# -- the interactive questionnaire ----------------------------------------------------------------------

def test_the_questionnaire_writes_a_profile_that_loads(tmp_path, bundled_data):
    target = tmp_path / "me.yaml"
    result = init(str(target), typed=JANE_TYPES)
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(f"wrote {target}\nnext: codingpath next --profile {target}\n")
    assert "AAPC: CPC COC CRC" in result.stderr  # the credentials on offer come from the data
    from codingpath.load.yamlio import load_yaml

    assert load_yaml(target).data == JANE_PROFILE
    profile = load_profile(str(target), bundled_data, TODAY).profile
    assert [c.id for c in profile.credentials] == ["CPC", "CCA"] and profile.current_role == "medical-coder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.yaml"]  # no temp file left behind


def test_a_bad_answer_is_explained_and_asked_again(tmp_path):
    typed = list(JANE_TYPES)
    typed[1:2] = ["colege", "3"]                        # education: wrong, then right
    typed[5:6] = ["CPC, CCX", "cpc, CCA"]               # credentials (index shifted by the extra line)
    typed[7:8] = ["2030-01", "2021-06-15"]              # CPC earned: future, then right
    target = tmp_path / "me.yaml"
    result = init(str(target), typed=typed)
    assert result.exit_code == 0, result.stderr
    assert "'colege' is not one of none, high-school, associate, bachelor, master, doctorate (try again)" in result.stderr
    assert "unknown credential 'CCX'; did you mean 'CUC'? (try again; '?' lists the choices)" in result.stderr
    assert "2030-01 is in the future (today is 2026-11-23) (try again)" in result.stderr
    from codingpath.load.yamlio import load_yaml

    assert load_yaml(target).data == JANE_PROFILE


def test_a_question_mark_lists_the_roles_from_the_data(tmp_path):
    typed = list(JANE_TYPES)
    typed[7:7] = ["?"]
    result = init(str(tmp_path / "me.yaml"), typed=typed)
    assert result.exit_code == 0, result.stderr
    assert "  mid: coder-ii, coding-auditor," in result.stderr


def test_input_that_ends_early_is_exit_2_and_writes_nothing(tmp_path):
    target = tmp_path / "me.yaml"
    result = init(str(target), typed=JANE_TYPES[:3])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "error: standard input ended before the questionnaire was finished; "
        "for scripts use --from-answers FILE, or flags with --no-input")
    assert not target.exists()


def test_an_existing_file_is_refused_before_any_question_and_kept(tmp_path):
    target = tmp_path / "me.yaml"
    target.write_text("name: Old\n")
    result = init(str(target), typed=JANE_TYPES)
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: already exists; not overwriting it (use --force to replace it)\n"
    assert target.read_text() == "name: Old\n"
    forced = init(str(target), "--force", typed=JANE_TYPES)
    assert forced.exit_code == 0, forced.stderr
    assert f"wrote {target} (the previous file is kept as {target}.bak)" in forced.stderr
    assert (tmp_path / "me.yaml.bak").read_text() == "name: Old\n"
    assert target.read_text().count("name: Jane Doe") == 1


def test_the_default_file_is_profile_yaml_in_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = init("--no-input", "--quiet", "--education", "high-school")
    assert result.exit_code == 0 and result.stderr == ""
    assert (tmp_path / "profile.yaml").read_text().endswith("education: high-school\n")


# -- for scripts: an answers file, or flags -------------------------------------------------------------

ANSWERS = """\
name: Lee Park
education: high school
credentials: CPC-A, CCA
earned: {CPC: 2025-05-10}
experience:
  - coding-trainee=2025-06
  - {role: medical records clerk, years: 2}
current_role: coding-trainee
target_role: Medical Coder
"""


def test_an_answers_file_makes_the_same_profile_with_canonical_ids(tmp_path, bundled_data):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS)
    result = init("-", "--from-answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# codingpath profile, written by `codingpath init` on 2026-11-23.")
    out = tmp_path / "p.yaml"
    out.write_text(result.stdout)
    profile = load_profile(str(out), bundled_data, TODAY).profile
    assert [(c.id, c.apprentice, c.earned) for c in profile.credentials] == [
        ("CPC", True, date(2025, 5, 10)), ("CCA", False, None)]
    assert [(e.role, e.years, e.start) for e in profile.experience] == [
        ("coding-trainee", None, date(2025, 6, 1)), ("medical-records-clerk", 2, None)]
    assert (profile.current_role, profile.target_role) == ("coding-trainee", "medical-coder")


def test_every_bad_answer_in_a_file_is_reported_at_once_with_its_line(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "educaton: high school\n"
        "credentials: [CPC-A, CCX]\n"
        "earned: {CPC: 2030-05-10, CCA: 2020-01}\n"
        "experience:\n"
        "  - coding-trainee:2025-06\n"
        "target_role: Medical Codr\n"
    )
    result = init("-", "--from-answers", str(answers))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {answers}:1:1: educaton: unknown answer 'educaton'; did you mean 'education'?",
        f"error: {answers}:2:22: credentials[1]: unknown credential 'CCX'; did you mean 'CUC'?",
        f"error: {answers}:3:15: earned.CPC: 2030-05-10 is in the future (today is 2026-11-23)",
        f"error: {answers}:3:27: earned.CCA: 'CCA' is not among the credentials answered",
        f"error: {answers}:5:5: experience[0]: 'coding-trainee:2025-06': write ROLE=YEARS or ROLE=YYYY-MM "
        "(e.g. medical-coder=2021-09)",
        f"error: {answers}:6:14: target_role: unknown role 'Medical Codr'; did you mean 'medical-coder'?",
    ]


def test_flags_with_no_input(bundled_data, tmp_path):
    target = tmp_path / "dana.yaml"
    result = init(str(target), "--no-input", "--name", "Dana", "--education", "master", "--cahiim",
                  "-c", "RHIA=2014-05-20", "-c", "ccs", "-e", "coding-manager=2019-01", "--current-role",
                  "Coding Manager", "--target-role", "coding-director")
    assert result.exit_code == 0, result.stderr
    profile = load_profile(str(target), bundled_data, TODAY).profile
    assert profile.education.cahiim_accredited and profile.education.level == "master"
    assert [(c.id, c.earned) for c in profile.credentials] == [("RHIA", date(2014, 5, 20)), ("CCS", None)]
    assert profile.target_role == "coding-director"


def test_a_bad_flag_is_a_usage_error(tmp_path):
    result = init(str(tmp_path / "x.yaml"), "--no-input", "-c", "CCX")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --credential: unknown credential 'CCX'; did you mean 'CUC'?")


def test_flags_answer_their_questions_and_the_rest_are_asked(tmp_path):
    target = tmp_path / "me.yaml"
    # name, education and credentials come from flags; the questionnaire asks the rest.
    typed = ["", "", "Medical Coder", "2021-09", "", "", "", "coding manager"]
    result = init(str(target), "--name", "Jane Doe", "--education", "associate", "--no-cahiim",
                  "-c", "CPC=2021-06-15", "-c", "CCA", typed=typed)
    assert result.exit_code == 0, result.stderr
    assert "Your name" not in result.stderr and "Highest education" not in result.stderr
    assert "When did you earn CCA?" in result.stderr and "When did you earn CPC?" not in result.stderr
    from codingpath.load.yamlio import load_yaml

    assert load_yaml(target).data == {**JANE_PROFILE, "education": "associate"}


def test_the_installed_command_writes_a_profile_that_next_reads(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS)
    made = run_installed("init", "lee.yaml", "--from-answers", str(answers), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stderr == "wrote lee.yaml\nnext: codingpath next --profile lee.yaml\n"
    nxt = run_installed("next", "--profile", "lee.yaml", "--format", "json", cwd=tmp_path)
    assert nxt.returncode == 0, nxt.stderr
    assert '"name": "Lee Park"' in nxt.stdout
    again = run_installed("init", "lee.yaml", "--from-answers", str(answers), cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == "error: lee.yaml: already exists; not overwriting it (use --force to replace it)\n"
    assert Path(tmp_path / "lee.yaml").read_text().startswith("# codingpath profile")


def test_the_documented_session_is_what_init_prints(tmp_path, monkeypatch):
    """docs/commands/init.md shows a session as a terminal would (prompt, then the typed answer);
    replaying its answers must print exactly its prompts and messages."""
    page = (ROOT / "docs" / "commands" / "init.md").read_text(encoding="utf-8")
    block = page.split("```\n$ codingpath init me.yaml\n", 1)[1].split("```", 1)[0]
    typed = ["Jane Doe", "assoc", "y", "", "CPC, CCX", "CPC, CCA", "2021-06-15", "", "Medical Coder", "2021-09",
             "", "", "", "coding manager"]
    expected, answers = "", list(typed)
    for line in block.splitlines():
        answer = answers[0] if answers else None
        if answer is not None and (line.endswith(": " + answer) if answer else line.endswith(":")):
            expected += (line[: len(line) - len(answer)] if answer else line + " ")
            answers.pop(0)
        else:
            expected += line + "\n"
    assert answers == []
    monkeypatch.chdir(tmp_path)
    result = init("me.yaml", typed=typed)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == expected
