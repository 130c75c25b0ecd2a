"""The service's ingest worker, in this process (the functions the worker process runs): the streaming flow
with the per-article time limit, per-item answers, and the dossiers it keeps in the store, never served once
their story has grown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from syuzhet.api import writer
from syuzhet.api.dossiers import Dossiers, dossier_json
from syuzhet.store import Store, kept_dossiers
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared()


@pytest.fixture()
def worker(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "store.db"
    writer._open(str(db))
    yield db
    assert writer._store is not None
    writer._store.close()
    writer._store = None


def seed(n: int) -> bytes:
    return sorted(SEEDS.glob("*.txt"))[n].read_bytes()


def test_each_article_gets_the_time_limit(worker: Path) -> None:
    writer._open(str(worker), max_seconds=1e-6)  # a limit no article's stages can meet
    items = writer.ingest("slow.txt", seed(0), "text")
    assert [i["status"] for i in items] == ["skipped"] and "processing stopped" in items[0]["reason"]
    writer._open(str(worker))
    again = writer.ingest("slow.txt", seed(0), "text")
    assert [i["status"] for i in again] == ["added"] and again[0]["story_created"]


def test_items_answered_in_order_repeats_stored(worker: Path) -> None:
    text = seed(1).decode("utf-8")
    body = json.dumps([{"text": text}, {"text": "short"}, {"text": text}], ensure_ascii=False).encode("utf-8")
    items = writer.ingest("list.json", body, "jsonl")
    assert [i["status"] for i in items] == ["added", "skipped", "stored"]
    assert items[0]["id"] == items[2]["id"] and items[0]["story"] == items[2]["story"]
    assert [i["status"] for i in writer.ingest("list.json", body, "jsonl")] == ["stored", "skipped", "stored"]


def test_kept_dossiers_are_served_only_while_current(worker: Path) -> None:
    first = writer.ingest("a.txt", seed(2), "text")[0]
    assert writer.fill_dossiers() == 1 and writer.fill_dossiers() == 0  # kept once, then nothing left to do
    with Store(worker, read_only=True) as store:
        version = kept_dossiers.version(store.db, first["story"])
        assert version == (1, 1)
        kept = kept_dossiers.kept(store.db, first["story"], *version)
        assert kept is not None and kept == Dossiers().dossier(store, first["story"]) == dossier_json(
            store, first["story"])
    text = seed(2).decode("utf-8")
    reprint = text.replace("\n\n", "\n\nЭто перепечатка.\n\n", 1)  # a near-duplicate joins its original's story
    second = writer.ingest("b.txt", reprint.encode("utf-8"), "text")[0]
    assert second["status"] == "added" and second["duplicate_of"] == first["id"]
    assert second["story"] == first["story"]
    with Store(worker, read_only=True) as store:
        assert kept_dossiers.stale(store.db, 10) == [(first["story"], 2, 2)]
        served = json.loads(Dossiers().dossier(store, first["story"]) or b"{}")
        assert sorted(served["articles"]) == sorted([first["id"], second["id"]])  # not the kept one-article one
    assert writer.fill_dossiers() == 1
    with Store(worker, read_only=True) as store:
        assert json.loads(kept_dossiers.kept(store.db, first["story"], 2, 2) or b"{}") == served


def test_kept_dossiers_belong_to_the_code_that_made_them(worker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = writer.ingest("a.txt", seed(3), "text")[0]["story"]
    assert writer.fill_dossiers() == 1
    with Store(worker, read_only=True) as store:
        assert kept_dossiers.usable(store.db)
    monkeypatch.setattr(kept_dossiers, "code_stamp", lambda: "other code")  # as after an upgrade
    with Store(worker, read_only=True) as store:
        assert not kept_dossiers.usable(store.db)  # a reader of other code computes the dossier itself
        assert Dossiers().dossier(store, story) == dossier_json(store, story)
    Store(worker).close()  # a writer of other code empties the table and notes its own fingerprint
    with Store(worker, read_only=True) as store:
        assert kept_dossiers.usable(store.db)
        assert store.db.execute("SELECT count(*) FROM kept_dossiers").fetchone()[0] == 0
    assert writer.fill_dossiers() == 1  # the worker makes it again
