"""Route planning: the fastest route from a profile to a role, as a `Plan` of dated steps.

The parts, each reading only those above it: `result` (what a plan is), `scope` (what a route to the
target can need), `state` (the search's states and actions), `context` (the frozen tables a search
reads), `position` and `bounds` (lower bounds, the A* heuristic), `moves` (the moves from a state),
`search` (the A* itself), `needs`, `notes` and `steps` (a route as steps a person can read), `apply`
(dates, and the profile after following a plan) and `route` (`plan_route`, the entry point).
"""

from __future__ import annotations

from .apply import add_months, apply_plan
from .result import Plan, Step, StepKind
from .route import plan_route
from .state import MIN_STAY_MONTHS

__all__ = ["MIN_STAY_MONTHS", "Plan", "Step", "StepKind", "add_months", "apply_plan", "plan_route"]
