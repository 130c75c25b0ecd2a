"""Stores written by an older syuzhet: version 2 kept a centroid per story where version 3 keeps the sums its
link features come from, so a version 2 store's story index is dropped and rebuilt from the stored articles
(in date order, with their stored entity mentions) the first time the store is opened. Articles, mentions,
quotes and entities are kept as they are; story ids of the rebuilt index are again 's' + the opening article."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from syuzhet.stories.build import attach_one

if TYPE_CHECKING:
    from syuzhet.store.db import Store

STORY_TABLES = ("stories", "story_postings", "story_members", "story_df", "story_fingerprints", "story_aliases",
                "story_rows", "kept_dossiers")


def stored_version(db: sqlite3.Connection) -> int:
    """The schema version a store file was written with (0: a new or empty file)."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def drop_story_index(db: sqlite3.Connection) -> None:
    """Remove a version 2 story index (before the current tables are created)."""
    for table in STORY_TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute("DELETE FROM meta WHERE key IN ('story_docs', 'schema_version')")


def rebuild_story_index(store: Store) -> int:
    """Put every stored article into a story again, each in its own transaction; the number placed."""
    index = store.story_index()
    placed = 0
    for article in list(store.articles()):
        spans = [(int(s), int(e), str(eid)) for s, e, eid in store.db.execute(
            "SELECT start, end, entity FROM mentions WHERE article = ? AND entity IS NOT NULL", (article.id,))]
        store.with_findings(article)
        store.db.execute("BEGIN IMMEDIATE")
        try:
            attach_one(index, article, spans)
            index.flush()
            store.db.execute("COMMIT")
        except BaseException:
            store.db.execute("ROLLBACK")
            index.forget()
            raise
        placed += 1
    return placed
