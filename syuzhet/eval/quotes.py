"""``python -m syuzhet.eval quotes``: quotations and speakers against hand-made gold, per language and part.

* seeds: ``eval/seeds.gold.json`` ``quotes`` (file, speaker, kind, text) and ``not_quotes`` on the cleaned seeds;
* slavicner: ``tests/data/quotes_dev.jsonl`` (41 SlavicNER articles, ru and uk, offsets into the raw files) and
  ``quotes_test.jsonl`` (8 more, annotated once the rules were written, never used to choose one) and
  ``quotes_test2.jsonl`` (8 more, annotated before the second round of rules, never used to choose one);
* leads: ``tests/data/quotes_leads.jsonl`` (141 news leads, ru/uk/en/kk, a dev and a test part: ``quote_leads``);
* extraction: ``tests/data/quotes_extraction.jsonl`` (12 whole English articles of the extraction set, parts
  ``dev3`` and ``test5``: ``quote_extraction``);
* speed: articles/s on the SlavicNER raw files, without and with the quote stage.

Matching and the measures are ``quote_score``'s. ``--show`` lists misses, unmatched predictions and wrong
speakers of the development sets only (never of the test part). ``--rules`` prints, for each rule that finds
quotes, what it brings on every fold (quotes matched, quotes unmatched, F1 with it minus F1 without it).
``--baseline NAME=VALUE`` fails the run (exit 1) when a figure falls below it (for ``*.not_quotes``, above);
a baseline naming a figure that was not computed fails too. ``--try RULE`` turns a rule on in every language
(one ``rule_langs.txt`` keeps off, too): with ``--ablate RULE``, what it would bring where it is off.
``--hide test2`` leaves a part out (while rules are written, the part that must stay unseen)."""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from syuzhet.eval import quote_extraction, quote_leads
from syuzhet.eval.common import print_table, shared_dir
from syuzhet.eval.quote_score import Fold, Gold, Score, score_articles
from syuzhet.model import Article
from syuzhet.pipeline import analyze
from syuzhet.quotes import find_quotes
from syuzhet.quotes.lexicon import switched_off, switched_on

DEV_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes_dev.jsonl"
TEST_FILE = DEV_FILE.with_name("quotes_test.jsonl")  # 8 more SlavicNER articles, annotated after the rules were
TEST2_FILE = DEV_FILE.with_name("quotes_test2.jsonl")  # 8 more, annotated before the second round of rules


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
    folds = slavicner(shared, dev_file)
    articles = [a for f in folds.values() for a in f.articles]
    gold = [g for f in folds.values() for g in f.gold]
    return score_articles(articles, gold, [n for f in folds.values() for n in f.not_quotes]), articles


def slavicner(shared: Path, dev_file: Path = DEV_FILE, part: str = "dev") -> dict[tuple[str, str], Fold]:
    """The SlavicNER quote set as two folds, (ru, part) and (uk, part), by the corpus's language folder."""
    root = shared / "corpus" / "slavicner" / "raw"
    records = [json.loads(line) for line in dev_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    readme = dev_file.with_name("quotes_dev.README.md").read_text(encoding="utf-8") if part == "dev" else ""
    listed = re.findall(r"^\| `([^`]+\.txt)` \|", readme, re.M)
    files = sorted(set(listed) | {r["file"] for r in records})
    articles = analyze([str(root / f) for f in files], keep_raw=True).articles
    by_file = {str(Path(a.source).relative_to(root)): a for a in articles}
    folds: dict[tuple[str, str], Fold] = {}
    for name, a in by_file.items():
        lang = name.split("/")[1]
        folds.setdefault((lang, part), Fold(lang, part, [], [], [])).articles.append(a)
    for r in records:
        if r["file"] not in by_file:
            continue
        a, fold = by_file[r["file"]], folds[r["file"].split("/")[1], part]
        if r["type"] == "quote":
            fold.gold.append(Gold(a.id, r["start"], r["end"], r["kind"], r["speaker"]))
        else:
            fold.not_quotes.append((a.id, r["start"], r["end"]))
    return folds


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


def _row(name: str, s: Score) -> list[object]:
    return [name, s.gold, s.predicted, s.matched, s.precision, s.recall, s.f1, s.speaker_accuracy, s.not_quotes]


def _merged(folds: list[Fold]) -> Score:
    arts = [a for f in folds for a in f.articles]
    return score_articles(arts, [g for f in folds for g in f.gold], [n for f in folds for n in f.not_quotes])


def _show(name: str, s: Score) -> None:
    for title, items in (
        ("missed", s.missed),
        ("unmatched", s.unmatched),
        ("wrong speaker", s.wrong_speaker),
        ("not_quote as speech", s.not_quote_hits),
    ):
        print(f"--- {name}: {title} ({len(items)})")
        print("\n".join(items))


def _rules_table(folds: dict[str, Fold]) -> None:
    table = quote_leads.rule_folds_named(folds)
    names = list(folds)
    rows: list[list[object]] = [[rule, *(_cell(table[rule].get(n)) for n in names)] for rule in sorted(table)]
    short = [n.replace("slavicner.", "SN ").replace("leads.", "").replace("extraction.", "").replace(".", " ")
             for n in names]
    print_table("what each rule finds per fold: right/false, F1 with minus without it", ["rule", *short], rows)


def _ablation_table(folds: dict[str, Fold], rules: list[str]) -> None:
    """Each fold scored with every rule, then again with ``rules`` switched off (the quote stage re-run)."""
    rows: list[list[object]] = []
    for name, fold in folds.items():
        kept = [a.quotes for a in fold.articles]
        full = fold.score()
        with switched_off(*rules):
            for a in fold.articles:
                find_quotes(a)
            off = fold.score()
        for a, quotes in zip(fold.articles, kept, strict=True):
            a.quotes = quotes
        rows.append([name, full.recall, off.recall, full.precision, off.precision, full.f1 - off.f1,
                     f"{full.speaker_right}/{full.speaker_total}", f"{off.speaker_right}/{off.speaker_total}",
                     full.speaker_accuracy - off.speaker_accuracy])
    head = ["fold", "R", "R off", "P", "P off", "F1 +", "speakers", "speakers off", "speaker acc +"]
    print_table(f"with minus without {', '.join(rules)}", head, rows)


def _cell(value: tuple[int, int, float] | None) -> str:
    return "" if value is None else f"{value[0]}/{value[1]} {value[2]:+.3f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval quotes", description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=["seeds", "slavicner", "leads", "speed", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="speed: only the first N files")
    parser.add_argument("--show", action="store_true", help="list misses, unmatched, wrong speakers (dev parts)")
    parser.add_argument("--rules", action="store_true", help="what each rule brings on each fold")
    parser.add_argument("--ablate", metavar="RULE[,RULE]", help="every fold with and without these rules")
    parser.add_argument("--try", dest="try_rules", metavar="RULE[,RULE]",
                        help="turn these rules on in every language, whatever rule_langs.txt says (with --ablate:"
                        " what each brings where it is off)")
    parser.add_argument("--hide", action="append", default=[], choices=["test", "test2", "test3", "test4", "test5"],
                        help="leave a part out")
    parser.add_argument("--baseline", action="append", default=[], metavar="NAME=VALUE", help="e.g. dev.recall=0.6")
    args = parser.parse_args(argv)
    if args.try_rules:
        with switched_on(*args.try_rules.split(",")):
            return _main(args)
    return _main(args)


def _main(args: argparse.Namespace) -> int:
    shared = shared_dir()
    figures: dict[str, float] = {}
    rows: list[list[object]] = []
    named: dict[str, Fold] = {}
    if args.part in ("seeds", "all"):
        s, _ = seeds(shared)
        figures |= _figures("seeds", s)
        rows.append(_row("seeds", s))
        if args.show:
            _show("seeds", s)
    if args.part in ("slavicner", "all"):
        sn = slavicner(shared)
        for (lang, _part), fold in sorted(sn.items()):
            named[f"slavicner.{lang}"] = fold
        whole = _merged(list(sn.values()))
        figures |= _figures("dev", whole)
        rows.append(_row("dev (slavicner)", whole))
        if args.show:
            _show("slavicner", whole)
        for part, file in (("test", TEST_FILE), ("test2", TEST2_FILE)):
            if part in args.hide:
                continue
            held = slavicner(shared, file, part)
            for (lang, _part), fold in sorted(held.items()):
                named[f"slavicner.{lang}.{part}"] = fold
            figures |= _figures(f"slavicner.{part}", _merged(list(held.values())))
    if args.part in ("leads", "all"):
        parts = tuple(p for p in quote_leads.PARTS if p not in args.hide)
        leads = quote_leads.load(shared, parts=parts)
        for lang in quote_leads.LANGS:
            for part in parts:
                if (lead_fold := leads.get((lang, part))) is not None:
                    named[f"leads.{lang}.{part}"] = lead_fold
        for part in parts:
            whole = _merged([f for (_lang, p), f in leads.items() if p == part])
            figures |= _figures(f"leads.{part}", whole)
            named_rows = [n for n in named if n.startswith("leads.") and n.endswith(f".{part}")]
            rows.extend(_row(n, named[n].score()) for n in named_rows)
            rows.append(_row(f"leads.{part}", whole))
            if args.show and part in ("dev", "dev2"):
                _show(f"leads.{part}", whole)
        ext_parts = tuple(p for p in quote_extraction.PARTS if p not in args.hide)
        for (lang, part), fold in sorted(quote_extraction.load(shared, parts=ext_parts).items()):
            named[f"extraction.{lang}.{part}"] = fold
            rows.append(_row(f"extraction.{lang}.{part}", fold.score()))
            if args.show and part == "dev3":
                _show(f"extraction.{lang}.{part}", fold.score())
    for name, fold in named.items():
        figures |= _figures(name, fold.score())
    sn_rows = [_row(n, f.score()) for n, f in named.items() if n.startswith("slavicner.")]
    for part in ("test", "test2"):
        held_folds = [f for n, f in named.items() if n.startswith("slavicner.") and n.endswith(f".{part}")]
        if held_folds:
            sn_rows.append(_row(f"slavicner.{part}", _merged(held_folds)))
    at = 2 if args.part == "all" else 1
    rows[at:at] = sn_rows
    if rows:
        print_table("quotes", ["set", "gold", "pred", "match", "P", "R", "F1", "speaker acc", "not_quotes"], rows)
    if args.rules:
        _rules_table(named)
    if args.ablate:
        _ablation_table(named, args.ablate.split(","))
    if args.part in ("speed", "all"):
        without, with_quotes, n = speed(shared, args.limit)
        figures |= {"speed.without": without, "speed.with": with_quotes}
        print(f"speed on {n} SlavicNER articles: {without:.1f} articles/s without quotes, {with_quotes:.1f} with")
    failed = []
    for item in args.baseline:
        name, _, value = item.partition("=")
        got = figures.get(name)
        if got is None:
            failed.append(f"{name} was not measured")
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
