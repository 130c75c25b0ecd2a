"""Entities and quotes looked up in the store without loading whole stories: entities by name, one entity's
mentions with their articles, the stories it appears in, and quotes by speaker or story, page by page."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from syuzhet.model import Article, Quote
from syuzhet.store.db import _QUOTE_COLUMNS

SCAN_LIMIT = 2000  # entities matched by name before ranking; a broader query should be narrowed


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: str
    name: str
    type: str
    mentions: int
    articles: int


def find_entities(db: sqlite3.Connection, q: str | None, kind: str | None, after: str | None,
                  limit: int) -> list[EntityRow]:
    """With ``q``: entities whose name or id contains it (any case), most mentioned first. Without: all
    entities in id order, after the id ``after``."""
    if q:
        needle = q.casefold()
        rows = [(str(i), str(n), str(t)) for i, n, t in db.execute("SELECT id, name, type FROM entities")
                if needle in str(n).casefold() or needle in str(i).casefold()][:SCAN_LIMIT]
    else:
        rows = [(str(i), str(n), str(t)) for i, n, t in db.execute(
            "SELECT id, name, type FROM entities WHERE id > ? AND (? IS NULL OR type = ?) ORDER BY id LIMIT ?",
            (after or "", kind, kind, limit))]
    rows = [r for r in rows if kind is None or r[2] == kind]
    counts = _counts(db, [r[0] for r in rows])
    found = [EntityRow(i, n, t, *counts.get(i, (0, 0))) for i, n, t in rows]
    if q:
        found.sort(key=lambda e: (-e.articles, -e.mentions, e.name))
    return found[:limit]


def _counts(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for eid, mentions, articles in db.execute(
                f"SELECT entity, count(*), count(DISTINCT article) FROM mentions WHERE entity IN ({marks})"
                " GROUP BY entity", chunk):
            counts[str(eid)] = (int(mentions), int(articles))
    return counts


def entity(db: sqlite3.Connection, entity_id: str) -> tuple[str, str] | None:
    """(name, type) of a stored entity."""
    row = db.execute("SELECT name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def entity_stories(db: sqlite3.Connection, entity_id: str, limit: int) -> list[tuple[str, int]]:
    """(story, articles of it mentioning the entity), most first."""
    rows = db.execute(
        "SELECT s.story, count(DISTINCT s.article) AS n FROM mentions m JOIN story_members s ON s.article = m.article"
        " WHERE m.entity = ? GROUP BY s.story ORDER BY n DESC, min(s.rowid) LIMIT ?", (entity_id, limit))
    return [(str(r[0]), int(r[1])) for r in rows]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    row: int
    quote: Quote
    story: str | None
    article: Article  # light: id, source, outlet, url, date, title


def quotes(db: sqlite3.Connection, speaker: str | None, story: str | None, after: int, limit: int) -> list[QuoteRow]:
    """Quotes (by this speaker entity, in this story) in the order they were stored, after row ``after``."""
    columns = ", ".join(f"q.{c}" for c in _QUOTE_COLUMNS)
    where: list[str] = ["q.rowid > ?"]
    params: list[Any] = [after]
    if speaker is not None:
        where.append("q.speaker = ?")
        params.append(speaker)
    if story is not None:
        where.append("q.article IN (SELECT article FROM story_members WHERE story = ?)")
        params.append(story)
    sql = (f"SELECT q.rowid, {columns}, s.story, a.source, a.outlet, a.url, a.date, a.title FROM quotes q"
           " JOIN articles a ON a.id = q.article LEFT JOIN story_members s ON s.article = q.article"
           f" WHERE {' AND '.join(where)} ORDER BY q.rowid LIMIT ?")
    found = []
    width = len(_QUOTE_COLUMNS)
    for row in db.execute(sql, [*params, limit]).fetchall():
        record = dict(zip(_QUOTE_COLUMNS, row[1:1 + width], strict=True))
        record["rules"] = json.loads(str(record["rules"]))
        quote = Quote(**record)
        source, outlet, url, date, title = row[2 + width:]
        light = Article(source=source, raw="", id=quote.article, outlet=outlet, url=url, date=date, title=title)
        found.append(QuoteRow(int(row[0]), quote, row[1 + width], light))
    return found
