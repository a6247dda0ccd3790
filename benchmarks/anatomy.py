"""Where `codingpath next` spends its time beyond the minimal Typer app: one fresh process, phase by
phase. `benchmarks/run.py` runs it several times and prints the medians; alone it prints one JSON
line of milliseconds per phase.

The process first does what the minimal Typer app does (import Typer, have it build a parameter
adapter, which imports pydantic, import rich's console and table), so every later phase is work that
codingpath adds on top of that floor, in the order `codingpath next` does it.
"""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import date
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = date(2026, 11, 23)


def main() -> None:
    phases: dict[str, float] = {}
    clock = [time.perf_counter()]

    def mark(name: str) -> None:
        now = time.perf_counter()
        phases[name] = (now - clock[0]) * 1000
        clock[0] = now

    # The floor: what any Typer app with a rich table pays (not reported).
    import typer
    from typer._adapters import try_build_adapter
    from typer.models import OptionInfo

    try_build_adapter(bool, OptionInfo())
    clock[0] = time.perf_counter()

    import codingpath.cli
    from codingpath.cli.startup import only_invoked_command

    mark("register the commands (import codingpath.cli)")
    with only_invoked_command(codingpath.cli.app, ["next"]):
        typer.main.get_command(codingpath.cli.app)
    mark("Typer builds the `next` command")
    import yaml  # noqa: F401

    mark("import PyYAML")
    import codingpath.models  # noqa: F401

    mark("create the pydantic model classes (codingpath.models)")
    from codingpath.engine import next_roles
    from codingpath.load.data import load_catalog
    from codingpath.load.profiles import load_profile
    from codingpath.render import emit
    from codingpath.render.views import next_view, roadmap_view

    mark("import the rest of what `next` uses")
    catalog = load_catalog(use_env=False)
    mark("load the validated data from the cache")
    loaded = load_profile(str(EXAMPLES / "experienced-coder.yaml"), catalog, TODAY)
    mark("read and validate the profile (builds its validator)")
    results = next_roles(loaded.profile, catalog, TODAY)
    view = next_view(results, name=loaded.profile.name, source=loaded.source,
                     current_role=loaded.profile.current_role, today=TODAY)
    mark("evaluate the roles and build the view")
    emit(view, "table", io.StringIO())
    mark(f"render next's table with rich ({len(results)} rows)")
    emit(roadmap_view(catalog, None), "table", io.StringIO())
    mark(f"render the roadmap table with rich ({len(catalog.roles)} rows)")
    sys.stdout.write(json.dumps(phases) + "\n")


if __name__ == "__main__":
    main()
