"""A whole team against the roles of interest: who meets the published requirements now, who could
within a few months, what the rest miss, and whose credentials come up for renewal. Prints nothing.

Inputs (profile files, folders of them, CSV rosters) are checked up front, then streamed: each
person is read, evaluated (`readiness.ReadinessEvaluator`) and handed on, and only counts and a
short sample of names are kept (`Tally`), so a roster of 200,000 people runs in bounded memory.
A large roster is shared out to one process per CPU, in chunks, in order.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..errors import InputError, Problem, ProfileError
from ..load.profiles import LoadedProfile, load_profile
from ..load.roster import Roster, RosterRow, open_roster, row_profile
from .readiness import Cell, PersonResult, ReadinessEvaluator, RenewalDue

__all__ = [
    "Cell",
    "Person",
    "PersonResult",
    "ReadinessEvaluator",
    "RenewalDue",
    "RoleTally",
    "Skipped",
    "Source",
    "Tally",
    "collect_sources",
    "evaluate_team",
    "iter_people",
]

PROFILE_SUFFIXES = (".yaml", ".yml")
ROSTER_SUFFIXES = (".csv",)
NAMES_KEPT = 20  # names listed per role in the summary; the counts are always complete
PROBLEMS_KEPT = 1000  # problems of skipped inputs kept for the JSON output; all go to stderr
PARALLEL_FROM = 20_000  # roster rows; below this a second process costs more than it saves
CHUNK_ROWS = 1000
SHUTDOWN_SECONDS = 5  # for the workers to end before they are killed


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class Source:
    """One input: a profile YAML file, or a checked CSV roster."""

    path: Path
    roster: Roster | None = None

    @property
    def people_estimate(self) -> int:
        return self.roster.rows_estimate if self.roster else 1


def collect_sources(paths: Sequence[str]) -> list[Source]:
    """Expand folders (their *.yaml and *.yml files, not sub-folders) and check every input up front.

    Raises InputError (exit 2) for a path that is missing, a folder without profiles, a file that
    is neither a profile nor a roster, or a roster that cannot be read: nothing has been evaluated yet.
    """
    sources: list[Source] = []
    seen: set[Path] = set()

    def add(path: Path, source_factory: Callable[[], Source]) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            sources.append(source_factory())

    for text in paths:
        path = Path(text)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES and p.is_file())
            if not files:
                raise InputError(Problem(text, "is a folder with no profile files (*.yaml, *.yml)"))
            for file in files:
                add(file, partial(Source, file))
        elif not path.exists():
            raise InputError(Problem(text, "no such file or folder"))
        elif path.suffix.lower() in PROFILE_SUFFIXES:
            add(path, partial(Source, path))
        elif path.suffix.lower() in ROSTER_SUFFIXES:
            add(path, partial(_roster_source, path))
        else:
            raise InputError(Problem(text, "is neither a profile (.yaml, .yml) nor a roster (.csv)"))
    return sources


def _roster_source(path: Path) -> Source:
    """A roster as a source, opened (its header read and checked) only when it is called."""
    return Source(path, open_roster(path))


@dataclass(frozen=True)
class Person:
    """A valid profile and where it was read (a roster row has a line)."""

    loaded: LoadedProfile
    line: int | None = None


@dataclass(frozen=True)
class Skipped:
    """A profile or roster row that failed its checks: reported and left out."""

    problems: tuple[Problem, ...]


def iter_people(sources: Iterable[Source], catalog: Catalog, today: date) -> Iterator[Person | Skipped]:
    """Every person of every input, in order; invalid ones as Skipped with their located problems."""
    for source in sources:
        if source.roster is None:
            try:
                yield Person(load_profile(str(source.path), catalog, today))
            except InputError as exc:  # a YAML error or an invalid profile: skip this file only
                yield Skipped(tuple(exc.problems))
            continue
        for row in source.roster.rows():
            if not isinstance(row, RosterRow):
                yield Skipped((row,))
                continue
            try:
                yield Person(row_profile(row, catalog, today), row.line)
            except ProfileError as exc:
                yield Skipped(tuple(exc.problems))


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class RoleTally:
    eligible: int = 0
    ready: int = 0
    gap: int = 0
    current: int = 0
    eligible_names: list[str] = field(default_factory=list)
    ready_names: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Counts over the whole team, filled in while results stream past."""

    people: int = 0
    skipped: int = 0
    warnings: int = 0
    renewals_due: int = 0
    undated: int = 0  # held credentials without an earned date
    people_with_renewals: int = 0
    top_tier: int = 0
    roles: dict[str, RoleTally] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # of skipped inputs, the first PROBLEMS_KEPT
    plans: int = 0  # plans actually computed (after memoisation)

    def add(self, result: PersonResult) -> None:
        self.people += 1
        self.warnings += len(result.warnings)
        self.top_tier += not result.cells
        self.undated += len(result.undated_credentials)
        if result.renewals:
            self.renewals_due += len(result.renewals)
            self.people_with_renewals += 1
        for cell in result.cells:
            tally = self.roles.get(cell.role)
            if tally is None:
                tally = self.roles[cell.role] = RoleTally()
            setattr(tally, cell.status, getattr(tally, cell.status) + 1)
            if cell.status == "eligible" and len(tally.eligible_names) < NAMES_KEPT:
                tally.eligible_names.append(result.name)
            elif cell.status == "ready" and len(tally.ready_names) < NAMES_KEPT:
                tally.ready_names.append(result.name)

    def skip(self, skipped: Skipped) -> None:
        self.skipped += 1
        room = PROBLEMS_KEPT - len(self.problems)
        if room > 0:
            self.problems.extend(skipped.problems[:room])


def evaluate_team(
    sources: Iterable[Source],
    evaluator: ReadinessEvaluator,
    tally: Tally,
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> Iterator[PersonResult | Skipped]:
    """Each person's result (or why they were skipped), in input order, counted into `tally`.

    A roster of `parallel_from` rows or more is evaluated by `workers` processes (default: one per
    CPU) in chunks, a few chunks ahead of the consumer at most; everything else in this process.
    """
    workers = workers if workers is not None else (os.cpu_count() or 1)
    for source in sources:
        if source.roster is not None and workers > 1 and source.roster.rows_estimate >= parallel_from:
            items: Iterable[PersonResult | Skipped] = _in_parallel(source.roster, evaluator, workers)
        else:
            items = (item if isinstance(item, Skipped) else evaluator.evaluate(item.loaded, item.line)
                     for item in iter_people((source,), evaluator.catalog, evaluator.today))
        each = iter(items)
        try:
            for item in each:
                if isinstance(item, Skipped):
                    tally.skip(item)
                else:
                    tally.add(item)
                yield item
        finally:
            close = getattr(each, "close", None)
            if close is not None:
                close()  # now, not when collected: it may hold worker processes
        tally.plans = evaluator.plans


# -- many processes -------------------------------------------------------------------------------
_worker: ReadinessEvaluator | None = None


def _quiet_child() -> None:
    """In a worker or the manager: Ctrl-C and a closed terminal reach the whole process group, but
    the parent alone decides to stop and ends its children, which must not die on their own holding
    the pool's queue locks (the parent's shutdown then hangs) nor print a traceback each; SIGTERM,
    which the parent ends them with, ends them at once (not the parent's clean-up handler)."""
    for number in (signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _ENDING)  # blocked by the parent until now


_ENDING = {signal.SIGINT, signal.SIGHUP, signal.SIGTERM}


def _start_worker(evaluator: ReadinessEvaluator, shared_plans: Any) -> None:
    global _worker
    _quiet_child()
    _worker = evaluator
    _worker.plans = 0
    _worker.shared_plans = shared_plans  # a plan is worth milliseconds; a look-up, a fraction of one


def _evaluate_rows(rows: list[RosterRow | Problem]) -> tuple[list[PersonResult | Skipped], int]:
    """In a worker: a chunk of roster rows checked and evaluated, and the plans it took."""
    assert _worker is not None
    before = _worker.plans
    out: list[PersonResult | Skipped] = []
    for row in rows:
        if not isinstance(row, RosterRow):
            out.append(Skipped((row,)))
            continue
        try:
            loaded = row_profile(row, _worker.catalog, _worker.today)
        except ProfileError as exc:
            out.append(Skipped(tuple(exc.problems)))
            continue
        out.append(_worker.evaluate(loaded, row.line))
    return out, _worker.plans - before


def _in_parallel(roster: Roster, evaluator: ReadinessEvaluator, workers: int) -> Iterator[PersonResult | Skipped]:
    import multiprocessing
    from collections import deque
    from itertools import islice
    from multiprocessing.managers import SyncManager

    context = multiprocessing.get_context()
    manager = SyncManager(ctx=context)
    # Children start with these signals blocked (a child forked later, by the pool's own thread,
    # too: a thread inherits the mask) until `_quiet_child` has set how they take them; otherwise
    # a signal arriving just after a fork runs the parent's handler in the child.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING)
    try:
        manager.start(_quiet_child)
        pool = context.Pool(workers, _start_worker, (evaluator, manager.dict()))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    try:
        rows = roster.rows()
        pending: deque[Any] = deque()
        while True:
            while len(pending) < 2 * workers:  # bounded: rows are read only a few chunks ahead
                chunk = list(islice(rows, CHUNK_ROWS))
                if not chunk:
                    break
                pending.append(pool.apply_async(_evaluate_rows, (chunk,)))
            if not pending:
                break
            results, plans = pending.popleft().get()
            evaluator.plans += plans
            yield from results
        pool.close()
    finally:
        _shut_down(pool, manager)


def _shut_down(pool: Any, manager: Any) -> None:
    """End the workers and the manager within a few seconds whatever state they are in: a worker
    killed from outside while holding a queue lock can make `Pool.terminate` wait for ever."""
    import multiprocessing
    import threading

    stopper = threading.Thread(target=pool.terminate, daemon=True)
    stopper.start()
    stopper.join(SHUTDOWN_SECONDS)
    if stopper.is_alive():
        for child in multiprocessing.active_children():
            child.kill()
        stopper.join(SHUTDOWN_SECONDS)
    manager.shutdown()
