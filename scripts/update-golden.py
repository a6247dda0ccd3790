#!/usr/bin/env python3
"""Regenerate tests/golden/: every command's output on the example profiles, in every format.

The golden files pin what codingpath prints, byte for byte, so that moving code between modules
cannot change a single character unnoticed. tests/cli/test_golden.py runs the same cases and
compares. Run this script only when a change of output is intended, and review the diff:

    .venv/bin/python scripts/update-golden.py && git diff --stat tests/golden

Each case runs in-process through Typer's CliRunner from the repository root, with a fixed
`CODINGPATH_TODAY`, the bundled data named `data/` (not this checkout's absolute path),
`NO_COLOR=1`, `COLUMNS=80`, a cache in a temporary home (the catalog cache is
transparent, and it makes the cases several times faster) and no `CODINGPATH_DATA`. Standard output
goes to `tests/golden/NAME.EXT`; the arguments, exit code and standard error go to `index.json`.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
INDEX = GOLDEN / "index.json"
TODAY = "2026-11-23"

PROFILES = ("newcomer", "apprentice", "experienced-coder", "director-candidate")
TABLES = ("table", "json", "markdown", "csv")
EXTENSION = {
    "table": "txt", "json": "json", "markdown": "md", "csv": "csv", "html": "html", "svg": "svg",
    "ics": "ics", "mermaid": "mmd", "dot": "dot", "help": "txt", "yaml": "yaml",
}
COMMANDS = ("next", "roles", "roadmap", "renewals", "graph", "init", "check", "team", "plan",
            "credentials", "credential", "role", "data", "data check")
# deep-nesting.yaml is left out: what PyYAML makes of it differs between PyYAML releases.
BAD_PROFILES = sorted(
    f"tests/bad_inputs/profiles/{p.name}" for p in (ROOT / "tests/bad_inputs/profiles").glob("*.yaml")
    if p.name != "deep-nesting.yaml"
)
BAD_DATA = sorted(p.name for p in (ROOT / "tests/bad_inputs/data").iterdir() if p.is_dir())
LADDER = "examples/employer-ladder"
ANSWERS = "tests/golden/inputs/answers.yaml"
TYPED = "tests/golden/inputs/typed.txt"


class Case(NamedTuple):
    """One command line whose standard output is kept as NAME.EXT."""

    name: str
    ext: str
    args: tuple[str, ...]
    stdin: str | None = None


def profile(name: str) -> str:
    return f"examples/{name}.yaml"


def _tabular(name: str, args: tuple[str, ...], formats: tuple[str, ...] = TABLES) -> Iterator[Case]:
    for fmt in formats:
        yield Case(f"{name}.{fmt}", EXTENSION[fmt], (*args, "--format", fmt))


def _explore_cases() -> Iterator[Case]:
    for who in PROFILES:
        yield from _tabular(f"next.{who}", ("next", "--profile", profile(who)))
        yield from _tabular(f"next.{who}.all", ("next", "--profile", profile(who), "--all"))
        yield from _tabular(f"roadmap.{who}", ("roadmap", "--profile", profile(who)),
                            (*TABLES, "html", "svg"))
    yield from _tabular("roles", ("roles",))
    yield from _tabular("roles.mid-audit", ("roles", "--tier", "mid", "--track", "audit"))
    yield from _tabular("roles.management", ("roles", "--track", "management"))
    yield from _tabular("roadmap", ("roadmap",), (*TABLES, "html", "svg"))
    yield from _tabular("next.ladder", ("next", "--profile", f"{LADDER}/profile.yaml", "--data", LADDER))
    yield from _tabular("roadmap.ladder", ("roadmap", "--data", LADDER))


def _renewals_cases() -> Iterator[Case]:
    for who in PROFILES:
        yield from _tabular(f"renewals.{who}", ("renewals", "--profile", profile(who)), (*TABLES, "ics"))
        yield Case(f"renewals.{who}.verbose", "txt", ("renewals", "--profile", profile(who), "-v"))
        yield Case(f"renewals.{who}.quiet", "txt", ("renewals", "--profile", profile(who), "-q"))
    yield from _tabular("renewals.ladder", ("renewals", "--profile", f"{LADDER}/profile.yaml",
                                            "--data", LADDER), (*TABLES, "ics"))


def _graph_cases() -> Iterator[Case]:
    formats = ("mermaid", "dot", "json")
    yield from _tabular("graph", ("graph",), formats)
    yield from _tabular("graph.coding", ("graph", "--track", "coding"), formats)
    yield from _tabular("graph.ladder", ("graph", "--data", LADDER), formats)
    for who in PROFILES:
        yield from _tabular(f"graph.{who}", ("graph", "--profile", profile(who)), formats)


def _plan_cases() -> Iterator[Case]:
    fixed = ("--start", "2026-12")
    for who in PROFILES:
        if who != "apprentice":  # no target_role: its own case below
            yield from _tabular(f"plan.{who}", ("plan", "--profile", profile(who), *fixed))
        yield from _tabular(f"plan.{who}.coding-manager",
                            ("plan", "--profile", profile(who), "--to", "coding-manager", *fixed))
    yield Case("plan.newcomer.cdi-hours-4", "txt", ("plan", "--profile", profile("newcomer"), "--to",
                                                    "Clinical Documentation Improvement Specialist", "-w", "4", *fixed))
    yield Case("plan.apprentice.no-target", "txt", ("plan", "--profile", profile("apprentice")))
    yield Case("plan.newcomer.default-start", "txt", ("plan", "--profile", profile("newcomer")))
    yield Case("plan.coder.director", "txt", ("plan", "--profile", profile("experienced-coder"),
                                              "--to", "him-director", *fixed))
    yield from _tabular("plan.ladder", ("plan", "--profile", f"{LADDER}/profile.yaml", "--data", LADDER,
                                        *fixed))
    yield Case("plan.unknown-role", "txt", ("plan", "--profile", profile("newcomer"), "--to", "coding-mangr"))


def _catalogue_cases() -> Iterator[Case]:
    yield from _tabular("credentials", ("credentials",))
    yield from _tabular("credentials.ahima", ("credentials", "--body", "AHIMA"))
    yield from _tabular("credentials.cdi", ("credentials", "--focus", "cdi"))
    three = ("table", "json", "markdown")
    for cred in ("CPC", "CCS", "RHIA", "CDIP"):
        yield from _tabular(f"credential.{cred}", ("credential", cred.lower()), three)
        for who in ("newcomer", "experienced-coder"):
            yield from _tabular(f"credential.{cred}.{who}", ("credential", cred, "--profile", profile(who)), three)
    yield Case("credential.unknown", "txt", ("credential", "CPCC"))
    for role in ("coding-manager", "Medical Coder", "clinical-documentation-improvement-specialist"):
        slug = role.lower().replace(" ", "-")
        yield from _tabular(f"role.{slug}", ("role", role), three)
        yield from _tabular(f"role.{slug}.experienced-coder",
                            ("role", role, "--profile", profile("experienced-coder")), three)
    yield Case("role.unknown", "txt", ("role", "coding-mangr"))


def _check_cases() -> Iterator[Case]:
    examples = tuple(profile(who) for who in PROFILES)
    yield from _tabular("check.examples", ("check", *examples))
    yield from _tabular("check.bad-profiles", ("check", *BAD_PROFILES))
    yield from _tabular("data-check", ("data", "check"))
    yield from _tabular("data-check.ladder", ("data", "check", "--data", LADDER))
    yield Case("data-check.strict-max-age-1", "txt", ("data", "check", "--strict", "--max-age-years", "1"))
    for bad in BAD_DATA:
        yield Case(f"data-check.{bad}", "txt", ("data", "check", "--data", f"tests/bad_inputs/data/{bad}"))
        yield Case(f"next.data.{bad}", "txt", ("next", "--profile", profile("newcomer"), "--data",
                                                f"tests/bad_inputs/data/{bad}"))
    for bad in ("misspelt-key", "several-errors", "overlapping-experience", "latin-1"):
        yield Case(f"next.bad.{bad}", "txt", ("next", "--profile", f"tests/bad_inputs/profiles/{bad}.yaml"))


def _team_cases() -> Iterator[Case]:
    roster = ("tests/rosters/team.csv", "tests/rosters/staff")
    yield from _tabular("team", ("team", *roster))
    yield from _tabular("team.coding-manager", ("team", *roster, "--role", "coding-manager", "--within", "12"))
    yield from _tabular("team.generated-60", ("team", "tests/rosters/generated-60.csv"))
    yield from _tabular("team.examples", ("team", *(profile(who) for who in PROFILES), "--within", "24"))
    for bad in ("bad-row.csv", "missing-column.csv", "multiline.csv", "notes.txt", "with-bad-profile"):
        yield Case(f"team.{bad}", "txt", ("team", f"tests/rosters/{bad}"))


def _init_cases() -> Iterator[Case]:
    yield Case("init.flags", "yaml", ("init", "-", "--no-input", "--name", "Lee Park", "--education",
                                      "associate", "--cahiim", "-c", "CPC=2021-06", "-c", "CCA", "-e",
                                      "medical-coder=2021-09", "--current-role", "Medical Coder",
                                      "--target-role", "coding manager"))
    yield Case("init.answers", "yaml", ("init", "-", "--from-answers", ANSWERS))
    typed = (ROOT / TYPED).read_text(encoding="utf-8")
    yield Case("init.typed", "txt", ("init", "-"), stdin=typed)
    yield Case("init.typed.verbose", "txt", ("init", "-", "-v"), stdin=typed)
    yield Case("init.bad-credential", "txt", ("init", "-", "--no-input", "-c", "CPCC"))


def _help_cases() -> Iterator[Case]:
    yield Case("help", "txt", ("--help",))
    for command in COMMANDS:
        yield Case(f"help.{command.replace(' ', '-')}", "txt", (*command.split(), "--help"))


def cases() -> list[Case]:
    """Every case, in a fixed order; names are unique."""
    found = [*_help_cases(), *_explore_cases(), *_renewals_cases(), *_graph_cases(), *_plan_cases(),
             *_catalogue_cases(), *_check_cases(), *_team_cases(), *_init_cases()]
    names = [case.name for case in found]
    assert len(names) == len(set(names)), "two golden cases share a name"
    return found


class Output(NamedTuple):
    """What a case printed and how it ended."""

    stdout: str
    stderr: str
    exit_code: int


@contextmanager
def relative_bundled_data() -> Iterator[None]:
    """The bundled data as `data` (relative to the repository root, where the cases run), so that
    messages name `data/roles.yaml` rather than this checkout's absolute path, whose length would
    change how tables wrap from one machine to the next."""
    for name in ("codingpath.load.data", "codingpath.catalog"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
    patched = {module: module.bundled_data_dir for name, module in list(sys.modules.items())
               if name.startswith("codingpath") and hasattr(module, "bundled_data_dir")}
    for module in patched:
        module.bundled_data_dir = lambda: Path("data")
    try:
        yield
    finally:
        for module, original in patched.items():
            module.bundled_data_dir = original


@contextmanager
def stable_environment(cache_home: str) -> Iterator[None]:
    """The environment every case runs in, restored afterwards."""
    fixed: Mapping[str, str] = {
        "CODINGPATH_TODAY": TODAY, "NO_COLOR": "1", "COLUMNS": "80", "LINES": "50",
        "XDG_CACHE_HOME": cache_home, "HOME": cache_home,
        "XDG_CONFIG_HOME": cache_home,
    }
    dropped = ("CODINGPATH_DATA", "CODINGPATH_NO_CACHE", "FORCE_COLOR", "TERM", "CLICOLOR_FORCE")
    saved = {key: os.environ.get(key) for key in (*fixed, *dropped)}
    cwd = os.getcwd()
    os.environ.update(fixed)
    for key in dropped:
        os.environ.pop(key, None)
    os.chdir(ROOT)
    try:
        with relative_bundled_data():
            yield
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run(case: Case) -> Output:
    """Run one case in-process; call inside `stable_environment`."""
    from typer.testing import CliRunner

    from codingpath.cli import app
    from codingpath.cli.startup import only_invoked_command

    with only_invoked_command(app, list(case.args)):  # as the installed command builds it
        result = CliRunner().invoke(app, list(case.args), input=case.stdin, catch_exceptions=False)
    return Output(result.stdout, result.stderr, result.exit_code)


def golden_path(case: Case) -> Path:
    return GOLDEN / f"{case.name}.{case.ext}"


def main() -> int:
    everything = cases()
    index: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as home, stable_environment(home):
        for case in everything:
            out = run(case)
            golden_path(case).write_text(out.stdout, encoding="utf-8", newline="")
            index[case.name] = {"args": list(case.args), "exit_code": out.exit_code, "stderr": out.stderr}
    kept = {golden_path(case).name for case in everything} | {INDEX.name}
    for stale in GOLDEN.glob("*.*"):
        if stale.is_file() and stale.name not in kept:
            stale.unlink()
    INDEX.write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(f"{len(everything)} golden cases written to {GOLDEN.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
