"""The traffic of the API load test (``bench_api.py``): readers that pick endpoints as a dashboard would, one
writer posting articles, and followers of the changes feed as server-sent events. Every request goes to the
server given (127.0.0.1), and every loop is bounded by a deadline and a request count."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import sqlite3
import time
from collections import defaultdict
from pathlib import Path

import httpx
from api_store import _rotate


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


class Load:
    def __init__(self, url: str, samples: dict[str, list[str]], seconds: float, max_requests: int,
                 think: float = 0.0) -> None:
        self.url, self.samples, self.think = url, samples, think
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.left = max_requests
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.acked: list[str] = []
        self.streamed: set[str] = set()  # articles the event-stream followers were told about
        self.trace: list[tuple[float, float, str]] = []  # (start, seconds, endpoint) of every answered request

    def start(self) -> None:
        """Start the clock (after the clients are made: making 50 takes the load generator a second or two,
        and readers whose pauses ran out meanwhile would all fire at once)."""
        self.deadline = time.monotonic() + self.seconds

    def more(self) -> bool:
        self.left -= 1
        return self.left >= 0 and time.monotonic() < self.deadline

    async def call(self, client: httpx.AsyncClient, name: str, method: str, path: str,
                   **kw: object) -> httpx.Response | None:
        start = time.perf_counter()
        try:
            reply = await client.request(method, path, **kw)  # type: ignore[arg-type]
        except httpx.HTTPError as err:
            self.errors[name].append(f"{type(err).__name__}")
            return None
        self.times[name].append(time.perf_counter() - start)
        self.trace.append((start, self.times[name][-1], name))
        if reply.status_code >= 400:
            self.errors[name].append(f"{reply.status_code} {path}")
        return reply

    async def reader(self, seed: int, client: httpx.AsyncClient) -> None:
        rng = random.Random(seed)
        pick = self.samples
        changes = None
        while self.more():
            if self.think:
                await asyncio.sleep(rng.expovariate(1 / self.think))
            what = rng.random()
            if what < 0.30:
                sort = rng.choice(["size", "recent"])
                reply = await self.call(client, "GET /v1/stories", "GET", "/v1/stories",
                                        params={"sort": sort, "limit": 20})
                if reply is not None and reply.status_code == 200 and reply.json()["next"] and rng.random() < 0.5:
                    await self.call(client, "GET /v1/stories?cursor", "GET", "/v1/stories",
                                    params={"sort": sort, "limit": 20, "cursor": reply.json()["next"]})
                if reply is not None and reply.status_code == 200:
                    changes = changes or reply.json()["changes"]
            elif what < 0.55:
                story = rng.choice(pick["stories"])
                await self.call(client, "GET /v1/stories/{id}", "GET", f"/v1/stories/{story}")
            elif what < 0.65:
                article = rng.choice(pick["articles"])
                await self.call(client, "GET /v1/articles/{id}", "GET", f"/v1/articles/{article}")
            elif what < 0.72:
                await self.call(client, "GET /v1/entities?q=", "GET", "/v1/entities",
                                params={"q": rng.choice(pick["names"])})
            elif what < 0.77:
                await self.call(client, "GET /v1/entities/{id}", "GET",
                                f"/v1/entities/{rng.choice(pick['entities'])}", params={"said": 20})
            elif what < 0.82:
                await self.call(client, "GET /v1/quotes?speaker=", "GET", "/v1/quotes",
                                params={"speaker": rng.choice(pick["entities"]), "limit": 20})
            elif what < 0.89:
                params = {"q": rng.choice(pick["names"]), "sort": rng.choice(["rank", "recent"])}
                reply = await self.call(client, "GET /v1/search?q=", "GET", "/v1/search", params=params)
                if reply is not None and reply.status_code == 200 and reply.json()["next"] and rng.random() < 0.5:
                    await self.call(client, "GET /v1/search?cursor", "GET", "/v1/search",
                                    params={**params, "cursor": reply.json()["next"]})
            elif what < 0.95 and changes:
                reply = await self.call(client, "GET /v1/changes", "GET", "/v1/changes", params={"after": changes})
                if reply is not None and reply.status_code == 200:
                    changes = reply.json()["next"]
            else:
                await self.call(client, "GET /healthz (anchor)", "GET", "/healthz")

    async def writer(self, token: str, texts: list[str]) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=300,
                                     headers={"Authorization": f"Bearer {token}"}) as client:
            for n, text in enumerate(texts):
                if time.monotonic() >= self.deadline:
                    return
                shift = 3 + n % 20
                item = {"text": "".join(_rotate(ch, shift) for ch in text), "date": f"2099-01-{1 + n % 28:02d}",
                        "url": f"https://bench.example/{n}"}
                reply = await self.call(client, "POST /v1/articles", "POST", "/v1/articles", json=item)
                if reply is not None and reply.status_code == 200:
                    self.acked += [i["id"] for i in reply.json()["items"] if i["status"] in ("added", "stored")]

    async def follower(self, after: str, grace: float) -> None:
        """Follow the changes as server-sent events from ``after`` until the deadline plus ``grace`` seconds
        (what the writer's last request committed has that long to arrive)."""
        async def follow() -> None:
            async with httpx.AsyncClient(base_url=self.url, timeout=None) as client, client.stream(
                    "GET", "/v1/changes", params={"after": after}, headers={"Accept": "text/event-stream"}) as reply:
                if reply.status_code != 200:
                    self.errors["GET /v1/changes (events)"].append(str(reply.status_code))
                    return
                async for line in reply.aiter_lines():
                    if line.startswith("data: "):
                        page = json.loads(line[6:])
                        self.streamed.update(a for c in page["changes"] for a in c["articles"])

        left = self.deadline - time.monotonic() + grace
        with contextlib.suppress(TimeoutError, httpx.HTTPError):
            await asyncio.wait_for(follow(), max(1.0, left))


def samples(db: Path, rng: random.Random) -> dict[str, list[str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        def column(sql: str) -> list[str]:
            return [str(r[0]) for r in conn.execute(sql)]
        names = column("SELECT name FROM entities ORDER BY random() LIMIT 300")
        return {
            "stories": column("SELECT id FROM stories ORDER BY random() LIMIT 5000"),
            "articles": column("SELECT id FROM articles ORDER BY random() LIMIT 5000"),
            "entities": column("SELECT id FROM entities ORDER BY random() LIMIT 1000"),
            "names": [w for w in (n.split()[-1][:6] for n in names if n.strip()) if w.isalnum()] or ["a"],
        }
