"""`codingpath.render.layer_order`: counting the crossings of a layered drawing, and an order that
never has more of them than the one given, the same every run."""

from __future__ import annotations

from collections import defaultdict

from codingpath.render.layer_order import count_crossings, minimise_crossings, total_crossings


def adjacency(edges: list[tuple[str, str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        down[a].append(b)
        up[b].append(a)
    return up, down


def test_parallel_edges_do_not_cross_and_a_swap_crosses_once():
    assert count_crossings([["a", "b"], ["x", "y"]], [("a", "x"), ("b", "y")]) == 0
    assert count_crossings([["a", "b"], ["x", "y"]], [("a", "y"), ("b", "x")]) == 1


def test_edges_sharing_an_end_do_not_cross():
    assert count_crossings([["a", "b"], ["x"]], [("a", "x"), ("b", "x")]) == 0
    assert count_crossings([["a"], ["x", "y"]], [("a", "x"), ("a", "y")]) == 0


def test_crossings_add_up_over_the_layers():
    order = [["a", "b"], ["x", "y"], ["p", "q"]]
    edges = [("a", "y"), ("b", "x"), ("x", "q"), ("y", "p")]
    assert count_crossings(order, edges) == 2
    assert total_crossings(order, adjacency(edges)[1]) == 2


def test_an_edge_to_a_node_outside_the_next_layer_is_not_counted():
    assert count_crossings([["a", "b"], ["x"]], [("a", "z"), ("b", "x")]) == 0


def test_a_crossing_that_can_be_undone_is_undone():
    layers = [["a", "b"], ["x", "y"]]
    edges = [("a", "y"), ("b", "x")]
    up, down = adjacency(edges)
    best = minimise_crossings(layers, up, down)
    assert count_crossings(best, edges) == 0
    assert sorted(best[0]) == ["a", "b"] and sorted(best[1]) == ["x", "y"]
    assert layers == [["a", "b"], ["x", "y"]]  # the given order is left alone


def test_the_order_found_is_never_worse_keeps_every_node_and_is_the_same_each_run():
    layers = [["a", "b", "c", "d"], ["w", "x", "y", "z"], ["p", "q", "r"]]
    edges = [("a", "z"), ("b", "y"), ("c", "x"), ("d", "w"), ("a", "w"), ("w", "r"), ("x", "q"), ("y", "p"),
             ("z", "p"), ("d", "z")]
    up, down = adjacency(edges)
    best = minimise_crossings(layers, up, down)
    assert [sorted(layer) for layer in best] == [sorted(layer) for layer in layers]
    assert count_crossings(best, edges) <= count_crossings(layers, edges)
    assert best == minimise_crossings(layers, up, down)


def test_an_order_without_crossings_stays_without():
    layers = [["a", "b"], ["x", "y"]]
    up, down = adjacency([("a", "x"), ("b", "y")])
    assert count_crossings(minimise_crossings(layers, up, down), [("a", "x"), ("b", "y")]) == 0


def test_a_single_layer_and_no_layers_are_fine():
    up, down = adjacency([])
    assert minimise_crossings([["a", "b", "c"]], up, down) == [["a", "b", "c"]]
    assert minimise_crossings([], up, down) == []
    assert count_crossings([], []) == 0
