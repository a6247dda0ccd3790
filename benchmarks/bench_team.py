"""`codingpath team` at scale: `python benchmarks/bench_team.py [--quick] [--sizes 1000,10000]`.

Generates CSV rosters of 1k, 10k, 100k and 200k people (a fixed seed: the same rosters every run)
in a temporary folder, then runs the real command on each, in a fresh process per roster so that
each peak memory figure is that roster's own. Prints people per second and peak memory (maximum
resident set size of the process, which includes the interpreter and the loaded career data; and
of the largest worker process, for rosters large enough to be shared out), and the CPU time of the
command and its workers, the steadier figure when other work competes for the machine (on 2 CPUs,
the wall time cannot be less than half of it). Exit code 1 is expected
from 10k up: the generated invalid rows are reported and skipped.

About 0.1% of the generated rows are invalid (an unknown credential), so the skip-and-report path
is measured too, as it would be on a real export.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SIZES = (1_000, 10_000, 100_000, 200_000)
QUICK_SIZES = (1_000, 10_000)
SEED = 20261123
TODAY = date(2026, 11, 23)
FORMATS = ("table", "csv")

FIRST = ("Ann", "Bob", "Carla", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jamal", "Kai", "Lena",
         "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wen", "Yusuf")
LAST = ("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ivanova", "Jones", "Kim",
        "Lopez", "Mensah", "Nguyen", "Okafor", "Patel", "Rossi", "Singh", "Tanaka", "Usman", "Walker", "Zhou")
EDUCATION = (("none", 1), ("high-school", 35), ("associate", 35), ("bachelor", 22), ("master", 7))
# (current role, weight, years of coding (low, high), experience in roles beyond coding)
ROLES = (
    ("coding-trainee", 6, (0, 1.5), ()),
    ("medical-coder", 22, (0.5, 8), ()),
    ("physician-coder", 8, (0.5, 8), ()),
    ("risk-adjustment-coder", 6, (0.5, 8), ()),
    ("medical-records-clerk", 4, (0, 2), ("medical-records-clerk",)),
    ("payment-poster", 3, (0, 1), ("payment-poster",)),
    ("coder-ii", 9, (3, 12), ()),
    ("inpatient-coder", 6, (3, 15), ()),
    ("senior-medical-coder", 6, (4, 15), ()),
    ("coding-auditor", 5, (4, 15), ("coding-auditor",)),
    ("coding-supervisor", 5, (4, 15), ("coding-supervisor",)),
    ("coding-manager", 4, (6, 20), ("coding-supervisor", "coding-manager")),
    ("him-manager", 2, (3, 15), ("him-manager",)),
    ("clinical-documentation-improvement-specialist", 2, (3, 12), ("clinical-documentation-improvement-specialist",)),
    ("coding-director", 1, (8, 25), ("coding-manager", "coding-director")),
)
CREDENTIALS = {
    "entry": ("CPC", "CCA", "CCS", "COC", "CRC", "CPC-A"),
    "mid": ("CPC", "CCS", "CIC", "CRC", "COC", "CPMA", "CCS-P"),
    "senior": ("CPC", "CCS", "RHIT", "RHIA", "CIC", "CDIP", "CCDS"),
}
EDUCATION_NAMES = tuple(name for name, _ in EDUCATION)
NEEDS = {"RHIT": ("associate", "bachelor", "master"), "RHIA": ("bachelor", "master"),
         "CCS": EDUCATION_NAMES[1:], "CCA": EDUCATION_NAMES[1:]}
HEADER = ("name", "education_level", "credentials", "years_coding", "current_role", "experience",
          "cahiim_accredited")


def _pick(rng: random.Random, weighted: tuple) -> tuple:
    return rng.choices(weighted, weights=[w[1] for w in weighted])[0]


def roster_row(rng: random.Random, index: int) -> tuple[str, ...]:
    """One plausible person of a coding department."""
    role, _, (low, high), managed = _pick(rng, ROLES)
    years = round(rng.uniform(low, high) * 2) / 2
    level = _pick(rng, EDUCATION)[0]
    if role in ("coding-manager", "coding-director", "him-manager") and level in ("none", "high-school"):
        level = "bachelor"
    kind = "entry" if years < 3 else ("mid" if years < 8 else "senior")
    count = 0 if role in ("coding-trainee", "medical-records-clerk", "payment-poster") and rng.random() < 0.6 else \
        rng.choice((1, 1, 2, 2, 3))
    held: list[str] = []
    ids: set[str] = set()
    for credential in rng.sample(CREDENTIALS[kind], k=count):
        if credential.removesuffix("-A") in ids or level not in NEEDS.get(credential, EDUCATION_NAMES):
            continue  # one of CPC/CPC-A; RHIT and RHIA only with the degree their exams ask for
        ids.add(credential.removesuffix("-A"))
        if rng.random() < 0.8:
            earned = TODAY - timedelta(days=rng.randint(30, max(31, int(years * 365))))
            credential += f"@{earned.isoformat()}"
        held.append(credential)
    if rng.random() < 0.001:
        held.append("CPX")  # a typo: this row is reported and skipped
    experience = []
    left = years
    for past in managed:
        span = round(rng.uniform(0.5, max(0.5, min(left, 6) if left > 0 else 2)) * 2) / 2
        experience.append(f"{past}:{span:g}")
        left -= span
    cahiim = "true" if level in ("associate", "bachelor", "master") and rng.random() < 0.4 else ""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {index:06d}"
    return (name, level, ";".join(held), f"{years:g}", role, ";".join(experience), cahiim)


def write_roster(path: Path, people: int, seed: int = SEED) -> Path:
    import csv

    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(people):
            writer.writerow(roster_row(rng, index))
    return path


def _child(roster: str, fmt: str) -> None:
    """Run `codingpath team ROSTER --format FMT` in this process, output discarded; report as JSON."""
    report = sys.stdout
    os.environ["CODINGPATH_TODAY"] = TODAY.isoformat()
    os.environ["NO_COLOR"] = "1"
    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stderr = sink
    sys.argv = ["codingpath", "team", roster, "--format", fmt]
    from codingpath.cli import main

    started = time.perf_counter()
    cpu_started = time.process_time()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    # Linux reports KiB. Worker processes (rosters of 20,000 rows or more) report as children.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = children.ru_maxrss * 1024
    cpu += children.ru_utime + children.ru_stime
    report.write(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak,
                             "worker_peak_bytes": workers, "exit_code": code}) + "\n")


def measure(roster: Path, fmt: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(roster), fmt], capture_output=True,
                         text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: tuple[int, ...] | list[int] | None = None, *, quick: bool = False,
        formats: tuple[str, ...] = FORMATS) -> list[dict]:
    """Generate each roster, run `team` on it in each format; print and return one dict per run."""
    sizes = tuple(sizes or (QUICK_SIZES if quick else SIZES))
    results = []
    print(f"codingpath team on generated rosters (seed {SEED}), {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}; time = the command in-process, after interpreter start")
    print(f"{'people':>8} {'format':>6} {'seconds':>8} {'people/s':>9} {'cpu s':>7} {'people/cpu s':>12} "
          f"{'peak MiB':>9} {'worker MiB':>10} {'exit':>5}")
    with tempfile.TemporaryDirectory(prefix="codingpath-team-bench-") as temp:
        for size in sizes:
            roster = write_roster(Path(temp) / f"roster-{size}.csv", size)
            for fmt in formats:
                figures = measure(roster, fmt)
                row = {"people": size, "format": fmt, "seconds": round(figures["seconds"], 3),
                       "cpu_seconds": round(figures["cpu_seconds"], 3),
                       "people_per_second": round(size / figures["seconds"]),
                       "people_per_cpu_second": round(size / figures["cpu_seconds"]),
                       "peak_mib": round(figures["peak_bytes"] / 2**20, 1),
                       "worker_peak_mib": round(figures["worker_peak_bytes"] / 2**20, 1),
                       "exit_code": figures["exit_code"]}
                results.append(row)
                print(f"{size:>8} {fmt:>6} {row['seconds']:>8.2f} {row['people_per_second']:>9,} "
                      f"{row['cpu_seconds']:>7.2f} {row['people_per_cpu_second']:>12,} {row['peak_mib']:>9.1f} "
                      f"{row['worker_peak_mib'] or '-':>10} {row['exit_code']:>5}", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the 1k and 10k rosters")
    parser.add_argument("--sizes", help="comma-separated roster sizes, e.g. 1000,50000")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: table,csv,json,markdown")
    parser.add_argument("--child", nargs=2, metavar=("ROSTER", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    run(sizes, quick=args.quick, formats=tuple(args.formats.split(",")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
