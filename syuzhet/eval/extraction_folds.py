"""Cross-validation of the extraction settings over sites: is each cleanup rule worth it on sites it never saw?

    python -m syuzhet.eval extraction --folds [--corpus DIR] [--grid full|small|shipped] [--baseline-gap X]

The benchmark's pages are grouped by site (registered domain of the page URL, ``site``) and the sites are
hashed into ``FOLDS`` folds, so every page of a site is in one fold. For each fold, the trafilatura switches
and the cleanup rules (``syuzhet.extract.settings``) are chosen on the other folds (``select``: a rule is
kept when it helps on at least two of those folds and more than it hurts; then the switch setting with the
best F1 there wins) and scored on the held-out fold. Printed, per fold, beside plain
trafilatura (``trafilatura.extract`` with its defaults) on the same pages:

- the rules as first written (``ALL_RULES``), the cross-validated choice, and the shipped ``DEFAULT``
  (chosen on all folds, so not held-out: shown for reference);
- per rule, F1 with it minus F1 without it on each held-out fold, with the switches chosen on the other folds.

``--baseline-gap X`` exits 1 when the pooled held-out F1 of the cross-validated choice is more than X
below plain trafilatura's: the library is the floor.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from syuzhet.eval.common import print_table
from syuzhet.eval.extraction import CORPUS, Counts, Page, aggregate, benchmark_pages, match, plain_trafilatura
from syuzhet.extract import Prepared, finish, prepare
from syuzhet.extract.settings import ALL_RULES, DEFAULT, RULE_NAMES, Favor, Settings
from syuzhet.urls import host

FOLDS = 5
MIN_SUPPORT = 2  # folds a rule must help on
SHIPPED = "shipped (not held-out)"
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


def site(url: str | None) -> str:
    """Registered domain of ``url``: 'news.example.co.uk' -> 'example.co.uk'; '' when there is no host."""
    labels = host(url).split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def fold_of(page: Page) -> int:
    key = site(page.url) or page.id
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % FOLDS


def grid(size: str) -> list[Settings]:
    """The trafilatura switch settings tried, each with every rule on."""
    favors: tuple[Favor, ...] = ("precision", "balanced", "recall")
    if size == "shipped":  # the rules only, with DEFAULT's switches: one trafilatura run per page (the CI gate)
        return [Settings(DEFAULT.favor, DEFAULT.include_tables, DEFAULT.include_comments)]
    if size == "small":
        return [Settings(favor=f, include_tables=True, include_comments=False) for f in favors]
    return [Settings(favor=f, include_tables=t, include_comments=c) for f, t, c in product(favors, (True, False),
                                                                                           (False, True))]


@dataclass
class Runs:
    """Per-page shingle counts of any setting, computed once: trafilatura once per switch setting."""

    pages: list[Page]
    prepared: dict[tuple[Favor, bool, bool], list[Prepared | None]] = field(default_factory=dict)
    counts: dict[Settings, Counts] = field(default_factory=dict)

    def of(self, settings: Settings) -> Counts:
        if settings not in self.counts:
            key = (settings.favor, settings.include_tables, settings.include_comments)
            if key not in self.prepared:
                self.prepared[key] = [prepare(p.html, p.url, settings) for p in self.pages]
            out = []
            for page, prepared in zip(self.pages, self.prepared[key], strict=True):
                extracted = finish(prepared, settings) if prepared is not None else None
                out.append(match(page.truth, extracted.text if extracted is not None else ""))
            self.counts[settings] = out
        return self.counts[settings]

    def f1(self, settings: Settings, idx: list[int]) -> float:
        counts = self.of(settings)
        return aggregate([counts[i] for i in idx], 0.0).f1


def rule_support(runs: Runs, base: Settings, folds: list[list[int]]) -> dict[str, list[float]]:
    """Per rule, F1 with it minus F1 without it (every other rule of ``base`` on) on each fold of ``folds``."""
    return {r: [runs.f1(base, idx) - runs.f1(base.without(r), idx) for idx in folds] for r in sorted(base.rules)}


def select(runs: Runs, folds: list[list[int]], settings_grid: list[Settings]) -> Settings:
    """The setting to use, chosen on the pages of ``folds`` (each a list of page indexes, one per site fold).

    A rule is kept when it helps on at least ``MIN_SUPPORT`` of these folds and its deltas add up above zero:
    a rule that only helps on one fold is a rule about that fold's sites. Then the switch setting with the
    best F1 over all these pages wins."""
    pages = [i for idx in folds for i in idx]
    best: tuple[float, Settings] | None = None
    for start in settings_grid:
        support = rule_support(runs, start, folds)
        rules = frozenset(r for r, d in support.items() if sum(x > 0 for x in d) >= MIN_SUPPORT and sum(d) > 0)
        chosen = Settings(start.favor, start.include_tables, start.include_comments, rules)
        score = runs.f1(chosen, pages)
        if best is None or score > best[0]:
            best = (score, chosen)
    assert best is not None
    return best[1]


@dataclass
class FoldResult:
    fold: int
    pages: int
    sites: int
    chosen: Settings
    f1: dict[str, float]  # column name -> F1 on the held-out fold
    rule_delta: dict[str, float]  # rule -> F1 with it minus without it


def cross_validate(pages: list[Page], settings_grid: list[Settings]) -> tuple[list[FoldResult], dict[str, Counts]]:
    runs = Runs(pages)
    plain = [match(p.truth, plain_trafilatura(p.html, p.url)) for p in pages]
    folds = [fold_of(p) for p in pages]
    results: list[FoldResult] = []
    pooled: dict[str, Counts] = {name: [] for name in ("trafilatura", "all rules", "cross-validated", SHIPPED)}
    for k in range(FOLDS):
        test = [i for i, f in enumerate(folds) if f == k]
        train = [[i for i, f in enumerate(folds) if f == j] for j in range(FOLDS) if j != k]
        if not test:
            continue
        chosen = select(runs, train, settings_grid)
        with_all = Settings(chosen.favor, chosen.include_tables, chosen.include_comments)
        f1 = {
            "trafilatura": aggregate([plain[i] for i in test], 0.0).f1,
            "all rules": runs.f1(ALL_RULES, test),
            "cross-validated": runs.f1(chosen, test),
            SHIPPED: runs.f1(DEFAULT, test),
        }
        delta = {r: runs.f1(with_all, test) - runs.f1(with_all.without(r), test) for r in RULE_NAMES}
        sites = len({site(pages[i].url) for i in test})
        results.append(FoldResult(k, len(test), sites, chosen, f1, delta))
        pooled["trafilatura"] += [plain[i] for i in test]
        pooled["all rules"] += [runs.of(ALL_RULES)[i] for i in test]
        pooled["cross-validated"] += [runs.of(chosen)[i] for i in test]
        pooled[SHIPPED] += [runs.of(DEFAULT)[i] for i in test]
    return results, pooled


def show(results: list[FoldResult], pooled: dict[str, Counts]) -> dict[str, float]:
    columns = list(results[0].f1)
    rows: list[list[object]] = [[r.fold, r.pages, r.sites, *(r.f1[c] for c in columns), r.chosen.label(),
                                 " ".join(x for x in RULE_NAMES if x in r.chosen.rules) or "-"] for r in results]
    totals = {name: aggregate(counts, 0.0).f1 for name, counts in pooled.items()}
    rows.append(["pooled", sum(r.pages for r in results), sum(r.sites for r in results),
                 *(totals[c] for c in columns), "", ""])
    print_table("HTML main text, word 4-gram F1 per held-out site fold (choice made on the other folds)",
                ["fold", "pages", "sites", *columns, "switches chosen", "rules chosen"], rows)
    rule_rows: list[list[object]] = []
    for rule in RULE_NAMES:
        deltas = [r.rule_delta[rule] for r in results]
        rule_rows.append([rule, *deltas, sum(deltas) / len(deltas), sum(d > 0 for d in deltas),
                          sum(d < 0 for d in deltas), sum(rule in r.chosen.rules for r in results)])
    print_table("per rule: held-out F1 with the rule minus without it (switches chosen on the other folds)",
                ["rule", *(f"fold {r.fold}" for r in results), "mean", "helps", "hurts", "chosen"], rule_rows)
    return totals


def main(argv: list[str] | None = None) -> int:
    prog = "python -m syuzhet.eval extraction --folds"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--grid", choices=("full", "small", "shipped"), default="full",
                        help="trafilatura switch settings tried: 12, the 3 favor modes, or DEFAULT's only")
    parser.add_argument("--baseline-gap", type=float, default=None,
                        help="exit 1 if pooled held-out F1 is more than this below plain trafilatura's")
    args = parser.parse_args(argv)
    pages = benchmark_pages(args.corpus)
    if pages is None:
        return 2
    results, pooled = cross_validate(pages, grid(args.grid))
    totals = show(results, pooled)
    folds = [fold_of(p) for p in pages]
    final = select(Runs(pages), [[i for i, f in enumerate(folds) if f == k] for k in range(FOLDS)], grid(args.grid))
    print(f"chosen on all {len(pages)} pages (what DEFAULT should be): {final.label()} "
          f"rules {' '.join(r for r in RULE_NAMES if r in final.rules) or '-'}")
    gap = totals["trafilatura"] - totals["cross-validated"]
    if args.baseline_gap is not None and gap > args.baseline_gap:
        print(f"held-out F1 {totals['cross-validated']:.4f} is {gap:.4f} below trafilatura alone", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
