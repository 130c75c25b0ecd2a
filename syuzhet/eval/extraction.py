"""Score main-text extraction (``syuzhet.extract``) against plain trafilatura on the article-extraction benchmark.

    python -m syuzhet.eval.extraction [--corpus DIR] [--limit N] [--baseline F] [--worst N]
    python -m syuzhet.eval extraction --folds ...   # held-out site folds, per rule (``extraction_folds``)

Corpus: Scrapinghub/Zyte's article-extraction-benchmark, ``html/<id>.html.gz`` with ``ground-truth.json``
(``{id: {"articleBody": ..., "url": ...}}``), at ``../shared/corpus/extraction`` beside the repo.

The measure is the benchmark's own (its ``evaluate.py``), reimplemented here:

- Tokens are the matches of the regex ``\\w+`` (Unicode word characters), case kept: no lowercasing and no
  whitespace split, so punctuation never makes a token and "Word," equals "word" only in case-insensitive
  tools, not here. (A whitespace split, lowercased, was the other reading; the benchmark's tokenizer is the
  regex one, chosen there because it works the same for any language.)
- Shingles are the word 4-grams of that token list, counted as a multiset; a text of fewer than four tokens
  is one shorter shingle, an empty text has none.
- Per page: TP is the shingles both texts share (with multiplicity), FP the extra predicted ones, FN the
  missing true ones. Precision = TP/(TP+FP) and recall = TP/(TP+FN), each 1.0 when FP = FN = 0 (both texts
  empty or equal) and 0.0 when its numerator and the other term are both zero.
- Corpus figures weigh each page equally: precision is averaged over the pages where the extractor returned
  text (precision is undefined for an empty answer), recall over the pages whose truth has text, and the
  benchmark's F1 is the harmonic mean of those two averages. A page where we return nothing thus counts as
  recall 0 and does not enter the precision average.
- ``page F1`` is also printed: the plain mean of per-page F1, where an empty answer counts 0. It is the
  stricter of the two and the one to look at when an extractor starts returning nothing.

``--baseline F`` makes the run exit 1 when our benchmark F1 is below ``F``. ``score()`` returns the same
figures as a dict for other code.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import trafilatura

from syuzhet.eval.common import shared_dir
from syuzhet.extract import decode_html, extract_html

CORPUS = shared_dir() / "corpus" / "extraction"
NGRAM = 4
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[str, str | None], str]


@dataclass(slots=True)
class Page:
    id: str
    url: str | None
    html: str
    truth: str


@dataclass(slots=True)
class Scores:
    precision: float
    recall: float
    f1: float  # the benchmark's: harmonic mean of mean precision and mean recall
    page_f1: float  # mean of per-page F1, an empty answer counting 0
    pages: int
    pages_per_s: float


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match(truth: str, predicted: str) -> tuple[int, int, int]:
    """(TP, FP, FN) over word 4-gram shingles."""
    expected, got = shingles(truth), shingles(predicted)
    tp = sum((expected & got).values())
    return tp, sum(got.values()) - tp, sum(expected.values()) - tp


def precision(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def benchmark_pages(corpus: Path, limit: int | None = None) -> list[Page] | None:
    """The benchmark's pages with the extractors' own logging quietened; None (and a line) when ``corpus`` holds
    no benchmark."""
    if not (corpus / "ground-truth.json").is_file():
        print(f"no benchmark at {corpus}", file=sys.stderr)
        return None
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    return load_pages(corpus, limit)


def load_pages(corpus: Path = CORPUS, limit: int | None = None) -> list[Page]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit is not None else sorted(truth)
    pages = []
    for page_id in ids:
        raw = gzip.decompress((corpus / "html" / f"{page_id}.html.gz").read_bytes())
        record = truth[page_id]
        pages.append(Page(page_id, record.get("url"), decode_html(raw), record.get("articleBody") or ""))
    return pages


def ours(html: str, url: str | None) -> str:
    extracted = extract_html(html, url)
    return extracted.text if extracted is not None else ""


def plain_trafilatura(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url) or ""


def per_page(extractor: Extractor, pages: list[Page]) -> tuple[list[tuple[int, int, int]], float]:
    """Shingle counts per page and the seconds the extractor took over all pages."""
    counts = []
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        text = extractor(page.html, page.url)
        seconds += time.perf_counter() - start
        counts.append(match(page.truth, text))
    return counts, seconds


def aggregate(counts: list[tuple[int, int, int]], seconds: float) -> Scores:
    precisions = [precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    page_f1 = statistics.fmean(f1(precision(*c), recall(*c)) for c in counts) if counts else 0.0
    return Scores(p, r, f1(p, r), page_f1, len(counts), len(counts) / seconds if seconds else 0.0)


EXTRACTORS: dict[str, Extractor] = {"syuzhet": ours, "trafilatura": plain_trafilatura}
Counts = list[tuple[int, int, int]]


def run(pages: list[Page]) -> dict[str, tuple[Counts, float]]:
    """Per-page shingle counts and total seconds of each extractor in ``EXTRACTORS``."""
    return {name: per_page(extractor, pages) for name, extractor in EXTRACTORS.items()}


def score(limit: int | None = None, corpus: Path = CORPUS) -> dict[str, dict[str, float]]:
    """Benchmark figures for each extractor in ``EXTRACTORS``, keyed by its name."""
    return {name: asdict(aggregate(*result)) for name, result in run(load_pages(corpus, limit)).items()}


def _table(results: dict[str, Scores]) -> str:
    lines = [f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'page F1':>7} {'pages/s':>8}"]
    lines += [
        f"{name:<12} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>6.4f} {s.page_f1:>7.4f} {s.pages_per_s:>8.1f}"
        for name, s in results.items()
    ]
    return "\n".join(lines)


def _worst(pages: list[Page], counts: Counts, n: int) -> str:
    rows = sorted(zip(counts, pages, strict=True), key=lambda row: f1(precision(*row[0]), recall(*row[0])))
    return "\n".join(
        f"{f1(precision(*c), recall(*c)):.3f} P={precision(*c):.3f} R={recall(*c):.3f} {page.id[:12]} {page.url}"
        for c, page in rows[:n]
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--folds" in argv:  # cross-validation over sites: syuzhet.eval.extraction_folds
        from syuzhet.eval import extraction_folds

        return extraction_folds.main([a for a in argv if a != "--folds"])
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="benchmark directory (html/, ground-truth.json)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if our benchmark F1 is below this")
    parser.add_argument("--worst", type=int, default=0, help="also list our N worst pages by page F1")
    args = parser.parse_args(argv)
    pages = benchmark_pages(args.corpus, args.limit)
    if pages is None:
        return 2
    raw = run(pages)
    results = {name: aggregate(*result) for name, result in raw.items()}
    print(f"{len(pages)} pages from {args.corpus}")
    print(_table(results))
    if args.worst:
        print(_worst(pages, raw["syuzhet"][0], args.worst))
    if args.baseline is not None and results["syuzhet"].f1 < args.baseline:
        print(f"F1 {results['syuzhet'].f1:.4f} is below the baseline {args.baseline}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
