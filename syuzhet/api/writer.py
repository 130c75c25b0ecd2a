"""Ingest for the service: the same path as ``syuzhet ingest`` (the pipeline with ``STORE_STAGES``, then
``Store.add_analysis``, one transaction per article), run in one worker process.

The worker is the store's only writer, so writes are serialised without a lock in the server, and the
heavy NLP runs outside the server's event loop and its GIL: readers are answered while an ingest runs.
An answer is sent only after the worker returns, so every article it names as added is committed."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from syuzhet.model import Article
from syuzhet.pipeline import STORE_STAGES, analyze_items
from syuzhet.problems import Problem
from syuzhet.readers import read_content
from syuzhet.store import Store

_store: Store | None = None  # the worker's writer connection


def _open(path: str) -> None:
    global _store
    _store = Store(Path(path))


def _warm() -> bool:
    """Load the models before the first request needs them."""
    from syuzhet.pipeline import process

    process(Article(source="warm-up", raw="Warm-up\n\nA short text that loads the models once."))
    return True


def ingest(label: str, data: bytes, kind: str | None) -> list[dict[str, Any]]:
    """Per input item, in order: ``added`` (with its story), ``stored`` (already there), ``skipped``
    (with the reason) or ``warning``."""
    assert _store is not None, "the worker opens the store first"
    order: list[Article | Problem] = []
    analysis = analyze_items(read_content(label, data, kind), batch_stages=STORE_STAGES, on_item=order.append)
    added = {a.id for a in _store.add_analysis(analysis)}
    answers: list[dict[str, Any]] = []
    for item in order:
        if isinstance(item, Problem):
            answers.append({"source": item.source, "status": "skipped" if item.skipped else "warning",
                            "reason": item.reason})
            continue
        story = _store.story_of(item.id)
        stored = _store.get(item.id)
        answers.append({
            "source": item.source, "status": "added" if item.id in added else "stored", "id": item.id,
            "duplicate_of": stored.duplicate_of if stored else item.duplicate_of, "story": story,
            "story_created": story == "s" + item.id and item.id in added, "title": item.title, "lang": item.lang,
        })
    return answers


class IngestWorker:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.pool: ProcessPoolExecutor | None = None
        self.ready = False

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs threads
        self.pool = ProcessPoolExecutor(1, mp_context=context, initializer=_open, initargs=(str(self.db),))
        self.ready = False
        self.pool.submit(_warm).add_done_callback(lambda f: setattr(self, "ready", f.exception() is None))

    async def ingest(self, label: str, data: bytes, kind: str | None) -> list[dict[str, Any]]:
        if self.pool is None:
            self.start()
        assert self.pool is not None
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.pool, ingest, label, data, kind)
        except BrokenProcessPool:
            self.start()  # the worker died (killed, out of memory): the next request gets a new one
            raise

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
