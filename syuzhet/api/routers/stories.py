"""``/v1/stories``: the listing (filters, two sorts, cursor pages over one snapshot), a story's dossier and
its HTML report page."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from syuzhet.api import cursors
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import Dossier, StoryPage, StorySummary
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store import StoreError
from syuzhet.store.pages import Sort, StoryFilter, snapshot, story_page

router = APIRouter(prefix="/v1/stories", tags=["stories"])
StoryId = Annotated[str, Path(description="A story id ('s' + the id of the article that opened it).",
                              examples=["s9f2c4e1a7b3d5f60"], max_length=200)]


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise ProblemError(422, f"{name}: {value!r} is not a day (YYYY-MM-DD)") from err


Day = {"pattern": r"^\d{4}-\d{2}-\d{2}$", "json_schema_extra": {"format": "date"}, "examples": ["2025-03-14"]}


@router.get("", response_model=StoryPage, responses=responses(400, 422, 429))
def list_stories(
    store: ReadStore,
    since: Annotated[str | None, Query(description="Stories whose latest article is on or after this day.",
                                       **Day)] = None,
    until: Annotated[str | None, Query(description="Stories whose earliest article is on or before this day.",
                                       **Day)] = None,
    lang: Annotated[str | None, Query(description="Stories with an article in this language.", examples=["uk"],
                                      max_length=20)] = None,
    outlet: Annotated[str | None, Query(description="Stories with an article from this outlet (name or host).",
                                        max_length=200)] = None,
    entity: Annotated[str | None, Query(description="Stories with an article mentioning this entity id.",
                                        examples=["PER-smith"], max_length=200)] = None,
    q: Annotated[str | None, Query(description="Stories with an article matching these words (full-text).",
                                   max_length=500)] = None,
    sort: Annotated[Sort, Query(description="size: largest first; recent: latest article date first.")] = "size",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.", max_length=2000)] = None,
) -> StoryPage:
    """Stories as of one snapshot of the store: a listing paged with `cursor` never skips or repeats a story
    while articles are being ingested; what arrives meanwhile is at `/v1/changes?after=` + `changes`."""
    where = StoryFilter(_day(since, "since"), _day(until, "until"), lang, outlet, entity, q)
    asked = {"sort": sort, "where": [where.since, where.until, lang, outlet, entity, q]}
    after: tuple[Any, int] | None = None
    if cursor:
        try:
            upto, key = cursors.page_position(cursor, asked,
                                              "the cursor belongs to a listing with other filters or sort")
        except cursors.CursorError as err:
            raise ProblemError(400, str(err), "Bad cursor") from err
        after = (key[0], key[1])
    else:
        upto = snapshot(store.db)
    try:
        rows = story_page(store.db, upto, sort, where, after, limit + 1)
    except StoreError as err:
        raise ProblemError(400, str(err), "Bad query") from err
    page = rows[:limit]
    more = len(rows) > limit
    following = cursors.next_page(upto, page[-1].key(sort), asked) if more else None
    return StoryPage(
        stories=[StorySummary(id=r.id, title=r.title, size=r.size, first=r.first, last=r.last, languages=r.langs)
                 for r in page],
        next=following, changes=cursors.encode({"after": upto}),
    )


@router.get("/{story_id}", response_model=Dossier, responses=responses(404, 422, 429))
def get_story(request: Request, story_id: StoryId, store: ReadStore) -> Response:
    """The story's dossier: header, summary with citations, facts per outlet, blind spots, framing, timeline,
    quotes by speaker, the entity network, and why each article is in the story. A story merged into another
    answers with the one that took it in (its `id` says which)."""
    found = request.app.state.dossiers.dossier(store, store.current_story(story_id))
    if found is None:
        raise ProblemError(404, f"no story {story_id!r} in the store", "Story not found")
    return Response(found, media_type="application/json")  # already validated and serialised as a Dossier


@router.get("/{story_id}/report", response_class=HTMLResponse, responses={
    200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The report page."},
    **responses(404, 422, 429)})
def get_report(request: Request, story_id: StoryId, store: ReadStore) -> HTMLResponse:
    """The story as the self-contained HTML report page, with its strict Content-Security-Policy also sent as
    a header; a story merged into another answers with the one that took it in."""
    found = request.app.state.dossiers.report(store, store.current_story(story_id))
    if found is None:
        raise ProblemError(404, f"no story {story_id!r} in the store", "Story not found")
    page, csp = found
    return HTMLResponse(page, headers={"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff"})
