"""``/healthz``: the service is up and its store readable (not rate-limited)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request

from syuzhet import __version__
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import Health
from syuzhet.api.problems import responses

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, responses=responses(503))
def healthz(request: Request, store: ReadStore) -> Health:
    """Counts of stored articles and stories, whether writes are taken, and whether the ingest worker has its
    models loaded."""
    articles = int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])
    stories = int(store.db.execute("SELECT count(*) FROM stories").fetchone()[0])
    worker = request.app.state.worker
    state: Literal["ready", "starting", "off"] = "off" if worker is None else (
        "ready" if worker.ready else "starting")
    return Health(version=__version__, articles=articles, stories=stories,
                  read_only=request.app.state.settings.read_only, ingest=state)
