"""Stories built incrementally in a store: ``python -m syuzhet.eval ingest [--chunk N] [--limit N]``.

SlavicNER ru+uk arrives in a shuffled order (fixed seed), ``--chunk`` files per ``ingest`` run, each run a
fresh ``Store`` on the same file (nothing cached between runs); then the five seeds arrive one per run. Scored
like ``eval stories``: B-cubed precision/recall against topics, stories that mix topics (must be 0), stories
joining ru and uk, and whether the seeds form exactly one story with nothing else in it. Also printed: the
rate of each run (article stages included), so growth of the per-article cost with the store shows."""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from syuzhet.eval.common import print_table, shared_dir
from syuzhet.eval.stories import bcubed, topic_of
from syuzhet.pipeline import STORE_STAGES, analyze
from syuzhet.store import Store


def ingest(db: Path, files: list[str]) -> tuple[int, float]:
    start = time.perf_counter()
    analysis = analyze(files, batch_stages=STORE_STAGES)
    with Store(db) as store:
        added = store.add_analysis(analysis)
    return len(added), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval ingest", description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="files per topic and language (fast CI run)")
    parser.add_argument("--chunk", type=int, default=100, help="files per ingest run")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if B-cubed precision is below")
    args = parser.parse_args(argv)
    raw = args.shared / "corpus" / "slavicner" / "raw"
    files: list[str] = []
    for folder in sorted(raw.glob("*/*")):
        if folder.name in ("ru", "uk"):
            files += sorted(str(p) for p in folder.glob("*.txt"))[: args.limit]
    random.Random(5).shuffle(files)
    seeds = sorted(str(p) for p in (args.shared / "corpus" / "seeds").iterdir())
    runs: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        batches = [files[i:i + args.chunk] for i in range(0, len(files), args.chunk)] + [[s] for s in seeds]
        for batch in batches:
            added, took = ingest(db, batch)
            with Store(db) as store:
                total = store.count()
            runs.append([f"{total - added}..{total}", added, f"{took:.1f} s", f"{added / took:.1f}"])
        with Store(db) as store:
            members = {sid: [str(r[0]) for r in store.db.execute(
                "SELECT article FROM story_members WHERE story = ?", (sid,))] for sid in store.story_ids()}
            links = dict(store.db.execute("SELECT article, link FROM story_members").fetchall())
            info = {a.id: (topic_of(a), a.lang, a.source) for a in store.articles()}
    print_table("ingest runs", ["store before..after", "new", "time", "articles/s"], runs)
    label = {a: topic for a, (topic, _, _) in info.items()}
    stories = list(members.values())
    p, r = bcubed(stories, label)
    mixed = sum(1 for s in stories if len({label[m] for m in s}) > 1)
    bilingual = sum(1 for s in stories if {info[m][1] for m in s} >= {"ru", "uk"})
    print_table("stories in the store vs topics",
                ["articles", "stories", "multi", "B3 P", "B3 R", "mixed", "ru+uk"],
                [[len(label), len(stories), sum(1 for s in stories if len(s) > 1), p, r, mixed, bilingual]])
    for s in stories:
        if len({label[m] for m in s}) > 1:
            print("mixed story:", ", ".join(sorted(str(Path(info[m][2]).relative_to(raw)) for m in s)))
            for m in s:
                print("   ", links[m])
    seed_ids = {a for a, (_, _, source) in info.items() if source in seeds}
    holding = [s for s in stories if seed_ids & set(s)]
    seeds_ok = len(holding) == 1 and set(holding[0]) == seed_ids
    print(f"seeds: {len(holding)} story(ies) holding them, sizes {[len(s) for s in holding]}: "
          f"{'OK' if seeds_ok else 'FAIL'}")
    failed = not seeds_ok or mixed != 0 or (args.baseline is not None and p < args.baseline)
    return 1 if failed else 0
