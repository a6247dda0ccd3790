"""The layered layout on its own: layers, crossings, placement and routes."""

from __future__ import annotations

import pytest

from codingpath.models import TIERS
from codingpath.render.layered_layout import (
    LayoutNode,
    count_crossings,
    layered_layout,
    split_layers,
)


def nodes(layers: list[list[str]]) -> list[LayoutNode]:
    return [LayoutNode(n, i, 100, 30) for i, layer in enumerate(layers) for n in layer]


def test_crossings_are_counted_between_neighbouring_layers():
    assert count_crossings([["a", "b"], ["c", "d"]], [("a", "d"), ("b", "c")]) == 1
    assert count_crossings([["a", "b"], ["c", "d"]], [("a", "c"), ("b", "d")]) == 0
    assert count_crossings([["a", "b", "c"], ["x", "y", "z"]], [("a", "z"), ("b", "y"), ("c", "x")]) == 3


def test_an_order_that_can_be_drawn_without_crossings_is_found():
    # Given upside down: each of a, b, c leads to the box across from it, then on to the next layer.
    layers = [["a", "b", "c"], ["z", "y", "x"], ["r", "q", "p"]]
    edges = [("a", "x"), ("b", "y"), ("c", "z"), ("x", "p"), ("y", "q"), ("z", "r"), ("a", "y")]
    start = count_crossings(layers, edges)
    layout = layered_layout(nodes(layers), edges)
    assert start > 0 and layout.crossings == 0
    assert count_crossings([list(layer) for layer in layout.order], edges) == 0


def test_long_edges_pass_through_the_layers_between_and_boxes_do_not_overlap():
    layers = [["a", "b"], ["c", "d", "e"], ["f"]]
    layout = layered_layout(nodes(layers), [("a", "f"), ("a", "c"), ("b", "d"), ("e", "f"), ("c", "f")])
    long = next(e for e in layout.edges if (e.source, e.target) == ("a", "f"))
    middle_left, middle_right = layout.layer_x[1]
    assert [x for x, _ in long.points] == [layout.nodes["a"].x + 100, middle_left, middle_right, layout.nodes["f"].x]
    assert len(layout.order[1]) == 4  # three boxes and the long edge's point
    for edge in layout.edges:
        source, target = layout.nodes[edge.source], layout.nodes[edge.target]
        assert source.y <= edge.points[0][1] <= source.y + source.height
        assert target.y <= edge.points[-1][1] <= target.y + target.height
    column = sorted((n.y, n.y + n.height) for n in layout.nodes.values() if n.layer == 1)
    assert all(top >= bottom for (_, bottom), (top, _) in zip(column, column[1:], strict=False))


def test_a_group_with_edges_inside_becomes_several_layers():
    group = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}
    layers = split_layers(group, [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e")])
    assert layers == {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}


def test_an_edge_back_to_an_earlier_layer_is_refused():
    with pytest.raises(ValueError, match="b -> a"):
        layered_layout(nodes([["a"], ["b"]]), [("b", "a")])


def test_the_career_map_has_far_fewer_crossings_than_its_alphabetical_order(bundled_data):
    roles = sorted(bundled_data.roles.values(), key=lambda r: (TIERS.index(r.tier), r.title))
    edges = [(r.id, t) for r in roles for t in r.leads_to]
    layer = split_layers({r.id: TIERS.index(r.tier) for r in roles}, edges)
    layout = layered_layout([LayoutNode(r.id, layer[r.id], 100, 30) for r in roles], edges)
    assert len(layout.nodes) == len(roles) and len(layout.edges) == len(edges)
    # The same graph in alphabetical order, each long edge through points of its own in the layers between.
    order: list[list[str]] = [[] for _ in layout.order]
    for role in roles:
        order[layer[role.id]].append(role.id)
    segments = []
    for a, b in edges:
        ids = [a, *(f"{a}>{b}@{k}" for k in range(layer[a] + 1, layer[b])), b]
        for k, point in enumerate(ids[1:-1], start=layer[a] + 1):
            order[k].append(point)
        segments += list(zip(ids, ids[1:], strict=False))
    assert layout.crossings < 0.6 * count_crossings(order, segments)
