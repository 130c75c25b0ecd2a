"""``/v1/changes``: the stories created or grown since a cursor, in commit order, so a dashboard follows new
events without re-reading everything. With ``wait``, an empty answer is held (long-poll) until something
arrives or the wait is over."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from syuzhet.api import cursors
from syuzhet.api.deps import StorePool
from syuzhet.api.models import ChangeOut, ChangesPage
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store.pages import Change, changes

router = APIRouter(prefix="/v1/changes", tags=["changes"])
POLL = 0.25  # seconds between looks at the store while a long-poll waits


@router.get("", response_model=ChangesPage, responses=responses(400, 422, 429))
async def get_changes(
    request: Request,
    after: Annotated[str | None, Query(description="The `next` of the previous answer, or the `changes` of a "
                                                   "story listing; omitted: from the start.", max_length=2000)] = None,
    wait: Annotated[float, Query(ge=0, le=60, description="Hold an empty answer this many seconds (long-poll).")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many new articles.")] = 200,
) -> ChangesPage:
    """Stories with articles that arrived after the cursor: whether each is new, its new articles and its size.
    Follow it by passing `next` back as `after`; nothing is skipped or repeated."""
    start = 0
    if after:
        try:
            start = cursors.field(cursors.decode(after), "after", int)
        except cursors.CursorError as err:
            raise ProblemError(400, str(err), "Bad cursor") from err
    pool: StorePool = request.app.state.pool
    deadline = time.monotonic() + min(wait, request.app.state.settings.max_wait)

    def look() -> tuple[list[Change], int]:
        with pool.reader() as store:
            return changes(store.db, start, limit)

    found, end = await run_in_threadpool(look)
    while not found and time.monotonic() < deadline and not await request.is_disconnected():
        await asyncio.sleep(POLL)
        found, end = await run_in_threadpool(look)
    return ChangesPage(changes=[ChangeOut(story=c.story, created=c.created, articles=c.articles, size=c.size)
                                for c in found], next=cursors.encode({"after": end}))
