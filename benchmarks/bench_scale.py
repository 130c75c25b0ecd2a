"""Whole-process speed and memory of the engines, natasha as the anchor, and streaming on synthetic corpora.

Every figure is of the WHOLE process tree, started fresh (imports and model loading included): CPU is user +
system of the command and every process it started (pool workers, Ray's raylet, GCS and actors), read from
the OS accounting and from /proc samples every 0.2 s (for Ray processes that are killed rather than waited
for); peak MB is the largest single process, tree MB the largest sum of the tree's resident sets (an upper
bound: forked workers share the parent's pages). Run on a shared machine, the figures are low estimates.

    python benchmarks/bench_scale.py speed          # SlavicNER ru+uk: local -j1/-j2, ray -j2, natasha anchor
    python benchmarks/bench_scale.py scale --sizes 2000 10000 [100000] [--workers 2] [--commands analyze ingest]
                                                    # synthetic corpora through analyze (analysis.json and the
                                                    # report), ingest (and jsonl: analyze --format jsonl)
    python benchmarks/bench_scale.py steps --sizes 10000   # CPU per article of each step of the streamed
                                                    # flow (article stages, linking, store + story index)
    python benchmarks/bench_scale.py steps --corpus ../shared/corpus/slavicner/raw   # the same, real articles

``speed`` prints articles per CPU-second and two parallel efficiencies: CPU (the one-worker run's CPU over
the two-worker run's: 1.0 means no overhead for going parallel) and wall (speed-up over one worker / 2,
meaningless unless the machine's two cores are otherwise idle). ``scale`` builds its corpus from SlavicNER
paragraphs (each article a headline and three paragraphs of one language, drawn with a fixed seed, dates
spread over a year) in a temporary folder and shows that peak memory does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")

ANCHOR = """
import sys
from pathlib import Path
from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
emb = NewsEmbedding(); seg = Segmenter(); vocab = MorphVocab()
morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
n = 0
for path in Path(sys.argv[1]).rglob("*.txt"):
    doc = Doc(path.read_text(encoding="utf-8"))
    doc.segment(seg); doc.tag_morph(morph); doc.parse_syntax(syntax); doc.tag_ner(ner)
    for token in doc.tokens:
        token.lemmatize(vocab)
    for span in doc.spans:
        span.normalize(vocab)
    n += 1
print(n, "articles")
"""


@dataclass
class Run:
    cpu: float
    wall: float
    peak_mb: float
    tree_mb: float
    output: str


def _proc_stat(pid: int) -> tuple[int, float, float] | None:
    """(parent pid, CPU seconds, resident MB) of a live process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE / 2**20


def _tree(root: int) -> dict[int, tuple[float, float]]:
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _proc_stat(int(entry))):
            stats[int(entry)] = stat
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, _) in stats.items():
            if ppid == parent and pid not in members:
                members.add(pid)
                frontier.append(pid)
    return {pid: stats[pid][1:] for pid in members if pid in stats}


def measure(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to its end; CPU, wall and memory of its whole process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    seen_cpu: dict[int, float] = {}
    peaks = [0.0, 0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            tree = _tree(proc.pid)
            for pid, (cpu, _) in tree.items():
                seen_cpu[pid] = max(cpu, seen_cpu.get(pid, 0.0))
            rss = [mb for _, mb in tree.values()]
            peaks[0] = max(peaks[0], max(rss, default=0.0))
            peaks[1] = max(peaks[1], sum(rss))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peaks[0] = max(peaks[0], (after.ru_maxrss / 1024) if after.ru_maxrss > before.ru_maxrss else 0.0)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{output[-2000:]}")
    return Run(max(waited, sum(seen_cpu.values())), wall, peaks[0], peaks[1], output)


def syuzhet(*args: str) -> list[str]:
    return [sys.executable, "-m", "syuzhet", *args]


def speed(shared: Path) -> None:
    raw = shared / "corpus" / "slavicner" / "raw"
    count = sum(1 for _ in raw.rglob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory() as out:
        configs = [
            ("syuzhet local -j1", syuzhet("analyze", str(raw), "--out", out), None),
            ("syuzhet local -j2", syuzhet("analyze", str(raw), "--out", out, "-j", "2"), None),
            ("syuzhet ray -j2 (cluster start incl.)", syuzhet("analyze", str(raw), "--out", out, "--engine", "ray",
                                                               "-j", "2"), None),
            ("natasha full pipeline, 1 BLAS thread (anchor)", [sys.executable, "-c", ANCHOR, str(raw)],
             {"OPENBLAS_NUM_THREADS": "1"}),
            # last: with OpenBLAS's default threads it can take many minutes on a loaded machine
            ("natasha full pipeline, default BLAS threads", [sys.executable, "-c", ANCHOR, str(raw)], None),
        ]
        runs = {}
        for name, command, env in configs:
            runs[name] = measure(command, env)
            r = runs[name]
            rows.append([name, count, f"{r.cpu:.1f}", f"{count / r.cpu:.1f}", f"{r.wall:.1f}", f"{r.peak_mb:.0f}",
                         f"{r.tree_mb:.0f}"])
            print(" | ".join(map(str, rows[-1])), flush=True)
    one = runs["syuzhet local -j1"]
    print()
    print("config | articles | CPU s | articles per CPU-s | wall s | peak MB | tree MB")
    for row in rows:
        print(" | ".join(map(str, row)))
    for name in ("syuzhet local -j2", "syuzhet ray -j2 (cluster start incl.)"):
        r = runs[name]
        print(f"{name}: CPU efficiency {one.cpu / r.cpu:.2f}, wall efficiency {one.wall / r.wall / 2:.2f}")


def build_corpus(shared: Path, size: int, dest: Path) -> None:
    """``size`` articles of SlavicNER paragraphs, one language each, fixed seed, dated over a year."""
    raw = shared / "corpus" / "slavicner" / "raw"
    pools: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted(raw.glob("*/*/*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        titles, paragraphs = pools.setdefault(path.parent.name, ([], []))
        titles.append(lines[0])
        paragraphs.extend(ln for ln in lines[1:] if len(ln) > 80)
    rnd = random.Random(12)
    langs = sorted(pools)
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        titles, paragraphs = pools[langs[0] if rnd.random() < 0.7 else langs[-1]]
        day = 1 + rnd.randrange(365)
        date = time.strftime("%Y-%m-%d", time.gmtime(1_704_067_200 + day * 86_400))
        body = "\n\n".join(rnd.sample(paragraphs, 3))
        folder = dest / f"{i // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:07d}.txt").write_text(f" date {date}\n{rnd.choice(titles)}\n\n{body}\n", encoding="utf-8")


SCALE_COMMANDS = {  # what ``scale`` runs on each corpus: the default analyze (analysis.json and the report), ingest
    "analyze": lambda corpus, out, j: syuzhet("analyze", corpus, "--out", out, "-j", j),
    "ingest": lambda corpus, out, j: syuzhet("ingest", corpus, "--db", str(Path(out) / "s.db"), "-j", j),
    "jsonl": lambda corpus, out, j: syuzhet("analyze", corpus, "--out", out, "--format", "jsonl", "-j", j),
}


def scale(shared: Path, sizes: list[int], workers: int, commands: list[str]) -> None:
    print("command | articles | workers | CPU s | articles per CPU-s | wall s | peak MB | tree MB | output MB")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            build_corpus(shared, size, corpus)
            for name in commands:
                out = Path(tmp) / f"out-{name}"
                out.mkdir()
                r = measure(SCALE_COMMANDS[name](str(corpus), str(out), str(workers)))
                written = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 2**20
                print(f"{name} | {size} | {workers} | {r.cpu:.0f} | {size / r.cpu:.1f} | {r.wall:.0f} | "
                      f"{r.peak_mb:.0f} | {r.tree_mb:.0f} | {written:.0f}", flush=True)
                shutil.rmtree(out)


def steps(shared: Path, sizes: list[int], corpus: Path | None = None) -> None:
    """In this process, one worker: where an article's CPU goes in the streamed flow, and how the store and
    story step's share moves as the store grows (what bounds a sharded run: see docs/SCALE.md)."""
    from syuzhet.flow import ingest_stream
    from syuzhet.pipeline import stream, warm_up
    from syuzhet.store import Store

    warm_up()
    print("articles | stages ms/article | linking ms/article | store+stories ms/article | store MB")
    for size in [0] if corpus else sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = corpus or Path(tmp) / "corpus"
            if not corpus:
                build_corpus(shared, size, folder)
            with Store(Path(tmp) / "s.db") as store:
                started = time.process_time()
                tally = ingest_stream(stream([str(folder)]), store)
                total = time.process_time() - started
            db_mb = (Path(tmp) / "s.db").stat().st_size / 2**20
        size = tally.articles
        stages = total - tally.link_seconds - tally.store_seconds
        print(f"{size} | {1000 * stages / size:.1f} | {1000 * tally.link_seconds / size:.1f} | "
              f"{1000 * tally.store_seconds / size:.1f} | {db_mb:.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("speed", "scale", "steps"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, help="steps: this folder instead of a synthetic corpus")
    parser.add_argument("--commands", nargs="+", choices=sorted(SCALE_COMMANDS), default=["analyze", "ingest"],
                        help="scale: the commands run on each corpus")
    args = parser.parse_args()
    if args.what == "speed":
        speed(args.shared)
    elif args.what == "scale":
        scale(args.shared, args.sizes, args.workers, args.commands)
    else:
        steps(args.shared, args.sizes, args.corpus)


if __name__ == "__main__":
    main()
