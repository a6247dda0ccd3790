"""What the career map says about one person: each role's status and main missing item, and the
planned route as numbered moves. Shared by the lattice page and the ladder picture."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .map_style import MapStatus

if TYPE_CHECKING:
    from ..engine import Gap, RoleResult
    from ..planning import Plan, Step

__all__ = ["MapMark", "RouteMove", "main_missing", "map_marks", "route_moves"]


@dataclass(frozen=True)
class MapMark:
    """A role as the person stands: `status` in words, the first thing missing (if any), and whether it
    is the role they hold now."""

    status: MapStatus
    missing: str | None = None
    more: int = 0  # further missing items not shown
    current: bool = False
    meets: bool = False  # for the target: whether its published requirements are met today


@dataclass(frozen=True)
class RouteMove:
    """One numbered move of a route: into a role, from a month, with what goes with it."""

    number: int
    role: str
    month: str
    steps: tuple[str, ...] = field(default_factory=tuple)
    unconfirmed: bool = False


def _short(gap: Gap) -> str:
    if gap.kind == "credential" and gap.options and gap.message.startswith("needs "):
        return "needs " + "/".join(gap.options)
    if gap.kind == "experience" and gap.years_short:
        label = gap.message.split(" of ", 1)[1].split("; has ")[0].removesuffix(" experience")
        return f"needs {round(gap.years_short, 1):g} more yr {label}"
    return gap.message.split("; has ")[0]


def main_missing(result: RoleResult) -> tuple[str | None, int]:
    """The first unmet requirement, in short ("needs a bachelor's degree", "needs CCS/CIC", "needs 1
    more yr management"), and how many more there are."""
    if not result.gaps:
        return None, 0
    return _short(result.gaps[0]), len(result.gaps) - 1


def map_marks(statuses: dict[str, RoleResult], *, current: str | None, target: str | None) -> dict[str, MapMark]:
    """Each role's mark; the target is marked `target` whatever else is true of it."""
    marks = {}
    for role_id, result in statuses.items():
        missing, more = main_missing(result) if result.status == "gap" or role_id == target else (None, 0)
        status: MapStatus = "target" if role_id == target else result.status
        marks[role_id] = MapMark(status, missing, more, role_id == current, meets=result.status != "gap")
    return marks


def _step_text(step: Step) -> str:
    text = step.description
    return text + (f", {step.start:%Y-%m} to {step.end:%Y-%m}" if step.end != step.start else "")


def route_moves(plan: Plan) -> tuple[tuple[str, ...], tuple[RouteMove, ...]]:
    """The plan's steps grouped by the move into a role that they follow: steps before the first move
    (an exam to pass first), then one numbered move per role, each with the steps taken in it."""
    before: list[str] = []
    moves: list[RouteMove] = []
    for step in plan.steps:
        if step.kind == "role":
            moves.append(RouteMove(len(moves) + 1, step.subject, f"{step.start:%Y-%m}", (), step.unconfirmed))
        elif moves:
            last = moves[-1]
            moves[-1] = RouteMove(last.number, last.role, last.month, (*last.steps, _step_text(step)),
                                  last.unconfirmed or step.unconfirmed)
        else:
            before.append(_step_text(step))
    return tuple(before), tuple(moves)
