"""``python -m syuzhet.eval lang``: language ID on SlavicNER ru/uk files (per article and per block)
and on the seeds; a Ukrainian text reported as Russian, or the reverse, is the error that matters."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from syuzhet.eval.common import prf, print_table, shared_dir
from syuzhet.pipeline import analyze


def score(shared: Path, limit: int | None = None) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Confusion counters (gold, predicted) for articles and for blocks."""
    files: list[tuple[str, str]] = []
    for lang in ("ru", "uk"):
        paths = sorted((shared / "corpus" / "slavicner" / "raw").glob(f"*/{lang}/*.txt"))
        files += [(str(p), lang) for p in (paths[:limit] if limit else paths)]
    gold_seeds = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    files += [(str(shared / "corpus" / "seeds" / a["file"]), a["lang"]) for a in gold_seeds["articles"]]
    gold = dict(files)
    articles: Counter[tuple[str, str]] = Counter()
    blocks: Counter[tuple[str, str]] = Counter()
    for article in analyze([f for f, _ in files]).articles:
        expected = gold[article.source]
        articles[expected, article.lang] += 1
        for block in article.blocks:
            if block.end - block.start >= 40:  # short blocks (names, datelines) carry little signal
                blocks[expected, block.lang] += 1
    return articles, blocks


def _rows(confusion: Counter[tuple[str, str]]) -> list[list[object]]:
    rows: list[list[object]] = []
    for lang in ("ru", "uk"):
        tp = confusion[lang, lang]
        fp = sum(n for (g, p), n in confusion.items() if p == lang and g != lang)
        fn = sum(n for (g, p), n in confusion.items() if g == lang and p != lang)
        rows.append([lang, tp + fn, *prf(tp, fp, fn), confusion[lang, "uk" if lang == "ru" else "ru"]])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval lang", description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="files per language (fast CI run)")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if article accuracy is below")
    args = parser.parse_args(argv)
    articles, blocks = score(args.shared, args.limit)
    header = ["lang", "gold", "precision", "recall", "F1", "ru<->uk swaps"]
    print_table("language ID per article (SlavicNER ru/uk + seeds)", header, _rows(articles))
    print_table("language ID per block of 40+ characters", header, _rows(blocks))
    accuracy = sum(n for (g, p), n in articles.items() if g == p) / max(1, sum(articles.values()))
    block_acc = sum(n for (g, p), n in blocks.items() if g == p) / max(1, sum(blocks.values()))
    print(f"article accuracy {accuracy:.4f}   block accuracy {block_acc:.4f}")
    return 1 if args.baseline is not None and accuracy < args.baseline else 0
