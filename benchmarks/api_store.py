"""A large store for the API load test, built from SlavicNER (read at run time from ../shared, never
committed). Every base article is analysed once by the real pipeline (article stages, then entity linking
and quote attribution as ``ingest`` does); then rounds of disguised copies are stored through
``Store.add_analysis`` until the store holds the stories asked for.

A copy keeps its names (entity mentions stay where they were, linked to the same entities) and its quotes,
while every other letter is rotated by an amount that depends on the round (so copies are not near-duplicates
of each other), and gets a date drawn from that round's own year (so a round's articles of one topic form
small stories, as a real year of news does, and rounds never share a story)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

from syuzhet.dedupe import content_id
from syuzhet.model import Article, Entity
from syuzhet.pipeline import STORE_STAGES, Analysis, analyze
from syuzhet.store import Store

_ALPHABETS = ("абвгдежзийклмнопрстуфхцчшщъыьэюя", "abcdefghijklmnopqrstuvwxyz", "іїєґ")


def base_analysis(shared: Path) -> Analysis:
    raw = shared / "corpus" / "slavicner" / "raw"
    files = sorted(str(p) for p in raw.glob("*/*/*.txt") if p.parent.name in ("ru", "uk"))
    return analyze(files, batch_stages=STORE_STAGES)


def _rotate(ch: str, shift: int) -> str:
    for alphabet in _ALPHABETS:
        low = ch.lower()
        if low in alphabet:
            moved = alphabet[(alphabet.index(low) + shift) % len(alphabet)]
            return moved.upper() if ch.isupper() else moved
    return ch


def disguise(article: Article, round_no: int, rng: random.Random) -> Article:
    keep = [False] * len(article.text)
    for m in article.mentions:
        keep[m.start:m.end] = [True] * (m.end - m.start)
    step = 1 + round_no % 29
    text = "".join(ch if keep[i] else _rotate(ch, step + (i // 7) * (round_no // 29)) for i, ch in
                   enumerate(article.text))
    day = dt.date(2000 + round_no, 1, 1) + dt.timedelta(days=rng.randrange(365))
    copy = Article(source=f"{article.source}~{round_no}", raw="", lang=article.lang, date=day.isoformat(),
                   title="".join(_rotate(ch, step) for ch in article.title) if article.title else None,
                   text=text, blocks=list(article.blocks), outlet=article.outlet, url=article.url)
    copy.id = content_id(copy)
    copy.mentions = [dataclasses.replace(m, article=copy.id) for m in article.mentions]
    copy.quotes = [dataclasses.replace(q, article=copy.id) for q in article.quotes]
    return copy


def copy_round(base: Analysis, round_no: int) -> Analysis:
    rng = random.Random(round_no)
    copies = {a.id: disguise(a, round_no, rng) for a in base.articles}
    entities = [Entity(e.id, e.name, e.type, [dataclasses.replace(m, article=copies[m.article].id)
                                               for m in e.mentions if m.article in copies]) for e in base.entities]
    return Analysis(articles=list(copies.values()), entities=entities)


def build(path: Path, shared: Path, stories: int, log: bool = True) -> tuple[int, int]:
    """Add rounds of copies to the store at ``path`` until it holds ``stories`` stories; (articles, stories)."""
    with Store(path) as store:
        count = len(store.story_ids())
        if count >= stories:
            return store.count(), count
        base = base_analysis(shared)
        round_no = int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0]) // max(1, len(base.articles))
        while count < stories:
            store.add_analysis(copy_round(base, round_no))
            count = len(store.story_ids())
            if log:
                print(f"round {round_no}: {store.count()} articles, {count} stories", flush=True)
            round_no += 1
        return store.count(), count


def keep_dossiers(path: Path, log: bool = True) -> int:
    """Keep every story's dossier in the store, as the service's ingest worker does while idle (the state of a
    server that has been up a while); the number computed (0 when all were current)."""
    from syuzhet.api import writer

    writer._open(str(path))
    done = 0
    while kept := writer.fill_dossiers(seconds=30):
        done += kept
        if log:
            print(f"dossiers kept: {done}", flush=True)
    return done
