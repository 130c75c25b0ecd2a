"""The dossier's timeline against hand-made gold: ``python -m syuzhet.eval timeline [--fold A|B] [--show]
[--baseline-f1 F]``.

Gold (``tests/data/timeline_dev.jsonl``, see ``tests/data/timeline_dev.README.md``): items of
``corpus/stories/dev.jsonl`` in ru, uk, en and kk, with every date expression of the item's text labelled with
the date it names and its role: *event* (something happened or will happen then), *stamp* (publication time,
dateline, byline, an embedded post's signature) or *other* (a range bound). The items go through the pipeline
as a JSONL feed; the dates the timeline shows for each item (every mention, with its date) are compared with
the gold event dates of the item's text, as multisets of dates:

- *precision*: shown dates that are a gold event date of the item; *recall*: gold event dates shown;
- *stamps shown*: shown dates that match no gold event of the item but a gold stamp or range bound (what the
  timeline must leave out).

A gold month ('2025-06') matches a shown year of the same year; a decade ('1990s') matches its first year.
``--plain``: the same scores for every date a plain date finder reads in every sentence (titles included).
Folds A and B are disjoint sets of event families: a rule is kept only if it helps on both."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from syuzhet.dates import date_spans
from syuzhet.eval.common import prf, print_table, shared_dir
from syuzhet.eval.stream import item_number, load_stream, write_feed
from syuzhet.model import Article
from syuzhet.pipeline import analyze
from syuzhet.stories.text import sentences
from syuzhet.stories.timeline import timeline

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "timeline_dev.jsonl"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def shown_dates(article: Article) -> list[str]:
    """Every date the timeline shows for ``article`` (one per mention)."""
    events = timeline(sentences(article), {article.id: article.date}, article.lang)
    return [e["date"] for e in events for m in e["mentions"] if m["article"] == article.id]


def plain_dates(article: Article) -> list[str]:
    """Every date a plain finder reads in the article's sentences (the baseline)."""
    year = int(article.date[:4]) if article.date else None
    return [d.date for s in sentences(article) for d in date_spans(s.text, year)]


def _matches(shown: str, gold: str) -> bool:
    gold = gold.rstrip("s")
    return shown == gold or (len(shown) == 4 and len(gold) == 7 and gold.startswith(shown))


def score_item(shown: list[str], gold: list[dict[str, Any]]) -> Counter[str]:
    """tp / fp / fn of one item's shown dates against its gold event dates, and the stamps shown."""
    c: Counter[str] = Counter()
    events = [str(g["date"]) for g in gold if g["role"] == "event" and g.get("date") and g["field"] == "text"]
    others = [str(g["date"]) for g in gold if g["role"] != "event" and g.get("date")]
    left = list(events)
    for date in shown:
        hit = next((g for g in left if _matches(date, g)), None)
        if hit is not None:
            left.remove(hit)
            c["tp"] += 1
        else:
            c["fp"] += 1
            c["stamps"] += any(_matches(date, g) for g in others)
    c["fn"] += len(left)
    return c


def evaluate(gold: list[dict[str, Any]], plain: bool = False, show: bool = False) -> dict[str, Counter[str]]:
    """Counts per fold (and 'all') over the gold items, run through the pipeline as one feed."""
    items = {i["id"]: i for i in load_stream(shared_dir() / "corpus" / "stories" / "dev.jsonl")}
    missing = [g["id"] for g in gold if g["id"] not in items]
    if missing:
        raise SystemExit(f"syuzhet: timeline gold names items not in the dev stream: {missing[:5]}")
    chosen = [items[g["id"]] for g in gold]
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed(chosen, feed)
        articles = analyze([str(feed)]).articles
    by_number = {n: a for a in articles if (n := item_number(a.source)) is not None}
    counts: dict[str, Counter[str]] = {"all": Counter()}
    for n, g in enumerate(gold):
        article = by_number.get(n)
        shown = [] if article is None else (plain_dates(article) if plain else shown_dates(article))
        c = score_item(shown, g["dates"])
        counts.setdefault(g["fold"], Counter()).update(c)
        counts["all"].update(c)
        if show and (c["fp"] or c["fn"]):
            print(g["id"], g["fold"], "shown", sorted(shown), "gold events",
                  sorted(d["date"] for d in g["dates"] if d["role"] == "event"), file=sys.stderr)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--fold", choices=["A", "B"], help="score one fold only")
    parser.add_argument("--plain", action="store_true", help="score the plain date finder instead")
    parser.add_argument("--show", action="store_true", help="print the items with misses")
    parser.add_argument("--baseline-f1", type=float, help="exit 1 when the F1 over all items is below this")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"syuzhet: no timeline gold at {args.gold}", file=sys.stderr)
        return 1
    gold = [g for g in load_gold(args.gold) if args.fold is None or g["fold"] == args.fold]
    counts = evaluate(gold, args.plain, args.show)
    rows: list[list[object]] = []
    for name, c in sorted(counts.items()):
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        rows.append([name, c["tp"] + c["fn"], c["tp"] + c["fp"], p, r, f, c["stamps"]])
    print_table("timeline dates against gold events" + (" (plain date finder)" if args.plain else ""),
                ["fold", "gold events", "shown", "precision", "recall", "F1", "stamps shown"], rows)
    f1 = prf(counts["all"]["tp"], counts["all"]["fp"], counts["all"]["fn"])[2]
    if args.baseline_f1 is not None and f1 < args.baseline_f1:
        print(f"syuzhet: timeline F1 {f1:.3f} is below the baseline {args.baseline_f1:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
