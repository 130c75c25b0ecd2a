"""Fit the story link model (``syuzhet/data/stories/link_model.json``) on a labelled news stream.

    python scripts/train_story_model.py [--stream ../shared/corpus/stories/dev.jsonl] [--folds 5] [--write]

1. The stream's items are fed to the pipeline as a user's JSONL would be (text, url, outlet, title, date; no
   labels): article stages, duplicates, entity linking.
2. Every pair of items gives the link features of one article against a story holding only the other (the
   same code the index runs; the article with a date is the one added, when one of the two has a date); a
   logistic regression (L2, Newton steps) learns same-event from them. The weights for undated articles are
   fitted the same way on every pair with both dates hidden, over the features that do not involve dates.
3. Folds by event family (events whose items name each other as near misses stay in one fold): for each fold,
   weights fitted on the other folds drive the real incremental index over the whole stream, and the fold's
   items and the pairs touching them are scored. The joining threshold is the one with the best mean of
   B-cubed F1 and pairwise F1 over the held-out folds.
4. The final weights are fitted on all pairs; with ``--write`` they, the threshold and the fold-wise figures
   go to the model file. Deterministic (fixed fold seed)."""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import numpy as np

from syuzhet.entities import link_entities
from syuzhet.eval.common import print_table, shared_dir
from syuzhet.eval.stream import HEADER, aligned_dates, families, item_number, load_stream, score, write_feed
from syuzhet.model import Article
from syuzhet.pipeline import analyze, mark_duplicates
from syuzhet.stories.build import in_order, observed
from syuzhet.stories.cluster import StoryIndex
from syuzhet.stories.features import Features, entity_spans
from syuzhet.stories.link_model import FEATURES, MODEL_FILE, UNDATED_FEATURES, LinkModel, Weights
from syuzhet.stories.state import Entry, StoryState

THRESHOLDS = [round(0.25 + 0.05 * k, 2) for k in range(12)]
VIEWS = ("dates", "aligned", "no dates")
WINDOW_DAYS = 7
L2 = 1.0


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, l2: float = L2, steps: int = 30) -> np.ndarray:
    """Logistic regression weights (last one the bias) by Newton steps with an L2 penalty on the weights;
    ``weight``: how much each row counts."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    sw = np.ones(len(x)) if weight is None else weight
    w = np.zeros(xb.shape[1])
    penalty = np.eye(len(w)) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (sw * (p - y)) + penalty @ w
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def as_model(names: tuple[str, ...], dated: np.ndarray, undated: np.ndarray, threshold: float,
             min_names: float = 0.0, min_shared: int = 1) -> LinkModel:
    return LinkModel(Weights(dict(zip(names, map(float, dated[:-1]), strict=True)), float(dated[-1])),
                     Weights(dict(zip(UNDATED_FEATURES, map(float, undated[:-1]), strict=True)),
                             float(undated[-1])),
                     threshold, WINDOW_DAYS, min_names, min_shared)


def pair_values(entry: Entry, other: Entry) -> dict[str, float]:
    """The link features of ``entry`` against a story of ``other`` alone."""
    story = StoryState("s")
    story.add(other)
    return story.features(entry)


def dated_as(entry: Entry, date: str | None) -> Entry:
    return Entry(entry.id, entry.vector, entry.names, date, entry.lang, entry.outlet)


def view(feats: dict[str, Features], name: str, aligned: dict[str, str | None]) -> dict[str, Features]:
    """The stream as clustered: its own dates ('dates'), event families aligned on one day ('aligned'), or no
    dates at all ('no dates': a folder of undated pages)."""
    if name == "dates":
        return feats
    return {k: Features(f.id, f.lang, aligned.get(k) if name == "aligned" else None, f.outlet, f.counts, f.lead)
            for k, f in feats.items()}


def cluster(articles: list[Article], feats: dict[str, Features], base: StoryIndex, model: LinkModel) -> dict[str, str]:
    """The incremental index over the stream with ``model``; the statistics are the batch's (``base``)."""
    index = StoryIndex(model)
    index.df, index.docs, index.sentence_counts = base.df, base.docs, base.sentence_counts
    for article in in_order(articles):
        index.add(feats[article.id], article.duplicate_of, observed=True)
    return dict(index.story_of)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", type=Path, default=shared_dir() / "corpus" / "stories" / "dev.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write", action="store_true", help=f"write syuzhet/data/{MODEL_FILE}")
    parser.add_argument("--features", nargs="+", default=list(FEATURES), choices=FEATURES)
    parser.add_argument("--min-names", type=float, default=0.0, help="the model's names gate")
    parser.add_argument("--min-shared", type=int, default=1, help="the model's shared keys gate")
    parser.add_argument("--augment", type=float, default=0.0,
                        help="also learn from every pair of different events as if published on one day, each "
                             "such pair counting this much")
    args = parser.parse_args(argv)
    items = load_stream(args.stream)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed(items, feed)
        analysis = analyze([str(feed)], batch_stages=[mark_duplicates, link_entities])
    article_of = {n: a for a in analysis.articles if (n := item_number(a.source)) is not None}
    print(f"{len(items)} items, {len(article_of)} articles", file=sys.stderr)
    base, feats = observed(analysis.articles, entities=entity_spans(analysis.entities))
    entries = {a.id: base.entry(feats[a.id]) for a in analysis.articles}
    numbers = sorted(article_of)
    family = families(items)
    moved = aligned_dates(items, family)
    aligned = {article_of[n].id: moved[n] for n in article_of}
    dated_rows, undated_rows, labels, pair_items, row_weight = [], [], [], [], []
    for i_pos, i in enumerate(numbers):
        for j in numbers[i_pos + 1:]:
            a, b = entries[article_of[i].id], entries[article_of[j].id]
            if a.date is None:
                a, b = b, a
            same = items[i]["event"] == items[j]["event"]
            dated_rows.append([pair_values(a, b)[name] for name in FEATURES])
            values = pair_values(dated_as(a, None), dated_as(b, None))
            undated_rows.append([values[name] for name in UNDATED_FEATURES])
            labels.append(same)
            pair_items.append((i, j))
            row_weight.append(1.0)
            if args.augment and family[i] != family[j] and a.date and b.date:  # as in a dense feed
                moved_a = dated_as(a, aligned[a.id])
                dated_rows.append([pair_values(moved_a, dated_as(b, aligned[b.id]))[name] for name in FEATURES])
                undated_rows.append(undated_rows[-1])
                labels.append(False)
                pair_items.append((i, j))
                row_weight.append(args.augment)
    chosen = [FEATURES.index(name) for name in args.features]
    x, xu, y = np.array(dated_rows)[:, chosen], np.array(undated_rows), np.array(labels, dtype=float)
    sw = np.array(row_weight)
    real = sw == 1.0
    fams = sorted(set(family))
    random.Random(args.seed).shuffle(fams)
    fold_of = {f: k % args.folds for k, f in enumerate(fams)}
    fold = [fold_of[f] for f in family]
    weights = []
    for k in range(args.folds):
        train = np.array([fold[i] != k and fold[j] != k for i, j in pair_items])
        weights.append((fit(x[train], y[train], sw[train]), fit(xu[train & real], y[train & real])))
    table = []
    best: tuple[float, float, list[list[object]]] | None = None
    names = tuple(args.features)
    for threshold in THRESHOLDS:
        means = []
        for view_name in VIEWS:
            seen = view(feats, view_name, aligned)
            predicted: list[list[object]] = []
            for k in range(args.folds):
                model = as_model(names, *weights[k], threshold, args.min_names, args.min_shared)
                story_of = cluster(analysis.articles, seen, base, model)
                predicted.append([story_of.get(article_of[i].id, f"alone{i}") if i in article_of else f"alone{i}"
                                  for i in range(len(items))])
            folds = [score(items, predicted[k], {i for i in range(len(items)) if fold[i] == k})
                     for k in range(args.folds)]
            mean = [sum(float(s.row()[c]) for s in folds) / len(folds) for c in range(1, len(HEADER))]
            table.append([threshold, view_name, *mean])
            means.append(mean)
            if view_name == "dates":
                fold_rows: list[list[object]] = [[f"fold {k}", *s.row()] for k, s in enumerate(folds)]
        objective = sum(m[2] + m[5] for m in means[:2]) / 4  # own dates and a dense feed count alike
        if best is None or objective > best[0]:
            best = (objective, threshold, fold_rows)
    print_table("held-out folds, mean over folds, by threshold", ["threshold", "view", *HEADER[1:]], table)
    assert best is not None
    _, threshold, fold_rows = best
    print_table(f"held-out folds at threshold {threshold}", ["fold", *HEADER], fold_rows)
    final = as_model(names, fit(x, y, sw), fit(xu[real], y[real]), threshold, args.min_names, args.min_shared)
    print(json.dumps({"dated": final.dated.as_dict(), "undated": final.undated.as_dict()}, indent=1))
    if args.write:
        record = final.as_dict()
        record["meta"] = {
            "trained_on": str(args.stream.name), "items": len(items), "pairs": len(labels),
            "folds": args.folds, "fold_seed": args.seed, "folds_by": "event family (near-miss notes)",
            "held_out_at_threshold": {str(r[0]): dict(zip(HEADER, r[1:], strict=True)) for r in fold_rows},
            "script": "scripts/train_story_model.py",
        }
        path = Path(__file__).resolve().parents[1] / "syuzhet" / "data" / MODEL_FILE
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
