"""The report's network layout: CPU and picture quality against the number of force-layout rounds.

The layout's nodes never settle (every round moves them by the whole, cooling, step), so fewer rounds give a
different picture; this prints whether it is a worse one, on the graphs of real stories:

    python benchmarks/bench_layout.py capture G.json -- analyze FOLDER --out DIR   # run syuzhet, keep every graph
    python benchmarks/bench_layout.py compare G.json [G2.json ...] --rounds 300 150 100

``compare`` prints, per graph file and round count: layout + label separation CPU, edge crossings (mean per
graph), label boxes still overlapping after separation, and the median distance of a graph's two closest nodes.
"""

from __future__ import annotations

import argparse
import atexit
import json
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from syuzhet.report import graph
from syuzhet.report.index import EntityRef

Edges = list[tuple[int, int, int]]


def capture(path: str, command: list[str]) -> None:
    """Run the syuzhet command line in this process, recording every graph the report lays out."""
    seen: list[dict[str, Any]] = []
    original = graph.layout

    def recording(nodes: list[graph.Node], edges: Iterable[tuple[int, int, int]], *args: Any) -> None:
        edge_list = list(edges)
        seen.append({"names": [node.entity.name for node in nodes], "edges": edge_list})
        original(nodes, edge_list, *args)

    graph.layout = recording  # type: ignore[assignment]
    atexit.register(lambda: Path(path).write_text(json.dumps(seen, ensure_ascii=False), encoding="utf-8"))
    from syuzhet.cli import main

    sys.argv = ["syuzhet", *command]
    main()


def _crosses(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float], s: tuple[float, float]) -> bool:
    def side(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(p, q, r) * side(p, q, s) < 0 and side(r, s, p) * side(r, s, q) < 0


def measure(names: list[str], edges: Edges, rounds: int) -> tuple[float, int, int, float]:
    nodes = [graph.Node(EntityRef(str(i), name, "PER", "per", str(i)), 1, 1) for i, name in enumerate(names)]
    start = time.process_time()
    graph.layout(nodes, edges, rounds)
    graph.separate_labels(nodes)
    cpu = time.process_time() - start
    at = [(node.x, node.y) for node in nodes]
    crossings = sum(
        1 for n, (i, j, _) in enumerate(edges) for (k, m, _) in edges[n + 1:]
        if len({i, j, k, m}) == 4 and _crosses(at[i], at[j], at[k], at[m])
    )
    boxes = [graph._box(node) for node in nodes]
    overlaps = sum(
        1 for n, a in enumerate(boxes) for b in boxes[n + 1:]
        if not (a[0] >= b[2] or b[0] >= a[2] or a[1] >= b[3] or b[1] >= a[3])
    )
    closest = min(
        (((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5 for n, p in enumerate(at) for q in at[n + 1:]), default=0.0
    )
    return cpu, crossings, overlaps, closest


def compare(paths: list[str], rounds: list[int]) -> None:
    print("| graphs | rounds | n | CPU s | crossings per graph | label overlaps left (graphs) | closest nodes px |")
    print("|---|---|---|---|---|---|---|")
    for path in paths:
        graphs = [g for g in json.loads(Path(path).read_text(encoding="utf-8")) if len(g["names"]) > 2]
        for count in rounds:
            rows = [measure(g["names"], [tuple(e) for e in g["edges"]], count) for g in graphs]
            print(
                f"| {path} | {count} | {len(rows)} | {sum(r[0] for r in rows):.2f} "
                f"| {statistics.mean(r[1] for r in rows):.2f} "
                f"| {sum(r[2] for r in rows)} ({sum(r[2] > 0 for r in rows)}) "
                f"| {statistics.median(r[3] for r in rows):.1f} |"
            )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "capture":
        split = sys.argv.index("--")
        capture(sys.argv[2], sys.argv[split + 1:])
    else:
        parser = argparse.ArgumentParser()
        parser.add_argument("mode", choices=["compare"])
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--rounds", type=int, nargs="+", default=[300, 150, 100])
        options = parser.parse_args()
        compare(options.paths, options.rounds)
