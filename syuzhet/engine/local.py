"""The local executor: the article stages in this process, or in a pool of worker processes fed a bounded
window of chunks. On Linux the workers are forked after the parent has loaded the models, so they share
them (copy on write) instead of loading their own."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from syuzhet.engine.base import Item, articles_in, chunks, merge, plan
from syuzhet.engine.collector import collect_less
from syuzhet.engine.threads import one_thread, one_thread_here
from syuzhet.problems import Problem

CHUNK = 8  # articles per task: big enough to hide the pickling, small enough to balance the workers
WINDOW = 4  # tasks in flight per worker: bounds memory whatever the corpus size


class LocalEngine:
    def __init__(self, workers: int = 1, chunk: int = CHUNK) -> None:
        self.workers, self.chunk = max(1, workers), chunk

    def map(self, items: Iterable[Item], keep_raw: bool = False,
            max_seconds: float | None = None) -> Iterator[Item]:
        from syuzhet.pipeline import run_articles

        workers, chunk, stream = plan(items, self.workers, self.chunk)
        if workers > 1:
            yield from _pooled(stream, workers, chunk, keep_raw, max_seconds)
            return
        with one_thread_here():
            for batch in chunks(stream, 1):
                yield from merge(batch, run_articles(articles_in(batch), keep_raw, max_seconds))

    def close(self) -> None:
        """Nothing outlives a ``map``: its pool is shut down when the stream ends."""


def _pooled(stream: Iterator[Item], workers: int, chunk: int, keep_raw: bool,
            max_seconds: float | None) -> Iterator[Item]:
    with _Pool(workers, keep_raw, max_seconds) as pool:
        for batch in chunks(stream, chunk):
            pool.submit(batch)
            while len(pool.pending) >= workers * WINDOW:
                yield from pool.next()
        while pool.pending:
            yield from pool.next()


class _Pool:
    """A process pool with its chunks in flight, in input order. A worker that dies (killed, out of memory)
    costs the oldest chunk in flight one problem line per article; the pool starts again for the rest."""

    def __init__(self, workers: int, keep_raw: bool, max_seconds: float | None) -> None:
        from syuzhet.pipeline import warm_up

        self.workers, self.keep_raw, self.max_seconds = workers, keep_raw, max_seconds
        self.fork = "fork" in multiprocessing.get_all_start_methods()
        if self.fork:
            warm_up(keep_raw)  # loaded once here, shared by the forked workers
        self.context = multiprocessing.get_context("fork" if self.fork else "spawn")
        self.pool = self._start()
        self.pending: deque[tuple[list[Item], Future[list[Item]]]] = deque()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_start,
                                   initargs=(self.keep_raw, not self.fork))

    def submit(self, batch: list[Item]) -> None:
        from syuzhet.pipeline import run_articles

        self.pending.append((batch, self.pool.submit(run_articles, articles_in(batch), self.keep_raw,
                                                      self.max_seconds)))

    def next(self) -> Iterator[Item]:
        batch, future = self.pending.popleft()
        try:
            done = future.result()
        except BrokenProcessPool:
            done = [Problem(a.source, "worker process died") for a in articles_in(batch)]
            self.pool.shutdown(cancel_futures=True)
            self.pool = self._start()
            waiting = [b for b, _ in self.pending]
            self.pending.clear()
            for other in waiting:
                self.submit(other)
        yield from merge(batch, done)

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)


def _start(keep_raw: bool, load: bool) -> None:
    one_thread()
    collect_less()
    if load:
        from syuzhet.pipeline import warm_up

        warm_up(keep_raw)
