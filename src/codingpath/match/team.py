"""A whole team against one posting: who meets it, who could within a few months on a planned
route, and what the rest miss. Prints nothing.

People are read with the `team` readers (profile files, folders, CSV rosters, each checked the same
way and with the same limits) and evaluated one at a time, so any number of people streams through
in bounded memory. A plan is made only when it could end within the window (no experience shortfall
or degree longer than it), and remembered per distinct standing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from ..catalog import Catalog
from ..errors import Problem
from ..team.evaluate import Skipped, Source, iter_people
from .closing import GapPlanner
from .evaluate import MatchResult, Verdict, evaluate_posting
from .requirements import Extraction
from .resemble import resembles

__all__ = ["MatchTally", "PersonMatch", "TeamStatus", "match_team"]

TeamStatus = Literal["meets", "meets-required", "within", "gaps"]
NAMES_KEPT = 20
PROBLEMS_KEPT = 1000


@dataclass(frozen=True)
class PersonMatch:
    """One person's verdict, the months a planned route takes to every required item, the main gap."""

    name: str
    file: str
    line: int | None
    current_role: str | None
    verdict: Verdict
    status: TeamStatus
    months: float | None
    missing: str | None
    warnings: tuple[Problem, ...] = ()


@dataclass
class MatchTally:
    """Counts over the whole team, filled in while results stream past."""

    people: int = 0
    skipped: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"meets": 0, "meets-required": 0, "within": 0, "gaps": 0})
    names: dict[str, list[str]] = field(default_factory=lambda: {"meets": [], "meets-required": [], "within": []})
    problems: list[Problem] = field(default_factory=list)
    plans: int = 0

    def add(self, person: PersonMatch) -> None:
        self.people += 1
        self.counts[person.status] += 1
        kept = self.names.get(person.status)
        if kept is not None and len(kept) < NAMES_KEPT:
            kept.append(person.name)

    def skip(self, skipped: Skipped) -> None:
        self.skipped += 1
        room = PROBLEMS_KEPT - len(self.problems)
        if room > 0:
            self.problems.extend(skipped.problems[:room])


def match_team(sources: Iterable[Source], extraction: Extraction, catalog: Catalog, today: date, *,
               within_months: int, tally: MatchTally) -> Iterator[PersonMatch | Skipped]:
    """Each person's match (or why they were skipped), in input order, counted into `tally`."""
    planner = GapPlanner(extraction, catalog, today, resembles(extraction, catalog), bound_months=within_months)
    for item in iter_people(sources, catalog, today):
        if isinstance(item, Skipped):
            tally.skip(item)
            yield item
            continue
        profile = item.loaded.profile
        result = evaluate_posting(extraction, profile, catalog, today, planner=planner, plan_each_gap=False)
        person = _person(item.loaded.source, item.line, profile.name, profile.current_role, result, within_months,
                         item.loaded.warnings)
        tally.add(person)
        tally.plans = planner.plans
        yield person


def _person(source: str, line: int | None, name: str | None, current_role: str | None, result: MatchResult,
            within_months: int, warnings: tuple[Problem, ...]) -> PersonMatch:
    required_gaps = [r for r in result.gaps if r.requirement.required]
    at_hire = [r for r in required_gaps if not r.requirement.after_hire]
    required_gaps = at_hire or required_gaps  # what is missing on the first day comes first
    months = result.months_to_required
    if result.verdict != "gaps":
        status: TeamStatus = result.verdict
    elif months is not None and months <= within_months + 1e-9:
        status = "within"
    else:
        status = "gaps"
    missing = "; ".join(r.message for r in required_gaps) or None
    return PersonMatch(name or Path(source).stem, source, line, current_role, result.verdict, status,
                       months if result.verdict == "gaps" else 0.0, missing, warnings)

