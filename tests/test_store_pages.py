"""Story listings read from the precomputed story rows (``syuzhet.store.summaries``) page for page as a plain
count of the members would: random stores whose members arrive between pages, compared with a reference
computed here in Python, with and without the precomputed rows, and the rows filled on open equal to the
rows the trigger kept."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from syuzhet.store import Store, summaries
from syuzhet.store.pages import Sort, StoryFilter, snapshot, story_page
from syuzhet.store.search_pages import article_snapshot, search_page


@dataclass
class Member:
    row: int
    story: str
    article: str
    date: str | None
    lang: str
    title: str | None


def add(db: sqlite3.Connection, rng: random.Random, members: list[Member], stories: list[str]) -> None:
    """One article as the writer stores it (the article row, then its member row, in one transaction) into a
    new story or, more often, an existing one."""
    n = len(members)
    story = stories[rng.randrange(len(stories))] if stories and rng.random() < 0.6 else f"s{n:04d}"
    if story not in stories:
        stories.append(story)
    date = None if rng.random() < 0.15 else f"2025-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
    title = None if rng.random() < 0.3 else f"title {n}"
    lang = rng.choice(["ru", "uk", "kk", "en"])
    db.execute("BEGIN")
    db.execute("INSERT INTO articles (id, source, lang, date, title, text, blocks) VALUES (?, ?, ?, ?, ?, ?, '[]')",
               (f"a{n:04d}", f"x{n}", lang, date, title, "text"))
    cur = db.execute("INSERT INTO story_members (article, story, link, date, lang) VALUES (?, ?, '{}', ?, ?)",
                     (f"a{n:04d}", story, date, lang))
    db.execute("COMMIT")
    members.append(Member(int(cur.lastrowid or 0), story, f"a{n:04d}", date, lang, title))


def reference(members: list[Member], upto: int, sort: Sort, where: StoryFilter) -> list[tuple]:
    grouped: dict[str, list[Member]] = {}
    for m in members:
        if m.row <= upto:
            grouped.setdefault(m.story, []).append(m)
    rows = []
    for story, ms in grouped.items():
        dates = [m.date for m in ms if m.date]
        first, last = (min(dates), max(dates)) if dates else (None, None)
        if where.lang and all(m.lang != where.lang for m in ms):
            continue
        if where.since and not (last and last[:10] >= where.since):
            continue
        if where.until and not (first and first[:10] <= where.until):
            continue
        langs: dict[str, int] = {}
        for m in ms:
            langs[m.lang] = langs.get(m.lang, 0) + 1
        title = next((m.title for m in ms if m.title), None)
        rows.append((story, len(ms), first, last, ms[0].row, title,
                     dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])))))
    if sort == "size":
        return sorted(rows, key=lambda r: (-r[1], r[4]))
    return sorted(rows, key=lambda r: ((r[3] or "")[:10], r[4]), reverse=True)


def forget_rows(db: sqlite3.Connection) -> None:
    db.execute("DROP TRIGGER story_rows_grow")
    db.execute("DROP TRIGGER story_rows_shrink")
    db.execute(f"DROP TABLE {summaries.TABLE}")


FILTERS = [StoryFilter(), StoryFilter(lang="uk"), StoryFilter(since="2025-02-15"), StoryFilter(until="2025-02-01"),
           StoryFilter(since="2025-01-20", until="2025-03-01", lang="ru")]


@pytest.mark.parametrize("rows_kept", [True, False])
@pytest.mark.parametrize("seed", range(4))
def test_pages_match_a_plain_count_while_members_arrive(tmp_path: Path, seed: int, rows_kept: bool) -> None:
    rng = random.Random(seed)
    members: list[Member] = []
    stories: list[str] = []
    with Store(tmp_path / "s.db") as store:
        db = store.db
        if not rows_kept:
            forget_rows(db)  # a store last written by an older syuzhet
        for _ in range(rng.randint(20, 60)):
            add(db, rng, members, stories)
        for where in FILTERS:
            for sort in ("size", "recent"):
                upto = snapshot(db)
                seen, after = [], None
                while True:
                    page = story_page(db, upto, sort, where, after, rng.randint(1, 7))
                    seen += page
                    for _ in range(rng.randint(0, 3)):
                        add(db, rng, members, stories)  # arrivals between pages change nothing listed
                    if not page:
                        break
                    after = page[-1].key(sort)
                got = [(r.id, r.size, r.first, r.last, r.opened, r.title, r.langs) for r in seen]
                assert got == reference(members, upto, sort, where), (where, sort)


def test_rows_filled_on_open_equal_the_rows_the_trigger_kept(tmp_path: Path) -> None:
    rng = random.Random(9)
    members: list[Member] = []
    stories: list[str] = []
    with Store(tmp_path / "s.db") as store:
        for _ in range(80):
            add(store.db, rng, members, stories)
        kept = store.db.execute(f"SELECT * FROM {summaries.TABLE} ORDER BY story").fetchall()
        forget_rows(store.db)
    with Store(tmp_path / "s.db") as store:
        assert store.db.execute(f"SELECT * FROM {summaries.TABLE} ORDER BY story").fetchall() == kept
        add(store.db, rng, members, stories)  # and the trigger is back
        assert store.db.execute(f"SELECT sum(size) FROM {summaries.TABLE}").fetchone()[0] == len(members)


def test_search_pages_see_one_snapshot(tmp_path: Path) -> None:
    rng = random.Random(3)
    words = ["alpha", "beta", "gamma", "delta"]

    def article(n: int) -> None:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 30)))
        cur = store.db.execute("INSERT INTO articles (id, source, lang, text, blocks) VALUES (?, ?, 'en', ?, '[]')",
                               (f"a{n:04d}", f"x{n}", text))
        store.db.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, '', ?)", (cur.lastrowid, text))

    with Store(tmp_path / "s.db") as store:
        for n in range(60):
            article(n)
        upto = article_snapshot(store.db)
        matching = [str(r[0]) for r in store.db.execute(
            "SELECT id FROM articles WHERE text LIKE '%gamma%' ORDER BY rowid DESC")]
        best = [h.article.id for h in search_page(store.db, "gamm", "rank", upto, None, 100).rows]
        for sort, expected in (("recent", matching), ("rank", best)):
            seen: list[str] = []
            after = None
            more = True
            while more:
                page = search_page(store.db, "gamm", sort, upto, after, rng.randint(1, 6))
                seen += [h.article.id for h in page.rows]
                after, more = page.rows[-1].key() if page.rows else after, page.more
                if sort == "recent":
                    article(len(seen) + 1000)  # arrivals after the first page are never listed
            assert seen == expected, sort
        assert len(matching) > 10


def test_rows_follow_a_merge(tmp_path: Path) -> None:
    """A story merged into another loses its members (written again, as new rows, under the story that took it
    in, as the story index does): its row goes, the other's is recounted, as rows filled afresh would be."""
    rng = random.Random(5)
    members: list[Member] = []
    stories: list[str] = []
    with Store(tmp_path / "s.db") as store:
        db = store.db
        for _ in range(60):
            add(db, rng, members, stories)
        sizes = db.execute(f"SELECT story FROM {summaries.TABLE} ORDER BY size DESC, story").fetchall()
        keep, gone = str(sizes[0][0]), str(sizes[1][0])
        db.execute("BEGIN")
        moved = db.execute("SELECT article, date, lang FROM story_members WHERE story = ? ORDER BY rowid",
                           (gone,)).fetchall()
        db.execute("DELETE FROM story_members WHERE story = ?", (gone,))
        for article, date, lang in moved:
            db.execute("INSERT INTO story_members (article, story, link, date, lang) VALUES (?, ?, '{}', ?, ?)",
                       (article, keep, date, lang))
        db.execute("COMMIT")
        kept = db.execute(f"SELECT * FROM {summaries.TABLE} ORDER BY story").fetchall()
        assert gone not in {r[0] for r in kept} and len(kept) == len(set(stories)) - 1
        forget_rows(db)
    with Store(tmp_path / "s.db") as store:  # filled afresh from the members
        assert store.db.execute(f"SELECT * FROM {summaries.TABLE} ORDER BY story").fetchall() == kept
