"""``/v1/changes``: the stories created or grown since a cursor, in commit order, so a dashboard follows new
events without re-reading everything. Three ways: a plain answer; with ``wait``, an empty answer held
(long-poll) until something arrives; with ``Accept: text/event-stream``, server-sent events, one ``changes``
event per commit batch whose ``id`` is the cursor after it (a browser's EventSource that reconnects sends it
back as ``Last-Event-ID`` and resumes exactly there)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from syuzhet.api import cursors
from syuzhet.api.deps import StorePool
from syuzhet.api.feed import Feed
from syuzhet.api.models import ChangeOut, ChangesPage
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store.pages import changes

router = APIRouter(prefix="/v1/changes", tags=["changes"])
KEEP_ALIVE = 10.0  # seconds between comment lines on a quiet event stream
EVENT_STREAM = "text/event-stream"
_STREAM_DOC: dict[int | str, dict[str, Any]] = {200: {
    "description": "The changes; as server-sent events with `Accept: text/event-stream`.",
    "content": {EVENT_STREAM: {"schema": {"type": "string"}, "example": 'id: eyJhZnRlciI6MTJ9\nevent: changes\n'
                               'data: {"changes": [...], "next": "eyJhZnRlciI6MTJ9"}\n\n'}}}}


def _start(after: str | None) -> int:
    if not after:
        return 0
    try:
        return int(cursors.field(cursors.decode(after), "after", int))
    except cursors.CursorError as err:
        raise ProblemError(400, str(err), "Bad cursor") from err


def _page(pool: StorePool, start: int, limit: int) -> ChangesPage:
    with pool.reader() as store:
        found, end = changes(store.db, start, limit)
    return ChangesPage(changes=[ChangeOut(story=c.story, created=c.created, articles=c.articles, size=c.size)
                                for c in found], next=cursors.encode({"after": end}))


@router.get("", response_model=ChangesPage, responses={**_STREAM_DOC, **responses(400, 422, 429)})
async def get_changes(
    request: Request,
    after: Annotated[str | None, Query(description="The `next` of the previous answer, or the `changes` of a "
                                                   "story listing; omitted: from the start.", max_length=2000)] = None,
    wait: Annotated[float, Query(ge=0, le=60, description="Hold an empty answer this many seconds (long-poll).")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many new articles (per event).")] = 200,
    last_event_id: Annotated[str | None, Header(
        alias="Last-Event-ID", description="An event stream's resume point (sent by EventSource); `after` wins.",
        max_length=2000)] = None,
) -> ChangesPage | StreamingResponse:
    """Stories with articles that arrived after the cursor: whether each is new, its new articles and its size.
    Follow it by passing `next` back as `after`; nothing is skipped or repeated. With
    `Accept: text/event-stream` the answer is a stream of `changes` events instead, for up to ten minutes."""
    start = _start(after or last_event_id)
    pool: StorePool = request.app.state.pool
    feed: Feed = request.app.state.feed
    if EVENT_STREAM in request.headers.get("accept", ""):
        return StreamingResponse(_events(request, pool, feed, start, limit), media_type=EVENT_STREAM,
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    page = await run_in_threadpool(_page, pool, start, limit)
    if not page.changes and wait and await feed.past(start, min(wait, request.app.state.settings.max_wait)):
        page = await run_in_threadpool(_page, pool, start, limit)
    return page


async def _events(request: Request, pool: StorePool, feed: Feed, start: int, limit: int) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    closes = loop.time() + request.app.state.settings.max_stream
    yield "retry: 2000\n\n"
    while loop.time() < closes and not await request.is_disconnected():
        page = await run_in_threadpool(_page, pool, start, limit)
        if page.changes:
            yield f"id: {page.next}\nevent: changes\ndata: {page.model_dump_json()}\n\n"
            start = cursors.field(cursors.decode(page.next), "after", int)
            continue
        if not await feed.past(start, min(KEEP_ALIVE, max(0.0, closes - loop.time()))):
            yield ": keep-alive\n\n"
