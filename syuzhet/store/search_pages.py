"""Full-text search read page by page (the service's ``/v1/search``), over a snapshot of the store: the
first page fixes the highest article row it saw, and later pages never include an article stored after it.

Two orders. ``recent`` (latest stored first) continues after the last article's row: pages never skip or
repeat an article. ``rank`` (best match first, FTS5's bm25) continues after the last (score, row); a
score depends on statistics of the whole table, so while articles arrive the scores of listed articles can
move a little, and an article whose score crosses a page boundary can be skipped or repeated. A client
that must see every match once under ingest pages with ``recent``."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from syuzhet.model import Article
from syuzhet.store.db import _COLUMNS, StoreError, _article
from syuzhet.store.db import _fts_query as fts_query

SearchSort = Literal["rank", "recent"]

# sort -> (ORDER BY, the keyset after (score, row))
_ORDER: dict[str, tuple[str, str]] = {
    "rank": ("score, rowid", "(score > ? OR (score = ? AND rowid > ?))"),
    "recent": ("rowid DESC", "rowid < ?"),
}


@dataclass(frozen=True, slots=True)
class SearchRow:
    article: Article
    snippet: str
    score: float  # bm25: lower is better
    row: int

    def key(self) -> tuple[float, int]:
        return self.score, self.row


def article_snapshot(db: sqlite3.Connection) -> int:
    """The highest article row: the point a search listing sees the store at."""
    return int(db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0])


@dataclass(frozen=True, slots=True)
class SearchPage:
    rows: list[SearchRow]
    more: bool  # matching articles follow the page


def search_page(db: sqlite3.Connection, query: str, sort: SearchSort, upto: int, after: tuple[float, int] | None,
                limit: int) -> SearchPage:
    """Up to ``limit`` articles matching ``query`` (words match as prefixes, as ``Store.search``) stored up to
    row ``upto``, in ``sort`` order after the key ``after``, and whether more follow (one more score is read,
    no snippet made for it). A query FTS5 cannot parse raises ``StoreError``."""
    order, keyset = _ORDER[sort]
    match = fts_query(query)
    params: list[Any] = [match, upto]
    where = "articles_fts MATCH ? AND rowid <= ?"
    if after is not None:
        where += " AND " + keyset
        params += [after[0], after[0], after[1]] if sort == "rank" else [after[1]]
    try:  # the page's rows first (scores only), then their articles and snippets: only the page's
        scored = db.execute(f"SELECT rowid, bm25(articles_fts) AS score FROM articles_fts WHERE {where}"
                            f" ORDER BY {order} LIMIT ?", [*params, limit + 1]).fetchall()
        page = scored[:limit]
        marks = ", ".join("?" * len(page))
        found = {int(r[-1]): r[:-1] for r in db.execute(
            f"SELECT {', '.join('a.' + c for c in _COLUMNS)}, snippet(articles_fts, 1, '[', ']', ' … ', 12), a.rowid"
            f" FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
            f" AND articles_fts.rowid IN ({marks})", [match, *(r[0] for r in page)])} if page else {}
    except sqlite3.OperationalError as err:
        raise StoreError(f"bad search query {query!r}: {err}") from err
    width = len(_COLUMNS)
    return SearchPage([SearchRow(_article(found[row][:width]), str(found[row][width]), float(score), int(row))
                       for row, score in page if row in found], len(scored) > limit)
