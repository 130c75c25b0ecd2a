"""Ingest for the service: the same flow as ``syuzhet ingest`` (``syuzhet.flow.ingest_stream`` over the article
stages, each article within the time limit; one transaction per article), run in one worker process.

The worker is the store's only writer, so writes are serialised without a lock in the server, and the
heavy NLP runs outside the server's event loop and its GIL: readers are answered while an ingest runs.
An answer is sent only after the worker returns, so every article it names as added is committed.

Between ingests the worker keeps the stories' dossiers (``syuzhet.store.kept_dossiers``): a short task at a
time recomputes the dossiers of stories that grew or have none, most recently grown first, so an ingest
waits at most one such task."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from syuzhet.bounds import DEFAULT_MAX_SECONDS
from syuzhet.flow import ingest_stream
from syuzhet.model import Article
from syuzhet.pipeline import stream_items, warm_up
from syuzhet.problems import Problem
from syuzhet.readers import read_content
from syuzhet.store import Store, kept_dossiers

FILL_SECONDS = 0.5  # one dossier task stops taking stories after this long
_store: Store | None = None  # the worker's writer connection
_max_seconds: float | None = DEFAULT_MAX_SECONDS


def _open(path: str, max_seconds: float | None = DEFAULT_MAX_SECONDS, nice: int = 0) -> None:
    global _store, _max_seconds
    if nice:
        os.nice(nice)  # the readers' answers go first when the CPU is short; an ingest takes what is left
    _store, _max_seconds = Store(Path(path)), max_seconds


def _warm() -> bool:
    """Load the models before the first request needs them."""
    warm_up()
    return True


def ingest(label: str, data: bytes, kind: str | None) -> list[dict[str, Any]]:
    """Per input item, in order: ``added`` (with its story), ``stored`` (already there, or earlier in this
    body), ``skipped`` (with the reason; an article over the time limit too) or ``warning``."""
    store = _store
    assert store is not None, "the worker opens the store first"
    order: list[tuple[Article | Problem, bool]] = []  # each item, and whether it was new when it came out
    fresh: set[str] = set()

    def seen(item: Article | Problem) -> None:
        new = False
        if isinstance(item, Article) and item.id not in fresh and not store.has(item.id):
            fresh.add(item.id)
            new = True
        order.append((item, new))

    ingest_stream(stream_items(read_content(label, data, kind), max_seconds=_max_seconds), store, on_item=seen)
    answers: list[dict[str, Any]] = []
    for item, new in order:
        if isinstance(item, Problem):
            answers.append({"source": item.source, "status": "skipped" if item.skipped else "warning",
                            "reason": item.reason})
            continue
        added = new and store.has(item.id)
        story = store.story_of(item.id)
        stored = store.get(item.id)
        answers.append({
            "source": item.source, "status": "added" if added else "stored", "id": item.id,
            "duplicate_of": stored.duplicate_of if stored else item.duplicate_of, "story": story,
            "story_created": story == "s" + item.id and added, "title": item.title, "lang": item.lang,
        })
    return answers


def fill_dossiers(seconds: float = FILL_SECONDS, batch: int = 8) -> int:
    """Keep the dossiers of stories with none for their present version, for about ``seconds``; the number
    kept (0: every dossier is current)."""
    from syuzhet.api.dossiers import dossier_json

    store = _store
    assert store is not None, "the worker opens the store first"
    done = 0
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        todo = kept_dossiers.stale(store.db, batch)
        if not todo:
            break
        for story, _, _ in todo:
            store.db.execute("BEGIN")  # the dossier and its version from one state of the store
            try:
                version = kept_dossiers.version(store.db, story)
                body = dossier_json(store, story) if version else None
            finally:
                store.db.execute("COMMIT")
            if version and body is not None:
                kept_dossiers.keep(store.db, story, *version, body)
                done += 1
    return done


class IngestWorker:
    def __init__(self, db: Path, max_seconds: float | None = DEFAULT_MAX_SECONDS, keep_dossiers: bool = True,
                 nice: int = 0) -> None:
        self.db, self.max_seconds, self.keep_dossiers, self.nice = db, max_seconds, keep_dossiers, nice
        self.pool: ProcessPoolExecutor | None = None
        self.ready = False
        self.filling = False

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs threads
        self.pool = ProcessPoolExecutor(1, mp_context=context, initializer=_open,
                                        initargs=(str(self.db), self.max_seconds, self.nice))
        self.ready = False
        self.pool.submit(_warm).add_done_callback(self._warmed)

    def _warmed(self, done: Future[bool]) -> None:
        self.ready = done.exception() is None
        self.fill()

    def fill(self) -> None:
        """Queue a dossier task unless one is queued: it queues the next while there is work left."""
        if not self.keep_dossiers or self.filling or self.pool is None:
            return
        self.filling = True
        try:
            self.pool.submit(fill_dossiers).add_done_callback(self._filled)
        except RuntimeError:  # the pool is shutting down or broken
            self.filling = False

    def _filled(self, done: Future[int]) -> None:
        self.filling = False
        if not done.cancelled() and done.exception() is None and done.result():
            self.fill()

    async def ingest(self, label: str, data: bytes, kind: str | None) -> list[dict[str, Any]]:
        if self.pool is None:
            self.start()
        assert self.pool is not None
        loop = asyncio.get_running_loop()
        try:
            answers = await loop.run_in_executor(self.pool, ingest, label, data, kind)
        except BrokenProcessPool:
            self.start()  # the worker died (killed, out of memory): the next request gets a new one
            raise
        self.fill()
        return answers

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
