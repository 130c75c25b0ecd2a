"""``/v1/articles``: ingest (JSON, JSON Lines, HTML, RSS/Atom or text bodies, answered per item) and one
stored article with its mentions and quotes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from syuzhet.api.convert import article_brief, quote_out
from syuzhet.api.deps import ReadStore, Writer
from syuzhet.api.models import ArticleOut, IngestResult, Mention
from syuzhet.api.problems import ProblemError, responses

router = APIRouter(prefix="/v1/articles", tags=["articles"])

# media type -> reader (``syuzhet.readers.KINDS``); anything else is sniffed like a file of unknown type
KIND_OF_MEDIA = {
    "application/json": "jsonl", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/ld+json": "jsonl", "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/xml": "feed", "text/xml": "feed",
    "text/plain": "text",
}
_FIELDS = ("text", "html", "title", "date", "url", "outlet", "author", "lang")
_ITEM_SCHEMA = {
    "description": "An article: `text` or `html`, plus any of the other fields. An item that is not one (not an "
                   "object, no text) is answered as skipped, with the reason; the other items go on.",
    "properties": {k: {"description": f"The article's {k}."} for k in _FIELDS},
    "example": {"title": "Council approves the new budget", "date": "2025-03-14", "url": "https://example.org/1",
                "text": "The city council approved the budget on Friday after a long debate about roads."},
}
_TEXT = {"type": "string"}
_BODY = {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [{**_ITEM_SCHEMA, "type": "object"},
                                              {"type": "array", "items": _ITEM_SCHEMA}]}},
    "application/x-ndjson": {"schema": _TEXT, "example": '{"text": "..."}\n{"html": "<html>..."}\n'},
    "text/html": {"schema": _TEXT},
    "application/rss+xml": {"schema": _TEXT},
    "application/atom+xml": {"schema": _TEXT},
    "text/plain": {"schema": _TEXT},
}}
Label = Annotated[str | None, Query(description="Names the body in each article's `source` (as a file name "
                                                "would); items of a list or feed get '#N'.", max_length=200,
                                    pattern=r"^[A-Za-z0-9._:@+/-]+$")]


@router.post("", response_model=IngestResult, openapi_extra={"requestBody": _BODY},
             responses=responses(400, 401, 403, 413, 415, 422, 429, 503))
async def post_articles(request: Request, _: Writer, source: Label = None) -> IngestResult:
    """Add articles as `syuzhet ingest` does: each is cleaned and analysed, stored in its own transaction
    with its entities, quotes and story, and answered only once committed. Re-sending an article stores
    nothing new (`stored`)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    kind = KIND_OF_MEDIA.get(media)
    if media and kind is None and not media.startswith("text/") and media != "application/octet-stream":
        raise ProblemError(415, f"cannot read {media!r} bodies; send JSON, JSON Lines, HTML, RSS/Atom or text")
    data = await request.body()
    if not data.strip():
        raise ProblemError(400, "the request body is empty")
    if media == "application/json":
        data = _as_list(data)
    label = source or "request-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    try:
        items = await request.app.state.worker.ingest(label, data, kind)
    except Exception as err:  # the worker died or could not open the store: nothing was acknowledged
        raise ProblemError(503, f"ingest failed ({type(err).__name__}); nothing in this request was "
                                "acknowledged, send it again", headers={"Retry-After": "5"}) from err
    counts = {s: sum(1 for i in items if i["status"] == s) for s in ("added", "stored", "skipped")}
    return IngestResult(items=items, **counts)


def _as_list(data: bytes) -> bytes:
    """A JSON object or array as the JSON array the JSON Lines reader takes (one object may span lines)."""
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as err:
        raise ProblemError(400, f"the body is not valid JSON ({err})") from err
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ProblemError(422, "send one article object or an array of them")
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


ArticleId = Annotated[str, Path(description="An article id (a hash of its content).", examples=["9f2c4e1a7b3d5f60"],
                                max_length=200)]
_HEX = re.compile(r"^[0-9a-f]+$")


@router.get("/{article_id}", response_model=ArticleOut, responses=responses(404, 422, 429))
def get_article(article_id: ArticleId, store: ReadStore) -> ArticleOut:
    """One stored article: clean text, blocks, metadata, its story, and its entity mentions and quotes."""
    article = store.get(article_id) if _HEX.match(article_id) else None
    if article is None:
        raise ProblemError(404, f"no article {article_id!r} in the store", "Article not found")
    store.with_findings(article)
    story = store.story_of(article.id)
    linked = {(int(s), int(e)): str(ent) for s, e, ent in store.db.execute(
        "SELECT start, end, entity FROM mentions WHERE article = ? AND entity IS NOT NULL", (article.id,))}
    record: dict[str, Any] = {**article.as_dict(), **article_brief(article, story).model_dump()}
    record["mentions"] = [Mention(start=m.start, end=m.end, text=m.text, type=m.type, lemma=m.lemma,
                                  entity=linked.get((m.start, m.end))) for m in article.mentions]
    record["quotes"] = [quote_out(q, story, article) for q in article.quotes]
    return ArticleOut(**record)
