"""The route planner in-process: `python benchmarks/bench_plan.py [--quick] [--profile NAME|all]`.

Plans from an example profile (the newcomer by default: no credential, no experience, the longest
routes) to every role in the bundled data, several times each, and prints the median and best time
per plan with the route's length, its steps and fees. `--profile all` does so for every profile in
examples/ and ends with the slowest plan of each. The budget is one plan well
under 50 ms. `run()` returns the figures for `benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 23)
BUDGET_MS = 50.0


def run(quick: bool = False, profile: str = "newcomer", verbose: bool = True) -> dict:
    """Time a plan from `profile` to every role; print a table when `verbose`; return the figures."""
    from codingpath.load.data import load_catalog
    from codingpath.load.profiles import load_profile
    from codingpath.planning import plan_route

    repeat = 3 if quick else 7
    catalog = load_catalog(use_env=False)
    person = load_profile(str(EXAMPLES / f"{profile}.yaml"), catalog, TODAY).profile
    plan_route(person, catalog, "coding-manager", start=TODAY)  # warm-up: first-call costs are not per plan
    roles: dict[str, dict] = {}
    for role_id in catalog.roles:
        times, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            plan = plan_route(person, catalog, role_id, start=TODAY)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        roles[role_id] = {"median_ms": round(statistics.median(times), 2), "best_ms": round(min(times), 2),
                          "cpu_median_ms": round(statistics.median(cpu), 2),
                          "feasible": plan.feasible, "eligible_now": plan.eligible_now,
                          "years": plan.total_years, "steps": len(plan.steps), "fees_usd": plan.total_fees_usd}
    medians = [r["median_ms"] for r in roles.values()]
    slowest = max(roles, key=lambda r: roles[r]["median_ms"])
    figures = {
        "profile": profile, "plans": len(roles), "repeat": repeat, "budget_ms": BUDGET_MS,
        "median_ms": round(statistics.median(medians), 2), "mean_ms": round(statistics.fmean(medians), 2),
        "p90_ms": round(sorted(medians)[int(0.9 * (len(medians) - 1))], 2),
        "max_ms": roles[slowest]["median_ms"], "slowest": slowest,
        "total_ms": round(sum(medians), 1),
        "over_budget": sorted(r for r in roles if roles[r]["median_ms"] > BUDGET_MS),
        "infeasible": sorted(r for r in roles if not roles[r]["feasible"]), "roles": roles,
    }
    if verbose:
        _print(figures)
    return figures


def _print(figures: dict) -> None:
    print(f"Plans from {figures['profile']} to each of {figures['plans']} roles "
          f"(median of {figures['repeat']} runs, in-process, after one warm-up plan)")
    print(f"{'role':46} {'median':>9} {'best':>9} {'cpu':>9}  {'years':>5} {'steps':>5} {'fees':>6}")
    for role_id, r in sorted(figures["roles"].items(), key=lambda kv: -kv[1]["median_ms"]):
        years = "now" if r["eligible_now"] else ("none" if not r["feasible"] else f"{r['years']:g}")
        print(f"{role_id:46} {r['median_ms']:7.2f}ms {r['best_ms']:7.2f}ms {r['cpu_median_ms']:7.2f}ms  {years:>5} "
              f"{r['steps']:5d} ${r['fees_usd']:5.0f}")
    print(f"median {figures['median_ms']} ms, mean {figures['mean_ms']} ms, 90th percentile {figures['p90_ms']} ms, "
          f"slowest {figures['max_ms']} ms ({figures['slowest']}); "
          f"all {figures['plans']} plans {figures['total_ms']} ms")
    over = figures["over_budget"]
    print(f"over the {figures['budget_ms']:g} ms budget: " + (", ".join(over) if over else "none"))


def run_all(quick: bool = False) -> dict[str, dict]:
    """`run` for every example profile, then the slowest plan of each; returns the figures by profile."""
    figures = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        figures[path.stem] = run(quick=quick, profile=path.stem)
        print()
    print(f"Slowest plan per example profile (median of {next(iter(figures.values()))['repeat']} runs):")
    for name, f in figures.items():
        print(f"  {name:20} {f['max_ms']:7.2f} ms ({f['slowest']})")
    over = sorted(f"{name} -> {role}" for name, f in figures.items() for role in f["over_budget"])
    print(f"over the {BUDGET_MS:g} ms budget: " + (", ".join(over) if over else "none"))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per plan instead of 7")
    parser.add_argument("--profile", default="newcomer",
                        help="an example profile name (examples/NAME.yaml), or all of them: all")
    args = parser.parse_args(argv)
    if args.profile == "all":
        run_all(quick=args.quick)
    else:
        run(quick=args.quick, profile=args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
