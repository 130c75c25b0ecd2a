"""Executors of the article stages: one setting, same stage list (``syuzhet.pipeline.ARTICLE_STAGES``).

``local`` runs them in this process or in a pool of worker processes; ``ray`` on a Ray cluster, in actors
that load the models once (``pip install 'syuzhet[ray]'``). Both take a stream of articles and problems and
give it back in the same order, enriched, holding only a bounded window of articles in flight."""

from __future__ import annotations

from syuzhet.engine.base import Engine
from syuzhet.engine.local import LocalEngine

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "Engine", "LocalEngine", "make_engine"]


def make_engine(name: str = "local", workers: int | None = None, address: str | None = None) -> Engine:
    """The executor called ``name`` with ``workers`` processes or actors (None: 1 locally, every CPU of a
    Ray cluster); ``address`` joins an existing Ray cluster instead of starting a local one."""
    if name == "local":
        if address:
            raise ValueError("--address needs --engine ray")
        return LocalEngine(workers or 1)
    if name == "ray":
        from syuzhet.engine.ray import RayEngine

        return RayEngine(workers, address)
    raise ValueError(f"unknown engine {name!r} (one of: {', '.join(ENGINES)})")
