"""codingpath: a career planner for medical coding and health information management.

The library behind the command, usable without it:

    from datetime import date
    import codingpath

    catalog = codingpath.load_catalog()
    me = codingpath.load_profile("examples/experienced-coder.yaml", catalog, date.today()).profile
    eligible = [r.role.id for r in codingpath.next_roles(me, catalog, date.today()) if r.status == "eligible"]
    route = codingpath.plan_route(me, catalog, "coding-manager", start=date.today())

Importing the package is cheap on purpose (`--version` and `--help` must not pay for the data
layer), so each name below is imported the first time it is used.
"""

from __future__ import annotations

from typing import Any

from .version import __version__

__all__ = ["__version__", "evaluate_team", "load_catalog", "load_profile", "next_roles", "plan_route"]


def __getattr__(name: str) -> Any:
    if name == "load_catalog":
        from .load.data import load_catalog

        return load_catalog
    if name == "load_profile":
        from .load.profiles import load_profile

        return load_profile
    if name == "next_roles":
        from .engine import next_roles

        return next_roles
    if name == "plan_route":
        from .planning import plan_route

        return plan_route
    if name == "evaluate_team":
        from .team.evaluate import evaluate_team

        return evaluate_team
    raise AttributeError(f"module 'codingpath' has no attribute {name!r}")
