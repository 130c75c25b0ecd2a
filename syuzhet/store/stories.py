"""The story index kept in the store: ``StoredStoryIndex`` is the in-memory ``StoryIndex`` whose statistics,
stories (members, links and the sums their link features come from), blocking postings and members' story ids
are read from SQLite on first use and written back after each article (``flush``, inside the article's
transaction). Adding an article touches only the rows its keys and
candidate stories point to, so ingesting into a large store costs about what it costs in a small one, and a
story keeps its id ('s' + the article that opened it) across runs."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Generic, TypeVar

from syuzhet.stories.cluster import StoryIndex
from syuzhet.stories.features import Features
from syuzhet.stories.state import Link, StoryState, link_from

K = TypeVar("K")
V = TypeVar("V")


class Lazy(MutableMapping[K, V], Generic[K, V]):
    """A mapping that loads a missing key with ``load`` (None: absent) and caches it; iterates the cache."""

    def __init__(self, load: Callable[[K], V | None]) -> None:
        self.load = load
        self.cache: dict[K, V] = {}

    def __getitem__(self, key: K) -> V:
        if key in self.cache:
            return self.cache[key]
        value = self.load(key)
        if value is None:
            raise KeyError(key)
        self.cache[key] = value
        return value

    def __setitem__(self, key: K, value: V) -> None:
        self.cache[key] = value

    def __delitem__(self, key: K) -> None:
        del self.cache[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self.cache)

    def __len__(self) -> int:
        return len(self.cache)


class Counts(Generic[K]):
    """Counts read from a (key, n) table on first use; increments are kept until ``flush``."""

    def __init__(self, db: sqlite3.Connection, table: str) -> None:
        self.db, self.table = db, table
        self.cache: dict[K, int] = {}
        self.delta: Counter[K] = Counter()

    def get(self, key: K, default: int = 0) -> int:
        if key not in self.cache:
            row = self.db.execute(f"SELECT n FROM {self.table} WHERE key = ?", (key,)).fetchone()
            self.cache[key] = int(row[0]) if row else 0
        return self.cache[key] or default

    def update(self, keys: Iterable[K]) -> None:
        for key in keys:
            self.cache[key] = self.get(key) + 1
            self.delta[key] += 1

    def flush(self) -> None:
        self.db.executemany(
            f"INSERT INTO {self.table} (key, n) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
            list(self.delta.items()),
        )
        self.delta.clear()


class StoredStoryIndex(StoryIndex):
    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self.db = db
        self.forget()

    def forget(self) -> None:
        """Drop every cached row (after a rolled-back transaction the cache may hold unwritten changes)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'story_docs'").fetchone()
        self.docs = int(row[0]) if row else 0
        self.df = Counts[str](self.db, "story_df")  # type: ignore[assignment]
        self.sentence_counts = Counts[int](self.db, "story_fingerprints")  # type: ignore[assignment]
        # The loaders get the connection, not the index: a bound method would make index -> mapping -> index
        # a reference cycle, and every index a run drops (one per stored chunk), with every story it loaded,
        # would wait for the cyclic garbage collector, which long runs call rarely (docs/SCALE.md: 10k articles).
        self.stories = Lazy(functools.partial(_load_story, self.db))
        self.postings = Lazy(functools.partial(_load_posting, self.db))
        self.story_of = Lazy(functools.partial(_load_story_of, self.db))
        self.pending: list[tuple[str, Features]] = []
        self.touched: set[str] = set()
        self.merged = {}

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, feats: Features, duplicate_of: str | None = None, observed: bool = False) -> str:
        known = feats.id in self.story_of
        sid = super().add(feats, duplicate_of, observed)
        if not known:
            self.pending.append((feats.id, feats))
            self.touched.add(sid)
        return sid

    def flush(self) -> None:
        """Write what the last ``add`` changed (call inside the article's transaction)."""
        self.df.flush()  # type: ignore[attr-defined]
        self.sentence_counts.flush()  # type: ignore[attr-defined]
        self.db.execute("INSERT INTO meta VALUES ('story_docs', ?) ON CONFLICT(key) DO UPDATE SET "
                        "value = excluded.value", (str(self.docs),))
        moved = self._write_merges()
        for sid in sorted({self._current(s) for s in self.touched}):
            story = self.stories[sid]
            self.db.execute(
                "INSERT INTO stories VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET first = excluded.first, "
                "last = excluded.last, state = excluded.state",
                (sid, story.first, story.last, _dump(story.state_dict())),
            )
            self.db.executemany("INSERT OR IGNORE INTO story_postings VALUES (?, ?)", [(k, sid) for k in story.keys])
        rows = moved + [(article, feats.date, feats.lang) for article, feats in self.pending]
        for article, date, lang in rows:
            sid = self.story_of[article]
            self.db.execute("INSERT INTO story_members (article, story, link, date, lang) VALUES (?, ?, ?, ?, ?)",
                            (article, sid, _dump(self._link(sid, article).as_dict()), date, lang))
        self.touched.clear()
        self.pending.clear()
        self.merged.clear()

    def _current(self, sid: str) -> str:
        while sid in self.merged:
            sid = self.merged[sid]
        return sid

    def _link(self, sid: str, article: str) -> Link:
        story = self.stories[sid]
        return story.links[story.members.index(article)]

    def _write_merges(self) -> list[tuple[str, str | None, str | None]]:
        """Retire the stories merged since the last flush: their stored members are taken out (and written
        again under the story that took them in, as new rows: a story's rows are only ever appended), their
        postings and row dropped, their id kept as an alias."""
        moved: list[tuple[str, str | None, str | None]] = []
        for gone in self.merged:
            keep = self._current(gone)
            moved += [(str(a), d, lang) for a, d, lang in self.db.execute(
                "SELECT article, date, lang FROM story_members WHERE story = ? ORDER BY rowid", (gone,))]
            self.db.execute("DELETE FROM story_members WHERE story = ?", (gone,))
            self.db.execute("DELETE FROM story_postings WHERE story = ?", (gone,))
            self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))
            self.db.execute("UPDATE story_aliases SET story = ? WHERE story = ?", (keep, gone))
            self.db.execute("INSERT INTO story_aliases VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET "
                            "story = excluded.story", (gone, keep))
        return moved


def _load_story(db: sqlite3.Connection, sid: str) -> StoryState | None:
    row = db.execute("SELECT state FROM stories WHERE id = ?", (sid,)).fetchone()
    if row is None:
        return None
    story = StoryState(sid)
    story.load_state(json.loads(row[0]))
    for article, link in db.execute("SELECT article, link FROM story_members WHERE story = ? ORDER BY rowid", (sid,)):
        story.members.append(article)
        story.links.append(link_from(json.loads(link)))
    return story


def _load_posting(db: sqlite3.Connection, key: str) -> set[str] | None:
    rows = db.execute("SELECT story FROM story_postings WHERE key = ?", (key,)).fetchall()
    return {r[0] for r in rows} if rows else None


def _load_story_of(db: sqlite3.Connection, article: str) -> str | None:
    row = db.execute("SELECT story FROM story_members WHERE article = ?", (article,)).fetchone()
    return str(row[0]) if row else None


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
