"""The Ray executor: the article stages in Ray actors (``pip install 'syuzhet[ray]'``). Each actor loads the
models once, then takes chunks of articles; at most ``WINDOW`` chunks per actor are in flight and results
come back in input order, so the driver's memory stays bounded whatever the corpus size.

Without ``address`` a local cluster is started for the run (on 127.0.0.1, with ``workers`` CPUs) and stopped
after it; with one, the run joins that cluster (``ray start --head`` elsewhere, or ``auto``), where syuzhet
must be installed too. Recent Ray turns token authentication on: a local cluster makes its own token, and
joining a cluster that has one needs it in ``RAY_AUTH_TOKEN`` (or Ray's token file)."""

from __future__ import annotations

import logging
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from syuzhet.engine.base import Item, articles_in, chunks, merge, plan
from syuzhet.model import Article

CHUNK = 8
WINDOW = 2
CONNECT_SECONDS = 10.0  # Ray itself retries an unreachable cluster for minutes
OBJECT_STORE_BYTES = 256 * 1024 * 1024  # chunks of articles are small: no need for Ray's 30% of the RAM


class RayEngineError(RuntimeError):
    """Ray is missing, or the cluster cannot be reached."""


def _ray() -> Any:
    try:
        import ray
    except ModuleNotFoundError as err:
        raise RayEngineError("the ray engine needs Ray: pip install 'syuzhet[ray]'") from err
    return ray


class ArticleWorker:
    """One actor: loads the models in ``__init__``, then runs ``syuzhet.pipeline.run_articles`` on chunks."""

    def __init__(self, keep_raw: bool, max_seconds: float | None) -> None:
        from syuzhet.engine.collector import collect_less
        from syuzhet.engine.threads import one_thread
        from syuzhet.pipeline import warm_up

        one_thread()
        collect_less()
        warm_up(keep_raw)
        self.keep_raw, self.max_seconds = keep_raw, max_seconds

    def run(self, articles: list[Article]) -> list[Item]:
        from syuzhet.pipeline import run_articles

        return run_articles(articles, self.keep_raw, self.max_seconds)


class RayEngine:
    def __init__(self, workers: int | None = None, address: str | None = None, chunk: int = CHUNK) -> None:
        self.ray = _ray()
        self.address, self.chunk = address, chunk
        self.workers = max(1, workers or 0)
        self.started = False
        if not self.ray.is_initialized():
            self._connect(workers)
        if workers is None:
            self.workers = max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def _connect(self, workers: int | None) -> None:
        options: dict[str, Any] = {
            "include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR,
        }
        if self.address is None:
            from syuzhet.bounds import usable_cpus

            options.update(num_cpus=workers or usable_cpus(), object_store_memory=OBJECT_STORE_BYTES,
                           _node_ip_address="127.0.0.1")
        else:
            _reachable(self.address)
            options["address"] = self.address
        try:
            self.ray.init(**options)
        except Exception as err:
            where = self.address or "a local cluster"
            hint = " (a cluster with token authentication needs RAY_AUTH_TOKEN)" if self.address else ""
            raise RayEngineError(f"cannot start Ray on {where}: {err}{hint}") from err
        self.started = True

    def map(self, items: Iterable[Item], keep_raw: bool = False,
            max_seconds: float | None = None) -> Iterator[Item]:
        ray = self.ray
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        workers, chunk, stream = plan(items, self.workers, self.chunk, cpus)
        actor = ray.remote(num_cpus=1, max_restarts=3)(ArticleWorker)
        actors = [actor.remote(keep_raw, max_seconds) for _ in range(workers)]
        pending: deque[tuple[list[Item], Any]] = deque()
        try:
            for n, batch in enumerate(chunks(stream, chunk)):
                pending.append((batch, actors[n % workers].run.remote(articles_in(batch))))
                while len(pending) >= workers * WINDOW:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            for a in actors:
                ray.kill(a)

    def _collect(self, batch: list[Item], ref: Any) -> Iterator[Item]:
        from syuzhet.problems import Problem

        try:
            done: list[Item] = self.ray.get(ref)
        except self.ray.exceptions.RayError as err:  # an actor died: its chunk is lost, the rest goes on
            reason = f"ray worker failed ({type(err).__name__})"
            done = [Problem(a.source, reason) for a in articles_in(batch)]
        yield from merge(batch, done)

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
            self.started = False



def _reachable(address: str) -> None:
    """A HOST:PORT address must answer within ``CONNECT_SECONDS`` ('auto' and ray:// URLs are Ray's to find)."""
    host, _, port = address.rpartition(":")
    if address == "auto" or "://" in address or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as err:
        raise RayEngineError(f"cannot reach a Ray cluster at {address}: {err}") from err
