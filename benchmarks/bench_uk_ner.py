"""Speed and peak memory of the Ukrainian NER CRF (``syuzhet.entities.uk_crf.tag``) on the SlavicNER uk raw texts.

Each checkout runs in a fresh subprocess, so that its CPU time (user+sys of the whole process, imports and model
loading included) and peak RSS are its own. ``--anchor DIR`` runs another checkout (say the main branch) the same
way in the same sitting, for a comparison on the same machine load:

    python benchmarks/bench_uk_ner.py [--shared ../shared] [--anchor ../main] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from syuzhet.eval.common import shared_dir

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from syuzhet.entities import uk_crf
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("raw/*/uk/*.txt"))]
uk_crf.tag(texts[0][:200])  # model and dictionary loaded
begin = time.process_time()
spans = sum(len(uk_crf.tag(text)) for text in texts)
warm = time.process_time() - begin
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"articles": len(texts), "chars": sum(map(len, texts)), "spans": spans, "warm_cpu": warm,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "model_kb": uk_crf.MODEL_PATH.stat().st_size / 1024}))
"""


def run(repo: Path, slavicner: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(repo), str(slavicner)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--anchor", type=Path, default=None, help="another checkout, run the same way")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    slavicner = args.shared / "corpus" / "slavicner"
    if not slavicner.is_dir():
        print(f"syuzhet: skipped: {slavicner}: no SlavicNER corpus")
        return 2
    checkouts = [("this checkout", ROOT)] + ([("anchor " + str(args.anchor), args.anchor)] if args.anchor else [])
    print("| checkout | run | articles | articles / CPU-s (whole process) | warm chars / CPU-s | peak MB | model KB |")
    print("|---|---|---|---|---|---|---|")
    for n in range(args.repeat):
        for name, repo in checkouts:  # interleaved, so that a change in machine load hits both
            r = run(repo.resolve(), slavicner)
            print(
                f"| {name} | {n + 1} | {r['articles']:.0f} | {r['articles'] / r['cpu']:.1f} "
                f"| {r['chars'] / r['warm_cpu']:,.0f} | {r['peak_mb']:.0f} | {r['model_kb']:.0f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
