"""``python -m syuzhet.eval.quotes``: quotations and speakers against hand-made gold.

* seeds: ``eval/seeds.gold.json`` ``quotes`` (file, speaker, kind, text) and ``not_quotes`` on the cleaned seeds;
* dev: ``tests/data/quotes_dev.jsonl`` (41 SlavicNER articles, offsets into the raw files, read as is);
* speed: articles/s on the SlavicNER raw files, without and with the quote stage.

A gold quote is found when a predicted quote of the same kind covers at least ``COVER`` (0.6) of its
characters; gold and predictions are matched one to one. Precision is matched predictions over all
predictions (the seeds gold is not exhaustive: unmatched predictions are listed with ``--show``). Speaker
accuracy is over matched quotes with a named gold speaker: the surname (base form, Ukrainian letters folded
to Russian ones) of the predicted speaker's person mention, or else of its speaker words, must be one of the
gold speaker's words. A not_quote is reported as speech when a predicted quote lies at least ``COVER``
inside it. ``--baseline NAME=VALUE`` fails the run (exit 1) when a figure falls below it (for
``*.not_quotes`` and speed, above/below as the figure's sense requires)."""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.eval.common import print_table, shared_dir
from syuzhet.model import Article, Quote
from syuzhet.pipeline import analyze
from syuzhet.quotes import find_quotes
from syuzhet.quotes.morph import name_lemma, words

COVER = 0.6
DEV_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes_dev.jsonl"
_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": None, "’": None, "ʼ": None})


@dataclass
class Gold:
    article: str
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    not_quotes: int = 0
    not_quote_hits: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0


def _key(word: str, lang: str) -> str:
    return name_lemma(word, lang, surname=True).translate(_UK_TO_RU).replace(" ", "")


def speaker_matches(article: Article, quote: Quote, gold_speaker: str) -> bool:
    lang = article.lang if article.lang in ("ru", "uk") else "ru"
    gold_keys = {_key(w.text, lang) for w in words(gold_speaker)} | {w.text.lower() for w in words(gold_speaker)}
    if quote.speaker_start is not None and quote.speaker_end is not None:
        named = article.text[quote.speaker_start : quote.speaker_end]
    else:
        named = quote.speaker_text or ""
    toks = words(named)
    return bool(toks) and (_key(toks[-1].text, lang) in gold_keys or toks[-1].text.lower() in gold_keys)


def _cover(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_articles(articles: list[Article], gold: list[Gold], not_quotes: list[tuple[str, int, int]]) -> Score:
    """Match predictions (already in ``article.quotes``) to gold one to one, best overlap first."""
    by_id = {a.id: a for a in articles}
    s = Score(gold=len(gold))
    preds = [(a, q) for a in articles for q in a.quotes]
    s.predicted = len(preds)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, (a, q) in enumerate(preds):
            if a.id == g.article and q.kind == g.kind:
                c = _cover(q.start, q.end, g.start, g.end)
                if c >= COVER * (g.end - g.start):
                    pairs.append((c / max(1, max(q.end, g.end) - min(q.start, g.start)), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, (a, q) = gold[gi], preds[pi]
        s.matched += 1
        if g.speaker:
            s.speaker_total += 1
            if speaker_matches(a, q, g.speaker):
                s.speaker_right += 1
            else:
                named = a.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else q.speaker_text
                s.wrong_speaker.append(f"{a.source}: gold {g.speaker!r}, got {named!r} ({q.rules}): {q.text[:60]!r}")
    for gi, g in enumerate(gold):
        if gi not in used_g:
            text = by_id[g.article].text[g.start : g.end] if g.article in by_id else "?"
            s.missed.append(f"{g.kind} {by_id[g.article].source if g.article in by_id else g.article}: {text[:90]!r}")
    for pi, (a, q) in enumerate(preds):
        if pi not in used_p:
            s.unmatched.append(f"{q.kind} {a.source} {q.rules} {q.speaker_text!r}: {q.text[:90]!r}")
    for art, n0, n1 in not_quotes:
        for a, q in preds:
            if a.id == art and _cover(q.start, q.end, n0, n1) >= COVER * (q.end - q.start):
                s.not_quotes += 1
                s.not_quote_hits.append(f"{a.source}: {q.text!r}")
    return s


def _folded(text: str) -> tuple[str, list[int]]:
    """Text with white-space runs as one space, and the original offset of each folded character."""
    out: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"\s+|\S", text):
        out.append(" " if m.group().isspace() else m.group())
        where.append(m.start())
    where.append(len(text))
    return "".join(out), where


def _locate(text: str, needle: str) -> list[tuple[int, int]]:
    folded, where = _folded(text)
    target = re.sub(r"\s+", " ", needle).strip()
    found = []
    at = folded.find(target)
    while at >= 0:
        found.append((where[at], where[at + len(target) - 1] + 1))
        at = folded.find(target, at + 1)
    return found


def seeds(shared: Path) -> tuple[Score, list[Article]]:
    gold_file = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    articles = analyze([str(shared / "corpus" / "seeds")]).articles
    by_file = {Path(a.source).name: a for a in articles}
    gold: list[Gold] = []
    for g in gold_file["quotes"]:
        a = by_file[g["file"]]
        spans = _locate(a.text, g["text"]) or [(-1, -1)]
        gold.append(Gold(a.id, spans[0][0], spans[0][1], g["kind"], g["speaker"]))
    not_quotes = [
        (by_file[n["file"]].id, s0, s1)
        for n in gold_file["not_quotes"]
        for s0, s1 in _locate(by_file[n["file"]].text, n["text"])
    ]
    return score_articles(articles, gold, not_quotes), articles


def dev(shared: Path, dev_file: Path = DEV_FILE) -> tuple[Score, list[Article]]:
    root = shared / "corpus" / "slavicner" / "raw"
    records = [json.loads(line) for line in dev_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    listed = re.findall(
        r"^\| `([^`]+\.txt)` \|", dev_file.with_name("quotes_dev.README.md").read_text(encoding="utf-8"), re.M
    )
    files = sorted(set(listed) | {r["file"] for r in records})
    articles = analyze([str(root / f) for f in files], keep_raw=True).articles
    by_file = {str(Path(a.source).relative_to(root)): a for a in articles}
    gold = [
        Gold(by_file[r["file"]].id, r["start"], r["end"], r["kind"], r["speaker"])
        for r in records
        if r["type"] == "quote" and r["file"] in by_file
    ]
    not_quotes = [
        (by_file[r["file"]].id, r["start"], r["end"])
        for r in records
        if r["type"] == "not_quote" and r["file"] in by_file
    ]
    return score_articles(articles, gold, not_quotes), articles


def speed(shared: Path, limit: int | None = None) -> tuple[float, float, int]:
    """(articles/s without quotes, articles/s with quotes, articles) on the SlavicNER raw files: the whole
    pipeline is timed, then the quote stage alone (it is pure, so running it again costs the same)."""
    paths = sorted(str(p) for p in (shared / "corpus" / "slavicner" / "raw").glob("*/*/*.txt"))[:limit]
    t0 = time.perf_counter()
    articles = analyze(paths).articles
    t1 = time.perf_counter()
    for a in articles:
        find_quotes(a)
    quotes = time.perf_counter() - t1
    n = len(articles)
    return n / max(1e-9, t1 - t0 - quotes), n / (t1 - t0), n


def _figures(name: str, s: Score) -> dict[str, float]:
    return {
        f"{name}.precision": s.precision,
        f"{name}.recall": s.recall,
        f"{name}.f1": s.f1,
        f"{name}.speaker_accuracy": s.speaker_accuracy,
        f"{name}.not_quotes": float(s.not_quotes),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval.quotes", description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=["seeds", "dev", "speed", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="speed: only the first N files")
    parser.add_argument("--show", action="store_true", help="list misses, unmatched predictions, wrong speakers")
    parser.add_argument("--baseline", action="append", default=[], metavar="NAME=VALUE", help="e.g. dev.recall=0.6")
    args = parser.parse_args(argv)
    shared = shared_dir()
    figures: dict[str, float] = {}
    rows: list[list[object]] = []
    for name, run in (("seeds", seeds), ("dev", dev)):
        if args.part in (name, "all"):
            s, _ = run(shared)
            figures |= _figures(name, s)
            rows.append(
                [name, s.gold, s.predicted, s.matched, s.precision, s.recall, s.f1, s.speaker_accuracy, s.not_quotes]
            )
            if args.show:
                for title, items in (
                    ("missed", s.missed),
                    ("unmatched", s.unmatched),
                    ("wrong speaker", s.wrong_speaker),
                    ("not_quote as speech", s.not_quote_hits),
                ):
                    print(f"--- {name}: {title} ({len(items)})")
                    print("\n".join(items))
    if rows:
        print_table("quotes", ["set", "gold", "pred", "match", "P", "R", "F1", "speaker acc", "not_quotes"], rows)
    if args.part in ("speed", "all"):
        without, with_quotes, n = speed(shared, args.limit)
        figures |= {"speed.without": without, "speed.with": with_quotes}
        print(f"speed on {n} SlavicNER articles: {without:.1f} articles/s without quotes, {with_quotes:.1f} with")
    failed = []
    for item in args.baseline:
        name, _, value = item.partition("=")
        got = figures.get(name)
        if got is None:
            continue
        bad = got > float(value) if name.endswith("not_quotes") else got < float(value)
        if bad:
            failed.append(f"{name} = {got:.3f} (baseline {value})")
    for f in failed:
        print(f"below baseline: {f}")
    return 1 if failed else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
