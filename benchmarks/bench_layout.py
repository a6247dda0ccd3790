"""Edge crossings of codingpath's ladder picture against Graphviz `dot` on the same graph.

    python benchmarks/bench_layout.py [--track TRACK] [--data DIR]

Counts crossings the same way for every drawing: each edge is drawn as the curve it is (our cubic
Béziers; dot's B-splines from `-Tplain`), sampled into short segments, and every pair of edges that
share no end point is tested for intersections; a pair that crosses twice counts twice. Three
drawings:

- codingpath: `graph --format svg`'s layout (tiers split into columns, median sweeps and swaps);
- dot, same layers: dot given exactly our columns (`rank=same` per column, the same box sizes), so
  only the order within columns and the curves differ;
- dot, as shipped: `graph --format dot` as a user would run it (a cluster of equal rank per tier;
  dot draws edges within a tier inside its rank).

Also prints codingpath's own count of crossings between neighbouring columns (what its sweeps
minimise) and the time each layout takes. Without Graphviz, only codingpath's figures are printed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from codingpath.load.data import load_catalog  # noqa: E402
from codingpath.render.graph import graph_roles, graph_text  # noqa: E402
from codingpath.render.ladder_svg import ladder_layout  # noqa: E402

Point = tuple[float, float]
Curve = tuple[str, str, list[Point]]
SAMPLES = 12  # segments per cubic piece


def cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    out = []
    for k in range(SAMPLES + 1):
        t = k / SAMPLES
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def ours_curves(points: Sequence[Point]) -> list[Point]:
    """The polyline of one of our edges, as ladder_svg draws it (horizontal tangents at each point)."""
    line = [points[0]]
    for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
        mid = (bx - ax) / 2
        line += cubic((ax, ay), (ax + mid, ay), (bx - mid, by), (bx, by))[1:]
    return line


def spline(points: Sequence[Point]) -> list[Point]:
    """dot's edge: 1 + 3n control points of n cubic pieces."""
    line = [points[0]]
    for i in range(0, len(points) - 3, 3):
        line += cubic(*points[i:i + 4])[1:]
    return line


def _intersect(p: Point, q: Point, r: Point, s: Point) -> bool:
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = side(r, s, p), side(r, s, q), side(p, q, r), side(p, q, s)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0) and 0 not in (d1, d2, d3, d4)


def geometric_crossings(curves: Iterable[Curve]) -> int:
    edges = list(curves)
    total = 0
    for i, (a1, b1, line1) in enumerate(edges):
        box1 = (min(x for x, _ in line1), max(x for x, _ in line1), min(y for _, y in line1), max(y for _, y in line1))
        for a2, b2, line2 in edges[i + 1:]:
            if {a1, b1} & {a2, b2}:
                continue
            if max(x for x, _ in line2) < box1[0] or min(x for x, _ in line2) > box1[1]:
                continue
            segments1 = list(zip(line1, line1[1:], strict=False))
            segments2 = list(zip(line2, line2[1:], strict=False))
            total += sum(_intersect(p, q, r, s) for p, q in segments1 for r, s in segments2)
    return total


def dot_curves(dot_source: str) -> list[Curve]:
    plain = subprocess.run(["dot", "-Tplain"], input=dot_source, capture_output=True, text=True, check=True).stdout
    curves = []
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "edge":
            n = int(parts[3])
            coords = [(float(parts[4 + 2 * k]), float(parts[5 + 2 * k])) for k in range(n)]
            curves.append((parts[1].strip('"'), parts[2].strip('"'), spline(coords)))
    return curves


def same_layers_dot(roles, layout) -> str:  # noqa: ANN001 - roles and a Layout
    """Our graph for dot with our columns as ranks and our box sizes (in inches at 72 points)."""
    lines = ["digraph same {", "  rankdir=LR; nodesep=0.2; ranksep=0.9;", "  node [shape=box, fixedsize=true];"]
    for column in layout.order:
        real = [n for n in column if n in layout.nodes]
        lines.append("  { rank=same; " + " ".join(f'"{n}"' for n in real) + " }")
    for node in layout.nodes.values():
        lines.append(f'  "{node.id}" [width={node.width / 72:.3f}, height={node.height / 72:.3f}];')
    lines += [f'  "{e.source}" -> "{e.target}";' for e in layout.edges]
    return "\n".join(lines) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--track")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    catalog = load_catalog(args.data)
    roles = graph_roles(catalog, args.track)
    started = time.perf_counter()
    layout = ladder_layout(roles)
    took = time.perf_counter() - started
    ours = geometric_crossings((e.source, e.target, ours_curves(e.points)) for e in layout.edges)
    print(f"graph: {len(roles)} roles, {len(layout.edges)} arrows, {len(layout.layer_x)} columns"
          + (f" (track {args.track})" if args.track else ""))
    print(f"codingpath        {ours:5d} crossings drawn  ({layout.crossings} between neighbouring columns; "
          f"layout {took * 1000:.0f} ms)")
    if shutil.which("dot") is None:
        print("dot               not installed (Debian: apt-get install -y graphviz)")
        return 0
    for label, source in (("dot, same layers", same_layers_dot(roles, layout)),
                          ("dot, as shipped ", graph_text(catalog, "dot", track=args.track))):
        started = time.perf_counter()
        curves = dot_curves(source)
        took = time.perf_counter() - started
        print(f"{label}  {geometric_crossings(curves):5d} crossings drawn  (dot {took * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
