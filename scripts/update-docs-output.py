#!/usr/bin/env python3
"""Run every command the documentation shows, and check or rewrite the output printed under it.

A transcript is a fenced code block in README.md or a page under docs/ whose first line starts with
`$ ` followed by `codingpath` (optionally after `NAME=value` environment settings). Each `$ ` line
is one command; the lines after it, up to the next `$ ` line or the end of the block, are what the
command prints. The command runs through bash (so `| head -20` and `2>&1 >/dev/null` work as they
do for a reader), with the installed `codingpath` beside this interpreter first on PATH, in a
temporary folder where `examples`, `tests` and `docs` point into the repository (relative paths in
the docs resolve as they do from a clone, and nothing a command writes lands in the repository), and
with the settings a reader can reproduce: NO_COLOR=1, COLUMNS=80, CODINGPATH_TODAY=2026-11-23 (the
day the bundled data was compiled), no CODINGPATH_DATA, an empty HOME.

A block that cannot run unattended (an interactive session) is preceded by the line
`<!-- docs-output: not run: REASON -->`; a test of its own must cover it.

    python scripts/update-docs-output.py            # rewrite every transcript's output in place
    python scripts/update-docs-output.py --check    # report out-of-date transcripts; exit 1 if any
    python scripts/update-docs-output.py docs/commands/plan.md   # only these files

Trailing spaces are dropped from every line (a table pads its cells); nothing else is changed.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"NO_COLOR": "1", "COLUMNS": "80", "CODINGPATH_TODAY": "2026-11-23"}
LINKED = ("examples", "tests", "docs")  # what the documented commands read, by relative path
NOT_RUN = re.compile(r"<!--\s*docs-output:\s*not run:\s*\S.*-->")
COMMAND = re.compile(r"^\$ (?:[A-Z_][A-Z0-9_]*=\S*\s+)*codingpath(?:\s|$)")
FENCE = re.compile(r"^(`{3,}|~{3,})")

__all__ = ["Step", "Transcript", "documentation_files", "find_transcripts", "main", "run_all", "scratch_folder",
           "shown_output"]


@dataclass(frozen=True)
class Step:
    """One `$ ` line of a transcript and the output shown under it."""

    command: str
    shown: tuple[str, ...]


@dataclass(frozen=True)
class Transcript:
    """A fenced block of commands and their output; `first` and `last` are its content's 0-based lines."""

    path: Path
    first: int
    last: int
    steps: tuple[Step, ...]
    run: bool

    @property
    def where(self) -> str:
        """FILE:LINE of the block's first command, the file relative to the repository when inside it."""
        return f"{shown_path(self.path)}:{self.first + 1}"


def shown_path(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def documentation_files() -> list[Path]:
    """README.md and every Markdown page under docs/, in a stable order."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(first, end) content line ranges of the fenced blocks, `end` exclusive."""
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, close = opening.group(1), index + 1
        while close < len(lines) and not lines[close].startswith(fence):
            close += 1
        yield index + 1, close
        index = close + 1


def find_transcripts(path: Path) -> list[Transcript]:
    """The transcripts of one Markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for first, end in _blocks(lines):
        if first >= end or not COMMAND.match(lines[first]):
            continue
        steps: list[Step] = []
        for line in lines[first:end]:
            if line.startswith("$ "):
                steps.append(Step(line[2:], ()))
            else:
                steps[-1] = Step(steps[-1].command, (*steps[-1].shown, line))
        marked = first >= 2 and NOT_RUN.search(lines[first - 2]) is not None
        found.append(Transcript(path, first, end, tuple(steps), run=not marked))
    return found


def installed_command_folder() -> Path:
    """The folder of the installed `codingpath` to run: beside this interpreter, else on PATH."""
    beside = Path(sys.executable).with_name("codingpath")
    if beside.exists():
        return beside.parent
    found = shutil.which("codingpath")
    if not found:
        raise SystemExit("update-docs-output: no installed codingpath command; run `pip install -e .` first")
    return Path(found).parent


def scratch_folder(base: Path) -> Path:
    """A working folder whose `examples`, `tests` and `docs` are the repository's."""
    work = base / "clone"
    work.mkdir()
    for name in LINKED:
        (work / name).symlink_to(ROOT / name, target_is_directory=True)
    (base / "home").mkdir()
    return work


def run_command(command: str, work: Path) -> list[str]:
    """What `command` prints, as a reader running it from a clone would see it, line by line."""
    home = work.parent / "home"
    env = {key: value for key, value in os.environ.items() if not key.startswith("CODINGPATH_")}
    env.update(SETTINGS, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_CONFIG_HOME=str(home / ".config"),
               PATH=f"{installed_command_folder()}{os.pathsep}{env.get('PATH', '')}")
    result = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True,
                            text=True, timeout=120, stdin=subprocess.DEVNULL)
    if "Traceback (most recent call last)" in result.stderr:
        raise RuntimeError(f"`{command}` crashed:\n{result.stderr}")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def shown_output(step: Step) -> list[str]:
    """The output a step shows, compared as printed output is: no trailing spaces or blank lines."""
    lines = [line.rstrip() for line in step.shown]
    while lines and not lines[-1]:
        lines.pop()
    return lines


Printed: TypeAlias = "dict[tuple[Transcript, int], list[str]]"  # (transcript, step index) -> output lines


def run_all(transcripts: list[Transcript], work: Path) -> Printed:
    """What every step of the runnable transcripts prints, keyed by (transcript, step index).

    The commands are independent processes, so they run a few at a time."""
    jobs = [(t, i) for t in transcripts if t.run for i in range(len(t.steps))]
    with ThreadPoolExecutor(max_workers=min(4, (os.cpu_count() or 1) + 1)) as pool:
        printed = pool.map(lambda job: run_command(job[0].steps[job[1]].command, work), jobs)
        return dict(zip(jobs, printed, strict=True))


def out_of_date(transcript: Transcript, printed: Printed) -> list[tuple[Step, list[str]]]:
    """The steps whose shown output differs from what the command prints now, with the new output."""
    return [(step, printed[transcript, i]) for i, step in enumerate(transcript.steps)
            if printed[transcript, i] != shown_output(step)]


def rewrite(path: Path, transcripts: list[Transcript], printed: Printed) -> int:
    """Replace each transcript's output by what its commands print now; the number of blocks changed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = 0
    for transcript in reversed([t for t in transcripts if t.run]):
        block = []
        for i, step in enumerate(transcript.steps):
            block += [f"$ {step.command}", *printed[transcript, i]]
        if block != lines[transcript.first:transcript.last]:
            lines[transcript.first:transcript.last] = block
            changed += 1
    if changed:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def diff(step: Step, printed: list[str]) -> str:
    """A unified diff from the shown output to the printed one."""
    return "\n".join(difflib.unified_diff(shown_output(step), printed, "shown", "printed", lineterm=""))


def markdown_files(paths: list[Path]) -> list[Path]:
    """The Markdown files named, a folder standing for the pages under it; none named: all of them."""
    if not paths:
        return documentation_files()
    found: list[Path] = []
    for path in (p.resolve() for p in paths):
        found += sorted(path.rglob("*.md")) if path.is_dir() else [path]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files or folders (default: README.md and docs/)")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if any is out of date")
    args = parser.parse_args(argv)
    transcripts = {path: find_transcripts(path) for path in markdown_files(args.files)}
    problems = 0
    with tempfile.TemporaryDirectory() as base:
        work = scratch_folder(Path(base))
        printed = run_all([t for found in transcripts.values() for t in found], work)
    for path, found in transcripts.items():
        if not args.check:
            changed = rewrite(path, found, printed)
            if changed:
                print(f"{shown_path(path)}: {changed} block(s) rewritten")
            continue
        for transcript in (t for t in found if t.run):
            for step, now in out_of_date(transcript, printed):
                problems += 1
                print(f"{transcript.where}: `{step.command}` prints something else:\n{diff(step, now)}\n")
    if args.check:
        print("documentation output is current" if not problems else f"{problems} command(s) out of date")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
