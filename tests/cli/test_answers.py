"""The answer cache: a question asked again is answered as before, byte for byte, and anything that
could change the answer (the profile's bytes, an option, the day, the data) asks it afresh."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_installed


def answers() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "codingpath").glob("answer-*.pickle"))


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    return path


@pytest.mark.parametrize("args", [
    ["next"], ["next", "--all", "-f", "json"], ["roadmap"], ["roadmap", "-f", "csv"], ["plan", "--to", "coding-manager"],
])
def test_a_question_asked_again_gets_the_same_answer(profile_file, args):
    runs = [run_installed(*args, "--profile", str(profile_file)) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[1].stdout == runs[0].stdout and runs[1].stderr == runs[0].stderr
    assert len(answers()) == 1


def test_roles_asked_again_and_with_other_options():
    first, again = run_installed("roles"), run_installed("roles")
    assert first.stdout == again.stdout and len(answers()) == 1
    mid = run_installed("roles", "--tier", "mid")
    assert mid.stdout != first.stdout and len(answers()) == 2


def test_an_edit_that_keeps_size_and_time_is_answered_afresh(profile_file):
    first = run_installed("next", "--profile", str(profile_file))
    stat = profile_file.stat()
    profile_file.write_bytes(profile_file.read_bytes().replace(b"Jane Doe", b"Jane Roe"))
    os.utime(profile_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited = run_installed("next", "--profile", str(profile_file))
    assert "Jane Doe" in first.stdout and "Jane Roe" in edited.stdout and "Jane Doe" not in edited.stdout
    assert len(answers()) == 2


def test_another_day_or_other_data_is_answered_afresh(profile_file, tmp_path):
    args = ("next", "--profile", str(profile_file))
    run_installed(*args)
    run_installed(*args, env={"CODINGPATH_TODAY": "2027-01-05"})
    overlay = tmp_path / "ladder"
    overlay.mkdir()
    (overlay / "roles.yaml").write_text("roles: []\n")
    run_installed(*args, "--data", str(overlay))
    assert len(answers()) == 3


def test_the_default_profile_is_named_again_on_stderr(profile_file):
    (profile_file.parent / "profile.yaml").write_bytes(profile_file.read_bytes())
    runs = [run_installed("next", cwd=profile_file.parent) for _ in range(2)]
    assert "profile: profile.yaml (found in the current folder)" in runs[0].stderr
    assert runs[1].stderr == runs[0].stderr and runs[1].stdout == runs[0].stdout


def test_no_route_keeps_its_exit_code_from_the_cache(tmp_path):
    (tmp_path / "roles.yaml").write_text("""roles:
  - id: chief-informatics-officer
    title: Chief Informatics Officer
    tier: master
    tracks: [management]
    summary: An employer's top informatics post.
    requirements:
      education: doctorate
      confidence: confirmed
      sources: [{url: "https://intranet.example/ladder", as_of: "2026-01"}]
""")
    profile = tmp_path / "ana.yaml"
    profile.write_text("name: Ana\neducation: none\n")
    args = ["plan", "--profile", str(profile), "--to", "chief-informatics-officer", "--data", str(tmp_path)]
    runs = [run_installed(*args) for _ in range(2)]
    assert [r.returncode for r in runs] == [1, 1] and runs[1].stdout == runs[0].stdout
    assert len(answers()) == 1


def test_errors_are_never_stored(tmp_path):
    profile = tmp_path / "bad.yaml"
    profile.write_text("name: X\ncredentials: [NOPE]\n")
    runs = [run_installed("next", "--profile", str(profile)) for _ in range(2)]
    assert [r.returncode != 0 for r in runs] == [True, True] and answers() == []


def test_standard_input_and_no_cache_are_never_stored(profile_file):
    run_installed("next", "--profile", "-", stdin=profile_file.read_text())
    run_installed("next", "--profile", str(profile_file), env={"CODINGPATH_NO_CACHE": "1"})
    assert answers() == []


def test_a_corrupt_or_foreign_entry_is_ignored(profile_file):
    first = run_installed("next", "--profile", str(profile_file))
    (entry,) = answers()
    entry.write_bytes(entry.read_bytes()[:-10])  # truncated: the digest no longer matches
    assert run_installed("next", "--profile", str(profile_file)).stdout == first.stdout
    entry.chmod(0o666)  # writable by others: not trusted
    assert run_installed("next", "--profile", str(profile_file)).stdout == first.stdout


def test_an_entry_under_another_questions_name_is_ignored(profile_file):
    args = ("next", "--profile", str(profile_file))
    short = run_installed(*args)
    (entry,) = answers()
    every = run_installed(*args, "--all")
    (other,) = [path for path in answers() if path != entry]
    other.write_bytes(entry.read_bytes())  # the short list's answer under the --all question's name
    assert run_installed(*args, "--all").stdout == every.stdout != short.stdout


def test_a_team_with_a_skipped_profile_is_answered_again_with_its_errors_and_exit_code(tmp_path):
    staff = tmp_path / "staff"
    staff.mkdir()
    (staff / "jane.yaml").write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    (staff / "broken.yaml").write_text("name: [unclosed\n")
    roster = str(EXAMPLES.parent / "tests" / "rosters" / "team.csv")
    runs = [run_installed("team", str(staff), roster) for _ in range(2)]
    assert [r.returncode for r in runs] == [1, 1]
    assert "broken.yaml" in runs[0].stderr and "1 profile skipped" in runs[0].stderr
    assert runs[1].stdout == runs[0].stdout and runs[1].stderr == runs[0].stderr
    assert len(answers()) == 1


def test_a_team_is_cached_only_as_a_table_of_regular_files(tmp_path):
    roster = tmp_path / "team.csv"
    roster.write_bytes((EXAMPLES.parent / "tests" / "rosters" / "team.csv").read_bytes())
    link = tmp_path / "link.csv"
    link.symlink_to(roster)
    for args in (["-f", "json"], ["-f", "csv"], [str(link)]):
        assert run_installed("team", str(roster), *args).returncode == 0
    assert answers() == []
    run_installed("team", str(roster), "-f", "markdown")
    assert len(answers()) == 1


def test_a_big_teams_progress_bar_is_drawn_but_never_replayed(tmp_path, monkeypatch, capsys):
    """The bar goes to the terminal itself, not through the stderr the cache records and replays."""
    import io
    import sys
    from types import SimpleNamespace

    from codingpath.cli.team import PROGRESS_MIN, _show_team

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    roster = tmp_path / "team.csv"
    rows = "".join(f"P{n},high-school,,1,medical-coder\n" for n in range(PROGRESS_MIN + 20))
    roster.write_text("name,education_level,credentials,years_coding,current_role\n" + rows)
    assert roster.stat().st_size < 64_000  # small enough for the answer cache
    said = []
    for _ in range(2):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        _show_team([str(roster)], (), 6, 12, SimpleNamespace(value="table"), None)
        said.append(terminal.getvalue())
    assert "evaluating" in said[0]  # drawn while the team was evaluated
    assert said[1] == ""  # read back from the cache: nothing to replay
    assert len(answers()) == 1
    assert capsys.readouterr().out.count("Team readiness") == 2
