"""``syuzhet serve`` end to end: a real server (subprocess, loopback) over a real SQLite file. Ingest through
the API, every read endpoint, problem answers, auth, read-only mode, body and rate limits, CORS."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_server import Server, serving
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared()
PROBLEM = "application/problem+json"


def make_token(path: Path, name: str = "tests") -> str:
    made = subprocess.run([sys.executable, "-m", "syuzhet", "token", str(path), "--name", name],
                          capture_output=True, text=True, check=True)
    return made.stdout.strip()


@pytest.fixture(scope="module")
def token_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("tokens") / "tokens"
    return path, make_token(path)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, token_file: tuple[Path, str]) -> Iterator[tuple[Server, dict]]:
    """A server whose store holds the seeds, sent one per request as text bodies."""
    path, token = token_file
    db = tmp_path_factory.mktemp("api") / "store.db"
    with serving(db, "--token-file", str(path), "--rate", "0") as server, server.client() as client:
        answers = {}
        for seed in sorted(SEEDS.glob("*.txt")):
            reply = client.post("/v1/articles", params={"source": seed.name}, content=seed.read_bytes(),
                                headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"})
            assert reply.status_code == 200, reply.text
            answers[seed.name] = reply.json()
        yield server, answers


def test_ingest_answers_per_item_and_is_idempotent(seeded: tuple[Server, dict], token_file: tuple[Path, str]) -> None:
    server, answers = seeded
    items = [a["items"][0] for a in answers.values()]
    assert all(i["status"] == "added" and i["id"] and i["story"] for i in items)
    assert sum(bool(i["story_created"]) for i in items) == len({i["story"] for i in items})  # one opens each
    seed = sorted(SEEDS.glob("*.txt"))[0]
    with server.client(headers={"Authorization": f"Bearer {token_file[1]}"}) as client:
        again = client.post("/v1/articles", content=seed.read_bytes(), headers={"Content-Type": "text/plain"}).json()
        assert again["stored"] == 1 and again["added"] == 0
        mixed = client.post("/v1/articles", json=[{"title": "x"}, {"text": "too short"}, 7]).json()
        assert [i["status"] for i in mixed["items"]] == ["skipped"] * 3
        assert all(i["reason"] for i in mixed["items"])
        assert client.get("/healthz").json()["articles"] == len(answers)


def stories_of(answers: dict) -> dict[str, list[dict]]:
    """The items the ingest answers put in each story (whether the seeds make one story or more is the
    clustering's business, gated elsewhere), largest first."""
    grouped: dict[str, list[dict]] = {}
    for answer in answers.values():
        grouped.setdefault(answer["items"][0]["story"], []).append(answer["items"][0])
    return dict(sorted(grouped.items(), key=lambda kv: -len(kv[1])))


def test_story_listing_dossier_and_report(seeded: tuple[Server, dict]) -> None:
    server, answers = seeded
    grouped = stories_of(answers)
    story = next(iter(grouped))
    with server.client() as client:
        listing = client.get("/v1/stories").json()
        assert [(s["id"], s["size"]) for s in listing["stories"]] == [(k, len(v)) for k, v in grouped.items()]
        for row in listing["stories"]:
            langs = [i["lang"] for i in grouped[row["id"]]]
            assert row["languages"] == {lang: langs.count(lang) for lang in set(langs)}
        uk = {k for k, v in grouped.items() if any(i["lang"] == "uk" for i in v)}
        assert {s["id"] for s in client.get("/v1/stories", params={"lang": "uk"}).json()["stories"]} == uk
        assert client.get("/v1/stories", params={"lang": "kk"}).json()["stories"] == []
        assert client.get("/v1/stories", params={"q": "Токаев", "since": "2025-11-01"}).json()["stories"]
        assert client.get("/v1/stories", params={"until": "2025-01-01"}).json()["stories"] == []
        assert client.get("/v1/stories", params={"entity": "PER-tokaev"}).json()["stories"]
        dossier = client.get(f"/v1/stories/{story}").json()
        assert sorted(dossier["articles"]) == sorted(i["id"] for i in grouped[story])
        assert dossier["title"] and dossier["summary"] and dossier["facts"] and dossier["header"]
        assert {s["id"] for s in dossier["sources"]} == set(dossier["articles"])
        assert client.get(f"/v1/stories/{story}").json() == dossier  # answered again, the same
        with sqlite3.connect(server.db) as db:  # a story merged into this one, as the story index records it
            db.execute("INSERT OR REPLACE INTO story_aliases VALUES ('s0000000000000000', ?)", (story,))
        assert client.get("/v1/stories/s0000000000000000").json() == dossier
        assert client.get("/v1/stories/s0000000000000001").status_code == 404
        report = client.get(f"/v1/stories/{story}/report")
        assert report.headers["content-type"].startswith("text/html")
        csp = report.headers["content-security-policy"]
        assert csp.startswith("default-src 'none'") and f'content="{csp}"'.replace("'", "&#39;") in report.text
        missing = client.get("/v1/stories/snope")
        assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
        assert missing.json()["status"] == 404


def test_articles_entities_quotes_search(seeded: tuple[Server, dict]) -> None:
    server, answers = seeded
    first = next(iter(stories_of(answers).values()))[0]  # an article of the largest story
    with server.client() as client:
        article = client.get(f"/v1/articles/{first['id']}").json()
        assert article["story"] == first["story"] and article["text"] and article["mentions"]
        assert any(m["entity"] for m in article["mentions"])
        found = client.get("/v1/entities", params={"q": "ТОКАЕВ"}).json()["entities"]
        assert found[0]["id"] == "PER-tokaev" and found[0]["articles"] == 5
        entity = client.get("/v1/entities/PER-tokaev").json()
        assert len(entity["outlets"]) == 5 and first["story"] in {s["story"] for s in entity["stories"]}
        assert sum(entity["articles"].values()) == entity["mentions"]
        quotes = client.get("/v1/quotes", params={"story": first["story"], "limit": 3}).json()
        assert len(quotes["quotes"]) == 3 and quotes["next"]
        rest = client.get("/v1/quotes", params={"story": first["story"], "cursor": quotes["next"], "limit": 200})
        texts = [q["text"] for q in quotes["quotes"] + rest.json()["quotes"]]
        assert len(texts) == len(set(texts)) > 3
        by_speaker = client.get("/v1/quotes", params={"speaker": "PER-tokaev"}).json()["quotes"]
        assert by_speaker and all(q["speaker"] == "PER-tokaev" for q in by_speaker)
        hits = client.get("/v1/search", params={"q": "Кремл"}).json()["hits"]
        assert hits and all("[" in h["snippet"] and h["article"]["story"] for h in hits)
        everything = [h["article"]["id"] for h in client.get("/v1/search", params={"q": "Казахстан"}).json()["hits"]]
        for sort in ("rank", "recent"):
            paged, cursor = [], None
            while True:
                page = client.get("/v1/search", params={"q": "Казахстан", "sort": sort, "limit": 2,
                                                        **({"cursor": cursor} if cursor else {})}).json()
                paged += [h["article"]["id"] for h in page["hits"]]
                if not (cursor := page["next"]):
                    break
            assert len(paged) == len(set(paged)) and set(paged) == set(everything) and len(paged) > 2, sort
        second = client.get("/v1/search", params={"q": "Казахстан", "limit": 1}).json()["next"]
        other = client.get("/v1/search", params={"q": "Москв", "cursor": second})
        assert other.status_code == 400 and other.headers["content-type"] == PROBLEM  # a cursor of another search
        bad = client.get("/v1/search", params={"q": 'Кремл"'})
        assert bad.status_code == 400 and bad.headers["content-type"] == PROBLEM


def test_problems_for_bad_requests(seeded: tuple[Server, dict]) -> None:
    server, _ = seeded
    with server.client() as client:
        for path, params, status in [
            ("/v1/stories", {"limit": 0}, 422), ("/v1/stories", {"cursor": "not-a-cursor"}, 400),
            ("/v1/stories", {"since": "yesterday"}, 422), ("/v1/changes", {"after": "e30"}, 400),
            ("/v1/nowhere", {}, 404), ("/v1/articles/0000000000000000", {}, 404),
        ]:
            reply = client.get(path, params=params)
            assert (reply.status_code, reply.headers["content-type"]) == (status, PROBLEM), (path, reply.text)
            assert reply.json()["status"] == status and reply.json()["title"]
        assert client.delete("/v1/stories").status_code == 405


def test_writes_need_a_known_token(seeded: tuple[Server, dict], token_file: tuple[Path, str]) -> None:
    server, _ = seeded
    path, token = token_file
    kept = path.read_text()
    assert token not in kept and kept.startswith("tests sha256:") and path.stat().st_mode & 0o077 == 0
    with server.client() as client:
        for headers in ({}, {"Authorization": "Bearer szt_wrong"}, {"Authorization": "Basic eDp5"}):
            reply = client.post("/v1/articles", json={"text": "x"}, headers=headers)
            assert reply.status_code == 401 and reply.headers["content-type"] == PROBLEM
            assert reply.headers["www-authenticate"].startswith("Bearer")


def test_openapi_is_3_1_with_examples(seeded: tuple[Server, dict]) -> None:
    server, _ = seeded
    with server.client() as client:
        schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    for path in ("/v1/articles", "/v1/stories", "/v1/stories/{story_id}", "/v1/stories/{story_id}/report",
                 "/v1/articles/{article_id}", "/v1/entities", "/v1/entities/{entity_id}", "/v1/quotes",
                 "/v1/search", "/v1/changes", "/healthz"):
        assert path in paths
    assert "examples" in str(schema["components"]["schemas"]["StorySummary"])
    body = paths["/v1/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/html", "application/rss+xml", "application/x-ndjson"} <= set(body)
    assert PROBLEM in paths["/v1/stories"]["get"]["responses"]["422"]["content"]


def test_read_only_server_refuses_writes(seeded: tuple[Server, dict], token_file: tuple[Path, str]) -> None:
    server, _ = seeded
    path, token = token_file
    with serving(server.db, "--read-only", "--token-file", str(path)) as readonly, readonly.client() as client:
        assert client.get("/healthz").json()["ingest"] == "off"
        assert client.get("/v1/stories").json()["stories"]
        reply = client.post("/v1/articles", json={"text": "x"}, headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 403 and reply.headers["content-type"] == PROBLEM


def test_limits_and_cors(seeded: tuple[Server, dict], token_file: tuple[Path, str]) -> None:
    server, _ = seeded
    path, token = token_file
    args = ("--token-file", str(path), "--max-body", "0.001", "--rate", "1", "--burst", "3",
            "--cors-origin", "https://a.example")
    with serving(server.db, *args) as limited, limited.client() as client:
        big = b"x" * 2000
        reply = client.post("/v1/articles", content=big, headers={"Authorization": f"Bearer {token}"})
        assert reply.status_code == 413 and reply.headers["content-type"] == PROBLEM
        streamed = client.post("/v1/articles", content=iter([big[:800], big[800:]]),  # chunked, no length
                               headers={"Authorization": f"Bearer {token}"})
        assert streamed.status_code == 413
        statuses = [client.get("/v1/stories", headers={"Origin": "https://a.example"}) for _ in range(4)]
        limited_reply = next(r for r in statuses if r.status_code == 429)
        assert int(limited_reply.headers["retry-after"]) >= 1 and limited_reply.headers["content-type"] == PROBLEM
        ok = next(r for r in statuses if r.status_code == 200)
        assert ok.headers["access-control-allow-origin"] == "https://a.example"
        assert client.get("/healthz").status_code == 200  # health is never limited
    with server.client() as client:  # the seeded server was started without --cors-origin
        reply = client.get("/healthz", headers={"Origin": "https://a.example"})
        assert "access-control-allow-origin" not in reply.headers
