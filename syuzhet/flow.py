"""The streaming flow, for a corpus of any size in bounded memory: articles come out of the article stages
one at a time, are linked (entities, quote speakers) a chunk at a time, and go into a store, which finds
near-duplicates against everything stored and attaches each article to its story. Nothing holds every
article: memory is the models, one chunk, and the rows the story index reads.

``ingest_stream`` is this flow into the user's store (``syuzhet ingest``); ``analyze`` is this flow into a
store of the run's own (``run_store``: storage is one setting, a temporary SQLite file or SQLite in memory), then
its output written from that store (``syuzhet.outputs``: analysis.json and the report, story by story, or the
partitioned tables of ``syuzhet.tables``)."""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.model import Article
from syuzhet.pipeline import STORE_STAGES, Analysis, available
from syuzhet.problems import Problem
from syuzhet.store import Store
from syuzhet.store.scratch import keep_problem

CHUNK = 500  # articles linked together: entity and speaker linking see this many at once
STORAGE = ("file", "memory")  # where a run's own store lives: a temporary file (bounded memory) or memory


@contextmanager
def run_store(storage: str = "file", beside: Path | None = None) -> Iterator[Store]:
    """A store for one run, gone after it: a SQLite file in a temporary folder in ``beside`` (default: the
    system's temporary folder), or SQLite in memory (faster for small runs, grows with the run)."""
    if storage not in STORAGE:
        raise ValueError(f"unknown storage {storage!r} (one of: {', '.join(STORAGE)})")
    if storage == "memory":
        with Store(":memory:", scratch=True) as store:
            yield store
        return
    with tempfile.TemporaryDirectory(dir=beside, prefix=".run-") as tmp, Store(Path(tmp) / "run.db",
                                                                              scratch=True) as store:
        yield store


@dataclass
class Tally:
    """What a streamed run did, in counts (a run of millions of articles keeps no list of them)."""

    articles: int = 0
    skipped: int = 0
    new: int = 0
    duplicates: int = 0
    repeats: int = 0  # articles whose content came earlier in this run
    langs: Counter[str] = field(default_factory=Counter)
    stories: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)  # ids of this run's articles (16 characters each)
    link_seconds: float = 0.0  # CPU time in this process: linking chunks, then storing (dedupe, stories)
    store_seconds: float = 0.0


def ingest_stream(
    items: Iterable[Article | Problem], store: Store, *, chunk: int = CHUNK,
    on_item: Callable[[Article | Problem], None] | None = None, observe_first: bool = False,
) -> Tally:
    """Store the processed articles of ``items`` (see ``syuzhet.pipeline.stream``) with their mentions,
    quotes and stories, ``chunk`` articles at a time. ``observe_first`` (``analyze``): each chunk joins the
    story index as one batch (``Store.add_analysis``), else one article at a time (``ingest``)."""
    tally = Tally()
    batch: list[Article] = []
    for item in items:
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            tally.skipped += item.skipped
            if store.scratch:
                keep_problem(store.db, item)
            continue
        batch.append(item)
        if len(batch) >= chunk:
            _store(batch, store, tally, observe_first)
            batch = []
    _store(batch, store, tally, observe_first)
    return tally


def _store(batch: list[Article], store: Store, tally: Tally, observe_first: bool) -> None:
    if not batch:
        return
    started = time.process_time()
    analysis = Analysis(articles=batch)
    for stage in available(STORE_STAGES):
        stage(analysis)
    linked = time.process_time()
    added = store.add_analysis(analysis, observe_first)
    tally.link_seconds += linked - started
    tally.store_seconds += time.process_time() - linked
    tally.articles += len(batch)
    for article in batch:
        tally.repeats += article.id in tally.seen
        tally.seen.add(article.id)
    tally.langs.update(a.lang for a in batch)
    tally.new += len(added)
    tally.duplicates += sum(1 for a in added if a.duplicate_of)
    tally.stories.update(s for s in (store.story_of(a.id) for a in added) if s)
