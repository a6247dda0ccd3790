#!/usr/bin/env python3
"""Rewrite the real-output blocks of the documentation with what the commands print now.

A block is a fenced one whose first line is `$ codingpath ARGS` and whose other lines are that
command's output. Each is run from the repository root as the documentation tests run it: 100
columns (or the block's own `$ COLUMNS=80 codingpath ...`), NO_COLOR, CODINGPATH_TODAY=2026-11-23. Blocks listing several commands, `init` (it asks
questions) and commands that write files (`--output`) are left as written.

    python scripts/update_output_blocks.py            # README.md and docs/**/*.md
    python scripts/update_output_blocks.py docs/commands/plan.md
    python scripts/update_output_blocks.py --check docs/output.md   # exit 1 if out of date
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```\n\$ (?:COLUMNS=(?P<columns>\d+) )?codingpath (?P<args>[^\n]+)\n(?P<output>.*?)^```",
                   re.M | re.S)
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "CODINGPATH_TODAY": "2026-11-23"}


def printed(args: str, columns: str | None = None) -> str:
    """What `codingpath ARGS` prints on standard output (a shell runs it, for pipes such as `| head`)."""
    env = {**os.environ, **ENV, **({"COLUMNS": columns} if columns else {})}
    env.pop("CODINGPATH_PROFILE", None)
    env.pop("CODINGPATH_DATA", None)
    command = f"{sys.executable} -m codingpath {args}"
    result = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())


def update(path: Path, *, write: bool = True) -> int:
    """Rewrite `path`'s blocks (or with `write` False only count those out of date)."""
    text = path.read_text(encoding="utf-8")
    changed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        args = match["args"].split("  #", 1)[0].strip()
        if args.startswith("init") or "--output" in args or " -o " in args or "\n$ " in match["output"]:
            return match[0]
        output = printed(args, match["columns"])
        if output != match["output"]:
            changed += 1
        prefix = f"COLUMNS={match['columns']} " if match["columns"] else ""
        return f"```\n$ {prefix}codingpath {match['args']}\n{output}```"

    updated = BLOCK.sub(replace, text)
    if write and updated != text:
        path.write_text(updated, encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    """With --check, change nothing and exit 1 when a block is out of date."""
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    stale = 0
    for path in paths:
        changed = update(path, write=not check)
        if changed:
            stale += changed
            print(f"{path}: {changed} block(s) {'out of date' if check else 'updated'}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
