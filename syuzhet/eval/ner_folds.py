"""Cross-validation of the Russian NER fixes: does each fix to natasha help on documents and topics it was
not chosen on?

    python -m syuzhet.eval entities --folds [--shared DIR] [--limit N] [--floor-gap X]

Two sources of folds: factRuEval-2016 devset split by document (``sha1(name) % 5``), and the Russian
SlavicNER documents split by topic (five topics, leave-one-topic-out). For each of these ten folds, the fixes
(``syuzhet.entities.fixes``) are chosen on the other nine (``select``: a fix stays on when its F1 gain there,
averaged per corpus and then over the two corpora, is above zero) and scored on the held-out fold.

Measure: per type, overlap F1 (a predicted span and a gold span of the same type that overlap, one to one;
on SlavicNER, whose gold is flat, the predictions are made flat too: the outermost spans), as in the issue;
micro F1 over the types the corpus annotates (factRu PER/LOC/ORG, SlavicNER also EVT/PRO).
Printed per fold beside natasha alone (its tagger on the whole text, no fix):

- natasha alone, every fix on, the cross-validated choice, and the shipped set (``data/entities/ner_fixes.txt``,
  chosen on all folds: not held-out);
- per fix, micro F1 with it minus without it (every other fix on) on each held-out fold.

``--floor-gap X`` exits 1 when, on either corpus, the pooled held-out F1 of a type under the cross-validated
choice is more than X below natasha alone's: the library is the floor.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.entities import fixes, repeat_spans, tag_text
from syuzhet.eval.common import outermost, prf, print_table, shared_dir
from syuzhet.eval.entities import read_factru, read_slavicner

Span = tuple[int, int, str]
Fixes = frozenset[str]
ALL: Fixes = frozenset(fixes.NAMES)
NONE: Fixes = frozenset()
NATASHA = "natasha alone"
FACTRU_FOLDS = 5


@dataclass
class Doc:
    corpus: str  # 'factru' or 'slavicner'
    fold: str  # 'factru/0'..'factru/4', 'slavicner/<topic>'
    name: str
    text: str
    gold: list[Span]


def load(shared: Path, limit: int | None = None) -> list[Doc]:
    docs = []
    for name, text, gold, _ in read_factru(shared, limit):
        fold = int(hashlib.sha1(name.encode()).hexdigest(), 16) % FACTRU_FOLDS
        docs.append(Doc("factru", f"factru/{fold}", name, text, gold))
    for doc in read_slavicner(shared, limit):
        if doc.lang == "ru":
            gold = [(g.start, g.end, g.type) for g in doc.gold]
            docs.append(Doc("slavicner", f"slavicner/{doc.key.split('/')[0]}", doc.key, doc.text, gold))
    return docs


def types_of(corpus: str) -> tuple[str, ...]:
    return ("PER", "LOC", "ORG") if corpus == "factru" else ("PER", "LOC", "ORG", "EVT", "PRO")


def overlap_counts(pred: list[Span], gold: list[Span], types: tuple[str, ...]) -> Counter[str]:
    """'tp:T', 'pred:T', 'gold:T' per type T: one-to-one pairs of overlapping spans of the same type."""
    counts: Counter[str] = Counter()
    for kind in types:
        p = [s for s in pred if s[2] == kind]
        g = [s for s in gold if s[2] == kind]
        used: set[int] = set()
        for ps in p:
            hit = next((i for i, gs in enumerate(g) if i not in used and ps[0] < gs[1] and gs[0] < ps[1]), None)
            if hit is not None:
                used.add(hit)
        counts[f"tp:{kind}"] += len(used)
        counts[f"pred:{kind}"] += len(p)
        counts[f"gold:{kind}"] += len(g)
    return counts


def f1(counts: Counter[str], kinds: tuple[str, ...]) -> float:
    tp = sum(counts[f"tp:{k}"] for k in kinds)
    return prf(tp, sum(counts[f"pred:{k}"] for k in kinds) - tp, sum(counts[f"gold:{k}"] for k in kinds) - tp)[2]


def natasha_alone(text: str) -> list[Span]:
    from syuzhet.entities.ru_ner import _tagger

    return [(s.start, s.stop, s.type) for s in _tagger()(text).spans]


def ours(text: str, on: Fixes) -> list[Span]:
    """What ``find_entities`` finds in Russian ``text`` with the fixes ``on``, without the base forms."""
    with fixes.active("ru", on):
        spans = [(s, e, k, "ru") for s, e, k in tag_text(text, "ru")]
        spans += repeat_spans(text, spans, [(0, len(text), "ru")])
    return sorted((s, e, k) for s, e, k, _ in spans)


def scored(doc: Doc, pred: list[Span]) -> list[Span]:
    """``pred`` as scored on ``doc``'s corpus: flat (the outermost spans) on SlavicNER, whose gold is flat;
    as found on factRu, whose gold nests places in organisations as the fix ``nested_places`` does."""
    return outermost(pred, lambda s: (s[0], s[1])) if doc.corpus == "slavicner" else pred


@dataclass
class Runs:
    """Per-document counts of each configuration, computed once."""

    docs: list[Doc]
    counts: dict[Fixes | str, list[Counter[str]]] = field(default_factory=dict)

    def of(self, config: Fixes | str) -> list[Counter[str]]:
        if config not in self.counts:
            self.counts[config] = [
                overlap_counts(scored(d, natasha_alone(d.text) if config == NATASHA else ours(d.text, Fixes(config))),
                               d.gold, types_of(d.corpus))
                for d in self.docs
            ]
        return self.counts[config]

    def total(self, config: Fixes | str, fold: str) -> Counter[str]:
        out: Counter[str] = Counter()
        for doc, counts in zip(self.docs, self.of(config), strict=True):
            if doc.fold == fold or doc.corpus == fold:
                out.update(counts)
        return out

    def micro(self, config: Fixes | str, fold: str) -> float:
        return f1(self.total(config, fold), types_of(fold.split("/")[0]))


def select(runs: Runs, folds: list[str]) -> Fixes:
    """Fixes whose F1 gain, averaged over each corpus's folds among ``folds`` and then over the corpora, is
    above zero. Each corpus weighs the same whatever its number of folds; a corpus that does not annotate
    what a fix adds (factRu has no EVT/PRO) still counts what the fix takes from the types it has."""
    base = {fold: runs.micro(ALL, fold) for fold in folds}
    corpora = sorted({fold.split("/")[0] for fold in folds})
    kept = set()
    for name in fixes.NAMES:
        gains = []
        for corpus in corpora:
            mine = [fold for fold in folds if fold.startswith(corpus + "/")]
            gains.append(sum(base[f] - runs.micro(ALL - {name}, f) for f in mine) / len(mine))
        if sum(gains) / len(gains) > 0:
            kept.add(name)
    return Fixes(kept)


def cross_validate(runs: Runs) -> tuple[dict[str, dict[str, float]], dict[str, Fixes], dict[str, Counter[str]]]:
    """Per held-out fold: micro F1 of each column; the fixes chosen without it; pooled held-out counts."""
    folds = sorted({d.fold for d in runs.docs})
    table: dict[str, dict[str, float]] = {}
    chosen: dict[str, Fixes] = {}
    pooled: dict[str, Counter[str]] = {}
    for fold in folds:
        chosen[fold] = select(runs, [f for f in folds if f != fold])
        columns: dict[str, Fixes | str] = {NATASHA: NATASHA, "no fix": NONE, "all fixes": ALL,
                                           "cross-validated": chosen[fold], "shipped": fixes.enabled("ru")}
        table[fold] = {name: runs.micro(config, fold) for name, config in columns.items()}
        corpus = fold.split("/")[0]
        for name, config in columns.items():
            pooled.setdefault(f"{corpus} {name}", Counter()).update(runs.total(config, fold))
    return table, chosen, pooled


def show(runs: Runs, table: dict[str, dict[str, float]], chosen: dict[str, Fixes],
         pooled: dict[str, Counter[str]]) -> None:
    columns = list(next(iter(table.values())))
    rows: list[list[object]] = [[fold, sum(d.fold == fold for d in runs.docs), *table[fold].values(),
                                 " ".join(sorted(fixes.NAMES.index(n) for n in ALL - chosen[fold]).__str__().split())
                                 if ALL - chosen[fold] else "-"] for fold in table]
    print_table("Russian NER: micro overlap F1 per held-out fold (fixes chosen on the other nine folds)",
                ["fold", "docs", *columns, "fixes off (index in NAMES)"], rows)
    for corpus in ("factru", "slavicner"):
        kinds = types_of(corpus)
        type_rows: list[list[object]] = [[name, *(f1(pooled[f"{corpus} {name}"], (k,)) for k in kinds),
                                          f1(pooled[f"{corpus} {name}"], kinds)]
                                         for name in columns if f"{corpus} {name}" in pooled]
        print_table(f"{corpus}: pooled held-out overlap F1 per type ('shipped' is chosen on all folds)",
                    ["", *kinds, "micro"], type_rows)
    fix_rows: list[list[object]] = []
    for name in fixes.NAMES:
        deltas = [runs.micro(ALL, fold) - runs.micro(ALL - {name}, fold) for fold in table]
        fix_rows.append([name, *deltas, sum(d > 0 for d in deltas), sum(d < 0 for d in deltas),
                         sum(name in chosen[f] for f in table)])
    print_table("per fix: held-out micro F1 with it minus without it (every other fix on)",
                ["fix", *(f.split("/")[1][:8] for f in table), "helps", "hurts", "chosen"], fix_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval entities --folds", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="factru documents, SlavicNER documents per topic")
    parser.add_argument("--floor-gap", type=float, default=None,
                        help="exit 1 if a type's pooled held-out F1 is more than this below natasha alone's")
    args = parser.parse_args(argv)
    from syuzhet.entities import ru_ner

    ru_ner.CACHE_LINES = 10**7  # every configuration re-reads the same texts: natasha runs once per line
    runs = Runs(load(args.shared, args.limit))
    table, chosen, pooled = cross_validate(runs)
    show(runs, table, chosen, pooled)
    folds = list(table)
    final = select(runs, folds)
    print("chosen on all folds (what ner_fixes.txt should say for ru):", " ".join(n for n in fixes.NAMES if n in final))
    print("off:", " ".join(n for n in fixes.NAMES if n not in final) or "-")
    failed = False
    for corpus in ("factru", "slavicner"):
        for kind in types_of(corpus)[:3]:
            ours_f1 = f1(pooled[f"{corpus} cross-validated"], (kind,))
            floor = f1(pooled[f"{corpus} {NATASHA}"], (kind,))
            if args.floor_gap is not None and ours_f1 < floor - args.floor_gap:
                print(f"{corpus} {kind}: held-out F1 {ours_f1:.3f} is below natasha alone {floor:.3f}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
