"""``/v1/quotes``: quotations by speaker and/or story, in the order they were stored, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from syuzhet.api import cursors
from syuzhet.api.convert import quote_out
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import QuotePage
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store.lookups import quotes

router = APIRouter(prefix="/v1/quotes", tags=["quotes"])


@router.get("", response_model=QuotePage, responses=responses(400, 422, 429))
def list_quotes(
    store: ReadStore,
    speaker: Annotated[str | None, Query(description="The speaker's entity id.", examples=["PER-smith"],
                                         max_length=200)] = None,
    story: Annotated[str | None, Query(description="A story id.", max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page.", max_length=2000)] = None,
) -> QuotePage:
    """Who said what, where: each quote with its article, outlet, story, cue and the rules that found it.
    Pages follow the order of storage, so quotes stored while paging come last and none is repeated."""
    after = 0
    if cursor:
        try:
            after = cursors.field(cursors.decode(cursor), "row", int)
        except cursors.CursorError as err:
            raise ProblemError(400, str(err), "Bad cursor") from err
    rows = quotes(store.db, speaker, story, after, limit)
    more = len(rows) == limit
    return QuotePage(quotes=[quote_out(r.quote, r.story, r.article) for r in rows],
                     next=cursors.encode({"row": rows[-1].row}) if more else None)
