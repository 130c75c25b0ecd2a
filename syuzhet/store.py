"""The growing store: one SQLite file (WAL) with the articles, full-text search (FTS5) and the MinHash band
keys that find near-duplicates of new articles among everything already stored.

Every article is written in its own transaction: an ingest killed half-way leaves whole articles only,
and the next run skips what is already there (ids are content hashes)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from syuzhet.dedupe import band_keys, find_original, shingles
from syuzhet.model import Article, Block

SCHEMA_VERSION = 1
_COLUMNS = ("id", "source", "outlet", "url", "lang", "date", "title", "subtitle", "author", "photo_credit",
            "text", "blocks", "duplicate_of")

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, outlet TEXT, url TEXT, lang TEXT NOT NULL, date TEXT,
    title TEXT, subtitle TEXT, author TEXT, photo_credit TEXT, text TEXT NOT NULL, blocks TEXT NOT NULL,
    duplicate_of TEXT, ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE TABLE IF NOT EXISTS bands (key TEXT NOT NULL, article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands(key);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
"""


@dataclass(frozen=True, slots=True)
class Hit:
    article: Article
    snippet: str


class StoreError(Exception):
    """The database file cannot be opened or is not a syuzhet store."""


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_DDL)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable syuzhet store ({err})") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, article: Article) -> bool:
        """Store one article with its near-duplicate link; False if its content is already stored."""
        if self.has(article.id):
            return False
        grams = shingles(article)
        keys = band_keys(grams) if grams else []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            article.duplicate_of = find_original(grams, keys, self) if keys else None
            if article.duplicate_of and (article.date or "9999") < (self._date(article.duplicate_of) or "9999"):
                self._promote(article)
            row = self._row(article)
            cur = self.db.execute(
                f"INSERT INTO articles ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", row
            )
            self.db.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                (cur.lastrowid, article.title or "", article.text),
            )
            self.db.executemany("INSERT INTO bands VALUES (?, ?)", [(k, article.id) for k in keys])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    def _promote(self, article: Article) -> None:
        """A new article older than the stored original becomes the original of the whole group."""
        old_root = article.duplicate_of
        article.duplicate_of = None
        self.db.execute(
            "UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?", (article.id, old_root, old_root)
        )

    @staticmethod
    def _row(article: Article) -> tuple[object, ...]:
        record = article.as_dict()
        record["blocks"] = json.dumps(record["blocks"], ensure_ascii=False)
        return tuple(record[c] for c in _COLUMNS)

    # -- the dedupe Index protocol ------------------------------------------------------------------------
    def candidates(self, keys: list[str]) -> Iterable[str]:
        marks = ", ".join("?" * len(keys))
        rows = self.db.execute(f"SELECT DISTINCT article FROM bands WHERE key IN ({marks})", keys)
        return [r[0] for r in rows]

    def shingles_of(self, article_id: str) -> set[str]:
        article = self.get(article_id)
        return shingles(article) if article else set()

    def root_of(self, article_id: str) -> str:
        row = self.db.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row and row[0] else article_id

    def _date(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT date FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    # -- reading ---------------------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def articles(self, limit: int | None = None) -> Iterator[Article]:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM articles ORDER BY date IS NULL, date, rowid"
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        for row in rows:
            yield _article(row)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Full-text search; plain words are matched as prefixes so inflected forms are found."""
        sql = (
            f"SELECT {', '.join('a.' + c for c in _COLUMNS)}, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) FROM articles_fts "
            "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.db.execute(sql, (_fts_query(query), limit)).fetchall()
        except sqlite3.OperationalError as err:
            raise StoreError(f"bad search query {query!r}: {err}") from err
        return [Hit(_article(row[:-1]), row[-1]) for row in rows]


def _fts_query(query: str) -> str:
    """Words become prefix terms ('Токаев' finds 'Токаева'); FTS syntax (quotes, AND/OR) is kept as is."""
    if any(ch in query for ch in '"*():') or any(w in query.split() for w in ("AND", "OR", "NOT", "NEAR")):
        return query
    words = [w for w in query.split() if w.strip()]
    return " ".join(f'"{w}"*' for w in words)


def _article(row: tuple[object, ...]) -> Article:
    record = dict(zip(_COLUMNS, row, strict=True))
    blocks = [Block(**b) for b in json.loads(str(record.pop("blocks")))]
    text = str(record.pop("text"))
    fields = {k: (None if v is None else str(v)) for k, v in record.items()}
    article = Article(source=str(fields.pop("source")), raw=text, text=text, blocks=blocks)
    for key, value in fields.items():
        setattr(article, key, value)
    article.lang = article.lang or "und"
    return article
