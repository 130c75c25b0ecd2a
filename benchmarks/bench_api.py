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
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api_load import Load, percentile, samples
from api_store import build, keep_dossiers

from syuzhet.eval.common import print_table, shared_dir
from tests.api_server import serving
from tests.test_api_schema import schemathesis_run


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
    parser.add_argument("--followers", type=int, default=2, help="clients following /v1/changes as events")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause (s) of a reader between requests (0: each waits only for its answers)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--dossiers", choices=["kept", "cold"], default="kept",
                        help="kept: the store holds every current dossier, as after the server's worker was idle a "
                             "while; cold: none (the worker computes them during the run)")
    parser.add_argument("--schema", type=int, default=0, help="schemathesis examples per operation first (0: none)")
    args = parser.parse_args(argv)
    args.store.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    articles, stories = build(args.store, args.shared, args.stories)
    print(f"store: {articles} articles, {stories} stories ({time.perf_counter() - start:.0f} s to build or open)")
    if args.dossiers == "kept":
        start = time.perf_counter()
        print(f"dossiers: {keep_dossiers(args.store)} computed ({time.perf_counter() - start:.0f} s)")
    work = args.store.parent / "run.db"
    work.unlink(missing_ok=True)
    with sqlite3.connect(args.store) as source, sqlite3.connect(work) as target:
        source.backup(target)  # each run starts from the same store
        if args.dossiers == "cold":
            target.execute("DELETE FROM kept_dossiers")
    from syuzhet.api.tokens import add_token

    tokens = args.store.parent / "tokens"
    tokens.unlink(missing_ok=True)
    token = add_token(tokens, "bench")
    raw = args.shared / "corpus" / "slavicner" / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*/ru/*.txt"))]
    with serving(work, "--token-file", str(tokens), "--rate", "0", ready=True, timeout=300) as server:
        if args.schema:
            began = time.perf_counter()
            run = schemathesis_run(server, token, args.schema, seed=7, report=args.store.parent / "junit.xml",
                                   timeout=max(600, args.schema * 60))
            print(run.stdout[run.stdout.find("SUMMARY"):])
            print(f"schemathesis: {args.schema} examples per operation, {time.perf_counter() - began:.0f} s, "
                  f"exit {run.returncode}")
        with sqlite3.connect(f"file:{work}?mode=ro", uri=True) as conn:
            picked = samples(work, random.Random(1))
            after = conn.execute("SELECT coalesce(max(rowid), 0) FROM story_members").fetchone()[0]
        from syuzhet.api.cursors import encode

        load = Load(server.url, picked, args.seconds, args.max_requests, args.think)
        load_before = os.getloadavg()
        cpu0, _ = cpu_and_memory(server.process.pid)
        own0 = os.times()

        async def run_all() -> float:
            clients = [httpx.AsyncClient(base_url=server.url, timeout=60) for _ in range(args.readers)]
            load.start()
            began = time.perf_counter()
            following = [asyncio.ensure_future(load.follower(encode({"after": after}), grace=10))
                         for _ in range(args.followers)]
            await asyncio.gather(load.writer(token, texts), *(load.reader(n, c) for n, c in enumerate(clients)))
            took = time.perf_counter() - began  # the followers wait a little longer for the last commits
            ended.extend([cpu_and_memory(server.process.pid), os.times(), os.getloadavg()[0]])
            await asyncio.gather(*following, *(c.aclose() for c in clients))
            return took

        ended: list = []
        took = asyncio.run(run_all())
        (cpu1, peak), own1, load_after = ended
    with sqlite3.connect(f"file:{work}?mode=ro", uri=True) as conn:
        lost = [a for a in load.acked if conn.execute("SELECT 1 FROM articles WHERE id = ?", (a,)).fetchone() is None]
        added = {str(r[0]) for r in conn.execute("SELECT article FROM story_members WHERE rowid > ?", (after,))}
    rows = [[name, len(t), f"{len(t) / took:.1f}", f"{percentile(t, 0.5) * 1000:.1f}",
             f"{percentile(t, 0.99) * 1000:.1f}", f"{max(t) * 1000:.1f}", len(load.errors[name])]
            for name, t in sorted(load.times.items())]
    total = sum(len(t) for t in load.times.values())
    print_table(f"{args.readers} readers (pause {args.think:g} s) + 1 writer + {args.followers} event followers, "
                f"{took:.0f} s, store of {stories} stories, dossiers {args.dossiers}",
                ["endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"], rows)
    print(f"all: {total} requests, {total / took:.1f} req/s")
    print(f"writer: {len(load.acked)} articles acknowledged, {len(lost)} lost; event followers were told of "
          f"{len(load.streamed & added)} of the {len(added)} articles stored during the run")
    print(f"server CPU (user+sys, with the ingest worker) {cpu1 - cpu0:.0f} s over {took:.0f} s; peak memory "
          f"{peak:.0f} MB; load generator CPU {own1.user + own1.system - own0.user - own0.system:.0f} s; load "
          f"average {load_before[0]:.1f} before, {load_after:.1f} after")
    (args.store.parent / "trace.json").write_text(json.dumps(load.trace))
    errors = {k: v[:3] for k, v in load.errors.items() if v}
    if errors:
        print("errors:", json.dumps(errors, ensure_ascii=False))
    missed = args.followers and added - load.streamed
    return 1 if lost or errors or missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
