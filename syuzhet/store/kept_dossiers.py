"""Dossiers kept in the store: a story's dossier as the service answers it (JSON, zlib-compressed), with the
story's size and latest member row it was computed from. A kept dossier is served only while the story's
precomputed row (``syuzhet.store.summaries``) still has that size and latest member, so a story that grew
is never answered from an old dossier; the service recomputes stale ones when its writer is idle.

Derived data, like the story rows: any writer may fill it, and a store without the table (opened read-only
since an older syuzhet wrote it) simply has no dossier kept. A dossier depends on the code that made it too:
the store notes a fingerprint of the package's files (``code_stamp``); a writer of other code empties the
table, and a reader of other code ignores it."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from functools import cache
from pathlib import Path

from syuzhet.store import summaries

TABLE = "kept_dossiers"
DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    story TEXT PRIMARY KEY, size INTEGER NOT NULL, updated INTEGER NOT NULL, body BLOB NOT NULL
) WITHOUT ROWID"""


STAMP = "kept_dossiers_code"  # the meta key of the fingerprint of the code the kept dossiers were made by


@cache
def code_stamp() -> str:
    """A fingerprint of this syuzhet's files (code, word lists, models): what a dossier is computed by."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def ensure(db: sqlite3.Connection) -> None:
    """Create the table on a store opened for writing; empty it if other code made what it holds."""
    db.execute(DDL)
    row = db.execute("SELECT value FROM meta WHERE key = ?", (STAMP,)).fetchone()
    if row is None or row[0] != code_stamp():
        db.execute("DELETE FROM kept_dossiers")
        db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   (STAMP, code_stamp()))


def usable(db: sqlite3.Connection) -> bool:
    """Whether this store keeps dossiers made by this code (a reader of other code computes its own)."""
    has = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
    row = db.execute("SELECT value FROM meta WHERE key = ?", (STAMP,)).fetchone() if has else None
    return row is not None and row[0] == code_stamp()


def version(db: sqlite3.Connection, story: str) -> tuple[int, int] | None:
    """(size, latest member row) of a story as of the reader's snapshot; None for an unknown story."""
    if summaries.has_rows(db):
        row = db.execute(f"SELECT size, updated FROM {summaries.TABLE} WHERE story = ?", (story,)).fetchone()
    else:  # a store without precomputed rows: count the story's members
        row = db.execute("SELECT count(*), max(rowid) FROM story_members WHERE story = ? HAVING count(*)",
                         (story,)).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def kept(db: sqlite3.Connection, story: str, size: int, updated: int) -> bytes | None:
    """The kept dossier of this version of the story (JSON bytes), or None."""
    row = db.execute(f"SELECT body FROM {TABLE} WHERE story = ? AND size = ? AND updated = ?",
                     (story, size, updated)).fetchone()
    return zlib.decompress(row[0]) if row else None


def keep(db: sqlite3.Connection, story: str, size: int, updated: int, body: bytes) -> None:
    """Keep the dossier computed from this version of the story (in autocommit: its own transaction)."""
    db.execute(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?) ON CONFLICT(story) DO UPDATE SET size = excluded.size,"
               " updated = excluded.updated, body = excluded.body WHERE excluded.updated >= updated",
               (story, size, updated, zlib.compress(body, 6)))


def stale(db: sqlite3.Connection, limit: int) -> list[tuple[str, int, int]]:
    """Up to ``limit`` stories (id, size, latest member row) with no dossier kept for their present version,
    the most recently grown first."""
    rows = db.execute(
        f"SELECT r.story, r.size, r.updated FROM story_rows r LEFT JOIN {TABLE} k ON k.story = r.story"
        " WHERE k.story IS NULL OR k.updated <> r.updated ORDER BY r.updated DESC LIMIT ?", (limit,)).fetchall()
    return [(str(s), int(n), int(u)) for s, n, u in rows]
