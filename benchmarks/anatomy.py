"""Where `codingpath next` spends its time beyond the minimal Typer app: one fresh process, phase by
phase. `benchmarks/run.py` runs it several times and prints the medians; alone it prints one JSON
line of milliseconds per phase.

The phases are those of a repeated run (the answer comes from the answer cache, filled by an
earlier run of `codingpath next --profile examples/experienced-coder.yaml` with the same
XDG_CACHE_HOME and CODINGPATH_TODAY=2026-11-23), then what a question not asked before does instead
(the planner, the data and the profile from their caches, the outlook), then what the first run of
an edited profile adds: import PyYAML and read and check the file.

The process first does what the minimal Typer app does (import Typer, have it build a parameter
adapter, which imports pydantic, import rich's console and table), so every later phase is work that
codingpath adds on top of that floor, in the order `codingpath next` does it. codingpath's own runs
skip the floor's pydantic (about 60 ms: its import and first model): options are coerced without
Typer's adapters, and the data and a usual profile are read into records (`codingpath.records`),
never into models, which the last entry checks.
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
MODELS_IMPORTED = "codingpath.models imported"


def main() -> None:
    phases: dict[str, float] = {}
    clock = [time.perf_counter()]

    def mark(name: str) -> None:
        now = time.perf_counter()
        phases[name] = (now - clock[0]) * 1000
        clock[0] = now

    # The floor: what any Typer app with a rich table pays (not reported). A repeated codingpath
    # command no longer pays the pydantic part of it; phases can only show what is added.
    import rich.console  # noqa: F401
    import rich.table  # noqa: F401
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
    from codingpath.cli.answers import _entry_path, _load
    from codingpath.render import emit

    profile = str(EXAMPLES / "experienced-coder.yaml")
    entry = _entry_path(("next", False, 12), None, profile, True)
    cached = _load(entry) if entry is not None else None
    mark("read the answer asked before (answer cache: key and entry)" if cached is not None
         else "look for the answer (MISSED the answer cache)")
    if cached is not None:
        emit(cached[0], "table", io.StringIO())  # type: ignore[arg-type]
        mark("render next's table with rich (the cached View)")
    # What a question not asked before does instead (the profile and the data from their caches,
    # as records: no pydantic model class is created, codingpath.models is never imported).
    from codingpath.load.data import load_catalog
    from codingpath.load.profile_cache import load_profile_cached
    from codingpath.planning.outlook import next_outlook
    from codingpath.render.views import next_view

    mark("new question only: import the engine, the planner, the loaders and views")
    catalog = load_catalog(use_env=False)
    mark("new question only: load the validated data from the cache")
    loaded = load_profile_cached(profile, catalog, TODAY)
    hit = "yaml" not in sys.modules
    mark("new question only: load the profile from the profile cache" if hit
         else "new question only: load the profile (MISSED the profile cache)")
    outlook = next_outlook(loaded.profile, catalog, TODAY)
    view = next_view(outlook, name=loaded.profile.name, source=loaded.source,
                     current_role=loaded.profile.current_role, today=TODAY)
    mark("new question only: evaluate the roles, plan each gap, build the view")
    if cached is None:
        emit(view, "table", io.StringIO())
        mark(f"render next's table with rich ({len(outlook.roles)} rows)")
    # What the first run of a new or edited profile does instead of reading the profile cache.
    import yaml  # noqa: F401  (what the import costs is what is measured)

    mark("edited profile only: import PyYAML")
    from codingpath.load.profiles import load_profile

    load_profile(profile, catalog, TODAY)
    mark("edited profile only: read and check the profile (the quick reader, no pydantic)")
    from codingpath.render.views import roadmap_view

    emit(roadmap_view(catalog, None), "table", io.StringIO())
    mark(f"for comparison: render the roadmap table with rich ({len(catalog.roles)} rows)")
    phases[MODELS_IMPORTED] = float("codingpath.models" in sys.modules)  # not a phase: run.py reports it
    sys.stdout.write(json.dumps(phases) + "\n")


if __name__ == "__main__":
    main()
