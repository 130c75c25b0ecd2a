"""Story clustering speed: 1k, 10k and 100k articles, and adding one article to a 100k index.

SlavicNER ru+uk (~900 articles) is replicated to the sizes with perturbations: sentences shuffled within
each paragraph, dates moved (every copy gets a date; copies spread over two years), and numbers renamed.
Clustering is the full path (sentences, lemmas, features, index), timed in CPU seconds of this process: the
features (sentences, lemmas, keys) and the story step proper (candidate stories, link features, joining) are
given apart, per article. The dossier is not built here.
``--sizes`` picks sizes; 100k takes minutes on one core.

``--store`` measures the persistent path instead: every copy goes through ``Store.add`` with the stored story
index (near-duplicate check, full-text index, story attach, one transaction per article) into a fresh SQLite
file; the table gives the rate per size step and the story step's share of it (features, candidate stories,
index rows written), then the time to add one article to the full store from a cold start. The copies are
split into sentences first (the ``segment`` article stage does that before the store sees an article in
``ingest``), so the story step here is what ``ingest`` pays for it. The copies of one
base article are near-duplicates of each other, so the duplicate check's cost grows with the size here (each
new copy is compared with the earlier copies of its base article); real feeds hold far fewer reprints.

    python benchmarks/bench_stories.py [--sizes 1000 10000 100000] [--store]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from syuzhet.eval.common import print_table, shared_dir
from syuzhet.model import Article, Block
from syuzhet.pipeline import analyze
from syuzhet.store import Store
from syuzhet.store import db as store_db
from syuzhet.stories.build import attach, in_order, observed
from syuzhet.stories.cluster import StoryIndex
from syuzhet.stories.text import segment

_NUMBER = re.compile(r"\d+")


def base_articles(shared: Path) -> list[Article]:
    raw = shared / "corpus" / "slavicner" / "raw"
    files = sorted(str(p) for p in raw.glob("*/*/*.txt") if p.parent.name in ("ru", "uk"))
    return analyze(files).articles


def perturb(article: Article, n: int, rng: random.Random) -> Article:
    """A copy with shuffled sentences inside each paragraph, a new date and renamed numbers."""
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for b in article.blocks:
        chunk = article.text[b.start:b.end]
        if b.kind == "paragraph":
            parts = re.split(r"(?<=[.!?])\s+", chunk)
            rng.shuffle(parts)
            chunk = " ".join(parts)
        chunk = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), chunk)
        blocks.append(Block(pos, pos + len(chunk), b.kind, b.lang))
        pieces.append(chunk)
        pos += len(chunk) + 2
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
    return Article(source=f"{article.source}#{n}", raw="", id=f"{article.id[:8]}{n:08x}", lang=article.lang,
                   date=date.isoformat(), title=article.title, text="\n\n".join(pieces), blocks=blocks)


def corpus(base: list[Article], size: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    return [perturb(base[i % len(base)], i, rng) for i in range(size)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--store", action="store_true", help="measure ingest into a SQLite store")
    args = parser.parse_args(argv)
    base = base_articles(args.shared)
    if args.store:
        return bench_store(base, args.sizes)
    rows: list[list[object]] = []
    index: StoryIndex | None = None
    for size in args.sizes:
        articles = corpus(base, size)
        start = time.process_time()
        index, feats = observed(articles)
        featured = time.process_time()
        for article in in_order(articles):
            index.add(feats[article.id], article.duplicate_of, observed=True)
        done = time.process_time()
        rows.append([f"cluster {size}", f"{done - start:.1f} s", f"{size / (done - start):.0f} art/s",
                     f"{(featured - start) * 1000 / size:.2f} ms", f"{(done - featured) * 1000 / size:.2f} ms",
                     len(index.stories)])
    if index is not None:
        extra = perturb(base[0], 10**7, random.Random(1))
        start = time.process_time()
        attach(index, [extra])
        took = time.process_time() - start
        rows.append([f"add 1 to {index.docs - 1}", f"{took * 1000:.1f} ms", "", "", "", len(index.stories)])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_table(f"story clustering, CPU time of this process (peak memory {peak:.0f} MB)",
                ["run", "time", "rate", "features per article", "story step per article", "stories"], rows)
    return 0


class _Timed:
    """Wraps the store's story step to measure its share of the ingest time."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.inner = store_db.__dict__["attach_one"]

    def __call__(self, index: StoryIndex, article: Article, entities: set[str] | None = None) -> str:
        start = time.process_time()
        try:
            return str(self.inner(index, article, entities))
        finally:
            self.seconds += time.process_time() - start


def bench_store(base: list[Article], sizes: list[int]) -> int:
    timed = _Timed()
    store_db.__dict__["attach_one"] = timed
    rows: list[list[object]] = []
    articles = corpus(base, max(sizes) + 1)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        index = store.story_index()
        done = 0
        for size in sorted(sizes):
            start, story_time = time.process_time(), timed.seconds
            for article in articles[done:size]:
                store.add(segment(article), stories=index)
                article.sentences = []  # the store has what it needs: 100k articles' sentences would not fit
            took, story_time = time.process_time() - start, timed.seconds - story_time
            rows.append([f"ingest {done}..{size}", f"{took:.1f} s", f"{(size - done) / took:.0f} art/s",
                         f"{story_time * 1000 / (size - done):.2f} ms", len(store.story_ids())])
            done = size
        fresh = Store(store.path)  # a new process' view: nothing cached
        start = time.process_time()
        fresh.add(segment(articles[done]), stories=fresh.story_index())
        took = time.process_time() - start
        rows.append([f"add 1 to {done} (cold)", f"{took * 1000:.1f} ms", "", "", len(fresh.story_ids())])
        size_mb = (Path(tmp) / "bench.db").stat().st_size / 2**20
        fresh.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_table(f"stored stories (peak memory {peak:.0f} MB, store {size_mb:.0f} MB)",
                ["run", "time", "rate", "story step per article", "stories"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
