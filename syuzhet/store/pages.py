"""Stories read page by page from the store, and the feed of what changed since a point.

A story only grows: members are inserted, never moved, and ``story_members.rowid`` grows with every commit
of the single writer. The one exception is a merge (a story in other languages taken into another): the
retired story's rows are deleted and its members inserted again, as new rows, under the story that took
them in, and its id stays an alias (``Store.current_story``). So a listing fixes a *snapshot*: the highest
member row it saw. Every page of that listing counts, dates and filters stories by their members up to the
snapshot only, and continues after the last story's sort key: pages never repeat a story, and skip only a
story retired by a merge while the client pages (its members then come back, under the story that took
them in, from ``changes(after=snapshot)``, which returns what arrived after the snapshot)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Literal

from syuzhet.store import summaries
from syuzhet.store.db import StoreError
from syuzhet.store.db import _fts_query as fts_query

Sort = Literal["size", "recent"]

# sort -> (ORDER BY, the keyset condition after a given key: (size or last day, opened) twice each)
_ORDER: dict[str, tuple[str, str]] = {
    "size": ("size DESC, opened ASC", "size <= ? AND (size < ? OR opened > ?)"),
    "recent": ("last_day DESC, opened DESC", "last_day <= ? AND (last_day < ? OR opened < ?)"),
}


@dataclass(frozen=True, slots=True)
class StoryFilter:
    since: str | None = None  # a story's latest article date (YYYY-MM-DD) is on or after this
    until: str | None = None  # its earliest is on or before this
    lang: str | None = None  # some article of the story is in this language
    outlet: str | None = None  # some article is from this outlet (its name or its URL's host)
    entity: str | None = None  # some article mentions this entity id
    q: str | None = None  # some article matches this full-text query (``Store.search`` syntax)


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    size: int
    first: str | None
    last: str | None
    opened: int
    updated: int
    title: str | None
    langs: dict[str, int]

    def key(self, sort: Sort) -> tuple[Any, int]:
        return (self.size, self.opened) if sort == "size" else ((self.last or "")[:10], self.opened)


def snapshot(db: sqlite3.Connection) -> int:
    """The highest story member row: the point a listing sees the store at."""
    return int(db.execute("SELECT coalesce(max(rowid), 0) FROM story_members").fetchone()[0])


def story_page(db: sqlite3.Connection, upto: int, sort: Sort, where: StoryFilter, after: tuple[Any, int] | None,
               limit: int) -> list[StoryRow]:
    """Stories as of member row ``upto``, sorted, after the sort key ``after``. A bad full-text query
    raises ``StoreError``.

    Stories with no member after ``upto`` are read from their precomputed rows (an index scan that stops at
    ``limit``); the few that grew since (a cursor made before the latest commits) are counted from their
    members up to ``upto``, and the two are merged. A store without precomputed rows counts every story."""
    try:
        if summaries.has_rows(db):
            rows = _kept(db, upto, sort, where, after, limit) + _grouped(
                db, upto, sort, where, after, limit, "story IN (SELECT story FROM story_members WHERE rowid > ?)")
        else:
            rows = _grouped(db, upto, sort, where, after, limit, "1")
    except sqlite3.OperationalError as err:
        if not where.q:
            raise
        raise StoreError(f"bad search query {where.q!r}: {err}") from err
    if sort == "size":
        rows.sort(key=lambda r: (-r.size, r.opened))
    else:
        rows.sort(key=lambda r: r.key(sort), reverse=True)
    return rows[:limit]


def _kept(db: sqlite3.Connection, upto: int, sort: Sort, where: StoryFilter, after: tuple[Any, int] | None,
          limit: int) -> list[StoryRow]:
    """The page from the precomputed rows of the stories that have no member after ``upto``."""
    conditions = ["story NOT IN (SELECT story FROM story_members WHERE rowid > ?)"]
    params: list[Any] = [upto]
    _dated(where, conditions, params)
    if where.lang:
        conditions.append("instr(',' || langs || ',', ',' || ? || ',') > 0")
        params.append(where.lang)
    for sql, values in _filters(StoryFilter(outlet=where.outlet, entity=where.entity, q=where.q)):
        conditions.append(f"story IN ({sql})")
        params += [upto, *values]
    order, keyset = _ORDER[sort]
    if after:
        conditions.append(keyset)
        params += [after[0], after[0], after[1]]
    rows = db.execute(f"SELECT story, size, first, last, opened, updated, langs, title FROM {summaries.TABLE}"
                      f" WHERE {' AND '.join(conditions)} ORDER BY {order} LIMIT ?", [*params, limit]).fetchall()
    return [StoryRow(r[0], r[1], r[2], r[3], r[4], r[5], r[7], _langs(r[6])) for r in rows]


def _grouped(db: sqlite3.Connection, upto: int, sort: Sort, where: StoryFilter, after: tuple[Any, int] | None,
             limit: int, which: str) -> list[StoryRow]:
    """The page counted from the members up to ``upto`` of the stories ``which`` (SQL; its one value is
    ``upto``, or none)."""
    params: list[Any] = [upto] + ([upto] if "?" in which else [])
    members = [which]
    for sql, values in _filters(where):
        members.append(f"story IN ({sql})")
        params += [upto, *values]
    having: list[str] = []
    _dated(where, having, params)
    order, keyset = _ORDER[sort]
    if after:
        having.append(keyset)
        params += [after[0], after[0], after[1]]
    grouped = summaries.GROUPED.format(which=" AND ".join(members))
    sql = (f"SELECT story, size, first, last, opened, updated, langs FROM ({grouped})"
           f"{' WHERE ' + ' AND '.join(having) if having else ''} ORDER BY {order} LIMIT ?")
    found = db.execute(sql, [*params, limit]).fetchall()
    title = summaries.TITLE.format(story="?", upto="?")
    return [StoryRow(r[0], r[1], r[2], r[3], r[4], r[5], _one(db.execute(title, (r[0], r[5])).fetchone()),
                     _langs(r[6])) for r in found]


def _dated(where: StoryFilter, conditions: list[str], params: list[Any]) -> None:
    """Add the filter's date bounds over a story's row (``last_day``, ``first``) to ``conditions``/``params``."""
    if where.since:
        conditions.append("last_day >= ?")
        params.append(where.since[:10])
    if where.until:
        conditions.append("substr(first, 1, 10) <= ?")
        params.append(where.until[:10])


def _one(row: tuple[Any, ...] | None) -> str | None:
    return None if row is None or row[0] is None else str(row[0])


def _filters(where: StoryFilter) -> list[tuple[str, list[str]]]:
    """(subquery of the stories with a member up to the snapshot that matches, its values) per filter set."""
    found: list[tuple[str, list[str]]] = []
    if where.lang:
        found.append(("SELECT story FROM story_members WHERE rowid <= ? AND lang = ?", [where.lang]))
    if where.outlet:
        found.append(("SELECT s.story FROM story_members s JOIN articles a ON a.id = s.article WHERE s.rowid <= ?"
                      " AND (a.outlet = ? OR a.url LIKE ? OR a.url LIKE ?)",
                      [where.outlet, f"%://{where.outlet}/%", f"%://www.{where.outlet}/%"]))
    if where.entity:
        found.append(("SELECT s.story FROM mentions me JOIN story_members s ON s.article = me.article"
                      " WHERE s.rowid <= ? AND me.entity = ?", [where.entity]))
    if where.q:
        found.append(("SELECT s.story FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                      " JOIN story_members s ON s.article = a.id WHERE s.rowid <= ? AND articles_fts MATCH ?",
                      [fts_query(where.q)]))
    return found


def _langs(joined: str | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for lang in (joined or "").split(","):
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True, slots=True)
class Change:
    story: str
    created: bool  # the story was opened after the cursor
    articles: list[str]  # its members that arrived after the cursor, in arrival order
    size: int  # its size up to the end of this batch of changes


def changes(db: sqlite3.Connection, after: int, limit: int) -> tuple[list[Change], int]:
    """Stories that gained members after member row ``after`` (at most ``limit`` new members, in commit
    order), and the row to continue from."""
    rows = db.execute("SELECT rowid, story, article FROM story_members WHERE rowid > ? ORDER BY rowid LIMIT ?",
                      (after, limit)).fetchall()
    if not rows:
        return [], after
    end = int(rows[-1][0])
    grouped: dict[str, list[str]] = {}
    for _, story, article in rows:
        grouped.setdefault(str(story), []).append(str(article))
    marks = ", ".join("?" * len(grouped))
    stats = {str(r[0]): (int(r[1]), int(r[2])) for r in db.execute(
        f"SELECT story, min(rowid), count(*) FROM story_members WHERE story IN ({marks}) AND rowid <= ?"
        " GROUP BY story", [*grouped, end])}
    found = [Change(sid, stats[sid][0] > after, members, stats[sid][1]) for sid, members in grouped.items()]
    return found, end
