"""Entity co-occurrence graph of a story, laid out here (deterministic force layout) and drawn as inline SVG.

Two entities are linked when they are mentioned in the same block (paragraph, heading, title) of an
article; the edge weight counts such blocks."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from markupsafe import Markup, escape

from syuzhet.report.data import dicts, integer
from syuzhet.report.index import ArticleView, EntityRef, Mention

WIDTH, HEIGHT = 860, 520
MAX_NODES, MAX_EDGES = 28, 90


@dataclass(slots=True)
class Node:
    entity: EntityRef
    mentions: int
    articles: int
    x: float = 0.0
    y: float = 0.0


@dataclass(slots=True)
class Graph:
    nodes: list[Node]
    edges: list[tuple[int, int, int]]  # node index, node index, weight

    @property
    def empty(self) -> bool:
        return not self.nodes


def _block_starts(article: ArticleView) -> list[int]:
    return sorted(
        start for block in dicts(article.record.get("blocks")) if (start := integer(block.get("start"))) is not None
    )


def cooccurrence(articles: Sequence[ArticleView], mentions: dict[str, list[Mention]]) -> Graph:
    """The most-mentioned entities of these articles and how often they share a block."""
    count: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    refs: dict[str, EntityRef] = {}
    groups: list[set[str]] = []
    for article in articles:
        starts = _block_starts(article)
        by_block: dict[int, set[str]] = {}
        seen: set[str] = set()
        for mention in mentions.get(article.id, []):
            key = mention.entity.id
            refs[key] = mention.entity
            count[key] += 1
            seen.add(key)
            by_block.setdefault(bisect_right(starts, mention.start), set()).add(key)
        spread.update(seen)
        groups.extend(by_block.values())
    chosen = [key for key, _ in sorted(count.items(), key=lambda kv: (-kv[1], refs[kv[0]].name))[:MAX_NODES]]
    position = {key: n for n, key in enumerate(chosen)}
    weights: Counter[tuple[int, int]] = Counter()
    for group in groups:
        members = sorted(position[key] for key in group if key in position)
        weights.update(combinations(members, 2))
    edges = [(a, b, w) for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_EDGES]]
    nodes = [Node(refs[key], count[key], spread[key]) for key in chosen]
    layout(nodes, edges)
    separate_labels(nodes)
    return Graph(nodes, edges)


def layout(nodes: list[Node], edges: Iterable[tuple[int, int, int]], rounds: int = 150) -> None:
    """Fruchterman-Reingold in the unit square with gravity, started on a circle: same input, same picture.
    (Positions live in local lists inside the loop; the arithmetic and its order are those of the plain
    per-node version, so the picture is the same to the last bit, in half the time.)
    The nodes never settle (each round moves them by the whole, cooling, step), so the picture comes from the
    cooling schedule; 150 rounds instead of 300 halve the cost, and on graphs of corpora this was not chosen
    on, edge crossings, label overlaps left and the closest two nodes stay within the spread between round
    counts (docs/SCALE.md)."""
    n = len(nodes)
    if n == 0:
        return
    edge_list = list(edges)
    xs = [0.5 + 0.35 * math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [0.5 + 0.35 * math.sin(2 * math.pi * i / n) for i in range(n)]
    k = math.sqrt(1.0 / n) * 0.9
    kk = k * k
    heaviest = max((w for _, _, w in edge_list), default=1)
    weights = [(i, j, 0.5 + w / heaviest) for i, j, w in edge_list]
    hypot = math.hypot
    for step in range(rounds):
        temperature = 0.1 * (1 - step / rounds) + 0.002
        dx, dy = [0.0] * n, [0.0] * n
        for i in range(n):
            xi, yi, sx, sy = xs[i], ys[i], dx[i], dy[i]
            for j in range(i + 1, n):
                ex, ey = xi - xs[j], yi - ys[j]
                dist = hypot(ex, ey)
                dist = dist if dist > 1e-4 else 1e-4  # max(), without the cost of a call
                push = kk / dist
                fx, fy = ex / dist * push, ey / dist * push
                sx += fx
                sy += fy
                dx[j] -= fx
                dy[j] -= fy
            dx[i], dy[i] = sx, sy
        for i, j, weight in weights:
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            dist = hypot(ex, ey)
            dist = dist if dist > 1e-4 else 1e-4
            pull = dist * dist / k * weight
            fx, fy = ex / dist * pull, ey / dist * pull
            dx[i] -= fx
            dy[i] -= fy
            dx[j] += fx
            dy[j] += fy
        for i in range(n):
            x, y = xs[i], ys[i]
            gx = dx[i] + (0.5 - x) * 0.6 * k
            gy = dy[i] + (0.5 - y) * 0.6 * k
            size = hypot(gx, gy)
            size = size if size > 1e-9 else 1e-9
            move = size if size <= temperature else temperature
            x += gx / size * move
            y += gy / size * move
            xs[i] = 1.0 if x > 1.0 else (x if x > 0.0 else 0.0)
            ys[i] = 1.0 if y > 1.0 else (y if y > 0.0 else 0.0)
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    low_x, low_y = min(xs), min(ys)
    for node, x, y in zip(nodes, xs, ys, strict=True):
        node.x = 30 + (x - low_x) / span_x * (WIDTH - 230) if n > 1 else WIDTH / 2
        node.y = 24 + (y - low_y) / span_y * (HEIGHT - 48) if n > 1 else HEIGHT / 2


def _box(node: Node) -> tuple[float, float, float, float]:
    """Approximate bounds of a node with its label (drawn to the right of the node)."""
    width = 7.2 * len(node.entity.name) + 24
    return node.x - 12, node.y - 11, node.x + width, node.y + 11


def separate_labels(nodes: list[Node], rounds: int = 120) -> None:
    """Nudge nodes apart until their labels no longer overlap (or ``rounds`` runs out), inside the canvas."""
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                ax0, ay0, ax1, ay1 = _box(a)
                bx0, by0, bx1, by1 = _box(b)
                if ax0 >= bx1 or bx0 >= ax1 or ay0 >= by1 or by0 >= ay1:
                    continue
                moved = True
                push = min(ay1, by1) - max(ay0, by0)
                sign = 1.0 if a.y <= b.y else -1.0
                a.y -= sign * push / 2 + sign * 0.5
                b.y += sign * push / 2 + sign * 0.5
        for node in nodes:
            right = node.x + 7.2 * len(node.entity.name) + 24
            if right > WIDTH - 8:
                node.x -= right - (WIDTH - 8)
            node.x = max(16.0, node.x)
            node.y = min(HEIGHT - 16.0, max(16.0, node.y))
        if not moved:
            return


def svg(graph: Graph, label: str, prefix: str) -> Markup:
    """The graph as an inline SVG element; nodes link to the entity's row in the story's entity table."""
    if graph.empty:
        return Markup("")
    heaviest = max((w for _, _, w in graph.edges), default=1)
    most = max(node.mentions for node in graph.nodes)
    parts = [
        f'<svg class="graph" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title><g class="edges">'
    ]
    for i, j, w in graph.edges:
        a, b = graph.nodes[i], graph.nodes[j]
        width = 0.8 + 4.2 * w / heaviest
        parts.append(
            f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{b.x:.1f}" y2="{b.y:.1f}" stroke-width="{width:.2f}">'
            f"<title>{escape(a.entity.name)} — {escape(b.entity.name)}: {w}</title></line>"
        )
    parts.append('</g><g class="nodes">')
    for node in graph.nodes:
        radius = 5 + 11 * math.sqrt(node.mentions / most)
        anchor_to = node.entity.anchor
        href = f"{prefix}-{anchor_to}"
        tx = node.x + radius + 4
        parts.append(
            f'<a href="#{href}" class="node {node.entity.css}" data-entity="{anchor_to}">'
            f"<title>{escape(node.entity.name)}: {node.mentions} mentions in {node.articles} articles</title>"
            f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{radius:.1f}"/>'
            f'<text x="{tx:.1f}" y="{node.y + 4:.1f}">'
            f"{escape(node.entity.name)}</text></a>"
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))
