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
    first = make("a.txt", "Токаев прибыл в Москву", BODY)
    with Store(db) as store:
        assert store.add(first) is True
        assert store.add(make("a.txt", "Токаев прибыл в Москву", BODY)) is False
    with Store(db) as store:
        assert store.count() == 1
        stored = store.get(first.id)
        assert stored is not None and stored.text == first.text and stored.blocks == first.blocks


def test_near_duplicate_across_runs_and_earlier_copy_wins(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        later = make("later.txt", "Токаев в Москве", BODY, "2025-11-13")
        store.add(later)
        earlier = make("earlier.txt", "Визит Токаева в Москву", BODY[:3], "2025-11-11")
        store.add(earlier)
        assert earlier.duplicate_of is None
        assert store.root_of(later.id) == earlier.id
        third = make("third.txt", "Декларация подписана", BODY, "2025-11-14")
        store.add(third)
        assert third.duplicate_of == earlier.id


def test_killed_ingest_leaves_no_partial_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    good = make("a.txt", "Токаев прибыл в Москву", BODY)
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
        store.add(make("a.txt", "Токаев прибыл в Москву", BODY))
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
