"""The growing store: one SQLite file (WAL) with the articles, full-text search (FTS5), the MinHash band
keys that find near-duplicates of new articles among everything already stored, and what the analysis found
in each article: entity mentions (with their entity), quotes, and the article's story.

Every article is written in its own transaction, together with its mentions, quotes and story: an ingest
killed half-way leaves whole articles only, and the next run skips what is already there (ids are content
hashes)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from syuzhet.dedupe import band_keys, find_original, rename, shingles
from syuzhet.extras import installed
from syuzhet.model import Article, Block, Entity, Mention, Quote, Story
from syuzhet.store import kept_dossiers, summaries
from syuzhet.store import scratch as run_tables
from syuzhet.store.migrate import drop_story_index, rebuild_story_index, stored_version
from syuzhet.store.schema import DDL, SCHEMA_VERSION
from syuzhet.store.stories import StoredStoryIndex
from syuzhet.stories.build import article_order, attach_one, index_articles
from syuzhet.stories.text import Sentence, sentences
from syuzhet.views import MentionRow

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis

_COLUMNS = ("id", "source", "outlet", "url", "lang", "date", "title", "subtitle", "author", "photo_credit",
            "text", "blocks", "duplicate_of")
_QUOTE_COLUMNS = ("article", "speaker", "speaker_text", "kind", "text", "start", "end", "cue", "speaker_start",
                  "speaker_end", "rules")


@dataclass(frozen=True, slots=True)
class Hit:
    article: Article
    snippet: str


class StoreError(Exception):
    """The database file cannot be opened or is not a syuzhet store."""


class Store:
    def __init__(self, path: Path | str, read_only: bool = False, scratch: bool = False, verify: bool = True) -> None:
        """Open the store at ``path``. Writing creates it (or upgrades an older syuzhet store) but refuses a
        SQLite file of another application. ``read_only`` is a reader's connection: no schema set-up, no write
        (not even the WAL switch), a check that the file is a whole syuzhet store of this version (with
        ``verify``, also that its pages are sound: SQLite's quick_check reads the whole file, a fraction of a
        second per 100 MB, so a server checks once and opens its other readers without it); usable from one
        thread at a time though not only the one that opened it (a server's pool hands it to its worker
        threads). ``scratch`` is a run's own store (``:memory:`` or a temporary file): nothing is synced to
        disk, and it also keeps each article's sentences and the run's skipped inputs (``store.scratch``); it
        keeps no listing rows or dossiers for the service."""
        self.path = Path(path)
        self.scratch = scratch
        if read_only:
            self.db = _reader(self.path)
            try:
                self._check(read_only=True, verify=verify)
            except (sqlite3.DatabaseError, StoreError) as err:
                self.db.close()
                if isinstance(err, StoreError):
                    raise
                raise StoreError(f"{self.path}: not a usable syuzhet store ({err})") from err
            return
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
            self._check(read_only=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=OFF" if scratch else "PRAGMA synchronous=NORMAL")
            if scratch:
                self.db.executescript(run_tables.DDL)
            outdated = stored_version(self.db) == 2
            if outdated:
                drop_story_index(self.db)
            self.db.executescript(DDL)
            if not scratch:
                summaries.ensure(self.db)
                kept_dossiers.ensure(self.db)
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET "
                            "value = max(CAST(value AS INTEGER), excluded.value)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not a usable syuzhet store ({err})") from err
        if outdated:
            rebuild_story_index(self)

    def _check(self, read_only: bool, verify: bool = True) -> None:
        tables = {str(r[0]) for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and not read_only:
            return  # a new (or empty) file becomes a store
        if "meta" not in tables or "articles" not in tables:
            what = "an empty file" if not tables else "a SQLite file of another application"
            raise StoreError(f"{self.path}: not a syuzhet store ({what}); left as it is")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else 0
        if version > SCHEMA_VERSION or (read_only and version != SCHEMA_VERSION):
            raise StoreError(f"{self.path}: store schema version {version}, this syuzhet reads version "
                             f"{SCHEMA_VERSION}" + (" (run `syuzhet ingest` on it to upgrade)" if version else ""))
        if read_only and verify:
            problems = [str(r[0]) for r in self.db.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise StoreError(f"{self.path}: the store is damaged ({'; '.join(problems)[:300]})")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------------------
    def add(self, article: Article, entities: dict[tuple[int, int], Entity] | None = None,
            stories: StoredStoryIndex | None = None) -> bool:
        """Store one article with its near-duplicate link, its mentions (linked to ``entities``: (start, end)
        -> entity), its quotes and, given the story index, its story; False if its content is already stored."""
        if self.has(article.id):
            return False
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if not self._insert(article, entities or {}):  # another ingest stored it since the check above
                self.db.execute("ROLLBACK")
                return False
            if stories is not None:
                attach_one(stories, article, [(s, e, entity.id) for (s, e), entity in (entities or {}).items()])
                stories.flush()
                self._keep_sentences([article])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            if stories is not None:
                stories.forget()
            raise
        return True

    def _insert(self, article: Article, entities: dict[tuple[int, int], Entity]) -> bool:
        """Inside a transaction: the article's row, near-duplicate link, search entry, band keys, mentions and
        quotes; False if its content is already stored."""
        if self.has(article.id):
            return False
        grams = shingles(article)
        keys = band_keys(grams) if grams else []
        article.duplicate_of = find_original(grams, keys, self) if keys else None
        if article.duplicate_of and (article.date or "9999") < (self._date(article.duplicate_of) or "9999"):
            self._promote(article)
        marks = ", ".join("?" * len(_COLUMNS))
        cur = self.db.execute(f"INSERT INTO articles ({', '.join(_COLUMNS)}) VALUES ({marks})", self._row(article))
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cur.lastrowid, article.title or "", article.text),
        )
        self.db.executemany("INSERT INTO bands VALUES (?, ?)", [(k, article.id) for k in keys])
        self._add_findings(article, entities)
        return True

    def _keep_sentences(self, articles: list[Article]) -> None:
        if self.scratch:
            for article in articles:
                run_tables.keep_sentences(self.db, article, sentences(article))

    def add_analysis(self, analysis: Analysis, observe_first: bool = False) -> list[Article]:
        """Store an analysis' articles in date order, each with its mentions, quotes and story; the ones
        that were new. Each article joins its story in its own transaction, the story index having counted the
        articles before it (``ingest``: the next run goes on from there). ``observe_first``: the analysis is one
        batch, in one transaction: the index counts every new article's sentences and keys before any of them
        joins a story (``index_articles``: ``analyze``, a chunk at a time; a run of one chunk gets the stories
        that clustering it in memory as one batch gives)."""
        spans: dict[str, dict[tuple[int, int], Entity]] = {}
        for entity in analysis.entities:
            for m in entity.mentions:
                spans.setdefault(m.article, {})[m.start, m.end] = entity
        index = self.story_index() if installed("nlp") else None  # stories need the nlp extra's morphology
        if self.scratch:
            self._number_copies(analysis.articles, spans)
            run_tables.keep_arrival(self.db, analysis.articles)
        ordered = sorted(analysis.articles, key=article_order)
        if index is not None and observe_first:
            return self._add_observed(ordered, spans, index)
        return [article for article in ordered if self.add(article, spans.get(article.id, {}), index)]

    def _number_copies(self, articles: list[Article], spans: dict[str, dict[tuple[int, int], Entity]]) -> None:
        """A run's own store keeps every input, as ``dedupe`` does in memory: content read again is one more
        record, ``<id>-2``, ``<id>-3``..., which the near-duplicate check then marks as a copy of the first."""
        taken: set[str] = set()
        for article in articles:
            base = article.id
            if base not in taken and not self.has(base):
                taken.add(base)
                continue
            n = 2
            while f"{base}-{n}" in taken or self.has(f"{base}-{n}"):
                n += 1
            rename(article, f"{base}-{n}")
            taken.add(article.id)
            spans[article.id] = spans.get(base, {})

    def _add_observed(self, ordered: list[Article], spans: dict[str, dict[tuple[int, int], Entity]],
                      index: StoredStoryIndex) -> list[Article]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            added = [article for article in ordered if self._insert(article, spans.get(article.id, {}))]
            index_articles(added, index, {a.id: [(s, e, entity.id) for (s, e), entity in spans.get(a.id, {}).items()]
                                          for a in added})
            index.flush()
            self._keep_sentences(added)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            index.forget()
            raise
        return added

    def story_index(self) -> StoredStoryIndex:
        return StoredStoryIndex(self.db)

    def _add_findings(self, article: Article, entities: dict[tuple[int, int], Entity]) -> None:
        rows = []
        for m in article.mentions:
            entity = entities.get((m.start, m.end))
            rows.append((article.id, entity.id if entity else None, m.start, m.end, m.text, m.type, m.lemma))
            if entity:
                self._keep_entity(entity)
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self.db.executemany(
            f"INSERT INTO quotes ({', '.join(_QUOTE_COLUMNS)}) VALUES ({', '.join('?' * len(_QUOTE_COLUMNS))})",
            [(q.article, q.speaker, q.speaker_text, q.kind, q.text, q.start, q.end, q.cue, q.speaker_start,
              q.speaker_end, json.dumps(q.rules)) for q in article.quotes],
        )

    def _keep_entity(self, entity: Entity) -> None:
        """An entity row keeps its id; its name becomes the more complete one (more words) of old and new."""
        row = self.db.execute("SELECT name FROM entities WHERE id = ?", (entity.id,)).fetchone()
        if row is None:
            self.db.execute("INSERT INTO entities VALUES (?, ?, ?)", (entity.id, entity.name, entity.type))
        elif len(entity.name.split()) > len(str(row[0]).split()):
            self.db.execute("UPDATE entities SET name = ? WHERE id = ?", (entity.name, entity.id))

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


    # -- what the analysis found ------------------------------------------------------------------------
    def sentences_of(self, article: Article) -> list[Sentence]:
        """The article's analysed sentences: as the story index got them in a scratch store, else split now."""
        kept = run_tables.kept_sentences(self.db, article) if self.scratch else None
        return kept if kept is not None else sentences(article)

    def with_findings(self, article: Article) -> Article:
        """Fill ``article.mentions`` and ``article.quotes`` from the store."""
        article.mentions = [Mention(article.id, s, e, t, k, lm) for s, e, t, k, lm in self.db.execute(
            "SELECT start, end, text, type, lemma FROM mentions WHERE article = ? ORDER BY start", (article.id,))]
        article.quotes = [_quote(row) for row in self.db.execute(
            f"SELECT {', '.join(_QUOTE_COLUMNS)} FROM quotes WHERE article = ? ORDER BY start", (article.id,))]
        return article

    def story_ids(self, limit: int | None = None) -> list[str]:
        """Stories, largest first (ties: the earliest opened first)."""
        sql = "SELECT story FROM story_members GROUP BY story ORDER BY count(*) DESC, min(rowid)"
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        return [str(r[0]) for r in rows]

    def current_story(self, story_id: str) -> str:
        """The id a story has now: a story merged into another answers with the one that took it in."""
        row = self.db.execute("SELECT story FROM story_aliases WHERE id = ?", (story_id,)).fetchone()
        return str(row[0]) if row else story_id

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM story_members WHERE article = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def analysis(self, story_ids: list[str]) -> Analysis:
        """The stored articles of these stories with their entities, quotes and stories (members and the
        evidence that put them there), ready for ``describe_stories``."""
        from syuzhet.pipeline import Analysis

        result = Analysis()
        found: dict[str, Entity] = {}
        for sid in story_ids:
            rows = self.db.execute("SELECT article, link FROM story_members WHERE story = ? ORDER BY rowid",
                                   (sid,)).fetchall()
            members = [a for a in (self.get(str(r[0])) for r in rows) if a is not None]
            for article in members:
                result.articles.append(self.with_findings(article))
                result.quotes += article.quotes
            for entity, name, etype, article, start, end, text, kind, lemma in self.db.execute(
                    "SELECT m.entity, coalesce(e.name, m.text), coalesce(e.type, m.type), m.article, m.start, m.end, "
                    "m.text, m.type, m.lemma FROM mentions m LEFT JOIN entities e ON e.id = m.entity "
                    "WHERE m.entity IS NOT NULL AND m.article IN (SELECT article FROM story_members WHERE story = ?) "
                    "ORDER BY m.article, m.start", (sid,)):
                found.setdefault(entity, Entity(entity, name, etype)).mentions.append(
                    Mention(article, start, end, text, kind, lemma))
            ordered = sorted(members, key=lambda a: (*article_order(a), a.id))
            result.stories.append(Story(sid, None, [a.id for a in ordered],
                                        explain=[json.loads(r[1]) for r in rows]))
        result.entities = sorted(found.values(), key=lambda e: e.id)
        return result

    def entity_mentions(self) -> Iterator[MentionRow]:
        """``views.MentionRow`` per entity, article and written form (a light article: id/source/outlet/url)."""
        return mention_rows(self.db)


def mention_rows(db: sqlite3.Connection, entity_id: str | None = None) -> Iterator[MentionRow]:
    """``views.MentionRow`` per entity, article and written form, counted by SQLite (one entity, or all): the
    rows ``views.count_mentions`` takes. One light article (id, source, outlet, url) per article."""
    where, params = ("WHERE m.entity = ?", (entity_id,)) if entity_id else ("", ())
    sql = ("SELECT e.id, e.name, e.type, m.text, a.id, a.source, a.outlet, a.url, count(*) FROM mentions m "
           f"JOIN entities e ON e.id = m.entity JOIN articles a ON a.id = m.article {where} "
           "GROUP BY e.id, a.id, m.text")
    light: dict[str, Article] = {}
    for eid, name, kind, text, aid, source, outlet, url, n in db.execute(sql, params):
        article = light.get(aid)
        if article is None:
            article = light[aid] = Article(source=source, raw="", id=aid, outlet=outlet, url=url)
        yield eid, name, kind, text, article, int(n)


def _reader(path: Path) -> sqlite3.Connection:
    """A connection that cannot write; on a read-only folder, where SQLite cannot make the WAL index file,
    the file is opened as immutable (no one can be writing to it there)."""
    if not path.exists():
        raise StoreError(f"{path}: no such store")
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            db.close()
            db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                 check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: not a usable syuzhet store ({err})") from err
    return db


def _fts_query(query: str) -> str:
    """Words become prefix terms ('Кулаев' finds 'Кулаева'); FTS syntax (quotes, AND/OR) is kept as is."""
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


def _quote(row: tuple[object, ...]) -> Quote:
    record = dict(zip(_QUOTE_COLUMNS, row, strict=True))
    record["rules"] = json.loads(str(record["rules"]))
    return Quote(**record)  # type: ignore[arg-type]
