"""The long fuzz campaign over every reader (``tests/fuzz_targets.py``): each target in turn for its share of
the time budget; prints inputs tried, failures found (with hypothesis's shrunk example) and peak memory.

    nice python benchmarks/fuzz_campaign.py --minutes 25
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.fuzz_targets import TARGETS


def campaign(name: str, seconds: float) -> tuple[int, list[str]]:
    """Rounds of 500 examples (fresh random seeds) until the time is up; each failure is kept once."""
    target, strategies = TARGETS[name]
    tried = 0
    failures: dict[str, str] = {}
    deadline = time.monotonic() + seconds

    def counted(args: tuple[object, ...]) -> None:
        nonlocal tried
        tried += 1
        target(*args)

    while time.monotonic() < deadline:
        run = settings(max_examples=500, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
            given(st.tuples(*strategies))(counted))
        try:
            run()
        except Exception as err:  # hypothesis re-raises the shrunk failure
            key = f"{type(err).__name__}: {str(err)[:200]}"
            failures.setdefault(key, traceback.format_exc(limit=6))
    return tried, [f"{key}\n{trace}" for key, trace in failures.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=25.0, help="Total budget, split evenly over targets.")
    parser.add_argument("--targets", nargs="*", default=sorted(TARGETS), choices=sorted(TARGETS))
    args = parser.parse_args()
    share = args.minutes * 60 / len(args.targets)
    print(f"{'target':<8} {'inputs':>8} {'failures':>8} {'seconds':>8} {'peak MB':>8}")
    total, found = 0, 0
    for name in args.targets:
        start = time.monotonic()
        tried, failures = campaign(name, share)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:<8} {tried:>8} {len(failures):>8} {time.monotonic() - start:>8.0f} {peak:>8.0f}", flush=True)
        for failure in failures:
            print("  " + failure.replace("\n", "\n  "), flush=True)
        total, found = total + tried, found + len(failures)
    print(f"all      {total:>8} {found:>8}   (peak memory is the whole process's, cumulative)")


if __name__ == "__main__":
    main()
