"""The API under concurrent writes: story pages that never skip or repeat while articles arrive, a changes
feed that hands over exactly what arrived, and a ``kill -9`` during ingest that loses nothing acknowledged."""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from syuzhet.api import cursors
from syuzhet.store import Store
from tests.api_server import Server, serving
from tests.conftest import SHARED, needs_shared
from tests.test_api import make_token

pytestmark = needs_shared()
RAW = SHARED / "corpus" / "slavicner" / "raw"
TOPICS = ("brexit", "nord_stream", "ryanair", "asia_bibi")


def files(lang: str, start: int, count: int) -> list[Path]:
    """``count`` files per topic, from the ``start``-th, topics interleaved."""
    per_topic = [sorted((RAW / t / lang).glob("*.txt"))[start:start + count] for t in TOPICS]
    return [f for group in zip(*per_topic, strict=False) for f in group]


def as_jsonl(paths: list[Path]) -> bytes:
    return "\n".join(json.dumps({"text": p.read_text(encoding="utf-8"), "url": f"https://{p.parent.parent.name}"
                                 f".example/{p.name}"}, ensure_ascii=False) for p in paths).encode("utf-8")


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("concurrent")
    token = make_token(folder / "tokens")
    with serving(folder / "store.db", "--token-file", str(folder / "tokens"), "--rate", "0", ready=True) as server:
        yield server, {"Authorization": f"Bearer {token}"}


def post(client: httpx.Client, auth: dict[str, str], paths: list[Path]) -> list[dict]:
    reply = client.post("/v1/articles", content=as_jsonl(paths),
                        headers={**auth, "Content-Type": "application/x-ndjson"})
    assert reply.status_code == 200, reply.text
    return list(reply.json()["items"])


def snapshot_sizes(db: Path, upto: int) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT story, count(*) FROM story_members WHERE rowid <= ? GROUP BY story", (upto,))
        return {str(s): int(n) for s, n in rows}


@pytest.mark.parametrize("sort", ["size", "recent"])
def test_pages_never_skip_or_repeat_while_ingesting(writer: tuple[Server, dict[str, str]], sort: str) -> None:
    server, auth = writer
    offset = 0 if sort == "size" else 9
    with server.client() as client:
        post(client, auth, files("ru", offset, 3))
        seen: list[dict] = []
        page = client.get("/v1/stories", params={"limit": 2, "sort": sort}).json()
        upto = cursors.decode(page["changes"])["after"]
        arriving = iter(files("ru", offset + 3, 6))
        while True:
            seen += page["stories"]
            post(client, auth, [next(arriving)])  # an article arrives between every two pages
            if not page["next"]:
                break
            page = client.get("/v1/stories", params={"limit": 2, "sort": sort, "cursor": page["next"]}).json()
        expected = snapshot_sizes(server.db, upto)
        ids = [s["id"] for s in seen]
        assert len(ids) == len(set(ids)) and set(ids) == set(expected) and len(ids) >= 6
        assert all(s["size"] == expected[s["id"]] for s in seen)
        keys = [(-s["size"],) if sort == "size" else ((s["last"] or "")[:10],) for s in seen]
        assert keys == (sorted(keys) if sort == "size" else sorted(keys, reverse=True))
        # what arrived after the listing is exactly what the changes feed hands over, once
        added_since = {r[0] for r in sqlite3.connect(f"file:{server.db}?mode=ro", uri=True).execute(
            "SELECT article FROM story_members WHERE rowid > ?", (upto,))}
        fed: list[str] = []
        after = page["changes"]
        while True:
            changes = client.get("/v1/changes", params={"after": after, "limit": 3}).json()
            if not changes["changes"]:
                break
            fed += [a for c in changes["changes"] for a in c["articles"]]
            after = changes["next"]
        assert len(fed) == len(set(fed)) and set(fed) == added_since and added_since


def test_changes_long_poll_wakes_on_ingest(writer: tuple[Server, dict[str, str]]) -> None:
    server, auth = writer
    with server.client() as client:
        after = client.get("/v1/stories", params={"limit": 1}).json()["changes"]
        empty = client.get("/v1/changes", params={"after": after, "wait": 0.3}).json()
        assert empty["changes"] == [] and empty["next"] == after
        result: dict[str, dict] = {}

        def poll() -> None:
            with server.client() as other:
                result["reply"] = other.get("/v1/changes", params={"after": after, "wait": 30}).json()

        waiting = threading.Thread(target=poll)
        waiting.start()
        time.sleep(0.5)
        added = post(client, auth, files("uk", 0, 1))
        waiting.join(timeout=60)
        woke = [a for c in result["reply"]["changes"] for a in c["articles"]]
        rest = client.get("/v1/changes", params={"after": result["reply"]["next"]}).json()["changes"]
        new = [i["id"] for i in added if i["status"] == "added"]
        assert woke and woke + [a for c in rest for a in c["articles"]] == new  # woken by the first commit


def test_changes_as_server_sent_events(writer: tuple[Server, dict[str, str]]) -> None:
    server, auth = writer
    with server.client() as client:
        after = client.get("/v1/stories", params={"limit": 1}).json()["changes"]
        events: list[tuple[str, list[str]]] = []  # (id, articles) per event
        expected: list[str] = []

        def follow() -> None:
            with server.client() as other, other.stream("GET", "/v1/changes", params={"after": after},
                                                         headers={"Accept": "text/event-stream"}) as reply:
                assert reply.headers["content-type"].startswith("text/event-stream")
                event_id = ""
                for line in reply.iter_lines():
                    if line.startswith("id: "):
                        event_id = line[4:]
                    elif line.startswith("data: "):
                        page = json.loads(line[6:])
                        assert page["next"] == event_id  # an event's id is the cursor after it
                        events.append((event_id, [a for c in page["changes"] for a in c["articles"]]))
                    if expected and sum(len(a) for _, a in events) >= len(expected):
                        return

        following = threading.Thread(target=follow, daemon=True)
        following.start()
        time.sleep(0.5)
        expected += [i["id"] for i in post(client, auth, files("uk", 3, 2)) if i["status"] == "added"]
        following.join(timeout=60)
        assert not following.is_alive() and expected
        streamed = [a for _, a in events for a in a]  # an event groups its commits' articles by story
        assert len(streamed) == len(set(streamed)) and set(streamed) == set(expected)  # each new article once
        # a client that reconnects with the last event id (as EventSource does) gets nothing twice
        resumed = client.get("/v1/changes", headers={"Last-Event-ID": events[-1][0]}).json()
        assert resumed["changes"] == [] and resumed["next"] == events[-1][0]
        first = client.get("/v1/changes", headers={"Last-Event-ID": events[0][0]}).json()
        assert sorted(a for c in first["changes"] for a in c["articles"]) == sorted(a for _, a in events[1:] for a in a)


def test_sigterm_closes_open_event_streams(tmp_path: Path) -> None:
    """An event stream lasts up to ten minutes; a stopped server closes it after a short grace, not then."""
    with serving(tmp_path / "store.db") as server:
        opened = threading.Event()

        def follow() -> None:
            with httpx.Client(base_url=server.url, timeout=None) as client, client.stream(
                    "GET", "/v1/changes", headers={"Accept": "text/event-stream"}) as reply:
                opened.set()
                with contextlib.suppress(httpx.RemoteProtocolError):  # the server closes it mid-stream
                    for _ in reply.iter_lines():
                        pass

        following = threading.Thread(target=follow, daemon=True)
        following.start()
        assert opened.wait(timeout=60)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=120)  # raises if the open stream still holds the server
        following.join(timeout=60)
        assert not following.is_alive()


def test_kill_9_during_ingest_loses_nothing_acknowledged(tmp_path: Path) -> None:
    token = make_token(tmp_path / "tokens")
    auth = {"Authorization": f"Bearer {token}"}
    db = tmp_path / "store.db"
    queue = files("uk", 1, 2)
    acknowledged: list[str] = []
    with serving(db, "--token-file", str(tmp_path / "tokens"), "--rate", "0") as server:

        def send() -> None:
            with server.client() as client:
                for path in queue:
                    try:
                        items = post(client, auth, [path])
                    except (httpx.HTTPError, AssertionError):
                        return
                    acknowledged.extend(i["id"] for i in items if i["status"] == "added")

        sender = threading.Thread(target=send)
        sender.start()
        while len(acknowledged) < 3 and sender.is_alive():
            time.sleep(0.02)
        server.kill(signal.SIGKILL)  # the server and its ingest worker, mid-request
        sender.join(timeout=60)
    assert 3 <= len(acknowledged) < len(queue)
    with Store(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert all(store.has(a) and store.story_of(a) for a in acknowledged)
        stored = store.count()
    with serving(db, "--read-only") as again, again.client() as client:  # the store serves again as it was
        assert client.get("/healthz").json()["articles"] == stored
        for article in acknowledged:
            assert client.get(f"/v1/articles/{article}").json()["story"]
