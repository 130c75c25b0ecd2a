"""What every executor shares: the ``Engine`` protocol, chunking a stream, and how many workers to start."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Protocol

from syuzhet.bounds import usable_cpus
from syuzhet.model import Article
from syuzhet.problems import Problem

Item = Article | Problem


class Engine(Protocol):
    """Runs the article stages over a stream; yields every item back in input order."""

    workers: int

    def map(self, items: Iterable[Item], keep_raw: bool = False,
            max_seconds: float | None = None) -> Iterator[Item]: ...

    def close(self) -> None: ...


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive pieces of ``size`` items (the last one shorter)."""
    it = iter(items)
    while piece := list(islice(it, size)):
        yield piece


def articles_in(batch: list[Item]) -> list[Article]:
    return [item for item in batch if isinstance(item, Article)]


def merge(batch: list[Item], done: list[Item]) -> Iterator[Item]:
    """``batch`` with its articles replaced, in order, by ``done`` (their processed forms or problems)."""
    results = iter(done)
    for item in batch:
        yield item if isinstance(item, Problem) else next(results)


def plan(items: Iterable[Item], workers: int, chunk: int, cpus: int | None = None) -> tuple[int, int, Iterator[Item]]:
    """Workers and chunk size for this stream: never more workers than CPUs (``cpus``, default this
    machine's) or articles. Looks ahead at most ``workers * chunk`` items to count the articles of a short
    stream; returns the stream unchanged."""
    it = iter(items)
    workers = max(1, min(workers, cpus or usable_cpus()))
    head = list(islice(it, workers * chunk))
    stream = _chain(head, it)
    if len(head) < workers * chunk:  # the whole stream is in ``head``
        count = len(articles_in(head))
        workers = max(1, min(workers, count))
        chunk = max(1, -(-count // workers))
    return workers, chunk, stream


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest
