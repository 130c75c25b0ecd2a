"""Load test of ``syuzhet serve`` on loopback: 50 concurrent readers on a store of 10k+ stories while one writer
ingests through the API. Prints requests/s and p50/p99 per endpoint, errors, and whether every acknowledged
article is in the store; then the server's CPU (user+sys, server and ingest worker) and peak memory.
``/healthz`` runs in the same mix as the anchor: the framework's floor on this machine at that moment.

The store is built once from SlavicNER copies (``api_store.py``) and kept at ``--store``. Bounded: the run
stops after ``--seconds`` or ``--max-requests``, whichever comes first, and sends traffic to 127.0.0.1 only.
``--schema N`` first runs schemathesis with N examples per operation against the same server.

    python benchmarks/bench_api.py [--stories 10000] [--readers 50] [--seconds 60] [--schema 0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api_store import _rotate, build

from syuzhet.eval.common import print_table, shared_dir
from tests.api_server import serving
from tests.test_api_schema import schemathesis_run


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


class Load:
    def __init__(self, url: str, samples: dict[str, list[str]], seconds: float, max_requests: int) -> None:
        self.url, self.samples = url, samples
        self.deadline = time.monotonic() + seconds
        self.left = max_requests
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.acked: list[str] = []

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
        if reply.status_code >= 400:
            self.errors[name].append(f"{reply.status_code} {path}")
        return reply

    async def reader(self, seed: int) -> None:
        rng = random.Random(seed)
        pick = self.samples
        async with httpx.AsyncClient(base_url=self.url, timeout=60) as client:
            changes = None
            while self.more():
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
                    await self.call(client, "GET /v1/search?q=", "GET", "/v1/search",
                                    params={"q": rng.choice(pick["names"])})
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


def samples(db: Path, rng: random.Random) -> dict[str, list[str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        def column(sql: str) -> list[str]:
            return [str(r[0]) for r in conn.execute(sql)]
        names = column("SELECT name FROM entities ORDER BY random() LIMIT 300")
        return {
            "stories": column("SELECT id FROM stories ORDER BY random() LIMIT 5000"),
            "articles": column("SELECT id FROM articles ORDER BY random() LIMIT 5000"),
            "entities": column("SELECT id FROM entities ORDER BY random() LIMIT 1000"),
            "names": [n.split()[-1][:6] for n in names if n.strip()] or ["a"],
        }


def cpu_and_memory(pid: int) -> tuple[float, float]:
    """User+sys seconds and peak resident MB of the process and its children (the ingest worker)."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid] + [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == pid]
    cpu = peak = 0.0
    for p in pids:
        try:
            fields = (Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1]).split()
            cpu += (int(fields[11]) + int(fields[12])) / tick
            status = Path(f"/proc/{p}/status").read_text()
            peak += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) / 1024
        except (OSError, StopIteration):
            continue
    return cpu, peak


def _parent(proc: Path) -> int:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "syuzhet-bench-api" / "store.db")
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--schema", type=int, default=0, help="schemathesis examples per operation first (0: none)")
    args = parser.parse_args(argv)
    args.store.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    articles, stories = build(args.store, args.shared, args.stories)
    print(f"store: {articles} articles, {stories} stories ({time.perf_counter() - start:.0f} s to build or open)")
    work = args.store.parent / "run.db"
    with sqlite3.connect(args.store) as source, sqlite3.connect(work) as target:
        source.backup(target)  # each run starts from the same store
    from syuzhet.api.tokens import add_token

    tokens = args.store.parent / "tokens"
    tokens.unlink(missing_ok=True)
    token = add_token(tokens, "bench")
    raw = args.shared / "corpus" / "slavicner" / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*/ru/*.txt"))]
    with serving(work, "--token-file", str(tokens), "--rate", "0", ready=True, timeout=300) as server:
        if args.schema:
            run = schemathesis_run(server, token, args.schema, seed=7, report=args.store.parent / "junit.xml")
            print(run.stdout[run.stdout.find("SUMMARY"):])
        cpu0, _ = cpu_and_memory(server.process.pid)
        load = Load(server.url, samples(work, random.Random(1)), args.seconds, args.max_requests)

        async def run_all() -> float:
            began = time.perf_counter()
            await asyncio.gather(load.writer(token, texts), *(load.reader(n) for n in range(args.readers)))
            return time.perf_counter() - began

        took = asyncio.run(run_all())
        cpu1, peak = cpu_and_memory(server.process.pid)
    with sqlite3.connect(f"file:{work}?mode=ro", uri=True) as conn:
        lost = [a for a in load.acked if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a,)).fetchone() is None]
    rows = [[name, len(t), f"{len(t) / took:.1f}", f"{percentile(t, 0.5) * 1000:.1f}",
             f"{percentile(t, 0.99) * 1000:.1f}", f"{max(t) * 1000:.1f}", len(load.errors[name])]
            for name, t in sorted(load.times.items())]
    print_table(f"{args.readers} readers + 1 writer, {took:.0f} s, store of {stories} stories",
                ["endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"], rows)
    print(f"writer: {len(load.acked)} articles acknowledged, {len(lost)} lost; server CPU (user+sys, with the "
          f"ingest worker) {cpu1 - cpu0:.0f} s over {took:.0f} s; peak memory {peak:.0f} MB")
    errors = {k: v[:3] for k, v in load.errors.items() if v}
    if errors:
        print("errors:", json.dumps(errors, ensure_ascii=False))
    return 1 if lost or errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
