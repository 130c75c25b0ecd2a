"""Train the Ukrainian NER CRF shipped as syuzhet/entities/models/uk_ner.crfsuite, then score it.

    python scripts/train_uk_ner.py [--shared DIR] [--out PATH] [--gazetteer LIST]
    python scripts/train_uk_ner.py --folds [--only-folds 1,2]   # cross-validation inside the training set
        [--keep DIR [--reuse]] [--param c2=0.3] [--overlap] [--natasha]

Reads ner-uk v2.0 and the Ukrainian part of SlavicNER from ../shared/corpus at run time; the split, the label
mapping and the scoring live in ``syuzhet.eval.ner_uk``. Deterministic: L-BFGS over the documents in sorted
order, no random state. Writes the model, ``uk_ner.meta.json`` and ``uk_ner.gaz.tsv`` beside it, and prints the
held-out scores. ``uk_ner.gaz.tsv`` freezes the names of the ``gaz=`` feature: the forms of ``places.txt`` and
``aliases.txt`` as they are when the model is trained (or the list ``--gazetteer`` gives, to train again with
the names of an earlier model). Training, the scores here and ``uk_crf.tag`` all read that one list, so a later
edit of ``places.txt`` changes the model's features only through a retraining.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from syuzhet.entities import uk_crf
from syuzhet.entities.gazetteer import typed_forms
from syuzhet.eval import ner_uk
from syuzhet.eval.common import shared_dir
from syuzhet.eval.ner_folds import natasha_alone

MODEL_ID = "syuzhet-uk-ner-crf"
VERSION = "1.2.0"
PARAMS: dict[str, object] = {
    "c1": 0.1,  # L1: drops most of the feature weights, keeps the file small
    "c2": 0.1,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
SLAVICNER_COPIES = 2  # SlavicNER is news like the project's input but a third of ner-uk's size


def bio(tokens: list[uk_crf.Token], spans: list[ner_uk.Span]) -> list[str]:
    """BIO labels; a span whose ends fall inside a token (``Лондон|а``) takes the whole token."""
    labels = ["O"] * len(tokens)
    for start, end, kind in spans:
        inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def sequences(doc: ner_uk.Doc) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per line, leaving out lines that hold an unmapped ner-uk name (MISC, DOC)."""
    out = []
    lines = uk_crf.tokenize(doc.text)
    context = uk_crf.document_context(lines)
    for tokens in lines:
        first, last = tokens[0].start, tokens[-1].end
        if any(s < last and first < e for s, e in doc.unscored):
            continue
        spans = [s for s in doc.spans if s[0] < last and first < s[1]]
        out.append((uk_crf.token_features(tokens, context), bio(tokens, spans)))
    return out


def train(docs: list[ner_uk.Doc], model: Path, params: dict[str, object]) -> int:
    """Write a model trained on ``docs``; return the number of training sequences."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params)
    n = 0
    for doc in docs:
        copies = SLAVICNER_COPIES if doc.corpus.startswith("slavicner/") else 1
        for xseq, yseq in sequences(doc):
            for _ in range(copies):
                trainer.append(xseq, yseq)
                n += 1
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return n


def training_folds(docs: list[ner_uk.Doc]) -> list[list[ner_uk.Doc]]:
    """Four folds of the training set: ner-uk texts by sha1(id) % 5 (1..4; 0 is held out), and one SlavicNER
    training topic per fold, so each SlavicNER fold is a topic the other folds never saw."""
    topics = sorted({d.corpus.split("/")[1] for d in docs if d.corpus.startswith("slavicner/")})
    folds: list[list[ner_uk.Doc]] = [[] for _ in range(4)]
    for doc in docs:
        if doc.corpus.startswith("slavicner/"):
            folds[topics.index(doc.corpus.split("/")[1]) % 4].append(doc)
        else:
            folds[int(hashlib.sha1(doc.id.encode()).hexdigest(), 16) % 5 - 1].append(doc)
    return folds


def freeze_gazetteer(path: Path, given: Path | None) -> list[tuple[str, str]]:
    """Write the ``gaz=`` feature's list to ``path`` (from ``given``, else from places.txt and aliases.txt as they
    are now) and make ``uk_crf`` read it; return its (type, form) pairs."""
    typed = uk_crf.read_gazetteer(given) if given else typed_forms()
    uk_crf.write_gazetteer(path, typed)
    uk_crf.use_gazetteer(path)
    return typed


def cross_validate(docs: list[ner_uk.Doc], workdir: Path, only: set[int] | None, args: argparse.Namespace) -> None:
    """Train on three folds, score the fourth (ner-uk and SlavicNER parts apart), for each fold (those in
    ``only`` when given); print F1 per type. ``args.natasha``: score natasha alone on the same folds instead;
    ``args.reuse``: tag with the fold models already in ``workdir``; ``args.overlap``: overlap matching."""
    params = {**PARAMS, **{k: float(v) for k, v in (p.split("=", 1) for p in args.param)}}
    print(f"params {params}", flush=True)
    kept = workdir / uk_crf.GAZETTEER_PATH.name
    if args.reuse and kept.exists():
        uk_crf.use_gazetteer(kept)  # the list the kept fold models were trained with
    else:
        freeze_gazetteer(kept, args.gazetteer)
    pooled: dict[str, ner_uk.Counts] = {}
    for k, test in enumerate(training_folds(docs)):
        if only is not None and k not in only:
            continue
        rest = [d for j, fold in enumerate(training_folds(docs)) if j != k for d in fold]
        model = workdir / f"fold{k}.crfsuite"
        if not args.natasha and not args.reuse:
            train(rest, model, params)
        tagger = pycrfsuite.Tagger()
        if not args.natasha:
            tagger.open(str(model))
        tag = natasha_alone if args.natasha else functools.partial(uk_crf.tag_with, tagger)
        for part in ("ner-uk", "slavicner"):
            counts = ner_uk.count([d for d in test if d.corpus.startswith(part)], tag, args.overlap)
            print(f"fold {k} {part:<10} {_f1s(counts)}", flush=True)
            total = pooled.setdefault(part, (Counter(), Counter(), Counter()))
            for a, b in zip(total, counts, strict=True):
                a.update(b)
    for part, counts in pooled.items():
        print(f"pooled {part:<10} {_f1s(counts)}")


def _f1s(counts: ner_uk.Counts) -> str:
    f1 = {str(r[0]): r[-1] for r in ner_uk.rows(counts)}
    return " ".join(f"{t} {f1.get(t, 0.0):.3f}" for t in ("PER", "LOC", "ORG", "micro"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path, default=uk_crf.MODEL_PATH)
    parser.add_argument("--gazetteer", type=Path, default=None, help="train with this frozen gaz= list")
    parser.add_argument("--folds", action="store_true", help="cross-validate inside the training set instead")
    parser.add_argument("--only-folds", default=None, help="with --folds: these folds only, e.g. 1,2")
    parser.add_argument("--keep", type=Path, default=None, help="with --folds: keep the fold models here")
    parser.add_argument("--param", action="append", default=[], help="with --folds: NAME=VALUE, e.g. c2=0.3")
    parser.add_argument("--reuse", action="store_true", help="with --folds --keep: tag with the kept models")
    parser.add_argument("--natasha", action="store_true", help="with --folds: natasha alone on the same folds")
    parser.add_argument("--overlap", action="store_true", help="with --folds: a hit is an overlap of the type")
    args = parser.parse_args(argv)
    sets = ner_uk.split(args.shared / "corpus")
    if args.folds:
        with tempfile.TemporaryDirectory() as workdir:
            only = {int(k) for k in args.only_folds.split(",")} if args.only_folds else None
            cross_validate(sets["train"], args.keep or Path(workdir), only, args)
        return 0
    gazetteer = args.out.with_name(args.out.name.split(".")[0] + ".gaz.tsv")
    typed = freeze_gazetteer(gazetteer, args.gazetteer)
    began = time.perf_counter()
    n = train(sets["train"], args.out, PARAMS)
    seconds = time.perf_counter() - began
    print(f"trained on {len(sets['train'])} documents ({n} sequences) in {seconds:.0f} s -> {args.out}")

    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    results = ner_uk.score(sets, lambda text: uk_crf.tag_with(tagger, text))
    ner_uk.show(results, {name: len(sets[name]) for name in ner_uk.HELDOUT_SETS})
    trained = Counter(d.corpus.split("/")[0] for d in sets["train"])
    meta = {
        "id": MODEL_ID,
        "version": VERSION,
        "protocol": "CRFsuite linear-chain CRF (python-crfsuite 0.9), BIO labels, one sequence per line",
        "features": uk_crf.FEATURES_VERSION,
        "gazetteer": {
            "file": gazetteer.name,
            "forms": dict(Counter(kind for kind, _ in typed)),
            "sha1": hashlib.sha1(gazetteer.read_bytes()).hexdigest(),
            "what": "the names of the gaz= feature, frozen at training: forms of places.txt (LOC), aliases.txt (ORG)",
        },
        "types": list(uk_crf.TYPES),
        "training_data": {
            "ner-uk v2.0 (../shared/corpus/ner-uk/v2.0/data)": {
                "documents": trained["ner-uk"],
                "part": "official DEV part less those with sha1(id) % 5 == 0",
                "labels": "PERS->PER, LOC, ORG, ART->PRO; lines with MISC or DOC left out; other types are O",
            },
            "SlavicNER, Ukrainian (../shared/corpus/slavicner)": {
                "documents": trained["slavicner"],
                "part": f"all topics but {ner_uk.HELDOUT_TOPIC}, less those with sha1(topic/name) % 5 == 0",
                "labels": "PER, LOC, ORG, EVT, PRO as annotated",
                "copies": SLAVICNER_COPIES,
            },
        },
        "held_out": {name: len(sets[name]) for name in ner_uk.HELDOUT_SETS},
        "licence": "CC BY-NC-SA 4.0 (ner-uk v2.0, lang-uk); SlavicNER: see MODEL_CARD.md",
        "params": PARAMS,
        "train_seconds": round(seconds),
        "scores": {
            name: {
                str(row[0]): dict(zip(("gold", "predicted", "p", "r", "f1"), _rounded(row[1:]), strict=True))
                for row in ner_uk.rows(counts)
            }
            for name, counts in results.items()
        },
    }
    meta_path = args.out.with_name(args.out.name.split(".")[0] + ".meta.json")
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pooled micro-F1 {ner_uk.micro_f1(results['pooled']):.4f}; wrote {meta_path}")
    return 0


def _rounded(values: list[object]) -> list[object]:
    return [round(v, 4) if isinstance(v, float) else v for v in values]


if __name__ == "__main__":
    raise SystemExit(main())
