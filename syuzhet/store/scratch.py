"""What a run's own store keeps beyond a user's store (``Store(path, scratch=True)``: ``analyze`` streams into
one and writes its output from it): each article's analysed sentences, so that the dossier reads the sentences
the story index was given instead of splitting the text again, the order the articles came in (the output lists
them in input order) and the inputs the run skipped.

Sentences are kept compactly: per article, its distinct words once and each sentence as (start, end, kind,
language, word numbers); a sentence's text is its span of the article's text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from syuzhet.model import Article
from syuzhet.problems import Problem
from syuzhet.stories.text import Sentence, Word

DDL = """
CREATE TABLE IF NOT EXISTS sentences (article TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS arrival (seq INTEGER PRIMARY KEY, article TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS skipped (rowid INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,
                                    skipped INTEGER NOT NULL);
"""


def pack(sents: list[Sentence]) -> str:
    words: dict[Word, int] = {}
    rows = [[s.start, s.end, s.kind, s.lang, [words.setdefault(w, len(words)) for w in s.words]] for s in sents]
    return json.dumps([[[w.key, w.pos, w.name, w.tense, w.listed] for w in words], rows], ensure_ascii=False,
                      separators=(",", ":"))


def unpack(data: str, article: Article) -> list[Sentence]:
    table, rows = json.loads(data)
    words = [Word(*w) for w in table]
    return [Sentence(article.id, start, end, article.text[start:end].strip(), kind, lang, [words[i] for i in ix])
            for start, end, kind, lang, ix in rows]


def keep_sentences(db: sqlite3.Connection, article: Article, sents: list[Sentence]) -> None:
    db.execute("INSERT OR REPLACE INTO sentences VALUES (?, ?)", (article.id, pack(sents)))


def kept_sentences(db: sqlite3.Connection, article: Article) -> list[Sentence] | None:
    row = db.execute("SELECT data FROM sentences WHERE article = ?", (article.id,)).fetchone()
    return unpack(str(row[0]), article) if row else None


def keep_arrival(db: sqlite3.Connection, articles: list[Article]) -> None:
    """Note the input order of ``articles`` (a repeat keeps its first place)."""
    db.executemany("INSERT OR IGNORE INTO arrival (article) VALUES (?)", [(a.id,) for a in articles])


def arrived(db: sqlite3.Connection) -> Iterator[str]:
    """Ids of the stored articles in input order."""
    for (article,) in db.execute("SELECT o.article FROM arrival o JOIN articles a ON a.id = o.article ORDER BY o.seq"):
        yield str(article)


def keep_problem(db: sqlite3.Connection, problem: Problem) -> None:
    db.execute("INSERT INTO skipped (source, reason, skipped) VALUES (?, ?, ?)",
               (problem.source, problem.reason, int(problem.skipped)))


def problems(db: sqlite3.Connection) -> Iterator[Problem]:
    for source, reason, skipped in db.execute("SELECT source, reason, skipped FROM skipped ORDER BY rowid"):
        yield Problem(str(source), str(reason), skipped=bool(skipped))
