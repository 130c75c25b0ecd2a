"""``/v1/entities``: entities found by name, and one entity's mentions per article and outlet, the stories
it is in and what it said."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from syuzhet.api import cursors
from syuzhet.api.convert import quote_out
from syuzhet.api.deps import ReadStore
from syuzhet.api.models import EntityBrief, EntityDetail, EntityPage, EntityStory
from syuzhet.api.problems import ProblemError, responses
from syuzhet.store.db import mention_rows
from syuzhet.store.lookups import entity, entity_stories, find_entities, quotes
from syuzhet.views import EntityCount, count_mentions

router = APIRouter(prefix="/v1/entities", tags=["entities"])
Kind = Annotated[str | None, Query(alias="type", description="Only this type.", pattern="^(PER|ORG|LOC|EVT|PRO)$")]


@router.get("", response_model=EntityPage, responses=responses(400, 422, 429))
def list_entities(
    store: ReadStore,
    q: Annotated[str | None, Query(description="Part of the name or id, any case.", examples=["smith"],
                                   min_length=1, max_length=200)] = None,
    kind: Kind = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(description="The `next` of the previous page (listing without `q`).",
                                        max_length=2000)] = None,
) -> EntityPage:
    """With `q`: matching entities, those in most articles first. Without: every entity in id order, paged."""
    after = None
    if cursor and not q:
        try:
            after = cursors.field(cursors.decode(cursor), "id", str)
        except cursors.CursorError as err:
            raise ProblemError(400, str(err), "Bad cursor") from err
    rows = find_entities(store.db, q, kind, after, limit)
    more = not q and len(rows) == limit
    return EntityPage(entities=[EntityBrief(id=r.id, name=r.name, type=r.type, mentions=r.mentions,
                                            articles=r.articles) for r in rows],
                      next=cursors.encode({"id": rows[-1].id}) if more else None)


@router.get("/{entity_id}", response_model=EntityDetail, responses=responses(404, 422, 429))
def get_entity(
    store: ReadStore,
    entity_id: Annotated[str, Path(description="An entity id.", examples=["PER-smith"], max_length=200)],
    stories: Annotated[int, Query(ge=1, le=500, description="At most this many stories.")] = 50,
    said: Annotated[int, Query(ge=0, le=500, description="At most this many of its quotes.")] = 50,
) -> EntityDetail:
    """How often and where the entity is mentioned (per article, per outlet, in which forms), the stories it
    appears in, and its quotes."""
    found = entity(store.db, entity_id)
    if found is None:
        raise ProblemError(404, f"no entity {entity_id!r} in the store", "Entity not found")
    name, kind = found
    counts = count_mentions(mention_rows(store.db, entity_id))
    count = counts[0] if counts else EntityCount(entity_id, name, kind)
    spoken = quotes(store.db, entity_id, None, 0, said) if said else []
    return EntityDetail(
        id=entity_id, name=name, type=kind, mentions=count.mentions, articles=dict(count.articles.most_common()),
        outlets=dict(count.outlets.most_common()), forms=dict(count.forms.most_common()),
        stories=[EntityStory(story=s, articles=n) for s, n in entity_stories(store.db, entity_id, stories)],
        quotes=[quote_out(r.quote, r.story, r.article) for r in spoken],
    )
