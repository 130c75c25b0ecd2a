"""The SQLite store: idempotent ingest, resume after a kill, search, duplicates across runs, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from syuzhet.model import Article
from syuzhet.pipeline import process
from syuzhet.store import Store, StoreError

BODY = [
    "Президент Казахстана прибыл в Москву с государственным визитом и провёл переговоры в Кремле.",
    "Стороны подписали декларацию о всеобъемлющем стратегическом партнёрстве и союзничестве.",
    "Кроме того, были подписаны соглашения о сотрудничестве в энергетике, транспорте и образовании.",
    "Отдельно обсуждалось строительство атомной электростанции и поставки газа в северные регионы.",
]


def make(source: str, title: str, body: list[str], date: str = "2025-11-12") -> Article:
    result = process(Article(source=source, raw=f"{title}\n\n" + "\n\n".join(body)))
    result.date = date
    return result


def test_ingest_is_idempotent_and_survives_reopen(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = make("a.txt", "Кулаев прибыл в Москву", BODY)
    with Store(db) as store:
        assert store.add(first) is True
        assert store.add(make("a.txt", "Кулаев прибыл в Москву", BODY)) is False
    with Store(db) as store:
        assert store.count() == 1
        stored = store.get(first.id)
        assert stored is not None and stored.text == first.text and stored.blocks == first.blocks


def test_near_duplicate_across_runs_and_earlier_copy_wins(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        later = make("later.txt", "Кулаев в Москве", BODY, "2025-11-13")
        store.add(later)
        earlier = make("earlier.txt", "Визит Кулаева в Москву", BODY[:3], "2025-11-11")
        store.add(earlier)
        assert earlier.duplicate_of is None
        assert store.root_of(later.id) == earlier.id
        third = make("third.txt", "Декларация подписана", BODY, "2025-11-14")
        store.add(third)
        assert third.duplicate_of == earlier.id


def test_killed_ingest_leaves_no_partial_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    good = make("a.txt", "Кулаев прибыл в Москву", BODY)
    victim = make("b.txt", "Футбол: Кайрат победил", [s.replace("Президент", "Тренер") for s in BODY[::-1]])
    with Store(db) as store:
        store.add(good)
        original = store.db.executemany

        def die(sql: str, rows: object) -> sqlite3.Cursor:
            if "INSERT INTO bands" in sql:
                raise KeyboardInterrupt  # the process is stopped mid-article
            return original(sql, rows)  # type: ignore[arg-type]

        monkeypatch.setattr(store, "db", _Proxy(store.db, die))
        with pytest.raises(KeyboardInterrupt):
            store.add(victim)
    with Store(db) as store:
        assert store.count() == 1 and not store.has(victim.id)
        assert store.search("Тренер") == []
        assert store.add(victim) is True  # the next run resumes
        assert store.count() == 2


class _Proxy:
    def __init__(self, db: sqlite3.Connection, executemany: object) -> None:
        self._db, self.executemany = db, executemany

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)


def test_search_matches_inflected_forms(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(make("a.txt", "Кулаев прибыл в Москву", BODY))
        hits = store.search("Кремл")
        assert len(hits) == 1 and "[" in hits[0].snippet
        assert store.search("декларац союзничеств")
        assert store.search("несуществующееслово") == []
        with pytest.raises(StoreError):
            store.search('"unbalanced')


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable syuzhet store"):
        Store(bad)
    assert bad.read_bytes() == b"this is not sqlite" * 100  # nothing overwritten


def test_stories_grow_in_the_store_with_stable_ids(tmp_path: Path) -> None:
    """Articles added in separate runs join the stored story; its id and its first members stay; an
    unrelated article opens a story of its own."""
    from syuzhet.entities import link_entities
    from syuzhet.pipeline import Analysis

    db = tmp_path / "s.db"
    summit = [make(f"{n}.txt", title, body, f"2025-11-1{n}") for n, (title, body) in enumerate([
        ("Кулаев прибыл в Москву", BODY),
        ("Кулаев и Путин провели переговоры в Кремле", [
            "Асан-Жомарт Кулаев и Владимир Путин провели переговоры в Кремле в узком и расширенном составе.",
            "Президенты подписали декларацию о стратегическом партнёрстве и союзничестве Казахстана и России.",
            "Путин назвал Казахстан ближайшим союзником, Кулаев пригласил его посетить Астану в следующем году.",
        ]),
        ("Итоги визита Кулаева в Москву", [
            "Визит Асан-Жомарта Кулаева в Москву завершился подписанием более десяти документов.",
            "Эксперты отмечают, что декларация о союзничестве закрепляет уровень отношений Казахстана и России.",
            "Следующая встреча Кулаева и Путина ожидается на саммите ЕАЭС в Астане.",
        ]),
    ])]
    other = make("flood.txt", "Паводок в Актюбинской области", [
        "Уровень воды в реке Илек поднялся за сутки на два метра, эвакуированы жители трёх сёл.",
        "Спасатели МЧС Казахстана укрепляют дамбы, в Актобе открыты пункты временного размещения.",
        "Синоптики прогнозируют дожди до конца недели, паводковая обстановка остаётся напряжённой.",
    ], "2025-11-12")
    ids = []
    for article in [*summit, other]:
        with Store(db) as store:
            analysis = Analysis(articles=[article])
            link_entities(analysis)
            assert [a.id for a in store.add_analysis(analysis)] == [article.id]
            ids.append(store.story_of(article.id))
    assert ids[0] == ids[1] == ids[2] != ids[3]
    with Store(db) as store:
        assert store.story_ids() == [ids[0], ids[3]]
        loaded = store.analysis([ids[0]])
        [story] = loaded.stories
        assert story.articles == [a.id for a in summit]
        assert [link["rule"] for link in story.explain] == ["opened", "joined", "joined"]
        assert any(e.name == "Кулаев" or e.name.endswith("Кулаев") for e in loaded.entities)
        stored = {a.id: a for a in loaded.articles}[summit[0].id]
        assert [(m.start, m.end, m.type) for m in stored.mentions] == [
            (m.start, m.end, m.type) for m in summit[0].mentions]


def test_killed_ingest_leaves_no_partial_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add(make("a.txt", "Кулаев прибыл в Москву", BODY), stories=store.story_index())
        victim = make("b.txt", "Кулаев провёл переговоры в Москве", BODY[::-1], "2025-11-13")
        index = store.story_index()
        original = index.flush

        def die() -> None:
            original()
            raise KeyboardInterrupt  # stopped after the story rows were written, before the commit

        monkeypatch.setattr(index, "flush", die)
        with pytest.raises(KeyboardInterrupt):
            store.add(victim, stories=index)
    with Store(db) as store:
        assert store.count() == 1 and store.story_of(victim.id) is None
        assert store.db.execute("SELECT count(*) FROM mentions WHERE article = ?", (victim.id,)).fetchone()[0] == 0
        assert store.add(victim, stories=store.story_index()) is True
        assert store.story_of(victim.id) == store.story_ids()[0]


def test_a_dropped_story_index_is_freed_without_the_cycle_collector(tmp_path: Path) -> None:
    """A story index (one per stored chunk) holds every story it loaded: dropped, it must go at once, not wait
    for the cyclic garbage collector, which long runs call rarely (``syuzhet.engine.collector``)."""
    import gc
    import weakref

    with Store(tmp_path / "s.db") as store:
        article = make("a.txt", "Кулаев прибыл в Москву", BODY)
        store.add(article, stories=store.story_index())
        gc.disable()
        try:
            index = store.story_index()
            assert index.stories[index.story_of[article.id]].members  # a story loaded into the index
            gone = weakref.ref(index)
            del index
            assert gone() is None
        finally:
            gc.enable()
