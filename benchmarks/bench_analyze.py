"""Throughput and peak memory of ``syuzhet analyze`` on the SlavicNER ru+uk raw files.

Each configuration runs in a fresh subprocess so that peak RSS is its own. Prints a table:

    python benchmarks/bench_analyze.py [--shared ../shared] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
from syuzhet.pipeline import analyze
from syuzhet.output import write_analysis
from pathlib import Path
files, workers, out = json.loads(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
start = time.perf_counter()
result = analyze(files, workers=workers)
write_analysis(result, out)
elapsed = time.perf_counter() - start
chars = sum(len(a.text) for a in result.articles)
print(json.dumps({"articles": len(result.articles), "seconds": elapsed, "chars": chars,
                  "duplicates": sum(1 for a in result.articles if a.duplicate_of),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(files: list[str], workers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, json.dumps(files), str(workers), out],
            capture_output=True, text=True, check=True,
        )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["peak_mb"] = max(result["peak_mb"], children if workers > 1 else 0)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    raw = args.shared / "corpus" / "slavicner" / "raw"
    sets = {
        "slavicner ru": sorted(str(p) for p in raw.glob("*/ru/*.txt")),
        "slavicner uk": sorted(str(p) for p in raw.glob("*/uk/*.txt")),
    }
    sets["slavicner ru+uk"] = sets["slavicner ru"] + sets["slavicner uk"]
    rows = []
    for name, files in sets.items():
        for workers in (1, 2) if name == "slavicner ru+uk" else (1,):
            started = time.perf_counter()
            r = run(files, workers)
            wall = time.perf_counter() - started
            rows.append((name, workers, int(r["articles"]), r["articles"] / r["seconds"],
                         r["chars"] / r["seconds"] / 1000, wall, r["peak_mb"], int(r["duplicates"])))
    header = ("corpus", "workers", "articles", "articles/s", "kchars/s", "wall s (incl. start-up)",
              "peak MB", "duplicates")
    print(" | ".join(header))
    for row in rows:
        print(f"{row[0]} | {row[1]} | {row[2]} | {row[3]:.1f} | {row[4]:.0f} | {row[5]:.1f} | {row[6]:.0f} | {row[7]}")


if __name__ == "__main__":
    main()
