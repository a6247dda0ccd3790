"""codingpath's benchmarks, all in one run: `python benchmarks/run.py [--quick]`.

Start-up is measured side by side in the same run, round-robin in a shuffled order so that a busy
moment of the machine hits every command alike, several runs each, median:

- the bare interpreter (`python -c pass`): the floor of any Python program;
- a minimal Typer app with one command that prints one rich table (`benchmarks/minimal_app.py`):
  the floor of this stack;
- codingpath's own commands, through the installed `codingpath` executable, as a user runs them,
  and shell completion of a role id (when the completion callbacks exist).

Columns: wall-clock median and minimum, median CPU time of the process (user + system, steadier
than wall-clock when other work competes for the CPUs), both as ratios to the minimal Typer app,
the ratio to the bare interpreter, and the milliseconds codingpath adds to the minimal app.

Then where `codingpath next` spends the time it adds, phase by phase (`benchmarks/anatomy.py`), and
in-process timings of the core (per call): load and validate the bundled data (from the YAML, and
from the cache of validated data), evaluate one profile against every role, plan one route.

The targets: every codingpath command within 1.15x of the minimal Typer app, and a repeated `next`
on a profile seen before at or below 1.0x. A command asked again exactly as before is answered from
the answer cache (`cli/answers.py`); the rows marked "a new question" remove its entries before each
run, so they show what a question not asked before costs (the data and profile still from their
caches), and "cache disabled" what a run with no cache at all costs; in-process, data load +
validation under 20 ms, one profile against every role under 1 ms, one plan under 10 ms. `next` is
timed both on a profile seen before and on the first run of an edited one (a profile rewritten with
new bytes before every run).
Subprocesses run with bytecode caching on (as after `pip install`), a fresh data cache that the
warm-up runs fill, NO_COLOR and a fixed CODINGPATH_TODAY.

`--plan` and `--team` also run `benchmarks/bench_plan.py` and `benchmarks/bench_team.py`.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-23"
BUDGET = 1.15  # codingpath command / minimal Typer app
IN_PROCESS_BUDGET_MS = {"load": 20.0, "evaluate": 1.0, "plan": 10.0}


# ----------------------------------------------------------------------------------------------
# Start-up: whole processes


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    kind: str = "codingpath"  # "floor", "codingpath" (held to the budget) or "diagnostic"
    budget: float = BUDGET  # this command / minimal Typer app
    prepare: Callable[[], None] | None = None  # run before each (untimed): e.g. write a never-seen profile
    times: list[float] = field(default_factory=list)  # wall clock, seconds
    cpu: list[float] = field(default_factory=list)  # user + system time of the process, seconds

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def codingpath_executable() -> str:
    """The installed `codingpath` next to this interpreter (the one being measured), else on PATH."""
    beside = Path(sys.executable).with_name("codingpath")
    if beside.exists():
        return str(beside)
    found = shutil.which("codingpath")
    if not found:
        sys.exit("benchmarks/run.py: the codingpath command is not installed; run `pip install .` first")
    return found


def run_once(case: Case, base_env: dict[str, str], *, capture: bool = False) -> subprocess.CompletedProcess:
    if case.prepare is not None:
        case.prepare()
    # No timeout: with one, Popen.wait polls with sleeps of up to 50 ms, which would swamp the
    # differences being measured; without, it blocks in waitpid and returns the moment the child ends.
    return subprocess.run(
        case.argv,
        env={**base_env, **case.env},
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
        text=capture,
    )


def completion_case(exe: str, base_env: dict[str, str]) -> Case | None:
    """Shell completion of a role id, once some option completes role ids (the completion callbacks)."""
    candidates = (
        ["codingpath", "plan", "--to", "coding-m"],
        ["codingpath", "role", "coding-m"],
        ["codingpath", "init", "--target-role", "coding-m"],
        ["codingpath", "team", "--role", "coding-m"],
    )
    for words in candidates:
        env = {"_CODINGPATH_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(words),
               "COMP_CWORD": str(len(words) - 1)}
        case = Case(f"complete `{' '.join(words[1:])}<Tab>`", [exe], env)
        result = run_once(case, base_env, capture=True)
        if result.returncode == 0 and "coding-manager" in result.stdout.split():
            return case
    return None


def has_command(exe: str, name: str, base_env: dict[str, str]) -> bool:
    return run_once(Case(name, [exe, name, "--help"]), base_env).returncode == 0


def never_seen_profile(path: Path, source: Path) -> Callable[[], None]:
    """Rewrites `path` before each run as `source` plus a new comment: bytes no run has read, so
    each run reads and validates the profile as the first run after an edit does."""
    counter = [0]

    def prepare() -> None:
        counter[0] += 1
        path.write_bytes(source.read_bytes() + f"# edit {counter[0]} {random.random()}\n".encode())

    return prepare


def forget_answers(cache: Path) -> Callable[[], None]:
    """Removes the answer cache's entries before each run: the question is new (another day, another
    option), while the data and the profile still come from their caches."""

    def prepare() -> None:
        for entry in cache.glob("answer-*.pickle"):
            entry.unlink()

    return prepare


def startup_cases(exe: str, base_env: dict[str, str], scratch: Path) -> tuple[list[Case], list[str]]:
    py = sys.executable
    coder = str(EXAMPLES / "experienced-coder.yaml")
    newcomer = str(EXAMPLES / "newcomer.yaml")
    fresh = scratch / "edited-coder.yaml"
    cases = [
        Case("bare interpreter (python -c pass)", [py, "-c", "pass"], kind="floor"),
        Case("minimal Typer app (one rich table)", [py, str(HERE / "minimal_app.py")], kind="floor"),
        Case("codingpath --help", [exe, "--help"]),
        Case("codingpath --version", [exe, "--version"]),
        Case("codingpath next --profile experienced-coder", [exe, "next", "--profile", coder], budget=1.0),
        Case("codingpath next, an edited profile (first run)", [exe, "next", "--profile", str(fresh)],
             prepare=never_seen_profile(fresh, EXAMPLES / "experienced-coder.yaml")),
        Case("codingpath roadmap", [exe, "roadmap"]),
        Case("codingpath roles", [exe, "roles"]),
    ]
    roster = ROOT / "tests" / "rosters" / "team.csv"
    if has_command(exe, "team", base_env) and roster.is_file():
        cases.append(Case("codingpath team tests/rosters/team.csv", [exe, "team", str(roster)]))
    skipped = []
    if has_command(exe, "plan", base_env):
        cases.append(Case("codingpath plan newcomer --to coding-manager",
                          [exe, "plan", "--profile", newcomer, "--to", "coding-manager"]))
    else:
        skipped.append("codingpath plan: no `plan` command in this build")
    completion = completion_case(exe, base_env)
    if completion is not None:
        cases.append(completion)
    else:
        skipped.append("completion of a role id: no option completes role ids in this build")
    # A cache directory of their own (its data and profile entries filled by the warm-up runs), so that
    # removing its answers never touches the entries the repeated commands above read.
    fresh_cache = scratch / "cache-new-questions"
    forget, env = forget_answers(fresh_cache / "codingpath"), {"XDG_CACHE_HOME": str(fresh_cache)}
    cases.append(Case("codingpath next, a new question", [exe, "next", "--profile", coder], env,
                      kind="diagnostic", prepare=forget))
    cases.append(Case("codingpath roles, a new question", [exe, "roles"], env, kind="diagnostic", prepare=forget))
    if has_command(exe, "plan", base_env):
        cases.append(Case("codingpath plan, a new question",
                          [exe, "plan", "--profile", newcomer, "--to", "coding-manager"], env, kind="diagnostic",
                          prepare=forget))
    if any(case.name.startswith("codingpath team") for case in cases):
        cases.append(Case("codingpath team, a new question", [exe, "team", str(roster)], env, kind="diagnostic",
                          prepare=forget))
    cases.append(Case("codingpath next, cache disabled", [exe, "next", "--profile", coder],
                      {"CODINGPATH_NO_CACHE": "1"}, kind="diagnostic"))
    return cases, skipped


def measure_startup(cases: list[Case], runs: int, base_env: dict[str, str]) -> list[str]:
    """Warm up each case (fills the OS file cache, bytecode and the data cache), then time them
    round-robin in a shuffled order. Returns the names of cases that failed."""
    failed = []
    for case in list(cases):
        result = run_once(case, base_env, capture=True)
        if result.returncode != 0:
            failed.append(f"{case.name}: exit {result.returncode}: {result.stderr.strip()[-300:]}")
            cases.remove(case)
            continue
        run_once(case, base_env)
    order = list(cases)
    shuffle = random.Random(7)
    for _ in range(runs):
        shuffle.shuffle(order)
        for case in order:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            run_once(case, base_env)
            case.times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            case.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return failed


def startup_table(cases: list[Case]) -> list[str]:
    bare = next(c for c in cases if c.name.startswith("bare")).median
    floor = next(c for c in cases if c.name.startswith("minimal")).median
    floor_cpu = next(c for c in cases if c.name.startswith("minimal")).cpu_median
    lines = [
        f"{'command':<50} {'median':>8} {'min':>8} {'cpu':>8} {'x app':>7} {'cpu x':>6} {'x bare':>7}"
        f"  {'own ms':>7}  target",
        "-" * 116,
    ]
    for case in cases:
        ratio = case.median / floor
        if case.kind == "codingpath":
            verdict = (f"<= {case.budget:.2f}x ok" if ratio <= case.budget else f"OVER {case.budget:.2f}x")
        else:
            verdict = "(floor)" if case.kind == "floor" else "(for comparison)"
        own = (case.median - floor) * 1000
        lines.append(
            f"{case.name:<50} {case.median * 1000:6.1f}ms {min(case.times) * 1000:6.1f}ms "
            f"{case.cpu_median * 1000:6.1f}ms {ratio:6.2f}x {case.cpu_median / floor_cpu:5.2f}x "
            f"{case.median / bare:6.1f}x  {own:+6.1f}  {verdict}"
        )
    return lines


def measure_anatomy(runs: int, base_env: dict[str, str]) -> list[str]:
    """Medians of `benchmarks/anatomy.py`'s phases: what `next` adds to the minimal app, and where."""
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, str(HERE / "anatomy.py")], env=base_env, cwd=ROOT,
                                capture_output=True, text=True)
        if result.returncode != 0:
            return [f"  note: anatomy.py failed: {result.stderr.strip()[-300:]}"]
        samples.append(json.loads(result.stdout.splitlines()[-1]))
    models_imported = any(sample.pop("codingpath.models imported", 0.0) for sample in samples)
    lines = [f"{'where codingpath next spends its time beyond the minimal app':<72} {'median':>9}", "-" * 83]
    repeated = new = edited = 0.0
    for phase in samples[0]:
        median = statistics.median(s[phase] for s in samples)
        lines.append(f"{phase:<72} {median:7.1f}ms")
        if phase.startswith("new question only"):
            new += median
        elif phase.startswith("edited profile only"):
            edited += median
        elif not phase.startswith("for comparison"):
            repeated += median
    lines.append(f"{'total for a repeated next (the answer from its cache)':<72} {repeated:7.1f}ms")
    lines.append(f"{'total for a new question (the profile and data from their caches)':<72} {repeated + new:7.1f}ms")
    lines.append(f"{'total for the first run of an edited profile':<72} {repeated + new + edited:7.1f}ms")
    lines.append("pydantic models created on these paths: " + ("YES (the records path is broken)" if models_imported
                                                             else "none (data and profile read as records)"))
    return lines


# ----------------------------------------------------------------------------------------------
# In-process: the core, per call


def per_call(fn, *, repeat: int, number: int) -> tuple[float, float]:
    """Median and best over `repeat` rounds of the mean time of `number` calls, in seconds."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds), min(rounds)


def find_plan_function():
    """The planner's entry point, if the planner is in this build."""
    if importlib.util.find_spec("codingpath.planning") is None:
        return None
    from codingpath import planning as planner

    for name in ("plan_route", "plan", "fastest_route", "route_to"):
        fn = getattr(planner, name, None)
        if callable(fn):
            return fn
    return None


def call_plan(fn, profile, catalog, today, target: str):
    """Call the planner by its parameters' names (profile, catalog, target role id, start date)."""
    values = {"profile": profile, "person": profile, "catalog": catalog, "today": today, "when": today,
              "start": today, "target": target, "target_id": target, "to": target, "role": target,
              "role_id": target, "target_role": target}
    args, kwargs = [], {}
    for name, param in inspect.signature(fn).parameters.items():
        if name not in values:
            continue
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = values[name]
        else:
            args.append(values[name])
    return fn(*args, **kwargs)


def measure_in_process(quick: bool, cache_dir: Path) -> tuple[list[str], list[str]]:
    """Per-call times of the core. Returns table lines and notes."""
    os.environ["XDG_CACHE_HOME"] = str(cache_dir)
    os.environ.pop("CODINGPATH_DATA", None)
    from codingpath.engine import next_roles, roadmap_statuses
    from codingpath.load.data import load_catalog
    from codingpath.load.profiles import load_profile

    repeat = 5 if quick else 9
    today = date.fromisoformat(TODAY)
    rows: list[tuple[str, tuple[float, float], str]] = []
    notes: list[str] = []

    os.environ["CODINGPATH_NO_CACHE"] = "1"
    load_catalog(use_env=False)  # first call builds the validators; steady state is what repeats
    rows.append(("load + validate bundled data (YAML, no cache)",
                 per_call(lambda: load_catalog(use_env=False), repeat=repeat, number=3), "load"))
    del os.environ["CODINGPATH_NO_CACHE"]
    load_catalog(use_env=False)  # writes the cache
    rows.append(("load bundled data (from the validated cache)",
                 per_call(lambda: load_catalog(use_env=False), repeat=repeat, number=20), "load"))

    catalog = load_catalog(use_env=False)
    profile_path = str(EXAMPLES / "experienced-coder.yaml")
    rows.append(("load + validate one profile",
                 per_call(lambda: load_profile(profile_path, catalog, today), repeat=repeat, number=50), ""))
    profile = load_profile(profile_path, catalog, today).profile
    rows.append((f"one profile against every role ({len(catalog.roles)}), next --all",
                 per_call(lambda: next_roles(profile, catalog, today, show_all=True), repeat=repeat, number=200),
                 "evaluate"))
    rows.append(("one profile against every role, roadmap marks",
                 per_call(lambda: roadmap_statuses(profile, catalog, today), repeat=repeat, number=200), "evaluate"))

    plan = find_plan_function()
    if plan is None:
        notes.append("plan one route: the planner (codingpath.planning) is not in this build yet")
    else:
        newcomer = load_profile(str(EXAMPLES / "newcomer.yaml"), catalog, today).profile
        call_plan(plan, newcomer, catalog, today, "coding-manager")
        rows.append(("plan one route (newcomer -> coding-manager)",
                     per_call(lambda: call_plan(plan, newcomer, catalog, today, "coding-manager"),
                              repeat=repeat, number=5), "plan"))

    lines = [f"{'in-process, per call':<58} {'median':>10} {'best':>10}  target", "-" * 96]
    for name, (median, best), budget in rows:
        ms = median * 1000
        verdict = ""
        if budget:
            limit = IN_PROCESS_BUDGET_MS[budget]
            verdict = f"< {limit:g} ms " + ("ok" if ms < limit else "OVER")
        lines.append(f"{name:<58} {ms:8.3f}ms {best * 1000:8.3f}ms  {verdict}")
    return lines, notes


# ----------------------------------------------------------------------------------------------


def busy_note() -> str:
    """A warning when other work competes for the CPUs: wall-clock figures then run high (the CPU
    column, time the process itself spent on a CPU, stays steadier)."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return ""
    cpus = os.cpu_count() or 1
    if load < 0.5 * cpus:
        return ""
    return (f"note: the machine is busy (load average {load:.1f} on {cpus} CPUs): wall-clock times run high "
            "and vary; the cpu column and the ratios are steadier")


def run_extra(module_name: str, quick: bool) -> None:
    path = HERE / f"{module_name}.py"
    if not path.exists():
        print(f"\n{module_name}: benchmarks/{module_name}.py is not in this build yet")
        return
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print(f"\n== {module_name} ==")
    run = module.run
    run(quick=quick) if "quick" in inspect.signature(run).parameters else run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (about a third of the time)")
    parser.add_argument("--runs", type=int, help="timed runs of each command (default 15, --quick 5)")
    parser.add_argument("--plan", action="store_true", help="also run benchmarks/bench_plan.py")
    parser.add_argument("--team", action="store_true", help="also run benchmarks/bench_team.py")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 15)

    exe = codingpath_executable()
    with tempfile.TemporaryDirectory(prefix="codingpath-bench-") as temp:
        cache_dir = Path(temp) / "cache"
        # Bytecode caching on, as after `pip install` (which compiles every module): with
        # PYTHONDONTWRITEBYTECODE set, an editable install would recompile codingpath's modules on
        # every run while the dependencies' bytecode is cached. A private prefix keeps the tree clean.
        base_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "CODINGPATH_TODAY": TODAY,
                    "XDG_CACHE_HOME": str(cache_dir), "PYTHONPYCACHEPREFIX": str(Path(temp) / "pycache")}
        for name in ("CODINGPATH_DATA", "CODINGPATH_NO_CACHE", "_CODINGPATH_COMPLETE", "PYTHONPROFILEIMPORTTIME",
                     "PYTHONDONTWRITEBYTECODE"):
            base_env.pop(name, None)

        import platform

        from codingpath import __version__

        print(f"codingpath {__version__}, Python {platform.python_version()} ({sys.executable}), "
              f"{os.cpu_count()} CPUs, {runs} timed runs per command, median")
        busy = busy_note()
        if busy:
            print(busy)
        cases, skipped = startup_cases(exe, base_env, Path(temp))
        started = time.perf_counter()
        failed = measure_startup(cases, runs, base_env)
        print()
        print("\n".join(startup_table(cases)))
        for line in skipped + [f"FAILED {f}" for f in failed]:
            print(f"  note: {line}")
        app = next(c for c in cases if c.name.startswith("minimal")).median
        bare = next(c for c in cases if c.name.startswith("bare")).median
        nxt = next((c for c in cases if c.name.startswith("codingpath next --profile")), None)
        if nxt is not None:
            print(f"\ncodingpath next / minimal Typer app = {nxt.median / app:.2f}x;  "
                  f"codingpath next / bare interpreter = {nxt.median / bare:.1f}x;  "
                  f"minimal Typer app / bare interpreter = {app / bare:.1f}x")
        print(f"(start-up measured in {time.perf_counter() - started:.0f} s)\n")
        print("\n".join(measure_anatomy(max(3, runs // 2), base_env)))
        print()

        lines, notes = measure_in_process(args.quick, cache_dir)
        print("\n".join(lines))
        for note in notes:
            print(f"  note: {note}")

    if args.plan:
        run_extra("bench_plan", args.quick)
    if args.team:
        run_extra("bench_team", args.quick)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
