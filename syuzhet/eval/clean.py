"""``python -m syuzhet.eval clean``: cleaning and metadata against ``eval/seeds.gold.json``.

Every ``junk`` span must be gone from the text, every ``keep`` span present, and title, subtitle,
author, date, language, photo credit and section headings equal to gold."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from syuzhet.eval.common import fold, prf, print_table, shared_dir
from syuzhet.model import Article
from syuzhet.pipeline import analyze

FIELDS = ("title", "subtitle", "author", "date", "lang", "photo_credit")


def score(shared: Path) -> dict[str, Any]:
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    seeds = shared / "corpus" / "seeds"
    found = {Path(a.source).name: a for a in analyze([str(seeds)]).articles}
    junk_tp = junk_fn = keep_tp = keep_fn = 0
    field_ok = field_all = 0
    failures: list[str] = []
    for record in gold["articles"]:
        article = found.get(record["file"])
        if article is None:
            failures.append(f"{record['file']}: not read")
            continue
        text = fold(article.text)
        for span in record.get("junk", []):
            gone = fold(span) not in text
            junk_tp, junk_fn = junk_tp + gone, junk_fn + (not gone)
            if not gone:
                failures.append(f"{record['file']}: junk kept: {span!r}")
        for span in record.get("keep", []):
            kept = fold(span) in text
            keep_tp, keep_fn = keep_tp + kept, keep_fn + (not kept)
            if not kept:
                failures.append(f"{record['file']}: text lost: {span!r}")
        for name in FIELDS:
            if name not in record:
                continue
            field_all += 1
            ours = getattr(article, name)
            if (fold(ours) if ours else ours) == (fold(record[name]) if record[name] else record[name]):
                field_ok += 1
            else:
                failures.append(f"{record['file']}: {name} {ours!r} != gold {record[name]!r}")
        for heading in record.get("headings", []):
            field_all += 1
            if heading in _headings(article):
                field_ok += 1
            else:
                failures.append(f"{record['file']}: heading not found: {heading!r}")
    # junk removal as detection: a lost keep span is a false positive of the remover
    p, r, f = prf(junk_tp, keep_fn, junk_fn)
    return {
        "junk_removed": (junk_tp, junk_tp + junk_fn),
        "keep_retained": (keep_tp, keep_tp + keep_fn),
        "fields": (field_ok, field_all),
        "precision": p, "recall": r, "f1": f,
        "failures": failures,
    }


def _headings(article: Article) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval clean", description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every gold check passes")
    args = parser.parse_args(argv)
    result = score(args.shared)
    rows: list[list[object]] = [
        ["junk spans removed", "{}/{}".format(*result["junk_removed"])],
        ["keep spans retained", "{}/{}".format(*result["keep_retained"])],
        ["metadata fields + headings equal", "{}/{}".format(*result["fields"])],
        ["removal precision", result["precision"]],
        ["removal recall", result["recall"]],
        ["removal F1", result["f1"]],
    ]
    print_table("cleaning on seeds.gold.json", ["check", "score"], rows)
    for failure in result["failures"]:
        print("FAIL", failure)
    return 1 if args.strict and result["failures"] else 0
