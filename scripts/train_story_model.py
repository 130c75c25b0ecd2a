"""Fit the story link model (``syuzhet/data/stories/link_model.json``) on a labelled news stream.

    python scripts/train_story_model.py [--stream ../shared/corpus/stories/dev.jsonl] [--write]

1. The stream's items are fed to the pipeline as a user's JSONL would be (text, url, outlet, title, date; no
   labels): article stages, duplicates, entity linking.
2. Every pair of items gives the link features of one article against a story holding only the other (the
   same code the index runs; the article with a date is the one added when only one has a date). A logistic
   regression (L2, Newton steps) learns same-event from them. A labelled stream is sparse (a few items a day),
   where sharing a date nearly means sharing an event; a day's feed is dense. So every pair of items from
   different event families is also shown as if both were published on the days they would have in a dense
   feed (``--augment``: each such pair counts this much). The weights for undated articles are fitted on
   every pair with both dates hidden, over the features that do not involve dates.
3. Folds by event family (events whose items name each other as near misses stay in one fold): for each fold,
   weights fitted on the other folds drive the real incremental index over the whole stream, and the fold's
   items and the pairs touching them are scored, in three views of the stream: its own dates, event families
   aligned to start on one day (a dense feed), and no dates. The joining threshold is the one with the best
   mean of B-cubed F1 and pairwise F1 over the first two views.
4. The final weights are fitted on all pairs; with ``--write`` they, the threshold, the gates and the
   held-out figures go to the model file. Deterministic (fixed fold seed).

The defaults of ``--augment``, ``--min-names`` and ``--min-shared`` are the values chosen on the held-out
folds (the closing notes of the stories issue give the comparison). ``--undated-shift`` makes the bar for an
undated article stricter. On the held-out folds at threshold 0.4 it trades recall for precision where dates are
missing (no-dates view, shift 0 / -0.5 / -1 / -2: B-cubed P .847/.874/.890/.943, F1 .727/.709/.678/.655) and leaves
the own-dates view as it is down to -1 (B-cubed F1 .923; .927 at -2). -0.5 is kept for precision: at 0 an undated
Ukrainian page joined a Russian SlavicNER topic through one shared person (a mixed story, which the stories issue
forbids), and below -0.5 two undated pages of one event no longer join their dated story (the seeds).

``--merge`` (the index merges a story in other languages only that an article also links to with at least this
probability) on the same folds at threshold 0.4, B-cubed F1 / pairwise F1 / cross-language recall, own dates and
dense feed: off .923/.847/.718 and .878/.721/.693; 0.8 no change; 0.7 and 0.6 .929/.858/.762 and .884/.732/.737;
0.5 .932/.864/.786 and .881/.720/.743; merging any two stories at 0.5 (not only other languages) .935/.868/.792
but the dense feed falls to .871/.652. Cross-language precision is .775 at 0.6-0.8 and off. 0.7 was kept then, the
plateau's safer end. With the 3-day window below, 0.6 and 0.7 give the same own-dates and dense-feed figures
(no dates: B-cubed F1 .711 vs .710), and with the weights refitted on today's features an event whose English
and Russian stories began apart no longer merges when fed one article per run at 0.7 (the link reaches 0.6-0.7;
a test in tests/test_stories_stream.py): 0.6 is kept.

``--window-days``: a story is a candidate for an article only when its first and last dated members both lie
within this many days of the article's date. On the labelled stream 374 of 383 dated items are at most one day
after their event's first item; what joins later is mostly a sequel with the same people (a detention and the
charge four days on; a semi-final and the final two days on). Held-out folds, threshold 0.4, own dates B-cubed F1
/ pairwise F1 / cross-language precision / recall (the dense feed is the same for all: .885/.734/.612/.731):
7 days, either end within it (the rule before) .930/.859/.775/.764; 4 days, both ends .928/.858/.786/.764;
3 days .936/.869/.804/.764; 2 days .931/.855/.812/.748. 3 is kept.

``--cross-threshold``: the bar of a dated article and a story with no member in its language (across languages
only names, entities and numbers compare, so a shared country on a busy day reads like one event). Held-out
folds, threshold 0.3, own dates B-cubed P / F1, pairwise F1, cross-language P / R; dense feed B-cubed F1 / pairwise
F1; the no-dates view does not move: off (0.3) .931/.943, .882, .812/.816, .891/.742; 0.4 .938/.945, .884,
.830/.814, .892/.740; 0.45 the same but dense .893/.741; 0.5 .938/.943, .879, .830/.799, .886/.733; 0.6
.942/.935, .870, .833/.750, .903/.786; 0.75 .945/.916, .840, .848/.630, .887/.767. Per fold (own dates) 0.4
changes two of five: B-cubed F1 .940 -> .953 (cross P .923 -> 1.000) and .955 -> .951 (cross R .747 -> .737).
0.4 is kept: the lowest bar with the gain; at 0.45 one event fed alone (tests/test_stories_stream.py) splits in
two, its Ukrainian article kept out of the English and Russian story and then joined by later Russian ones. 0.6
is better on the dense feed but costs the own-dates view (what the labelled streams are) .008 B-cubed F1 and
.066 cross-language recall."""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True)
class Gates:
    min_names: float
    min_shared: int
    undated_shift: float  # added to the undated weights' bias: the bar an article without a date must clear
    merge: float  # merge a story in other languages that an article also links to with this probability
    window_days: int = 3  # a story is a candidate only when all its dated members lie within this many days
    cross_threshold: float = 0.0  # the bar of a dated article and a story with no member in its language


def as_model(dated: np.ndarray, undated: np.ndarray, threshold: float, gates: Gates) -> LinkModel:
    return LinkModel(Weights(dict(zip(FEATURES, map(float, dated[:-1]), strict=True)), float(dated[-1])),
                     Weights(dict(zip(UNDATED_FEATURES, map(float, undated[:-1]), strict=True)),
                             float(undated[-1]) + gates.undated_shift),
                     threshold, gates.window_days, gates.min_names, gates.min_shared, gates.merge,
                     gates.cross_threshold)


def pair_values(entry: Entry, other: Entry) -> dict[str, float]:
    """The link features of ``entry`` against a story of ``other`` alone."""
    story = StoryState("s")
    story.add(other)
    return story.features(entry)


def dated_as(entry: Entry, date: str | None) -> Entry:
    return Entry(entry.id, entry.vector, entry.names, date, entry.lang, entry.outlet)


@dataclass
class Pairs:
    dated: np.ndarray  # features for a dated article
    undated: np.ndarray  # features with both dates hidden
    same: np.ndarray  # 1.0: one event
    weight: np.ndarray  # 1.0 for a real pair, ``--augment`` for a pair moved onto dense-feed dates
    items: list[tuple[int, int]]


def pairs(numbers: list[int], entries: dict[int, Entry], items: list[dict[str, Any]], family: list[str],
          aligned: list[str | None], augment: float) -> Pairs:
    dated, undated, same, weight, which = [], [], [], [], []
    for pos, i in enumerate(numbers):
        for j in numbers[pos + 1:]:
            a, b = entries[i], entries[j]
            one = items[i]["event"] == items[j]["event"]
            first, second = (b, a) if a.date is None else (a, b)
            hidden = pair_values(dated_as(a, None), dated_as(b, None))
            rows = [(pair_values(first, second), 1.0)]
            if augment and family[i] != family[j] and a.date and b.date:
                rows.append((pair_values(dated_as(a, aligned[i]), dated_as(b, aligned[j])), augment))
            for values, w in rows:
                dated.append([values[name] for name in FEATURES])
                undated.append([hidden[name] for name in UNDATED_FEATURES])
                same.append(float(one))
                weight.append(w)
                which.append((i, j))
    return Pairs(np.array(dated), np.array(undated), np.array(same), np.array(weight), which)


def cluster(articles: list[Article], feats: dict[str, Features], base: StoryIndex, model: LinkModel) -> dict[str, str]:
    """The incremental index over the stream with ``model``; the statistics are the batch's (``base``)."""
    index = StoryIndex(model)
    index.df, index.docs, index.sentence_counts = base.df, base.docs, base.sentence_counts
    for article in in_order(articles):
        index.add(feats[article.id], article.duplicate_of, observed=True)
    return dict(index.story_of)


def view(feats: dict[str, Features], name: str, aligned: dict[str, str | None]) -> dict[str, Features]:
    """The stream with its own dates, with event families aligned on one day, or with no dates."""
    if name == "dates":
        return feats
    return {k: Features(f.id, f.lang, aligned.get(k) if name == "aligned" else None, f.outlet, f.counts, f.lead)
            for k, f in feats.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stream", type=Path, default=shared_dir() / "corpus" / "stories" / "dev.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--augment", type=float, default=0.02, help="weight of a pair moved onto dense-feed dates")
    parser.add_argument("--min-names", type=float, default=0.05, help="gate: least names similarity to join")
    parser.add_argument("--min-shared", type=int, default=2, help="gate: least names/entities/numbers in common")
    parser.add_argument("--undated-shift", type=float, default=-0.5,
                        help="added to the undated bias (the held-out folds prefer a stricter bar; see the docstring)")
    parser.add_argument("--merge", type=float, default=0.6,
                        help="merge probability, a story in other languages only (above 1: never; see the docstring)")
    parser.add_argument("--window-days", type=int, default=3,
                        help="days within which a candidate story's dated members all lie (see the docstring)")
    parser.add_argument("--cross-threshold", type=float, default=0.4,
                        help="bar of a dated article and a story with no member in its language (see the docstring)")
    parser.add_argument("--write", action="store_true", help=f"write syuzhet/data/{MODEL_FILE}")
    args = parser.parse_args(argv)
    gates = Gates(args.min_names, args.min_shared, args.undated_shift, args.merge, args.window_days,
                  args.cross_threshold)
    items = load_stream(args.stream)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed(items, feed)
        analysis = analyze([str(feed)], batch_stages=[mark_duplicates, link_entities])
    article_of = {n: a for a in analysis.articles if (n := item_number(a.source)) is not None}
    print(f"{len(items)} items, {len(article_of)} articles", file=sys.stderr)
    base, feats = observed(analysis.articles, entities=entity_spans(analysis.entities))
    family = families(items)
    moved = aligned_dates(items, family)
    numbers = sorted(article_of)
    entries = {n: base.entry(feats[article_of[n].id]) for n in numbers}
    data = pairs(numbers, entries, items, family, moved, args.augment)
    fams = sorted(set(family))
    random.Random(args.seed).shuffle(fams)
    fold_of = {f: k % args.folds for k, f in enumerate(fams)}
    fold = [fold_of[f] for f in family]
    real = data.weight == 1.0
    weights = []
    for k in range(args.folds):
        train = np.array([fold[i] != k and fold[j] != k for i, j in data.items])
        weights.append((fit(data.dated[train], data.same[train], data.weight[train]),
                        fit(data.undated[train & real], data.same[train & real])))
    aligned = {article_of[n].id: moved[n] for n in numbers}
    table: list[list[object]] = []
    best: tuple[float, float, dict[str, list[float]], list[list[object]]] | None = None
    for threshold in THRESHOLDS:
        means: dict[str, list[float]] = {}
        fold_rows: list[list[object]] = []
        for name in VIEWS:
            seen = view(feats, name, aligned)
            predicted = []
            for k in range(args.folds):
                story_of = cluster(analysis.articles, seen, base, as_model(*weights[k], threshold, gates))
                predicted.append([story_of.get(article_of[i].id, f"alone{i}") if i in article_of else f"alone{i}"
                                  for i in range(len(items))])
            scored = [score(items, predicted[k], {i for i in range(len(items)) if fold[i] == k})
                      for k in range(args.folds)]
            means[name] = [sum(s.row()[c] for s in scored) / len(scored) for c in range(1, len(HEADER))]
            table.append([threshold, name, *means[name]])
            if name == "dates":
                fold_rows = [[f"fold {k}", int(s.stories), *s.row()[1:]] for k, s in enumerate(scored)]
        objective = sum(means[v][2] + means[v][5] for v in VIEWS[:2]) / 4
        if best is None or objective > best[0]:
            best = (objective, threshold, means, fold_rows)
    print_table("held-out folds, mean over folds, by threshold", ["threshold", "view", *HEADER[1:]], table)
    assert best is not None
    _, threshold, means, fold_rows = best
    print_table(f"held-out folds at threshold {threshold} (own dates)", ["fold", *HEADER], fold_rows)
    final = as_model(fit(data.dated, data.same, data.weight), fit(data.undated[real], data.same[real]),
                     threshold, gates)
    print(json.dumps({"dated": final.dated.as_dict(), "undated": final.undated.as_dict()}, indent=1))
    if args.write:
        record = final.as_dict()
        record["meta"] = {
            "script": "scripts/train_story_model.py", "trained_on": args.stream.name, "items": len(items),
            "pairs": int(real.sum()), "augment": args.augment, "undated_shift": args.undated_shift,
            "merge": args.merge, "cross_threshold": args.cross_threshold,
            "folds": args.folds, "fold_seed": args.seed,
            "folds_by": "event family (near-miss notes)",
            "held_out_mean": {v: dict(zip(HEADER[1:], (round(x, 3) for x in means[v]), strict=True)) for v in VIEWS},
        }
        path = Path(__file__).resolve().parents[1] / "syuzhet" / "data" / MODEL_FILE
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
