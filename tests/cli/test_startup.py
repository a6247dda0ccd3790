"""Guards of the start-up budget, without timing anything: what each kind of run imports.

Timings live in `benchmarks/run.py`; machines are too noisy for them here. What a run imports is
exact: `--help` and `--version` never load the data layer, the core never loads the UI, a command
whose data is cached never parses YAML or re-checks the data, and Typer builds only the command run.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest
import typer
from conftest import EXAMPLES, installed_command

import codingpath
from codingpath.cli import app
from codingpath.cli.startup import invoked_command, only_invoked_command

DATA_LAYER = ("pydantic", "yaml", "codingpath.models", "codingpath.catalog", "codingpath.engine",
              "codingpath.load.profiles", "codingpath.load.yamlio", "codingpath.load.cache")
UI = ("typer", "rich", "click")
UI_PACKAGES = ("cli", "render")  # the only parts of codingpath allowed to import the UI


def core_modules() -> list[str]:
    """Every module of the package outside cli/ and render/ (a new one is covered automatically)."""
    names = []
    for info in pkgutil.walk_packages(codingpath.__path__, "codingpath."):
        parts = info.name.split(".")
        if parts[1] in UI_PACKAGES or parts[1] in ("__main__", "data"):
            continue
        names.append(info.name)
    return names


def modules_after(code: str) -> set[str]:
    """The modules loaded once `code` has run in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint('\\nMODULES ' + json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    marker = [line for line in result.stdout.splitlines() if line.startswith("MODULES ")]
    assert marker, f"exit {result.returncode}: {result.stderr}"
    return set(json.loads(marker[-1][len("MODULES "):]))


def modules_after_running(*args: str) -> set[str]:
    """The modules loaded by a run of the CLI's entry point with these arguments."""
    return modules_after(
        "import sys\n"
        f"sys.argv = ['codingpath', *{list(args)!r}]\n"
        "from codingpath.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in names or m.startswith(tuple(f"{n}." for n in names)))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-h"], ["-V"], []])
def test_help_and_version_do_not_load_the_data_layer(args):
    assert loaded(modules_after_running(*args), DATA_LAYER) == []


@pytest.mark.parametrize("args", [["next", "--help"], ["roadmap", "-h"], ["data", "--help"], ["data", "check", "--help"]])
def test_a_commands_help_does_not_load_codingpaths_data_layer(args):
    # Typer itself imports pydantic here (to coerce the group's options), as in any Typer app.
    assert loaded(modules_after_running(*args), tuple(m for m in DATA_LAYER if m != "pydantic")) == []


def test_the_installed_executable_shows_help_without_the_data_layer():
    result = subprocess.run([sys.executable, "-X", "importtime", *installed_command(), "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Usage: codingpath" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "codingpath.cli" in imported  # the check sees codingpath's own imports
    assert loaded(imported, DATA_LAYER) == []


def test_the_core_never_imports_typer_rich_or_click():
    core = core_modules()
    assert {"codingpath.models", "codingpath.engine", "codingpath.catalog", "codingpath.load.cache"} <= set(core)
    modules = modules_after("\n".join(f"import {name}" for name in core))
    assert set(core) <= modules
    assert loaded(modules, UI) == []


def test_importing_the_models_builds_no_validator():
    """Validators are built on first use (defer_build): a cached catalog never needs the data's."""
    modules = modules_after(
        "import pydantic, codingpath.models as m\n"
        "built = [n for n, c in vars(m).items() if isinstance(c, type) and issubclass(c, pydantic.BaseModel)"
        " and c.__pydantic_complete__]\n"
        "assert built == [], built"
    )
    assert "codingpath.models" in modules


def test_a_cached_catalog_is_neither_parsed_nor_checked_again():
    profile = str(EXAMPLES / "experienced-coder.yaml")
    first = modules_after_running("roles")  # fills the cache in this test's own cache directory
    assert "codingpath.load.crosscheck" in first
    for args in (["roles"], ["roadmap"]):
        modules = modules_after_running(*args)
        assert "codingpath.load.cache" in modules
        assert loaded(modules, ("yaml", "codingpath.load.yamlio", "codingpath.load.crosscheck")) == [], args
    assert "codingpath.load.crosscheck" not in modules_after_running("next", "--profile", profile)


def test_a_profile_seen_before_is_neither_parsed_nor_validated_again(tmp_path):
    """The validated-profile cache: a repeated `next` (or any command reading the same profile)
    imports neither PyYAML, the YAML reader, the profile checks nor the validation helpers."""
    profile = tmp_path / "me.yaml"
    profile.write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    reader = ("yaml", "codingpath.load.yamlio", "codingpath.load.profiles", "codingpath.load.validation",
              "codingpath.load.crosscheck")
    runs = {
        "first": modules_after_running("next", "--profile", str(profile)),
        "again": modules_after_running("next", "--profile", str(profile)),
        "next --all": modules_after_running("next", "--all", "--profile", str(profile)),
        "roadmap --profile": modules_after_running("roadmap", "--profile", str(profile)),
    }
    assert "yaml" in runs["first"] and "codingpath.load.profiles" in runs["first"]
    for name in ("again", "next --all", "roadmap --profile"):
        assert "codingpath.load.profile_cache" in runs[name]
        assert loaded(runs[name], reader) == [], name
    profile.write_bytes(profile.read_bytes().replace(b"Jane Doe", b"Jane Roe"))  # same size
    assert "yaml" in modules_after_running("next", "--profile", str(profile))


def test_a_cached_run_builds_no_validator(tmp_path):
    profile = tmp_path / "me.yaml"
    profile.write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    code = (
        "import sys\n"
        f"sys.argv = ['codingpath', 'next', '--profile', {str(profile)!r}]\n"
        "from codingpath.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import pydantic, codingpath.models as m\n"
        "built = sorted(n for n, c in vars(m).items() if isinstance(c, type) and issubclass(c, pydantic.BaseModel)"
        " and c.__pydantic_complete__)\n"
        "print('BUILT', built)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    built = first.stdout.splitlines()[-1]
    # The first run validates the data files; the profile goes through the quick reader, no validator.
    assert "'CredentialsFile'" in built and "'Profile'" not in built, first.stderr
    assert again.stdout.splitlines()[-1] == "BUILT []", again.stderr


def test_an_edited_profile_is_read_without_pydantic(tmp_path):
    """With the data cached, a changed profile is parsed and checked by the quick reader
    (`load/quick_profile.py`): neither pydantic nor the models are imported. A value only the model
    can judge (years written as text) still goes to the model."""
    profile = tmp_path / "me.yaml"
    profile.write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    modules_after_running("next", "--profile", str(profile))  # fills the data cache
    profile.write_bytes(profile.read_bytes().replace(b"Jane Doe", b"Jane Roe"))  # same size
    edited = modules_after_running("next", "--profile", str(profile))
    assert "codingpath.load.quick_profile" in edited and "yaml" in edited
    assert loaded(edited, ("pydantic", "codingpath.models", "typer._adapters")) == []
    profile.write_text("name: Sam\nexperience:\n  - role: medical-coder\n    years: '3'\n", encoding="utf-8")
    unusual = modules_after_running("next", "--profile", str(profile))
    assert "codingpath.models" in unusual and "pydantic" in unusual


def test_typer_builds_only_the_command_a_run_names():
    every = set(typer.main.get_command(app).commands)
    assert {"next", "roles", "roadmap", "data"} <= every
    with only_invoked_command(app, ["next", "--profile", "me.yaml"]):
        assert set(typer.main.get_command(app).commands) == {"next"}
    with only_invoked_command(app, ["data", "check"]):
        assert set(typer.main.get_command(app).commands) == {"data"}
    assert set(typer.main.get_command(app).commands) == every  # restored


@pytest.mark.parametrize(
    "args",
    [[], ["--help"], ["--version", "next"], ["nxt"], ["-h", "next"], ["--data", "x", "next"]],
)
def test_anything_but_a_named_command_builds_them_all(args):
    assert invoked_command(app, args) is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"COMP_WORDS": "codingpath roles --tier ", "COMP_CWORD": "3"}, "roles"),
        ({"COMP_WORDS": "codingpath ro", "COMP_CWORD": "1"}, None),  # completing the command's name
        ({"COMP_WORDS": "codingpath roles", "COMP_CWORD": "1"}, None),  # 'roles' may become 'roles2'
        ({"_TYPER_COMPLETE_ARGS": "codingpath roles --tier "}, "roles"),  # zsh, fish
        ({"_TYPER_COMPLETE_ARGS": "codingpath roles"}, None),
        ({"COMP_WORDS": "codingpath 'unbalanced", "COMP_CWORD": "1"}, None),
    ],
)
def test_completion_builds_only_the_command_being_completed(monkeypatch, env, expected):
    monkeypatch.setenv("_CODINGPATH_COMPLETE", "complete_bash")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert invoked_command(app, []) == expected


def test_every_command_still_runs_through_the_entry_point():
    for name in sorted(typer.main.get_command(app).commands):
        result = subprocess.run([*installed_command(), name, "--help"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (name, result.stderr)
        assert f"Usage: codingpath {name}" in result.stdout


@pytest.mark.parametrize("args", [
    ["roles", "--tier", "mid", "-f", "JSON"],
    ["next", "--profile", str(EXAMPLES / "experienced-coder.yaml"), "--min-tenure", "6", "--data", "."],
])
def test_options_are_coerced_without_typers_pydantic_adapters(args):
    """Plain option values (strings, whole numbers, enum values, paths) need no TypeAdapter each."""
    assert loaded(modules_after_running(*args), ("typer._adapters", "pydantic.type_adapter")) == []


@pytest.mark.parametrize("args", [
    ["next", "--profile", "{profile}"],
    ["roles"],
    ["roadmap", "--profile", "{profile}"],
    ["plan", "--profile", "{profile}", "--to", "coding-manager"],
])
def test_a_question_asked_before_imports_neither_pydantic_the_models_nor_the_planner(tmp_path, args):
    """The answer cache (cli/answers.py): asked again, a command reads back its View."""
    profile = tmp_path / "me.yaml"
    profile.write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    args = [arg.format(profile=profile) for arg in args]
    heavy = ("pydantic", "codingpath.models", "codingpath.planning", "codingpath.engine", "yaml",
             "codingpath.load.data", "typer._adapters")
    first = modules_after_running(*args)
    assert "codingpath.models" in first and "pydantic" in first
    again = modules_after_running(*args)
    assert "codingpath.cli.answers" in again
    assert loaded(again, heavy) == []
    profile.write_bytes(profile.read_bytes().replace(b"Jane Doe", b"Jane Roe"))  # same size
    if "--profile" in args:
        assert "codingpath.load.profiles" in modules_after_running(*args)


def test_a_csv_roster_is_read_without_pyyaml():
    """Roster rows become documents in memory (`load/document.py`): the YAML reader is for files.
    (As JSON: the table would come from the answer cache the second time.)"""
    roster = str(EXAMPLES.parent / "tests" / "rosters" / "team.csv")
    modules_after_running("team", roster, "-f", "json")  # fills the data cache
    modules = modules_after_running("team", roster, "-f", "json")
    assert "codingpath.team.evaluate" in modules
    assert loaded(modules, ("yaml", "codingpath.load.yamlio")) == []


def test_a_team_asked_about_before_is_read_back_and_an_edited_file_is_read_again(tmp_path):
    """`team`'s tables come from the answer cache for the same files; a profile in the folder edited
    to the same size, or a new file in it, is a new question."""
    staff = tmp_path / "staff"
    staff.mkdir()
    (staff / "jane.yaml").write_bytes((EXAMPLES / "experienced-coder.yaml").read_bytes())
    roster = EXAMPLES.parent / "tests" / "rosters" / "team.csv"
    args = ("team", str(staff), str(roster))
    assert "codingpath.team.evaluate" in modules_after_running(*args)
    again = modules_after_running(*args)
    assert "codingpath.cli.answers" in again
    assert loaded(again, ("pydantic", "codingpath.models", "codingpath.planning", "codingpath.team", "yaml")) == []
    jane = staff / "jane.yaml"
    jane.write_bytes(jane.read_bytes().replace(b"Jane Doe", b"Jane Roe"))  # same size
    assert "codingpath.team.evaluate" in modules_after_running(*args)
    (staff / "notes.txt").write_text("not a profile")
    assert "codingpath.team.evaluate" in modules_after_running(*args)
