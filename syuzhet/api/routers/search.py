"""``/v1/search``: full-text search over stored articles, as ``syuzhet search``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from syuzhet.api.convert import article_brief
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import SearchHit, SearchResult
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store import StoreError

router = APIRouter(prefix="/v1/search", tags=["search"])


@router.get("", response_model=SearchResult, responses=responses(400, 422, 429))
def search(
    store: ReadStore,
    q: Annotated[str, Query(description="Words (matched as prefixes: 'budg' finds 'budget') or an FTS5 query.",
                            examples=["council budget"], min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SearchResult:
    """Articles matching the query, best first, each with a snippet and its story."""
    try:
        hits = store.search(q, limit)
    except StoreError as err:
        raise ProblemError(400, str(err), "Bad query") from err
    stories = {str(a): str(s) for a, s in store.db.execute(
        f"SELECT article, story FROM story_members WHERE article IN ({', '.join('?' * len(hits))})",
        [h.article.id for h in hits])} if hits else {}
    return SearchResult(hits=[SearchHit(article=article_brief(h.article, stories.get(h.article.id)),
                                        snippet=h.snippet) for h in hits])
