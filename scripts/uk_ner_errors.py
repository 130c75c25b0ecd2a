"""LOC confusions of the Ukrainian CRF on the training folds (or the held-out sets), counted by cause.

    python scripts/train_uk_ner.py --folds --keep DIR      # trains DIR/fold0.crfsuite .. fold3.crfsuite
    python scripts/uk_ner_errors.py DIR [--folds 0,1] [--examples 5]
    python scripts/uk_ner_errors.py --heldout [--examples 0]  # the shipped model on the held-out sets

Each fold model tags the fold it was not trained on (the folds of ``train_uk_ner.training_folds``); with
``--heldout`` the shipped model tags the held-out sets of ``ner_uk.split`` (keep ``--examples 0`` there: read the
counts, not the texts, so the sets stay held out). A gold LOC is *right* (same span and type), a *boundary*
error (a LOC overlaps it with other ends), *typed X* (an overlapping span of type X), or *missed*; a predicted
LOC that overlaps no gold LOC is a *false LOC*, split by the gold type it overlaps (``over X``) or ``plain text``.
Each error also gets the word before the span (lower-cased), so classes such as 'с.', 'вул.', 'в' show up in the
counts.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_uk_ner import training_folds

from syuzhet.entities import uk_crf
from syuzhet.eval import ner_uk
from syuzhet.eval.common import shared_dir

Span = tuple[int, int, str]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _before(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].lower() if words else "^"


def classify(doc: ner_uk.Doc, pred: list[Span]) -> list[tuple[str, str, str]]:
    """(cause, word before, span text) for each LOC error of one document."""
    out: list[tuple[str, str, str]] = []
    pred = [p for p in pred if not any(p[0] < e and s < p[1] for s, e in doc.unscored)]
    for g in (g for g in doc.spans if g[2] == "LOC"):
        if g in pred:
            continue
        over = [p for p in pred if _overlaps(p, g)]
        cause = ("boundary" if any(p[2] == "LOC" for p in over) else f"typed {over[0][2]}") if over else "missed"
        shown = doc.text[min([g[0], *(p[0] for p in over)]) : max([g[1], *(p[1] for p in over)])]
        out.append((cause, _before(doc.text, g[0]), shown))
    for p in (p for p in pred if p[2] == "LOC"):
        if any(_overlaps(p, g) and g[2] == "LOC" for g in doc.spans):
            continue
        over = [g for g in doc.spans if _overlaps(p, g)]
        out.append((f"false LOC over {over[0][2]}" if over else "false LOC, plain text", _before(doc.text, p[0]),
                    doc.text[p[0] : p[1]]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", type=Path, nargs="?", default=None)
    parser.add_argument("--heldout", action="store_true", help="the shipped model on the held-out sets")
    parser.add_argument("--folds", default="0,1,2,3")
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    args = parser.parse_args(argv)
    sets = ner_uk.split(args.shared / "corpus")
    runs: list[tuple[str, Callable[[str], list[Span]], list[ner_uk.Doc]]] = []  # (set name or "", tagger, docs)
    if args.heldout:
        runs = [(name, uk_crf.tag, sets[name]) for name in ner_uk.HELDOUT_SETS if sets[name]]
    elif args.models is None:
        parser.error("give the directory of the fold models, or --heldout")
    else:
        if (kept := args.models / uk_crf.GAZETTEER_PATH.name).exists():
            uk_crf.use_gazetteer(kept)  # the gaz= list the fold models were trained with (train_uk_ner.py --keep)
        folds = training_folds(sets["train"])
        for k in (int(f) for f in args.folds.split(",")):
            tagger = pycrfsuite.Tagger()
            tagger.open(str(args.models / f"fold{k}.crfsuite"))
            runs.append(("", functools.partial(uk_crf.tag_with, tagger), folds[k]))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    befores: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for name, tag, docs in runs:
        for doc in docs:
            part = name or doc.corpus.split("/")[0]
            for cause, before, shown in classify(doc, tag(doc.text)):
                counts[part][cause] += 1
                befores[f"{part}: {cause}"][before] += 1
                examples[f"{part}: {cause}"].append(f"{before} [{shown}]")
    for part, by_cause in counts.items():
        where = "the held-out sets" if args.heldout else f"folds {args.folds}"
        print(f"== {part}: {sum(by_cause.values())} LOC errors on {where}")
        for cause, n in by_cause.most_common():
            key = f"{part}: {cause}"
            common = ", ".join(f"{w} {c}" for w, c in befores[key].most_common(6))
            print(f"{n:5d}  {cause:<24} before: {common}")
            for line in examples[key][: args.examples]:
                print(f"       {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
