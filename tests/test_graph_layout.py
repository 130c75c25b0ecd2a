"""The report's network layout: same input, same picture; every node on the canvas; linked nodes closer."""

from __future__ import annotations

import math

from syuzhet.report import graph
from syuzhet.report.index import EntityRef


def _nodes(count: int) -> list[graph.Node]:
    return [graph.Node(EntityRef(f"e{i}", f"Name {i}", "PER", "per", f"e{i}"), 1, 1) for i in range(count)]


def _laid(count: int, edges: list[tuple[int, int, int]]) -> list[tuple[float, float]]:
    nodes = _nodes(count)
    graph.layout(nodes, edges)
    return [(node.x, node.y) for node in nodes]


def test_layout_is_deterministic_and_on_the_canvas() -> None:
    edges = [(i, (i * 7 + 3) % 20, 1 + i % 4) for i in range(20) if i != (i * 7 + 3) % 20]
    first, again = _laid(20, edges), _laid(20, edges)
    assert first == again
    for x, y in first:
        assert math.isfinite(x) and math.isfinite(y)
        assert 0 <= x <= graph.WIDTH and 0 <= y <= graph.HEIGHT
    assert len({(round(x), round(y)) for x, y in first}) == 20


def test_linked_nodes_end_closer_than_unlinked_ones() -> None:
    # two cliques of five, no edge between them: a node is nearer its own clique than the other one
    edges = [(a, b, 3) for group in (range(5), range(5, 10)) for a in group for b in group if a < b]
    at = _laid(10, edges)

    def mean_distance(pairs: list[tuple[int, int]]) -> float:
        return sum(math.dist(at[a], at[b]) for a, b in pairs) / len(pairs)

    inside = [(a, b) for a, b, _ in edges]
    across = [(a, b) for a in range(5) for b in range(5, 10)]
    assert mean_distance(inside) < mean_distance(across) / 2
