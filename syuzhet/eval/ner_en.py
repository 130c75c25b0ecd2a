"""``python -m syuzhet.eval ner-en``: the English name tagger (``syuzhet.entities``, rules in ``caps``) on gold.

    python -m syuzhet.eval ner-en [--part dev|test] [--errors] [--baseline F] [--shared DIR]

Gold: ``tests/data/ner_en.jsonl`` (offsets into English items of ``../shared/corpus/stories/dev.jsonl``, a dev part
the rules may be written from and a held-out test part; conventions in ``tests/data/ner_en.README.md``). Each item
goes through ``find_entities`` as an English article (the mentions the story index and the quotes see). Per part
and type: precision, recall and F1, exact (same start, end and type) and overlap (a predicted span overlapping a
gold span of the same type, one to one); 'main' pools PER, LOC and ORG (the tagger also emits EVT: names ended by
an event's head word).
``--errors`` lists the misses and false finds of the chosen parts (read dev only while writing rules).
``--baseline F`` exits 1 when the test part's pooled overlap F1 is below ``F``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.entities import find_entities
from syuzhet.eval.common import prf, print_table, shared_dir
from syuzhet.model import Article

GOLD_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "ner_en.jsonl"
PARTS = ("dev", "test")
TYPES = ("PER", "LOC", "ORG", "EVT", "PRO")
MAIN = ("PER", "LOC", "ORG")
Span = tuple[int, int, str]
Tagger = Callable[[str, str], list[Span]]


@dataclass
class Counts:
    """Per type: [true positives, predicted, gold], exact and overlap; and the errors, for reading."""

    exact: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in TYPES})
    overlap: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0, 0] for t in TYPES})
    errors: list[str] = field(default_factory=list)

    def f1(self, types: tuple[str, ...], mode: str = "overlap") -> tuple[float, float, float]:
        table = self.overlap if mode == "overlap" else self.exact
        tp, pred, gold = (sum(table[t][k] for t in types) for k in range(3))
        return prf(tp, pred - tp, gold - tp)


def load_gold(path: Path = GOLD_FILE) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_texts(shared: Path, ids: set[str]) -> dict[str, str]:
    """Texts of the gold items, from the stream; a missing item is an error, not a skip."""
    texts: dict[str, str] = {}
    with (shared / "corpus" / "stories" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("id") in ids:
                texts[item["id"]] = item["text"]
    if missing := ids - texts.keys():
        raise SystemExit(f"syuzhet: ner-en: gold items missing from the stream: {', '.join(sorted(missing))}")
    return texts


def predict(item_id: str, text: str) -> list[Span]:
    article = Article(source=item_id, raw=text, id=item_id, lang="en", text=text)
    return [(m.start, m.end, m.type) for m in find_entities(article).mentions if m.type in TYPES]


def score_doc(text: str, gold: list[Span], pred: list[Span], counts: Counts, item_id: str) -> None:
    for table in (counts.exact, counts.overlap):
        for _, _, kind in gold:
            table[kind][2] += 1
        for _, _, kind in pred:
            table[kind][1] += 1
    exact = set(gold) & set(pred)
    for _, _, kind in exact:
        counts.exact[kind][0] += 1
    used: set[Span] = set()
    matched: set[Span] = set()
    for g in gold:
        hit = next((p for p in pred if p not in used and p[2] == g[2] and p[0] < g[1] and g[0] < p[1]), None)
        if hit:
            used.add(hit)
            matched.add(g)
            counts.overlap[g[2]][0] += 1
    for g in gold:
        if g not in exact:
            got = [f"{text[p[0]:p[1]]!r} {p[2]}" for p in pred if p[0] < g[1] and g[0] < p[1]]
            tag = "miss" if g not in matched else "bounds"
            counts.errors.append(f"{item_id} {tag}: {text[g[0]:g[1]]!r} {g[2]} <- {', '.join(got) or '-'}")
    for p in pred:
        if p not in used and not any(p[0] < g[1] and g[0] < p[1] for g in gold):
            counts.errors.append(f"{item_id} false: {text[p[0]:p[1]]!r} {p[2]}")
        elif p not in used:
            counts.errors.append(f"{item_id} type: {text[p[0]:p[1]]!r} {p[2]}")


def score(shared: Path, parts: tuple[str, ...] = PARTS, tagger: Tagger = predict) -> dict[str, Counts]:
    """Counts per part; ``tagger`` (item id, text) -> spans, the project's English NER by default."""
    gold = [g for g in load_gold() if g["part"] in parts]
    texts = load_texts(shared, {str(g["id"]) for g in gold})
    out = {part: Counts() for part in parts}
    for g in gold:
        item_id = str(g["id"])
        spans = [(int(a), int(b), str(k)) for a, b, k in g["spans"]]  # type: ignore[attr-defined]
        score_doc(texts[item_id], spans, tagger(item_id, texts[item_id]), out[str(g["part"])], item_id)
    return out


def show(results: dict[str, Counts]) -> None:
    rows: list[list[object]] = []
    for part, counts in results.items():
        for name, types in [*((t, (t,)) for t in TYPES), ("main", MAIN)]:
            gold = sum(counts.overlap[t][2] for t in types)
            rows.append([part, name, gold, *counts.f1(types, "exact"), *counts.f1(types, "overlap")])
    header = ["part", "type", "gold", "exact P", "R", "F1", "overlap P", "R", "F1"]
    print_table("English NER (tests/data/ner_en.jsonl)", header, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval ner-en", description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=PARTS, action="append", help="default: both")
    parser.add_argument("--errors", action="store_true", help="list misses and false finds of the parts")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if test 'main' overlap F1 is below")
    parser.add_argument("--shared", type=Path, default=shared_dir())
    args = parser.parse_args(argv)
    parts = tuple(args.part or PARTS)
    if args.baseline is not None and "test" not in parts:
        parser.error("--baseline needs the test part")
    results = score(args.shared, parts)
    show(results)
    if args.errors:
        for counts in results.values():
            print("\n".join(counts.errors))
    if args.baseline is not None:
        f1 = results["test"].f1(MAIN)[2]
        print(f"test main overlap F1 {f1:.3f} (baseline {args.baseline:.3f})")
        return 1 if f1 < args.baseline else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
