"""Where `codingpath next` spends its time beyond the minimal Typer app: one fresh process, phase by
phase. `benchmarks/run.py` runs it several times and prints the medians; alone it prints one JSON
line of milliseconds per phase.

The phases are those of a repeated run (the profile comes from the profile cache, filled by an
earlier run of `codingpath next --profile examples/experienced-coder.yaml` with the same
XDG_CACHE_HOME and CODINGPATH_TODAY=2026-11-23), then what the first run of an edited profile
does instead: import PyYAML and read and validate the file.

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
    import codingpath.models

    mark("create the pydantic model classes (codingpath.models)")
    from codingpath.load.data import load_catalog
    from codingpath.load.profile_cache import load_profile_cached
    from codingpath.planning.outlook import next_outlook
    from codingpath.render import emit
    from codingpath.render.views import next_view, roadmap_view

    mark("import the rest of what `next` uses")
    catalog = load_catalog(use_env=False)
    mark("load the validated data from the cache")
    profile = str(EXAMPLES / "experienced-coder.yaml")
    loaded = load_profile_cached(profile, catalog, TODAY)
    hit = "yaml" not in sys.modules
    mark("load the profile from the profile cache" if hit else "load the profile (MISSED the profile cache)")
    outlook = next_outlook(loaded.profile, catalog, TODAY)
    view = next_view(outlook, name=loaded.profile.name, source=loaded.source,
                     current_role=loaded.profile.current_role, today=TODAY)
    mark("evaluate the roles, plan each gap and build the view")
    emit(view, "table", io.StringIO())
    mark(f"render next's table with rich ({len(outlook.roles)} rows)")
    # What the first run of a new or edited profile does instead of reading the profile cache.
    import yaml  # noqa: F401  (what the import costs is what is measured)

    mark("first run only: import PyYAML")
    from codingpath.load.profiles import load_profile

    load_profile(profile, catalog, TODAY)
    mark("first run only: read and validate the profile (builds its validator)")
    emit(roadmap_view(catalog, None), "table", io.StringIO())
    mark(f"for comparison: render the roadmap table with rich ({len(catalog.roles)} rows)")
    sys.stdout.write(json.dumps(phases) + "\n")


if __name__ == "__main__":
    main()
