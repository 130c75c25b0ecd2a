"""The story index kept in the store: ``StoredStoryIndex`` is the in-memory ``StoryIndex`` whose statistics,
stories, blocking postings and members are read from SQLite on first use and written back after each
article (``flush``, inside the article's transaction). Adding an article touches only the rows its keys and
candidate stories point to, so ingesting into a large store costs about what it costs in a small one, and a
story keeps its id ('s' + the article that opened it) across runs."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from syuzhet.stories.cluster import Link, StoryIndex, StoryState
from syuzhet.stories.features import Features

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


@dataclass(frozen=True, slots=True)
class Member:
    story: str
    vector: dict[str, float]
    date: str | None
    lang: str


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
        self.stories = Lazy(self._load_story)
        self.postings = Lazy(self._load_posting)
        self.members: Lazy[str, Member] = Lazy(self._load_member)
        views = [_View(self.members, field) for field in ("story", "vector", "date", "lang")]
        self.story_of, self.vectors, self.dates, self.langs = views
        self.views = views
        self.pending: list[tuple[Features, dict[str, float], Link, str]] = []
        self.touched: set[str] = set()

    # -- loading ---------------------------------------------------------------------------------------
    def _load_story(self, sid: str) -> StoryState | None:
        row = self.db.execute("SELECT first, last, centroid, langs, keys FROM stories WHERE id = ?",
                              (sid,)).fetchone()
        if row is None:
            return None
        story = StoryState(sid, centroid=json.loads(row[2]), first=row[0], last=row[1],
                           keys=set(json.loads(row[4])), langs=Counter(json.loads(row[3])))
        for article, link in self.db.execute(
                "SELECT article, link FROM story_members WHERE story = ? ORDER BY rowid", (sid,)):
            story.members.append(article)
            story.links.append(Link(**json.loads(link)))
        return story

    def _load_posting(self, key: str) -> set[str] | None:
        rows = self.db.execute("SELECT story FROM story_postings WHERE key = ?", (key,)).fetchall()
        return {r[0] for r in rows} if rows else None

    def _load_member(self, article: str) -> Member | None:
        row = self.db.execute("SELECT story, vector, date, lang FROM story_members WHERE article = ?",
                              (article,)).fetchone()
        return Member(row[0], json.loads(row[1]), row[2], row[3]) if row else None

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, feats: Features, duplicate_of: str | None = None, observed: bool = False) -> str:
        sid = super().add(feats, duplicate_of, observed)
        if feats.id not in self.members.cache:  # a new member: the base class kept its vector in ``vectors``
            story = self.stories[sid]
            link = story.links[-1]
            vector = self.vectors[feats.id]
            for view in self.views:
                view.fresh.pop(feats.id, None)
            self.members[feats.id] = Member(sid, vector, feats.date, feats.lang)
            self.pending.append((feats, vector, link, sid))
        return sid

    def _join(self, story: StoryState, feats: Features, vec: dict[str, float], link: Link) -> None:
        super()._join(story, feats, vec, link)
        self.touched.add(story.id)

    def flush(self) -> None:
        """Write what the last ``add`` changed (call inside the article's transaction)."""
        self.df.flush()  # type: ignore[attr-defined]
        self.sentence_counts.flush()  # type: ignore[attr-defined]
        self.db.execute("INSERT INTO meta VALUES ('story_docs', ?) ON CONFLICT(key) DO UPDATE SET "
                        "value = excluded.value", (str(self.docs),))
        for sid in sorted(self.touched):
            story = self.stories[sid]
            self.db.execute(
                "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET first = excluded.first, "
                "last = excluded.last, centroid = excluded.centroid, langs = excluded.langs, keys = excluded.keys",
                (sid, story.first, story.last, _dump(story.centroid), _dump(dict(story.langs)),
                 _dump(sorted(story.keys))),
            )
            self.db.executemany("INSERT OR IGNORE INTO story_postings VALUES (?, ?)", [(k, sid) for k in story.keys])
        for feats, vector, link, sid in self.pending:
            self.db.execute("INSERT INTO story_members (article, story, link, vector, date, lang) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            (feats.id, sid, _dump(link.as_dict()), _dump(vector), feats.date, feats.lang))
        self.touched.clear()
        self.pending.clear()


class _View(MutableMapping[str, Any]):
    """One field of the stored members, as the dict the base class reads and writes (``story_of``,
    ``vectors``, ``dates``, ``langs``). Writes of a member not yet stored go to ``fresh`` until ``add`` makes
    the member."""

    def __init__(self, members: Lazy[str, Member], field: str) -> None:
        self.members, self.field = members, field
        self.fresh: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key in self.fresh:
            return self.fresh[key]
        return getattr(self.members[key], self.field)

    def __setitem__(self, key: str, value: Any) -> None:
        self.fresh[key] = value

    def __delitem__(self, key: str) -> None:
        del self.fresh[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
