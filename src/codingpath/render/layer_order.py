"""The order of the nodes within each layer of a layered drawing, chosen to cut edge crossings.

Alternating down and up sweeps sort each layer by the weighted median position of its neighbours in
the layer just placed (Gansner et al., as Graphviz's dot does), and after each sweep every node is
moved to the place in its layer with the fewest crossings on both sides (sifting). Which local
minimum the sweeps settle in depends mostly on where they start, so several starting orders are
tried and the best order seen is kept. Every edge here joins neighbouring layers (long edges come
with a point per layer they pass).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from random import Random

__all__ = ["count_crossings", "minimise_crossings", "total_crossings"]

SWEEPS = 24  # at most, alternately down and up (dot's default number of iterations)
PATIENCE = 2  # sweeps without a better order before a start is given up, as dot does
RESTARTS = 6  # shuffled starting orders tried besides the given one and the one following the edges
RESTART_SEED = 1


def _crossings_between(upper: list[str], lower: list[str], down: dict[str, list[str]]) -> int:
    """Crossings of the edges between two neighbouring layers (pairs of edges whose ends swap order)."""
    rank = {node: i for i, node in enumerate(lower)}
    ends = [(i, rank[b]) for i, a in enumerate(upper) for b in down[a] if b in rank]
    ends.sort()
    crossings = 0
    for k, (a1, b1) in enumerate(ends):
        for a2, b2 in ends[k + 1:]:
            crossings += a2 > a1 and b2 < b1
    return crossings


def count_crossings(order: list[list[str]], edges: list[tuple[str, str]]) -> int:
    """Crossings of a layered order where every edge joins neighbouring layers."""
    down: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        down[a].append(b)
    return total_crossings(order, down)


def _weighted_median(seen: list[int]) -> float:
    """dot's weighted median: for an even count, the middle pair weighted toward the tighter side."""
    seen.sort()
    middle = len(seen) // 2
    if len(seen) % 2:
        return float(seen[middle])
    if len(seen) == 2:
        return (seen[0] + seen[1]) / 2
    left, right = seen[middle - 1] - seen[0], seen[-1] - seen[middle]
    if left + right == 0:
        return (seen[middle - 1] + seen[middle]) / 2
    return (seen[middle - 1] * right + seen[middle] * left) / (left + right)


def _sort_by_neighbours(layer: list[str], fixed: list[str], neighbours: dict[str, list[str]]) -> list[str]:
    """The layer sorted by its nodes' median neighbour in `fixed`; a node with none keeps its place."""
    position = {node: i for i, node in enumerate(fixed)}
    wanted: list[float | None] = []
    for node in layer:
        seen = [position[n] for n in neighbours[node] if n in position]
        wanted.append(_weighted_median(seen) if seen else None)
    movable = sorted((w, i) for i, w in enumerate(wanted) if w is not None)
    out = list(layer)
    slots = iter(i for i, w in enumerate(wanted) if w is not None)
    for (_, i), slot in zip(movable, slots, strict=False):
        out[slot] = layer[i]
    return out


def _sift(order: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]]) -> None:
    """Move each node of each layer to the place in its layer with the fewest crossings on both sides
    (sifting: moving a node past another changes the count by what that pair crosses either way)."""
    for i, layer in enumerate(order):
        sides = [(order[i - 1], up)] if i else []
        sides += [(order[i + 1], down)] if i + 1 < len(order) else []
        if len(layer) < 2 or not sides:
            continue
        ranked = []
        for fixed, adjacent in sides:
            rank = {n: k for k, n in enumerate(fixed)}
            ranked.append({a: sorted(rank[n] for n in adjacent[a] if n in rank) for a in layer})
        cost = {(a, b): sum(bisect_left(side[b], x) for side in ranked for x in side[a])
                for a in layer for b in layer if a != b}
        for node in list(layer):
            rest = [n for n in layer if n != node]
            change, best_change, best_at = 0, 0, 0
            for at, passed in enumerate(rest, start=1):
                change += cost[(passed, node)] - cost[(node, passed)]
                if change < best_change:
                    best_change, best_at = change, at
            layer[:] = [*rest[:best_at], node, *rest[best_at:]]


def total_crossings(order: list[list[str]], down: dict[str, list[str]]) -> int:
    return sum(_crossings_between(order[i], order[i + 1], down) for i in range(len(order) - 1))


def _sweep(order: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]], downward: bool) -> None:
    """One sweep: each layer sorted by its neighbours in the layer before it (or after, going up), then sifted."""
    if downward:
        for i in range(1, len(order)):
            order[i] = _sort_by_neighbours(order[i], order[i - 1], up)
    else:
        for i in range(len(order) - 2, -1, -1):
            order[i] = _sort_by_neighbours(order[i], order[i + 1], down)
    _sift(order, up, down)


def minimise_crossings(layers: list[list[str]], up: dict[str, list[str]],
                        down: dict[str, list[str]]) -> list[list[str]]:
    """The best order found from several starting orders: the given one, one that follows the edges,
    and a few shuffles of the given one (seeded: the same drawing every run). Which local minimum
    the sweeps settle in depends mostly on where they start."""
    followed = [list(layer) for layer in layers]
    for i in range(1, len(followed)):
        followed[i] = _sort_by_neighbours(followed[i], followed[i - 1], up)
    shuffler = Random(RESTART_SEED)
    starts = [[list(layer) for layer in layers], followed]
    starts += [[shuffler.sample(layer, len(layer)) for layer in layers] for _ in range(RESTARTS)]
    best, best_count = [list(layer) for layer in layers], total_crossings(layers, down)
    for order in starts:
        stale = 0
        for sweep in range(SWEEPS):
            _sweep(order, up, down, downward=sweep % 2 == 0)
            count = total_crossings(order, down)
            if count < best_count:
                best, best_count, stale = [list(layer) for layer in order], count, 0
            elif (stale := stale + 1) >= PATIENCE:  # sweeps that find nothing better: give up, as dot does
                break
    return best
