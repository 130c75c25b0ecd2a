"""Key facts of the dossier against hand-made gold: ``python -m syuzhet.eval dossier [--fold A|B|C] [--show]
[--show] [--baseline-recall R] [--baseline-exact E] [--baseline-precision P] [--baseline-seeds N]``.

- Seeds (``seeds.gold.json`` facts, located by ``tests/data/seeds_facts.jsonl``: the sentences of the seed
  files that state each gold fact, as offsets and hashes): a gold fact is *found* when one produced fact shows
  or cites one of its sentences and cites exactly the gold files (and, second figure, at least them).
- Dev set (``tests/data/dossier_dev.jsonl``: six multi-outlet stories of ``corpus/stories/dev.jsonl`` in
  ru, uk, en and kk, each story the items of one ``event``, every fact-stating sentence labelled with the fact
  it states; see ``tests/data/dossier_dev.README.md``). Per story and fold:
  *recall*: gold facts stated by two or more items for which one produced fact cites at least half of the
  items stating it (evidence overlapping the gold sentences); *exact*: it cites exactly those items;
  *precision*: the share of the facts shown first (``SHOWN``, details left out) whose shown sentence states a
  gold fact; *cite P*: of the items a matched fact cites, the share that state the gold fact.
- ``--plain``: the same scores for a plain baseline that shows every fact sentence as its own fact.
- ``--show``: the dev gold facts no fact cites exactly, with the facts citing their sentences (splits and
  over-joins).
- ``--roles``: per fold, the role (``stories.statements``) of each labelled sentence: every one states a fact, so
  a role other than ``fact`` keeps it from being shown (reported speech of an organisation, labelled, is a
  ``quote`` when it covers most of the sentence); ``background`` counts the ``fact`` ones that open with a reminder
  (shown only when nothing else of their group may be).
Folds: A and B are disjoint sets of stories; a rule or threshold is kept only if it helps on both. Fold C is held
out: labelled before it was measured, never used to choose a rule; it reports only."""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from syuzhet.eval.common import print_table, shared_dir
from syuzhet.eval.stream import item_number, write_feed
from syuzhet.model import Article, Fact, Story
from syuzhet.pipeline import STORE_STAGES, analyze, mark_duplicates
from syuzhet.stories import describe_stories, statements
from syuzhet.stories.dossier import story_sentences
from syuzhet.stories.text import sentences

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
DEV, SEEDS = DATA / "dossier_dev.jsonl", DATA / "seeds_facts.jsonl"
SHOWN = 20
Span = tuple[str, int, int]  # article id, start, end in the cleaned text


def _overlaps(a: Span, b: Span) -> bool:
    inside = min(a[2], b[2]) - max(a[1], b[1])
    return a[0] == b[0] and inside > 0.5 * min(a[2] - a[1], b[2] - b[1])


def _evidence(fact: Fact) -> list[Span]:
    return [(e["article"], int(e["start"]), int(e["end"])) for e in fact.evidence if "start" in e]


def _locate(article: Article, piece: str) -> Span | None:
    """The raw sentence in the cleaned text: as it is, else its longest line that is found."""
    at = article.text.find(piece)
    if at >= 0:
        return article.id, at, at + len(piece)
    for line in sorted(piece.splitlines(), key=len, reverse=True):
        at = article.text.find(line.strip()) if len(line.strip()) > 20 else -1
        if at >= 0:
            return article.id, at, at + len(line.strip())
    return None


def plain(story: Story, members: list[Article]) -> list[Fact]:
    """Baseline: every paragraph sentence of the story is a fact of its own, in article order."""
    out = []
    for a in members:
        for s in sentences(a):
            if s.kind == "paragraph" and len(s.words) >= 5:
                out.append(Fact(s.text, [a.id], [a.id], True, evidence=[{"article": a.id, "start": s.start,
                                                                          "end": s.end}]))
    return out


def score_story(facts: list[Fact], gold: list[dict[str, Any]]) -> Counter[str]:
    """Counts for one story: multi-outlet gold facts, found at half, exact, cited items and right ones, shown
    facts and right ones."""
    c: Counter[str] = Counter()
    every = [s for g in gold for s in g["spans"]]
    for g in gold:
        items = {s[0] for s in g["spans"]}
        if len(items) < 2:
            continue
        c["gold"] += 1
        best: tuple[int, int, Fact] | None = None
        for f in facts:
            if not any(_overlaps(e, s) for e in _evidence(f) for s in g["spans"]):
                continue
            right = len(items & set(f.articles))
            if best is None or (right, -len(f.articles)) > (best[0], -best[1]):
                best = (right, len(f.articles), f)
        if best is not None:
            right, cited, f = best
            c["found"] += right * 2 >= len(items)
            c["exact"] += set(f.articles) == items
            c["cited"] += cited
            c["cited right"] += right
    shown = [f for f in facts if f.detail_of is None][:SHOWN]
    c["shown"] += len(shown)
    c["shown right"] += sum(1 for f in shown if _states_gold(f, every))
    return c


def _states_gold(fact: Fact, spans: list[Span]) -> bool:
    """The fact's shown sentence (its first evidence) is one of the gold sentences."""
    evidence = _evidence(fact)
    return bool(evidence) and any(_overlaps(evidence[0], s) for s in spans)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def misses(facts: list[Fact], gold: list[dict[str, Any]], item_of: dict[str, str]) -> list[str]:
    """For ``--show``: each gold fact stated by two or more items that no fact cites exactly, with the facts
    that show or cite its sentences and the items they cite (a split or an over-join)."""
    out = []
    for g in gold:
        items = {s[0] for s in g["spans"]}
        touching = [f for f in facts if any(_overlaps(e, s) for e in _evidence(f) for s in g["spans"])]
        if len(items) < 2 or any(set(f.articles) == items for f in touching):
            continue
        out.append(f"  {g['fact']}: stated by {sorted(item_of[i] for i in items)}")
        out += [f"    cites {sorted(item_of[a] for a in f.articles)}: {f.text[:90]}" for f in touching]
    every = [s for g in gold for s in g["spans"]]
    shown = [f for f in facts if f.detail_of is None][:SHOWN]
    wrong = [f for f in shown if not _states_gold(f, every)]
    if wrong:
        out.append(f"  shown, stating no gold fact ({len(wrong)} of {len(shown)}):")
        out += [f"    {len(f.articles)} items: {f.text[:110]}" for f in wrong]
    return out


def dev(shared: Path, fold: str | None = None, baseline: bool = False, show: bool = False,
        roles: dict[str, Counter[str]] | None = None) -> list[list[object]]:
    """Score rows per story and fold; ``roles``, when given, is filled with the roles of the labelled sentences
    per fold."""
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories = [r for r in records if "items" in r and (fold is None or r["fold"] == fold)]
    wanted = {i for r in stories for i in r["items"]}
    items = {}
    for line in (shared / "corpus" / "stories" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] in wanted:
            items[item["id"]] = item
    order = [i for r in stories for i in r["items"]]
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed([items[i] for i in order], feed)
        analysis = analyze([str(feed)], batch_stages=[mark_duplicates, *STORE_STAGES])
    by_item = {order[n]: a for a in analysis.articles if (n := item_number(a.source)) is not None}
    analysis.stories = [Story(r["story"], None, [by_item[i].id for i in r["items"] if i in by_item])
                        for r in stories]
    describe_stories(analysis)
    rows: list[list[object]] = []
    totals: dict[str, Counter[str]] = {}
    for r, story in zip(stories, analysis.stories, strict=True):
        gold = []
        for g in (x for x in records if x.get("story") == r["story"] and "fact" in x):
            spans = []
            for s in g["sentences"]:
                raw = items[s["item"]]["text"][s["start"]:s["end"]]
                same = hashlib.sha1(raw.encode()).hexdigest()[:12] == s["sha1"] and s["item"] in by_item
                if same and (span := _locate(by_item[s["item"]], raw)) is not None:
                    spans.append(span)
            gold.append({"fact": g["fact"], "spans": spans})
        members = [by_item[i] for i in r["items"] if i in by_item]
        if roles is not None:
            roles.setdefault(r["fold"], Counter()).update(_roles(members, analysis.quotes, gold))
        facts = plain(story, members) if baseline else story.facts
        c = score_story(facts, gold)
        if show:
            item_of = {a.id: i for i, a in by_item.items()}
            print("\n".join([f"{r['story']}: not cited exactly", *misses(facts, gold, item_of)]))
        totals.setdefault(r["fold"], Counter()).update(c)
        totals.setdefault("all", Counter()).update(c)
        rows.append(_row(r["story"][:48], r["fold"], c))
    rows += [_row(f"fold {name}", name, c) for name, c in sorted(totals.items())]
    return rows


def _roles(members: list[Article], quotes: list[Any], gold: list[dict[str, Any]]) -> Counter[str]:
    """The roles of the sentences (as the dossier cuts them) that state a gold fact."""
    spans = statements.quote_spans(quotes)
    labelled = [s for g in gold for s in g["spans"]]
    out: Counter[str] = Counter()
    for a, sents in story_sentences(members).items():
        decided = statements.roles(next(m for m in members if m.id == a), sents, spans)
        for s in sents:
            if any(_overlaps((a, s.start, s.end), span) for span in labelled):
                role = decided[s.start][0]
                out[role] += 1
                out["background"] += role == "fact" and statements.background(s)
    return out


def _row(name: str, fold: str, c: Counter[str]) -> list[object]:
    return [name, fold, c["gold"], _ratio(c["found"], c["gold"]), _ratio(c["exact"], c["gold"]),
            _ratio(c["cited right"], c["cited"]), c["shown"], _ratio(c["shown right"], c["shown"])]


def seeds(shared: Path) -> list[list[object]]:
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))["facts"]
    analysis = analyze([str(shared / "corpus" / "seeds")])
    by_file = {Path(a.source).name: a for a in analysis.articles}
    facts = [f for s in analysis.stories for f in s.facts]
    rows: list[list[object]] = []
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        item = gold[record["gold"]]
        files = {by_file[f].id for f in item["files"] if f in by_file}
        spans = []
        for s in record["sentences"]:
            a = by_file.get(s["file"])
            if a and hashlib.sha1(a.text[s["start"]:s["end"]].encode()).hexdigest()[:12] == s["sha1"]:
                spans.append((a.id, s["start"], s["end"]))
        stating = [f for f in facts if any(_overlaps(e, s) for e in _evidence(f) for s in spans)]
        exact = [f for f in stating if set(f.articles) == files]
        at_least = [f for f in stating if files <= set(f.articles)]
        shown = next(iter(exact or at_least or stating), None)
        rows.append([item["claim"][:60], len(files), bool(exact), bool(at_least),
                     f"{len(shown.articles)} cited: {shown.text[:60]}" if shown else "-"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval dossier", description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--fold", choices=["A", "B", "C"], default=None)
    parser.add_argument("--plain", action="store_true", help="also score the plain baseline")
    parser.add_argument("--show", action="store_true",
                        help="list the gold facts no fact cites exactly, with the facts that cite their sentences")
    parser.add_argument("--roles", action="store_true", help="the roles of the labelled sentences, per fold")
    parser.add_argument("--baseline-recall", type=float, default=None, help="exit 1 if dev recall (all) is below")
    parser.add_argument("--baseline-exact", type=float, default=None,
                        help="exit 1 if the dev share of facts cited by exactly their items (all) is below")
    parser.add_argument("--baseline-precision", type=float, default=None,
                        help="exit 1 if dev precision of the shown facts (all) is below")
    parser.add_argument("--baseline-seeds", type=int, default=None,
                        help="exit 1 if fewer seed gold facts are found exactly")
    args = parser.parse_args(argv)
    header = ["story", "fold", "gold (2+)", "recall", "exact", "cite P", "shown", "precision"]
    failed = False
    if args.baseline_seeds is not None or args.fold is None:
        seed_rows = seeds(args.shared)
        print_table("seeds.gold.json facts", ["gold fact", "files", "exact", "at least", "best fact"], seed_rows)
        found = sum(1 for r in seed_rows if r[2])
        print(f"seeds: {found} of {len(seed_rows)} gold facts found as one fact citing exactly the gold files")
        failed = args.baseline_seeds is not None and found < args.baseline_seeds
    roles: dict[str, Counter[str]] | None = {} if args.roles else None
    rows = dev(args.shared, args.fold, show=args.show, roles=roles)
    print_table("dossier dev set: key facts", header, rows)
    if roles is not None:
        print_table("roles of the labelled sentences (each states a fact)", ["fold", "sentences", *statements.ROLES,
                    "background"], [[f, sum(c[r] for r in statements.ROLES), *(c[r] for r in statements.ROLES),
                                     c["background"]] for f, c in sorted(roles.items())])
    if args.plain:
        print_table("plain baseline: every sentence a fact", header, dev(args.shared, args.fold, baseline=True))
    total = rows[-1]
    if args.baseline_recall is not None and float(total[3]) < args.baseline_recall:  # type: ignore[arg-type]
        failed = True
    if args.baseline_exact is not None and float(total[4]) < args.baseline_exact:  # type: ignore[arg-type]
        failed = True
    if args.baseline_precision is not None and float(total[7]) < args.baseline_precision:  # type: ignore[arg-type]
        failed = True
    return 1 if failed else 0
