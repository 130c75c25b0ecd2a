"""Quotes in whole English news articles (``tests/data/quotes_extraction.jsonl``): offsets into the
``articleBody`` of articles of ``../shared/corpus/extraction/ground-truth.json`` (a boilerplate-removal set no
quote rule was written from), in two parts of 6 articles each: ``dev3`` (read while writing rules) and ``test5``
(held out: ``--hide test5`` while rules are written, scored in aggregate only). Each article runs through the
article stages as a text article as is (offsets are those of the stored body), with its url as the only hint;
its language is detected, never told. See ``tests/data/quotes_extraction.README.md``."""

from __future__ import annotations

import json
from pathlib import Path

from syuzhet.eval.quote_leads import add_gold
from syuzhet.eval.quote_score import Fold
from syuzhet.model import Article
from syuzhet.pipeline import process

GOLD_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes_extraction.jsonl"
PARTS = ("dev3", "test5")


def read_records(gold_file: Path = GOLD_FILE) -> list[dict[str, object]]:
    return [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]


def bodies(shared: Path) -> dict[str, dict[str, str]]:
    """key -> the ground-truth record (``articleBody``, ``url``)."""
    data: dict[str, dict[str, str]] = json.loads(
        (shared / "corpus" / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return data


def load(shared: Path, gold_file: Path = GOLD_FILE, parts: tuple[str, ...] = PARTS) -> dict[tuple[str, str], Fold]:
    """Every annotated article of the given parts, processed, grouped by (language, part)."""
    data = bodies(shared)
    records = [r for r in read_records(gold_file) if r["part"] in parts]
    folds: dict[tuple[str, str], Fold] = {}
    by_file: dict[str, Article] = {}
    for r in records:
        if r["type"] != "item":
            continue
        name = str(r["file"])
        item = data[name.partition("#")[2]]
        hints = {"url": item["url"]} if item.get("url") else {}
        article = process(Article(source=f"{shared / 'corpus'}/{name}", raw=item["articleBody"], hints=hints), True)
        by_file[name] = article
        fold = folds.setdefault((str(r["lang"]), str(r["part"])), Fold(str(r["lang"]), str(r["part"]), [], [], []))
        fold.articles.append(article)
    add_gold(records, by_file, folds)
    return folds
