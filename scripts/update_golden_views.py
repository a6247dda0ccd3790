#!/usr/bin/env python3
"""Record every table view at 80 columns in tests/golden/views80 (the cases in tests/view_cases.py),
as the tests run them: NO_COLOR, CODINGPATH_TODAY=2026-11-23, from the repository root. The
repository's own path is written as @ROOT@ so the files do not depend on where it is checked out.

    python scripts/update_golden_views.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from view_cases import GOLDEN, VIEWS  # noqa: E402


def main() -> int:
    from typer.testing import CliRunner

    from codingpath.cli import app

    os.environ.update({"COLUMNS": "80", "NO_COLOR": "1", "CODINGPATH_TODAY": "2026-11-23"})
    for key in ("CODINGPATH_PROFILE", "CODINGPATH_DATA"):
        os.environ.pop(key, None)
    os.chdir(ROOT)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, args in sorted(VIEWS.items()):
        if name in ("check", "data-check"):  # absolute paths: not recorded (see tests/test_views_fit.py)
            continue
        result = CliRunner().invoke(app, list(args))
        text = "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())
        (GOLDEN / f"{name}.txt").write_text(text.replace(str(ROOT), "@ROOT@"), encoding="utf-8")
    print(f"wrote {len(VIEWS)} views to {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
