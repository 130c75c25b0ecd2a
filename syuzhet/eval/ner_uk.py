"""``python -m syuzhet.eval ner-uk``: the shipped Ukrainian NER model (``syuzhet.entities.uk_crf``) on held-out data.

    python -m syuzhet.eval ner-uk [--limit N] [--baseline F] [--shared DIR] [--overlap] [--natasha]

Exact span match (start, end and type; ``--overlap``: an overlap of the same type, one to one); precision,
recall and F1 per type and micro-averaged, per held-out set and pooled. ``--baseline F`` exits 1 when the
pooled micro-F1 is below ``F``; ``--natasha`` scores natasha alone (its Russian tagger on the Ukrainian text) on
the same sets, the plain library to compare with.
This module is also the one place that reads the corpora and defines the split:
``scripts/train_uk_ner.py`` trains on ``split(...)["train"]`` and nothing else.

Split (deterministic, no randomness):
- ner-uk v2.0: only the DEV part listed in ``dev-test-split.txt`` is in ../shared; a DEV text is held out
  when sha1(id) % 5 == 0 (``ner-uk-dev-heldout``, ~20%). Texts of the official TEST part, when present on
  disk, are scored as ``ner-uk-test`` and never trained on.
- SlavicNER, Ukrainian part: the whole topic ``nord_stream`` is held out (``slavicner-topic``); of the other
  topics a document is held out when sha1(topic/name) % 5 == 0 (``slavicner-docs``: same topics as training,
  so optimistic).

Label mapping: ner-uk PERS->PER, LOC->LOC, ORG->ORG, ART->PRO; MISC and DOC are not mapped (they mix events,
holidays, laws and concepts): a line holding one is left out of training and, at scoring, a predicted span
that overlaps one is neither right nor wrong. Every other ner-uk type (JOB, DATE, MON, ...) is plain text.
Nested ner-uk spans: the longest mapped span wins.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.entities.uk_crf import TYPES, tag
from syuzhet.eval.common import prf, print_table, shared_dir
from syuzhet.eval.ner_folds import overlap_counts

HELDOUT_TOPIC = "nord_stream"
NER_UK_TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "ART": "PRO"}
NER_UK_UNSCORED = {"MISC", "DOC"}
HELDOUT_SETS = ("ner-uk-test", "ner-uk-dev-heldout", "slavicner-topic", "slavicner-docs")

Span = tuple[int, int, str]


@dataclass(slots=True)
class Doc:
    id: str
    corpus: str  # "ner-uk/bruk", "ner-uk/ng", "slavicner/<topic>"
    text: str
    spans: list[Span]
    unscored: list[tuple[int, int]] = field(default_factory=list)  # gold spans of unmapped types


def _held(key: str) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % 5 == 0


def _without_nesting(spans: Iterable[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):  # longest first
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


_ANN = re.compile(r"^T\d+\t(\S+)[\t ](\d+)[\t ](\d+)\t", re.M)


def read_ner_uk(root: Path) -> tuple[list[Doc], dict[str, str]]:
    """Every text of ner-uk v2.0 under ``root`` and its official part (id -> "DEV"/"TEST")."""
    data = root / "ner-uk" / "v2.0" / "data"
    part: dict[str, str] = {}
    current = ""
    for line in (data / "dev-test-split.txt").read_text(encoding="utf-8").split():
        if line in ("DEV", "TEST"):
            current = line
        else:
            part[line] = current
    docs: list[Doc] = []
    for txt in sorted(data.glob("*/*.txt")):
        text = txt.read_text(encoding="utf-8")
        spans: list[Span] = []
        unscored: list[tuple[int, int]] = []
        for m in _ANN.finditer(txt.with_suffix(".ann").read_text(encoding="utf-8")):
            kind, start, end = m.group(1), int(m.group(2)), int(m.group(3))
            if "\n" in text[start:end]:
                continue  # a handful of annotations run across lines: not a usable name span
            if kind in NER_UK_TYPES:
                spans.append((start, end, NER_UK_TYPES[kind]))
            elif kind in NER_UK_UNSCORED:
                unscored.append((start, end))
        docs.append(Doc(txt.stem, f"ner-uk/{txt.parent.name}", text, _without_nesting(spans), unscored))
    return docs, part


def read_slavicner(root: Path, lang: str = "uk") -> list[Doc]:
    """SlavicNER documents of one language: ``raw/<topic>/<lang>/*.txt`` with ``ner/.../*.tsv``."""
    base = root / "slavicner"
    docs: list[Doc] = []
    for txt in sorted(base.glob(f"raw/*/{lang}/*.txt")):
        topic = txt.parent.parent.name
        tsv = base / "ner" / topic / lang / f"{txt.stem}.tsv"
        spans: list[Span] = []
        for row in tsv.read_text(encoding="utf-8").splitlines():
            cols = row.split("\t")
            if len(cols) >= 5 and cols[0].isdigit() and cols[1].isdigit():
                spans.append((int(cols[0]), int(cols[1]), cols[4]))
        docs.append(Doc(txt.stem, f"slavicner/{topic}", txt.read_text(encoding="utf-8"), _without_nesting(spans)))
    return docs


def split(root: Path) -> dict[str, list[Doc]]:
    """``train`` and the held-out sets of ``HELDOUT_SETS`` (empty lists where the data is absent)."""
    sets: dict[str, list[Doc]] = {name: [] for name in ("train", *HELDOUT_SETS)}
    ner_uk, part = read_ner_uk(root)
    for doc in ner_uk:
        if part.get(doc.id) == "TEST":
            sets["ner-uk-test"].append(doc)
        elif part.get(doc.id) == "DEV":
            sets["ner-uk-dev-heldout" if _held(doc.id) else "train"].append(doc)
    for doc in read_slavicner(root):
        topic = doc.corpus.split("/")[1]
        if topic == HELDOUT_TOPIC:
            sets["slavicner-topic"].append(doc)
        else:
            sets["slavicner-docs" if _held(f"{topic}/{doc.id}") else "train"].append(doc)
    return sets


Counts = tuple[Counter[str], Counter[str], Counter[str]]  # true positives, predicted, gold; per type


def _overlaps(span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in regions)


def count(docs: Iterable[Doc], tagger: Callable[[str], list[Span]], overlap: bool = False) -> Counts:
    """Per-type counts; a hit is the same span and type, or with ``overlap`` any overlap of the same type."""
    tp: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for doc in docs:
        predicted = {s for s in tagger(doc.text) if not _overlaps(s, doc.unscored)}
        expected = set(doc.spans)
        if overlap:  # one-to-one pairs of overlapping spans of the same type, as the other NER evals count
            hits = overlap_counts(sorted(predicted), sorted(expected), TYPES)
            tp.update({kind: hits[f"tp:{kind}"] for kind in TYPES})
        else:
            tp.update(s[2] for s in predicted & expected)
        pred.update(s[2] for s in predicted)
        gold.update(s[2] for s in expected)
    return tp, pred, gold


def score(
    sets: dict[str, list[Doc]], tagger: Callable[[str], list[Span]], limit: int | None = None, overlap: bool = False
) -> dict[str, Counts]:
    """Counts for every non-empty held-out set (at most ``limit`` documents each), and ``pooled`` over them."""
    results: dict[str, Counts] = {}
    pooled: Counts = (Counter(), Counter(), Counter())
    for name in HELDOUT_SETS:
        docs = sets.get(name, [])[:limit]
        if docs:
            results[name] = count(docs, tagger, overlap)
            for total, part in zip(pooled, results[name], strict=True):
                total.update(part)
    results["pooled"] = pooled
    return results


def rows(counts: Counts) -> list[list[object]]:
    """[type, gold, predicted, P, R, F1] for each type the gold or the model has, then ``micro``."""
    tp, pred, gold = counts
    out: list[list[object]] = []
    for kind in (*[k for k in TYPES if gold[k] or pred[k]], "micro"):
        t, p, g = (sum(c.values()) for c in counts) if kind == "micro" else (tp[kind], pred[kind], gold[kind])
        out.append([kind, g, p, *prf(t, p - t, g - t)])
    return out


def micro_f1(counts: Counts) -> float:
    f1 = rows(counts)[-1][-1]
    assert isinstance(f1, float)
    return f1


def show(results: dict[str, Counts], sizes: dict[str, int], match: str = "exact spans") -> None:
    header = ["type", "gold", "predicted", "precision", "recall", "F1"]
    for name, counts in results.items():
        title = f"{name}, {sizes[name]} docs" if name in sizes else "all held-out sets pooled"
        print_table(f"{title} ({match})", header, rows(counts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval ner-uk", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="documents per held-out set (fast CI run)")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if the pooled micro-F1 is below")
    parser.add_argument("--overlap", action="store_true", help="a hit is an overlap of the same type")
    parser.add_argument("--natasha", action="store_true", help="score natasha alone instead of the model")
    args = parser.parse_args(argv)
    corpus = args.shared / "corpus"
    if not (corpus / "ner-uk").is_dir() or not (corpus / "slavicner").is_dir():
        print(f"no ner-uk or slavicner under {corpus}")
        return 2
    sets = split(corpus)
    if args.natasha:
        from syuzhet.eval.ner_folds import natasha_alone  # the one wrapper of natasha alone
    results = score(sets, natasha_alone if args.natasha else tag, args.limit, args.overlap)
    sizes = {name: len(sets[name][: args.limit]) for name in HELDOUT_SETS}
    show(results, sizes, "overlap" if args.overlap else "exact spans")
    micro = micro_f1(results["pooled"])
    print(f"pooled micro-F1 {micro:.4f}")
    return 1 if args.baseline is not None and micro < args.baseline else 0


if __name__ == "__main__":
    raise SystemExit(main())
