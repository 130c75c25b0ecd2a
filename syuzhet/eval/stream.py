"""A labelled news stream (``../shared/corpus/stories/*.jsonl``: one item a line with ``event`` and ``lang``)
and how story clustering is scored on it, as that folder's README and reference scorer say: B-cubed over
items, pairwise over all item pairs (the Dialogue-2021 measure), pairwise over pairs in different languages,
and the gold events merged into one story."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from syuzhet.model import Article

LANGS = frozenset({"ru", "uk", "kk", "en", "be"})
FEED_FIELDS = ("text", "url", "outlet", "title", "date")


def load_stream(path: Path) -> list[dict[str, Any]]:
    """The items the scorer keeps: languages in ``LANGS``, the first item of each URL."""
    items, seen = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item.get("lang") in LANGS and item["url"] not in seen:
                seen.add(item["url"])
                items.append(item)
    return items


def write_feed(items: Sequence[dict[str, Any]], path: Path) -> None:
    """What a clustering may see of the items: no labels, no language."""
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            record = {k: item[k] for k in FEED_FIELDS if item.get(k)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def item_number(source: str) -> int | None:
    """0-based item number of an article read from a feed file (``path#N``, N from 1)."""
    m = re.search(r"#(\d+)$", source)
    return int(m.group(1)) - 1 if m else None


def families(items: Sequence[dict[str, Any]]) -> list[str]:
    """Each item's event family: events joined when an item's ``note`` names another event (a near miss), so
    folds keep near-miss events together."""
    events = sorted({str(i["event"]) for i in items})
    parent = {e: e for e in events}

    def root(e: str) -> str:
        while parent[e] != e:
            e = parent[e]
        return e

    for item in items:
        for other in events:
            if other != item["event"] and other in str(item.get("note") or ""):
                parent[root(other)] = root(str(item["event"]))
    return [root(str(i["event"])) for i in items]


def aligned_dates(items: Sequence[dict[str, Any]], family: Sequence[str]) -> list[str | None]:
    """Each item's date moved so that every event family starts on one day, the gaps inside a family kept: the
    stream as a dense feed, where unrelated events happen on the same days and near misses stay apart as they
    were (``--dense``: sharing a date must not be enough to share a story)."""
    start: dict[str, dt.date] = {}
    for item, fam in zip(items, family, strict=True):
        if item.get("date"):
            day = dt.date.fromisoformat(str(item["date"]))
            start[fam] = min(start.get(fam, day), day)
    base = dt.date(2025, 1, 1)
    return [(base + (dt.date.fromisoformat(str(item["date"])) - start[fam])).isoformat() if item.get("date") else None
            for item, fam in zip(items, family, strict=True)]


def dense(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items with ``aligned_dates``."""
    moved = aligned_dates(items, families(items))
    return [{**item, "date": date} for item, date in zip(items, moved, strict=True)]


@dataclass
class Scores:
    bcubed: tuple[float, float, float]
    pairs: tuple[float, float, float]
    cross: tuple[float, float, float]
    stories: int
    merged: list[tuple[str, str, int]] = field(default_factory=list)

    def row(self) -> list[float]:
        return [float(self.stories), *self.bcubed, *self.pairs, *self.cross]


HEADER = ["stories", "B3 P", "B3 R", "B3 F1", "pairs P", "pairs R", "pairs F1", "cross P", "cross R", "cross F1"]


def score(items: Sequence[dict[str, Any]], predicted: Sequence[object],
          only: set[int] | None = None) -> Scores:
    """``predicted[i]`` is item i's story (items in no story must have labels of their own). ``only``: score
    just these items (B-cubed) and the pairs that touch them (a fold of a cross-validation)."""
    gold = [str(i["event"]) for i in items]
    langs = [str(i["lang"]) for i in items]
    n = len(items)
    keep = sorted(only) if only is not None else range(n)
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[object, set[int]] = defaultdict(set)
    for i in range(n):
        by_gold[gold[i]].add(i)
        by_pred[predicted[i]].add(i)
    bp = br = 0.0
    for i in keep:
        common = len(by_pred[predicted[i]] & by_gold[gold[i]])
        bp += common / len(by_pred[predicted[i]])
        br += common / len(by_gold[gold[i]])
    m = len(keep) or 1
    bp, br = bp / m, br / m
    pairs: Counter[str] = Counter()
    cross: Counter[str] = Counter()
    for i, j in itertools.combinations(range(n), 2):
        if only is not None and i not in only and j not in only:
            continue
        same_gold, same_pred = gold[i] == gold[j], predicted[i] == predicted[j]
        kind = "tp" if same_gold and same_pred else "fp" if same_pred else "fn" if same_gold else ""
        if kind:
            pairs[kind] += 1
            if langs[i] != langs[j]:
                cross[kind] += 1
    merged: Counter[tuple[str, str]] = Counter()
    for members in by_pred.values():
        for a, b in itertools.combinations(sorted({gold[i] for i in members}), 2):
            merged[a, b] += 1
    return Scores((bp, br, 2 * bp * br / (bp + br) if bp + br else 0.0),
                  _prf(pairs["tp"], pairs["fp"], pairs["fn"]), _prf(cross["tp"], cross["fp"], cross["fn"]),
                  len(by_pred), [(a, b, k) for (a, b), k in merged.most_common()])


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """As the reference scorer computes them (an empty side counts as 0, not 1)."""
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def cluster_stream(items: Sequence[dict[str, Any]], workdir: Path) -> list[object]:
    """Each item's story when the whole stream is one ``syuzhet analyze`` run (the flow into the run's own
    store, each chunk joining the story index as one batch)."""
    from syuzhet.flow import ingest_stream, run_store
    from syuzhet.pipeline import stream

    feed = workdir / "feed.jsonl"
    write_feed(items, feed)
    numbers: dict[str, list[int]] = {}  # items of the same content are one stored article

    def seen(item: object) -> None:
        if isinstance(item, Article) and (n := item_number(item.source)) is not None:
            numbers.setdefault(item.id, []).append(n)

    predicted: list[object] = [f"alone{i}" for i in range(len(items))]
    with run_store("file", workdir) as store:
        ingest_stream(stream([str(feed)]), store, on_item=seen, observe_first=True)
        for article, story in store.db.execute("SELECT article, story FROM story_members"):
            for n in numbers.get(article, []):
                predicted[n] = story
    return predicted


def ingest_stream(items: Sequence[dict[str, Any]], workdir: Path, batch: int) -> list[object]:
    """Each item's story when the stream arrives in date order (undated last), ``batch`` items per
    ``ingest`` run into one store, a fresh ``Store`` per run (the incremental path)."""
    from syuzhet.pipeline import STORE_STAGES, analyze
    from syuzhet.store import Store

    order = sorted(range(len(items)), key=lambda i: (items[i].get("date") is None, items[i].get("date") or "", i))
    db = workdir / "stream.db"
    where: dict[str, int] = {}
    for k in range(0, len(order), batch):
        chunk = order[k:k + batch]
        feed = workdir / f"batch{k // batch:04d}.jsonl"
        write_feed([items[i] for i in chunk], feed)
        analysis = analyze([str(feed)], batch_stages=STORE_STAGES)
        for article in analysis.articles:
            if (n := item_number(article.source)) is not None:
                where[article.id] = chunk[n]
        with Store(db) as store:
            store.add_analysis(analysis)
    predicted: list[object] = [f"alone{i}" for i in range(len(items))]
    with Store(db) as store:
        for article, story in store.db.execute("SELECT article, story FROM story_members"):
            if article in where:
                predicted[where[article]] = story
    return predicted
