"""Quotes in real news leads (``tests/data/quotes_leads.jsonl``): offsets into the ``text`` of items of
``../shared/corpus/stories/dev.jsonl``, per language (ru, uk, en, kk) and part.

The ``dev`` part is what quote rules were written from; the ``test`` part (other outlets: an outlet's SHA-1
modulo 3, modulo 2 for the 13 Kazakh items) was annotated before any rule was written and is only ever scored
in aggregate (it chose the languages a rule runs in, so it is a validation part now); the ``test2`` part (32
leads of outlets in neither, ru and en: the stream has no other uk or kk item) was annotated before the second
round of rules and never used to choose one. Each lead runs through the article stages as is (``--as-is``:
offsets are those of the stored text), with its title, date, url and outlet as a feed gives them, never its
label or language. The ``test3`` part (8 short leads, ru and en, of outlets in no other part) was annotated after
the fourth round of rules was written and scored once. ``dev2`` and ``test4`` (7 English leads each, outlets in no
other part) were annotated together before the fifth round: ``dev2`` is read while writing rules, ``test4`` is
held out (``--hide test4`` while rules are written). ``rule_folds`` says what each rule that finds quotes
brings on each fold: the F1 with and without the quotes it found (``python -m syuzhet.eval quotes --rules``)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from syuzhet.eval.quote_score import Fold, Gold
from syuzhet.model import Article
from syuzhet.pipeline import process

LEADS_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes_leads.jsonl"
LANGS = ("ru", "uk", "en", "kk")
PARTS = ("dev", "test", "test2", "test3", "dev2", "test4")


def read_records(leads_file: Path = LEADS_FILE) -> list[dict[str, object]]:
    return [json.loads(line) for line in leads_file.read_text(encoding="utf-8").splitlines() if line.strip()]


def load(shared: Path, leads_file: Path = LEADS_FILE, parts: tuple[str, ...] = PARTS) -> dict[tuple[str, str], Fold]:
    """Every annotated lead of the given parts, processed, grouped by (language, part)."""
    stream = shared / "corpus" / "stories" / "dev.jsonl"
    items = {}
    for line in stream.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            items[item["id"]] = item
    records = [r for r in read_records(leads_file) if r["part"] in parts]
    folds: dict[tuple[str, str], Fold] = {}
    by_file: dict[str, Article] = {}
    for r in records:
        if r["type"] != "item":
            continue
        key = str(r["file"])
        item = items[key.partition("#")[2]]
        hints = {k: str(item[k]) for k in ("title", "date", "url", "outlet") if item.get(k)}
        article = process(Article(source=f"{stream}#{item['id']}", raw=item["text"], fmt="jsonl", hints=hints), True)
        by_file[key] = article
        fold = folds.setdefault((str(r["lang"]), str(r["part"])), Fold(str(r["lang"]), str(r["part"]), [], [], []))
        fold.articles.append(article)
    add_gold(records, by_file, folds)
    return folds


def add_gold(records: list[dict[str, object]], by_file: dict[str, Article],
             folds: dict[tuple[str, str], Fold]) -> None:
    """The quote and not-quote records of annotated items into their language and part's fold."""
    for r in records:
        if r["type"] == "item":
            continue
        a = by_file[str(r["file"])]
        fold = folds[str(r["lang"]), str(r["part"])]
        start, end = int(str(r["start"])), int(str(r["end"]))
        if r["type"] == "quote":
            speaker = r["speaker"] if isinstance(r["speaker"], str) else None
            fold.gold.append(Gold(a.id, start, end, str(r["kind"]), speaker))
        else:
            fold.not_quotes.append((a.id, start, end))


def rule_folds_named(folds: dict[str, Fold]) -> dict[str, dict[str, tuple[int, int, float]]]:
    """rule -> fold name -> (matched quotes it found, unmatched ones, F1 with it minus F1 without it)."""
    table: dict[str, dict[str, tuple[int, int, float]]] = defaultdict(dict)
    for name, fold in folds.items():
        full = fold.score()
        rules = {q.rules[0] for a in fold.articles for q in a.quotes if q.rules}
        for rule in sorted(rules):
            without = fold.score(drop_rule=rule)
            found = sum(1 for a in fold.articles for q in a.quotes if q.rules and q.rules[0] == rule)
            gained = full.matched - without.matched
            table[rule][name] = (gained, found - gained, full.f1 - without.f1)
    return table
