"""Organisation links on the news stream: are two mentions of one organisation one entity, and two
organisations two entities, within a language and across languages?

    python -m syuzhet.eval entities orgs [--split design|test|all]

Gold: ``tests/data/org_links.jsonl`` (organisation mentions of ``corpus/stories/dev.jsonl`` with the
organisation each one names; how it was made: ``org_links.README.md``). The gold's articles run through the
article stages (text as-is, language detected as in production) and entity linking, all at once; each gold
mention is matched to the predicted mention overlapping it most (any type, one-to-one). Over the pairs of
matched gold mentions of a split: a pair is gold-positive when both name one organisation, predicted-positive
when both are in one entity. Pairwise P/R/F1 for pairs in one language (within one article or across
articles) and for pairs in two languages; gold mentions no predicted mention covers are counted apart.
The split ``design`` is what the organisation key rules were written on; ``test`` (held out by event) is
what they are reported on.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from syuzhet.entities import find_entities, link_entities
from syuzhet.eval.common import prf, print_table
from syuzhet.model import Article
from syuzhet.pipeline import Analysis, process

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "org_links.jsonl"
SPLITS = ("design", "test")


@dataclass
class OrgMention:
    article: str
    event: str
    lang: str
    start: int
    end: int
    text: str
    org: str
    split: str


def read_gold(path: Path = GOLD) -> list[OrgMention]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(OrgMention(r["article"], r["event"], r["lang"], r["start"], r["end"], r["text"], r["org"],
                                  r["split"]))
    return out


def stream_articles(shared: Path, ids: set[str]) -> list[Article]:
    """The gold's articles from ``corpus/stories/dev.jsonl`` through the article stages and entity finding."""
    articles = []
    for line in (shared / "corpus" / "stories" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in ids:
            continue
        article = process(Article(source=row["id"], raw=row["text"], fmt="text"), keep_raw=True)
        article.text = row["text"]  # offsets must match the gold exactly
        find_entities(article)
        articles.append(article)
    return articles


def predicted_ids(gold: list[OrgMention], articles: list[Article]) -> dict[int, str]:
    """Gold mention index -> entity id of the predicted mention overlapping it most (one-to-one), after linking
    all ``articles`` at once."""
    analysis = Analysis()
    analysis.articles = articles
    link_entities(analysis)
    entity_of = {(m.article, m.start, m.end): e.id for e in analysis.entities for m in e.mentions}
    by_source = {a.source: a for a in articles}
    out: dict[int, str] = {}
    used: set[tuple[str, int, int]] = set()
    for i, g in enumerate(gold):
        article = by_source.get(g.article)
        if article is None:
            continue
        best: tuple[int, tuple[str, int, int]] | None = None
        for m in article.mentions:
            span = (m.article, m.start, m.end)
            overlap = min(m.end, g.end) - max(m.start, g.start)
            if overlap > 0 and span not in used and span in entity_of and (best is None or overlap > best[0]):
                best = (overlap, span)
        if best is not None:
            used.add(best[1])
            out[i] = entity_of[best[1]]
    return out


def score(gold: list[OrgMention], pred: dict[int, str], split: str) -> dict[str, float | int]:
    """Pairwise counts and P/R/F1 within one language and across languages, over one split ('all': both)."""
    at = [i for i, g in enumerate(gold) if split in ("all", g.split)]
    matched = [i for i in at if i in pred]
    counts: Counter[str] = Counter()
    for a, b in combinations(matched, 2):
        ga, gb = gold[a], gold[b]
        kind = "within" if ga.lang == gb.lang else "cross"
        same_gold, same_pred = ga.org == gb.org, pred[a] == pred[b]
        counts[f"{kind} tp"] += same_gold and same_pred
        counts[f"{kind} fp"] += same_pred and not same_gold
        counts[f"{kind} fn"] += same_gold and not same_pred
    out: dict[str, float | int] = {"mentions": len(at), "matched": len(matched),
                                   "orgs": len({gold[i].org for i in at})}
    for kind in ("within", "cross"):
        tp, fp, fn = counts[f"{kind} tp"], counts[f"{kind} fp"], counts[f"{kind} fn"]
        p, r, f = prf(tp, fp, fn)
        out |= {f"{kind} gold": tp + fn, f"{kind} tp": tp, f"{kind} fp": fp, f"{kind} p": p, f"{kind} r": r,
                f"{kind} f": f}
    return out


def false_links(gold: list[OrgMention], pred: dict[int, str], split: str, limit: int = 12) -> list[str]:
    """Predicted entities that hold two gold organisations (what precision loses), a few mentions each."""
    by_entity: dict[str, set[tuple[str, str]]] = {}
    for i, eid in pred.items():
        if split in ("all", gold[i].split):
            by_entity.setdefault(eid, set()).add((gold[i].org, gold[i].text))
    out = []
    for eid, found in sorted(by_entity.items()):
        if len({org for org, _ in found}) > 1:
            out.append(f"{eid}: " + "; ".join(f"{text} ({org})" for org, text in sorted(found)[:6]))
    return out[:limit]


def run(shared: Path, splits: tuple[str, ...] = (*SPLITS, "all"),
        gold_path: Path = GOLD) -> dict[str, dict[str, float | int]]:
    gold = read_gold(gold_path)
    articles = stream_articles(shared, {g.article for g in gold})
    pred = predicted_ids(gold, articles)
    results = {split: score(gold, pred, split) for split in splits}
    show(results)
    for split in splits:
        for line in false_links(gold, pred, split):
            print(f"  {split} false link: {line}")
    return results


def show(results: dict[str, dict[str, float | int]]) -> None:
    rows: list[list[object]] = []
    for split, r in results.items():
        for kind in ("within", "cross"):
            rows.append([split, kind + (" language" if kind == "within" else "-language"), r["mentions"], r["matched"],
                         r["orgs"], r[f"{kind} gold"], r[f"{kind} tp"], r[f"{kind} fp"], r[f"{kind} p"],
                         r[f"{kind} r"], r[f"{kind} f"]])
    print_table("organisation links on tests/data/org_links.jsonl (pairwise over matched gold mentions)",
                ["split", "pairs", "mentions", "matched", "orgs", "gold pairs", "TP", "FP", "P", "R", "F1"], rows)
