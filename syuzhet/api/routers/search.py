"""``/v1/search``: full-text search over stored articles, as ``syuzhet search``, paged over one snapshot of the
store (``syuzhet.store.search_pages``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from syuzhet.api import cursors
from syuzhet.api.convert import article_brief
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import SearchHit, SearchResult
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store import StoreError
from syuzhet.store.search_pages import SearchSort, article_snapshot, search_page

router = APIRouter(prefix="/v1/search", tags=["search"])


@router.get("", response_model=SearchResult, responses=responses(400, 422, 429))
def search(
    store: ReadStore,
    q: Annotated[str, Query(description="Words (matched as prefixes: 'budg' finds 'budget') or an FTS5 query.",
                            examples=["council budget"], min_length=1, max_length=500)],
    sort: Annotated[SearchSort, Query(description="rank: best match first; recent: latest stored first (pages "
                                                  "never skip or repeat, even while articles arrive).")] = "rank",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.", max_length=2000)] = None,
) -> SearchResult:
    """Articles matching the query, each with a snippet and its story. Pages see the store as it was at the
    first page: articles stored since never appear in them. With `sort=rank`, scores are recomputed per page,
    so while articles arrive a hit near a page boundary can move across it; `sort=recent` never skips or
    repeats."""
    asked = {"q": q, "sort": sort}
    after: tuple[float, int] | None = None
    if cursor:
        try:
            upto, key = cursors.page_position(cursor, asked, "the cursor belongs to another search or sort")
            if not isinstance(key[0], int | float):
                raise cursors.CursorError("the cursor is not one this server made")
        except cursors.CursorError as err:
            raise ProblemError(400, str(err), "Bad cursor") from err
        after = (float(key[0]), key[1])
    else:
        upto = article_snapshot(store.db)
    try:
        page = search_page(store.db, q, sort, upto, after, limit)
    except StoreError as err:
        raise ProblemError(400, str(err), "Bad query") from err
    hits, more = page.rows, page.more
    stories = {str(a): str(s) for a, s in store.db.execute(
        f"SELECT article, story FROM story_members WHERE article IN ({', '.join('?' * len(hits))})",
        [h.article.id for h in hits])} if hits else {}
    following = cursors.next_page(upto, hits[-1].key(), asked) if more else None
    return SearchResult(hits=[SearchHit(article=article_brief(h.article, stories.get(h.article.id)),
                                        snippet=h.snippet) for h in hits], next=following)
