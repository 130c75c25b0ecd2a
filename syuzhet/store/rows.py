"""The store as flat tables, one row per article, mention, quote and story, read a few rows at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from syuzhet.store.db import Store

Row = dict[str, Any]


def article_rows(store: Store) -> Iterator[Row]:
    sql = ("SELECT a.id, a.source, a.outlet, a.url, a.lang, a.date, a.title, a.subtitle, a.author, a.photo_credit, "
           "a.duplicate_of, m.story, a.text, a.blocks FROM articles a LEFT JOIN story_members m ON m.article = a.id "
           "ORDER BY a.date IS NULL, a.date, a.rowid")
    names = ("id", "source", "outlet", "url", "lang", "date", "title", "subtitle", "author", "photo_credit",
             "duplicate_of", "story", "text", "blocks")
    for row in store.db.execute(sql):
        record = dict(zip(names, row, strict=True))
        record["blocks"] = json.loads(record["blocks"])
        yield record


def mention_rows(store: Store) -> Iterator[Row]:
    sql = ("SELECT m.article, m.start, m.end, m.text, m.type, m.lemma, m.entity, e.name FROM mentions m "
           "LEFT JOIN entities e ON e.id = m.entity ORDER BY m.rowid")
    names = ("article", "start", "end", "text", "type", "lemma", "entity", "entity_name")
    for row in store.db.execute(sql):
        yield dict(zip(names, row, strict=True))


def entity_records(store: Store) -> Iterator[Row]:
    """Every linked entity with its mentions (``Entity.as_dict``), in id order, one entity at a time."""
    sql = ("SELECT e.id, e.name, e.type, m.article, m.start, m.end, m.text, m.type, m.lemma FROM mentions m "
           "JOIN entities e ON e.id = m.entity ORDER BY e.id, m.article, m.start")
    current: Row | None = None
    for eid, name, kind, article, start, end, text, mtype, lemma in store.db.execute(sql):
        if current is None or current["id"] != eid:
            if current is not None:
                yield current
            current = {"id": eid, "name": name, "type": kind, "mentions": []}
        current["mentions"].append({"article": article, "start": start, "end": end, "text": text, "type": mtype,
                                    "lemma": lemma})
    if current is not None:
        yield current


def quote_rows(store: Store) -> Iterator[Row]:
    sql = ("SELECT article, speaker, speaker_text, kind, text, start, end, cue, speaker_start, speaker_end, rules "
           "FROM quotes ORDER BY rowid")
    names = ("article", "speaker", "speaker_text", "kind", "text", "start", "end", "cue", "speaker_start",
             "speaker_end", "rules")
    for row in store.db.execute(sql):
        record = dict(zip(names, row, strict=True))
        record["rules"] = json.loads(record["rules"])
        yield record


def story_rows(store: Store) -> Iterator[Row]:
    """Every stored story with its dossier, largest first, one story at a time (``dossiers.described``)."""
    from syuzhet.store.dossiers import described

    for analysis in described(store):
        for story in analysis.stories:
            record = story.as_dict()
            record["size"] = len(story.articles)
            yield record


TABLES = {"articles": article_rows, "mentions": mention_rows, "quotes": quote_rows, "stories": story_rows}
