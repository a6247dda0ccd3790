"""A layered (Sugiyama-style) drawing of a directed graph, left to right. Pure: numbers in, numbers out.

Each node comes with its layer (for the career map: a tier, split into sub-layers where one role of
a tier leads to another of the same tier). Edges that skip layers pass through one invisible
"dummy" point per skipped layer, so every edge segment joins neighbouring layers. The order of the
nodes within each layer is chosen to cut edge crossings (`layer_order`). Vertical positions then
pull every node toward its neighbours while keeping the
order and the gaps (an isotonic regression, so no node overlaps another), and edges leave a box
from its right side and enter the next on its left, spread along the side in the order they go.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .layer_order import count_crossings, minimise_crossings, total_crossings

__all__ = ["Layout", "LayoutNode", "PlacedNode", "RoutedEdge", "count_crossings", "layered_layout", "split_layers"]

Point = tuple[float, float]
DUMMY_HEIGHT = 4.0


@dataclass(frozen=True)
class LayoutNode:
    """A box to place: its layer (0 is leftmost) and size."""

    id: str
    layer: int
    width: float
    height: float


@dataclass(frozen=True)
class PlacedNode:
    """A box where it is drawn; `x`, `y` is its top-left corner."""

    id: str
    layer: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class RoutedEdge:
    """An edge as the points it passes, from its source's right side to its target's left side."""

    source: str
    target: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    """Placed boxes, routed edges, the drawing's size, and the crossings its order leaves."""

    nodes: dict[str, PlacedNode]
    edges: tuple[RoutedEdge, ...]
    width: float
    height: float
    layer_x: tuple[tuple[float, float], ...]  # each layer's left and right x
    crossings: int
    order: tuple[tuple[str, ...], ...]  # each layer's nodes (dummies included) top to bottom


@dataclass(frozen=True)
class _Chain:
    """An edge as the node ids it passes through, dummies included, left to right."""

    source: str
    target: str
    ids: tuple[str, ...]


def layered_layout(nodes: list[LayoutNode], edges: list[tuple[str, str]], *, layer_gap: float = 64.0,
                   node_gap: float = 14.0) -> Layout:
    """Place `nodes` (in their given order as the starting order) and route `edges` between them.

    An edge must go from a lower layer to a higher one; one that does not is a caller's error."""
    by_id = {n.id: n for n in nodes}
    layer_of = {n.id: n.layer for n in nodes}
    depth = max((n.layer for n in nodes), default=-1) + 1
    chains: list[_Chain] = []
    for source, target in edges:
        if layer_of[target] <= layer_of[source]:
            raise ValueError(f"edge {source} -> {target} does not go to a later layer")
        dummies = tuple(f"\0{source}\0{target}\0{layer}" for layer in range(layer_of[source] + 1, layer_of[target]))
        for i, dummy in enumerate(dummies):
            layer_of[dummy] = layer_of[source] + 1 + i
        chains.append(_Chain(source, target, (source, *dummies, target)))
    layers: list[list[str]] = [[] for _ in range(depth)]
    for node in nodes:
        layers[node.layer].append(node.id)
    for chain in chains:
        for dummy in chain.ids[1:-1]:
            layers[layer_of[dummy]].append(dummy)
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for chain in chains:
        for a, b in zip(chain.ids, chain.ids[1:], strict=False):
            down[a].append(b)
            up[b].append(a)
    order = minimise_crossings(layers, up, down)
    sizes = {i: (by_id[i].width, by_id[i].height) if i in by_id else (0.0, DUMMY_HEIGHT) for i in layer_of}
    centre = _vertical_positions(order, up, down, sizes, node_gap)
    return _assemble(order, by_id, chains, centre, sizes, layer_gap,
                     total_crossings(order, down))


def split_layers(group: dict[str, int], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Layers for nodes given in ordered groups (tiers): a group becomes as many layers as its longest
    chain of edges inside it, so an edge between two nodes of one group still goes left to right.

    Edges that go back to an earlier group are ignored here; edges inside a group must not form a cycle
    (the career data's cross-checks refuse one)."""
    from graphlib import TopologicalSorter

    inside: dict[str, set[str]] = {node: set() for node in group}
    for a, b in edges:
        if group[a] == group[b]:
            inside[b].add(a)
    depth: dict[str, int] = {}
    for node in TopologicalSorter(inside).static_order():
        depth[node] = max((depth[p] + 1 for p in inside[node]), default=0)
    spans: dict[int, int] = defaultdict(int)
    for node, g in group.items():
        spans[g] = max(spans[g], depth[node] + 1)
    offset, start = 0, {}  # type: tuple[int, dict[int, int]]
    for g in sorted(spans):
        start[g] = offset
        offset += spans[g]
    return {node: start[g] + depth[node] for node, g in group.items()}


# -- coordinates ------------------------------------------------------------------------------------

def _isotonic(wanted: list[float], gaps: list[float]) -> list[float]:
    """Positions as close as possible (least squares) to `wanted`, in order, at least `gaps` apart."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [mean, count] of pooled adjacent values (pool adjacent violators)
    for value in (w - o for w, o in zip(wanted, offsets, strict=False)):
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            total = blocks[-1][1] + count
            blocks[-1] = [(blocks[-1][0] * blocks[-1][1] + mean * count) / total, total]
    flat = [mean for mean, count in blocks for _ in range(int(count))]
    return [v + o for v, o in zip(flat, offsets, strict=False)]


def _vertical_positions(order: list[list[str]], up: dict[str, list[str]], down: dict[str, list[str]],
                        sizes: dict[str, tuple[float, float]], node_gap: float) -> dict[str, float]:
    """The centre y of every node: stacked in order, then pulled toward its neighbours."""
    centre: dict[str, float] = {}

    def gaps(layer: list[str]) -> list[float]:
        return [(sizes[a][1] + sizes[b][1]) / 2 + (node_gap if sizes[a][0] and sizes[b][0] else node_gap / 2)
                for a, b in zip(layer, layer[1:], strict=False)]

    for layer in order:
        y = 0.0
        for node, gap in zip(layer, [0.0, *gaps(layer)], strict=False):
            y += gap
            centre[node] = y
    passes: list[tuple[range, dict[str, list[str]] | None]] = [
        (range(1, len(order)), up), (range(len(order) - 2, -1, -1), down)] * 4
    passes.append((range(len(order)), None))  # last: each node between its neighbours on both sides
    for indices, side in passes:
        for i in indices:
            layer = order[i]
            wanted = []
            for node in layer:
                linked = (up[node] + down[node]) if side is None else side[node]
                wanted.append(sum(centre[n] for n in linked) / len(linked) if linked else centre[node])
            for node, y in zip(layer, _isotonic(wanted, gaps(layer)), strict=False):
                centre[node] = y
    return centre


def _assemble(order: list[list[str]], by_id: dict[str, LayoutNode], chains: list[_Chain], centre: dict[str, float],
              sizes: dict[str, tuple[float, float]], layer_gap: float, crossings: int) -> Layout:
    top = min((centre[n] - sizes[n][1] / 2 for n in centre), default=0.0)
    layer_x: list[tuple[float, float]] = []
    x = 0.0
    for layer in order:
        width = max((sizes[n][0] for n in layer), default=0.0)
        layer_x.append((x, x + width))
        x += width + layer_gap
    placed = {}
    for i, layer in enumerate(order):
        left, right = layer_x[i]
        for node in layer:
            if node in by_id:
                w, h = sizes[node]
                placed[node] = PlacedNode(node, i, left + (right - left - w) / 2, centre[node] - h / 2 - top, w, h)
    routed = _route(chains, placed, {n: y - top for n, y in centre.items()}, layer_x)
    height = max((p.y + p.height for p in placed.values()), default=0.0)
    height = max([height, *(y for e in routed for _, y in e.points)])
    return Layout(placed, routed, max(x - layer_gap, 0.0), height, tuple(layer_x), crossings,
                  tuple(tuple(layer) for layer in order))


def _route(chains: list[_Chain], placed: dict[str, PlacedNode], centre: dict[str, float],
           layer_x: list[tuple[float, float]]) -> tuple[RoutedEdge, ...]:
    """Edge points; a box's edges leave (and arrive) spread along its side, in the order they go."""
    leaving: dict[str, list[tuple[float, int]]] = defaultdict(list)
    arriving: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for k, chain in enumerate(chains):
        leaving[chain.source].append((centre[chain.ids[1]], k))
        arriving[chain.target].append((centre[chain.ids[-2]], k))
    port: dict[tuple[str, int], float] = {}
    for table, side in ((leaving, "out"), (arriving, "in")):
        for node, ends in table.items():
            box = placed[node]
            ends.sort()
            spread = box.height * 0.6
            for j, (_, k) in enumerate(ends):
                offset = 0.0 if len(ends) == 1 else spread * (j / (len(ends) - 1) - 0.5)
                port[(side + node, k)] = box.y + box.height / 2 + offset
    routed = []
    for k, chain in enumerate(chains):
        source, target = placed[chain.source], placed[chain.target]
        points: list[Point] = [(source.x + source.width, port[("out" + chain.source, k)])]
        for dummy in chain.ids[1:-1]:
            left, right = layer_x[int(dummy.rsplit("\0", 1)[1])]
            points += [(left, centre[dummy]), (right, centre[dummy])]
        points.append((target.x, port[("in" + chain.target, k)]))
        routed.append(RoutedEdge(chain.source, chain.target, tuple(points)))
    return tuple(routed)
