"""The FastAPI application: routers, limits, problem answers, and the store handles it keeps for its life."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from syuzhet import __version__
from syuzhet.api import problems
from syuzhet.api.deps import StorePool
from syuzhet.api.dossiers import Dossiers
from syuzhet.api.feed import Feed
from syuzhet.api.limits import BodyLimit, RateLimit
from syuzhet.api.routers import articles, changes, entities, health, quotes, search, stories
from syuzhet.api.settings import Settings
from syuzhet.api.strict import known_query
from syuzhet.api.writer import IngestWorker
from syuzhet.store import Store

DESCRIPTION = """Stories (every article about one event, across outlets and languages) and their dossiers,
over a syuzhet store. Reads are open; writes (`POST /v1/articles`) need a bearer token made with
`syuzhet token`. Errors are `application/problem+json`. Listings page with opaque cursors that neither skip
nor repeat while articles arrive; `/v1/changes` follows what arrives."""


def create_app(settings: Settings) -> FastAPI:
    """The service over ``settings.db``. Unless read-only, the store is created if missing and one worker
    process is started for ingest."""
    if not settings.read_only:
        Store(settings.db).close()  # creates the file and its tables; readers open it read-only

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # one worker thread per read connection: requests beyond that wait for a thread, not for SQLite
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.readers
        app.state.pool = StorePool(settings.db, settings.readers)
        app.state.pool.fill()
        app.state.dossiers = Dossiers()
        app.state.feed = Feed(app.state.pool)
        app.state.feed.start()
        app.state.worker = None if settings.read_only else IngestWorker(
            settings.db, settings.max_seconds, settings.keep_dossiers, settings.ingest_nice)
        if app.state.worker:
            app.state.worker.start()
        # what is loaded by now lives as long as the server: keep it out of the garbage collector's full passes
        # (each scanned every object loaded, a pause of 50-170 ms of every request on this machine)
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await app.state.feed.stop()
            if app.state.worker:
                app.state.worker.close()
            app.state.pool.close()

    app = FastAPI(title="syuzhet", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url="/docs", redoc_url=None, dependencies=[Depends(known_query)])
    app.state.settings = settings
    for module in (health, articles, stories, entities, quotes, search, changes):
        app.include_router(module.router)
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(RateLimit, rate=settings.rate, burst=settings.burst)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"], expose_headers=["Retry-After"])
    return app
