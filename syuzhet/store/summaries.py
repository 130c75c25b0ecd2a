"""One precomputed row per story for listings: its size, first and latest member row, first and last date, its
members' languages and the title of the first member that has one, kept up to date by triggers on
``story_members`` (a member added grows the row; members taken out, as when a story is merged into another,
recount it from those left, or drop it), so every writer keeps it, whatever code writes the members, and in
the members' own transaction. A listing then reads a page of stories through an index instead of grouping
every member of the store; ``syuzhet.store.pages`` falls back to grouping members when a store has no such
table yet (one opened read-only since it was written by an older syuzhet).

The table is derived data: a store opened for writing that lacks it gets it, filled from ``story_members``
in one statement (a store of 10k stories: well under a second)."""

from __future__ import annotations

import sqlite3

TABLE = "story_rows"

DDL = """
CREATE TABLE IF NOT EXISTS story_rows (
    story TEXT PRIMARY KEY, size INTEGER NOT NULL, opened INTEGER NOT NULL, updated INTEGER NOT NULL,
    first TEXT, last TEXT, last_day TEXT NOT NULL, langs TEXT NOT NULL, title TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_rows_size ON story_rows(size DESC, opened);
CREATE INDEX IF NOT EXISTS story_rows_recent ON story_rows(last_day DESC, opened DESC);
CREATE TRIGGER IF NOT EXISTS story_rows_grow AFTER INSERT ON story_members BEGIN
    INSERT INTO story_rows VALUES (
        NEW.story, 1, NEW.rowid, NEW.rowid, NEW.date, NEW.date, coalesce(substr(NEW.date, 1, 10), ''), NEW.lang,
        (SELECT title FROM articles WHERE id = NEW.article))
    ON CONFLICT(story) DO UPDATE SET
        size = size + 1,
        updated = max(updated, excluded.updated),
        first = CASE WHEN first IS NULL OR excluded.first < first THEN coalesce(excluded.first, first) ELSE first END,
        last = CASE WHEN last IS NULL OR excluded.last > last THEN coalesce(excluded.last, last) ELSE last END,
        last_day = max(last_day, excluded.last_day),
        langs = langs || ',' || excluded.langs,
        title = coalesce(title, excluded.title);
END;
CREATE TRIGGER IF NOT EXISTS story_rows_shrink AFTER DELETE ON story_members BEGIN
    DELETE FROM story_rows WHERE story = OLD.story;
    INSERT INTO story_rows SELECT story, count(*), min(rowid), max(rowid), min(date), max(date),
        coalesce(substr(max(date), 1, 10), ''), group_concat(lang),
        (SELECT a.title FROM story_members s JOIN articles a ON a.id = s.article
         WHERE s.story = OLD.story AND a.title IS NOT NULL ORDER BY s.rowid LIMIT 1)
    FROM story_members WHERE story = OLD.story GROUP BY story;
END;
"""

# what the trigger keeps, computed from the members up to row ``?`` (a snapshot), for the stories ``{which}``
GROUPED = (
    "SELECT story, count(*) AS size, min(rowid) AS opened, max(rowid) AS updated, min(date) AS first,"
    " max(date) AS last, coalesce(substr(max(date), 1, 10), '') AS last_day, group_concat(lang) AS langs"
    " FROM story_members WHERE rowid <= ? AND {which} GROUP BY story"
)
# the title of a story (``{story}``: a column or ``?``): its first member with a title, up to row ``{upto}``
TITLE = ("SELECT a.title FROM story_members s JOIN articles a ON a.id = s.article WHERE s.story = {story}"
         " AND s.rowid <= {upto} AND a.title IS NOT NULL ORDER BY s.rowid LIMIT 1")


def has_rows(db: sqlite3.Connection) -> bool:
    """Whether this store keeps story rows (a store last written by an older syuzhet may not)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is not None


def ensure(db: sqlite3.Connection) -> None:
    """Create the table and its trigger on a store opened for writing, filled from the members already stored."""
    if has_rows(db):
        db.executescript(DDL)  # the indexes and trigger, should one be missing
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(DDL):
            db.execute(statement)
        title = TITLE.format(story="g.story", upto="g.updated")
        db.execute(f"INSERT INTO story_rows SELECT g.*, ({title}) FROM ({GROUPED.format(which='1')}) AS g",
                   (2**62,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """The statements of ``DDL`` (the trigger's body holds semicolons of its own)."""
    found, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found
