"""Stories on SlavicNER ru+uk and the seeds: ``python -m syuzhet.eval stories [--baseline P] [--facts-baseline R]
[--claims | --claims-only] [--claims-baseline P]``; on a labelled news stream: ``python -m syuzhet.eval stories
--stream FILE [--store] [--batch N] [--min-bcubed F] [--min-pairs F]``.

- Stream (``--stream``, e.g. ``../shared/corpus/stories/dev.jsonl``): the items are fed as a user's JSONL (no
  labels, no language) to one ``analyze`` run, and with ``--store`` also to ``ingest`` runs into one store in
  date order, ``--batch`` items a run; scored as the stream's README says (B-cubed, pairwise, cross-language
  pairwise, merged gold events; ``syuzhet.eval.stream``).

- Clustering on SlavicNER ru+uk (five topics; a topic holds many events, so recall against topics is low by
  design and precision is what counts): B-cubed precision/recall/F1, stories, stories joining ru and uk.
- Seeds + SlavicNER: the five seeds form exactly one story with nothing else in it; no story mixes topics.
- Facts on ``seeds.gold.json``: a gold claim is an English description, so it is matched by *anchors* taken
  from it in one general way: its numbers, its 'day month' dates, and its capitalised words (not the first
  word), transliterated and folded like every key. A gold fact is recalled when a produced fact cites at least
  (and, second figure, exactly) its files and the fact's sentences contain all anchors. Claims without
  anchors cannot be matched automatically: they are listed for a manual check with the produced fact whose
  articles best cover the gold files.
- Claims (``--claims``, ``--claims-only``): pairwise "same claim" decisions on ``tests/data/claims_dev.jsonl``,
  hand-labelled cross-article sentence pairs from SlavicNER stories (see ``tests/data/claims_dev.README.md``).
  *grouped*: both sentences are in one claim group; *cited*: both are among the sentences one ``Fact`` cites
  (what a reader sees). Precision, recall and F1, for all pairs, same-language and ru-uk pairs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import tempfile
from collections import Counter
from pathlib import Path

from syuzhet.dates import month_numbers
from syuzhet.eval.common import prf, print_table, shared_dir
from syuzhet.eval.stream import HEADER, Scores, cluster_stream, dense, ingest_stream, load_stream, score
from syuzhet.model import Article, Fact
from syuzhet.pipeline import Analysis, analyze
from syuzhet.stories import cluster_stories, describe_stories
from syuzhet.stories.claims import group_claims, parts
from syuzhet.stories.text import Sentence, fingerprint, fold, sentences, stem

CLAIMS_DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "claims_dev.jsonl"
BOILERPLATE_MIN = 3  # as in the dossier: a sentence repeated in this many articles is site furniture


def topic_of(article: Article) -> str:
    parts = Path(article.source).parts
    return parts[parts.index("raw") + 1] if "raw" in parts else "seeds"


def bcubed(stories: list[list[str]], label: dict[str, str]) -> tuple[float, float]:
    size = Counter(label.values())
    p = r = 0.0
    for members in stories:
        counts = Counter(label[m] for m in members)
        for m in members:
            p += counts[label[m]] / len(members)
            r += counts[label[m]] / size[label[m]]
    n = len(label) or 1
    return p / n, r / n


def clustering_rows(articles: list[Article]) -> tuple[list[list[object]], Analysis]:
    analysis = Analysis(articles=articles)
    cluster_stories(analysis)
    label = {a.id: topic_of(a) for a in articles}
    lang = {a.id: a.lang for a in articles}
    p, r = bcubed([s.articles for s in analysis.stories], label)
    f = 2 * p * r / (p + r) if p + r else 0.0
    mixed = sum(1 for s in analysis.stories if len({label[m] for m in s.articles}) > 1)
    bilingual = sum(1 for s in analysis.stories if {lang[m] for m in s.articles} >= {"ru", "uk"})
    multi = sum(1 for s in analysis.stories if len(s.articles) > 1)
    return [[len(articles), len(analysis.stories), multi, p, r, f, mixed, bilingual]], analysis


def anchors(claim: str) -> set[str]:
    keys = {"#" + n for n in re.findall(r"\d+", claim)}
    months = month_numbers()
    for day, month in re.findall(r"\b(\d{1,2})\s+([A-Za-z]+)", claim):
        if month.lower() in months:
            keys.add(f"@{months[month.lower()]:02d}-{int(day):02d}")
            keys.discard("#" + day)
    words = re.findall(r"[A-Za-z][\w'-]*", claim)
    keys |= {stem(fold(w)) for w in words if w[0].isupper() and w.lower() not in months and len(w) > 2}
    return keys


def matches(keys: set[str], found: set[str]) -> bool:
    """All number and date anchors, and more than half of the word anchors (one word matches another when
    they share their first five letters or one is a prefix of the other)."""
    exact = {k for k in keys if k[0] in "#@"}
    words = keys - exact
    if not exact <= found:
        return False
    if not words:
        return True
    hits = sum(1 for w in words if any(k.startswith(w[:5]) or w.startswith(k) for k in found if len(k) > 2))
    return hits * 2 > len(words)


def fact_keys(fact: Fact, sentence_keys: dict[tuple[str, int], set[str]]) -> set[str]:
    keys: set[str] = set()
    for ev in fact.evidence:
        keys |= sentence_keys.get((ev["article"], ev["start"]), set())
    return keys


def facts_rows(seeds: Analysis, gold: dict[str, object]) -> tuple[list[list[object]], list[list[object]], float]:
    describe_stories(seeds)
    by_file = {Path(a.source).name: a.id for a in seeds.articles}
    skeys = {(s.article, s.start): s.stems() for a in seeds.articles for s in sentences(a)}
    produced = [f for s in seeds.stories for f in s.facts]
    rows, manual = [], []
    recalled = 0
    items = gold.get("facts", [])
    assert isinstance(items, list)
    for item in items:
        files = {by_file[f] for f in item["files"] if f in by_file}
        keys = anchors(item["claim"])
        if not keys:
            best = max(produced, key=lambda f: (len(files & set(f.articles)), -len(f.articles)), default=None)
            manual.append([item["claim"], len(files), best.text[:90] if best else "-",
                           f"{len(files & set(best.articles)) if best else 0}/{len(files)}"])
            continue
        at_least = [f for f in produced if files <= set(f.articles) and matches(keys, fact_keys(f, skeys))]
        exact = [f for f in at_least if set(f.articles) == files]
        recalled += bool(at_least)
        rows.append([item["claim"], " ".join(sorted(keys)), len(files), bool(at_least), bool(exact),
                     at_least[0].text[:70] if at_least else "-"])
    scored = len(rows)
    return rows, manual, recalled / scored if scored else 0.0


def story_sentences(members: list[Article]) -> list[Sentence]:
    """The sentences the dossier groups into claims: every member's, without sentences repeated in
    ``BOILERPLATE_MIN`` or more originals."""
    sents = {a.id: sentences(a) for a in members}
    seen: Counter[int] = Counter()
    for a in members:
        if a.duplicate_of is None:
            seen.update({fingerprint(s) for s in sents[a.id] if len(s.words) >= 3})
    return [s for a in members for s in sents[a.id] if len(s.words) < 3 or seen[fingerprint(s)] < BOILERPLATE_MIN]


def _locate(end: dict[str, object], article: Article, raw_root: Path) -> tuple[int, int] | None:
    """The span of a pair's sentence in ``article.text``: the recorded offsets if the text there still hashes
    the same, else the recorded raw-file span found again in the cleaned text (the cleaner changed), else None."""
    start, stop = int(end["start"]), int(end["end"])  # type: ignore[call-overload]
    if hashlib.sha1(article.text[start:stop].encode()).hexdigest()[:12] == end["sha1"]:
        return start, stop
    raw = (raw_root / str(end["file"])).read_text(encoding="utf-8")
    piece = raw[int(end["raw_start"]):int(end["raw_end"])]  # type: ignore[call-overload]
    found = article.text.find(piece)
    return (found, found + len(piece)) if found >= 0 else None


def _sentence_at(sents: list[Sentence], article: str, span: tuple[int, int] | None) -> Sentence | None:
    """The sentence that overlaps ``span`` most (segmentation may have moved), if any."""
    if span is None:
        return None
    best = max((s for s in sents if s.article == article), default=None,
               key=lambda s: min(s.end, span[1]) - max(s.start, span[0]))
    return best if best is not None and min(best.end, span[1]) > max(best.start, span[0]) else None


def claims_rows(raw_root: Path, dev: Path = CLAIMS_DEV,
                errors: list[list[object]] | None = None) -> list[list[object]]:
    """Pairwise "same claim" decisions on the dev set, two ways: *grouped* (both sentences in one claim group)
    and *cited* (both among the sentences one ``Fact`` cites, which is what a reader sees). Rows: decision, pair
    subset (all, same language, ru-uk), pairs, gold positives, TP, FP, FN, P, R, F1. A sentence that cannot be
    found any more counts as not grouped. ``errors`` collects the wrong *cited* decisions."""
    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories = {r["story"]: r["files"] for r in records if "files" in r}
    pairs = [r for r in records if "same_claim" in r]
    files = sorted({f for fs in stories.values() for f in fs})
    analysed = analyze([str(raw_root / f) for f in files]).articles
    articles = {str(Path(a.source).relative_to(raw_root)): a for a in analysed}
    group: dict[tuple[str, int], int] = {}
    cites: dict[tuple[str, int], set[int]] = {}
    sents: dict[str, list[Sentence]] = {}
    number = 0
    for name, members in stories.items():
        story = [articles[f] for f in members if f in articles]
        sents[name] = story_sentences(story)
        claims = group_claims(sents[name])
        lang = Counter(a.lang for a in story).most_common(1)[0][0]
        for claim in claims:
            number += 1
            group.update({(s.article, s.start): number for s in claim.sentences})
            for _, part in parts(claim, lang):
                number += 1
                for s in part:
                    cites.setdefault((s.article, s.start), set()).add(number)
    counts: dict[tuple[str, str], Counter[tuple[bool, bool]]] = {}
    for pair in pairs:
        found = []
        for end in (pair["a"], pair["b"]):
            article = articles[end["file"]]
            found.append(_sentence_at(sents[pair["story"]], article.id, _locate(end, article, raw_root)))
        a, b = found
        ka, kb = (a.article, a.start) if a else ("", -1), (b.article, b.start) if b else ("", -2)
        gold = bool(pair["same_claim"])
        langs = {pair["a"]["file"].split("/")[1], pair["b"]["file"].split("/")[1]}
        for decision, predicted in (("grouped", ka in group and group.get(ka) == group.get(kb)),
                                    ("cited", bool(cites.get(ka, set()) & cites.get(kb, set())))):
            for subset in ("all", "ru-uk" if len(langs) > 1 else "same language"):
                counts.setdefault((decision, subset), Counter())[predicted, gold] += 1
            if errors is not None and decision == "cited" and predicted != gold:
                errors.append([pair["story"], "FP" if predicted else "FN", a.text if a else "(not found)",
                               b.text if b else "(not found)"])
    rows: list[list[object]] = []
    for (decision, subset), c in sorted(counts.items(), key=lambda kv: (kv[0][0] != "grouped", kv[0][1])):
        p, r, f = prf(c[True, True], c[True, False], c[False, True])
        rows.append([decision, subset, sum(c.values()), c[False, True] + c[True, True], c[True, True],
                     c[True, False], c[False, True], p, r, f])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval stories", description=__doc__)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="files per topic and language (fast CI run)")
    parser.add_argument("--baseline", type=float, default=None, help="exit 1 if B-cubed precision is below")
    parser.add_argument("--facts-baseline", type=float, default=None,
                        help="exit 1 if anchored facts recall (at least the gold files) is below")
    parser.add_argument("--claims", action="store_true",
                        help="also score claim grouping on tests/data/claims_dev.jsonl")
    parser.add_argument("--claims-only", action="store_true", help="only the claim grouping score")
    parser.add_argument("--claims-baseline", type=float, default=None,
                        help="exit 1 if pairwise same-claim precision on the dev set is below")
    parser.add_argument("--show-errors", action="store_true", help="print the dev pairs the grouper gets wrong")
    parser.add_argument("--stream", type=Path, default=None, help="score clustering on this labelled stream")
    parser.add_argument("--store", action="store_true", help="with --stream: also ingest it run by run")
    parser.add_argument("--dense", action="store_true",
                        help="with --stream: every event family moved to start on one day (a dense feed)")
    parser.add_argument("--batch", type=int, default=50, help="with --store: items per ingest run")
    parser.add_argument("--min-bcubed", type=float, default=None, help="with --stream: exit 1 if B-cubed F1 is below")
    parser.add_argument("--min-pairs", type=float, default=None, help="with --stream: exit 1 if pairwise F1 is below")
    args = parser.parse_args(argv)
    if args.stream is not None:
        return stream_main(args)
    raw = args.shared / "corpus" / "slavicner" / "raw"
    failed = False
    if args.claims or args.claims_only or args.claims_baseline is not None:
        errors: list[list[object]] = []
        claim_rows = claims_rows(raw, errors=errors)
        print_table("claims: same-claim pairs on tests/data/claims_dev.jsonl",
                    ["decision", "pairs", "n", "gold same", "TP", "FP", "FN", "P", "R", "F1"], claim_rows)
        if args.show_errors:
            print_table("wrong pair decisions", ["story", "error", "sentence a", "sentence b"], errors)
        if args.claims_baseline is not None and float(claim_rows[0][7]) < args.claims_baseline:  # type: ignore[arg-type]
            failed = True
        if args.claims_only:
            return 1 if failed else 0
    files = []
    for folder in sorted(raw.glob("*/*")):
        if folder.name in ("ru", "uk"):
            files += sorted(str(p) for p in folder.glob("*.txt"))[: args.limit]
    corpus = analyze(files).articles
    seeds = analyze([str(args.shared / "corpus" / "seeds")]).articles
    header = ["articles", "stories", "multi", "B3 P", "B3 R", "B3 F1", "mixed", "ru+uk"]
    rows, _ = clustering_rows(corpus)
    print_table("clustering, SlavicNER ru+uk vs topics", header, rows)
    mixed_rows, mixed = clustering_rows(corpus + seeds)
    print_table("clustering, seeds + SlavicNER ru+uk", header, mixed_rows)
    seed_ids = {a.id for a in seeds}
    holding = [s for s in mixed.stories if seed_ids & set(s.articles)]
    seeds_ok = len(holding) == 1 and set(holding[0].articles) == seed_ids
    print(f"seeds: {len(holding)} story(ies) holding them, sizes {[len(s.articles) for s in holding]}: "
          f"{'OK' if seeds_ok else 'FAIL'}")
    gold = json.loads((args.shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    alone = Analysis(articles=seeds)
    cluster_stories(alone)
    fact_rows, manual, recall = facts_rows(alone, gold)
    print_table("facts on seeds.gold.json (anchored claims)",
                ["claim", "anchors", "files", "recalled", "exact files", "fact"], fact_rows)
    print_table("facts without anchors (manual check)", ["claim", "files", "best fact", "files cited"], manual)
    print(f"anchored facts recall: {recall:.3f} ({len(fact_rows)} anchored, {len(manual)} manual)")
    failed = failed or not seeds_ok or mixed_rows[0][6] != 0
    if args.baseline is not None and float(rows[0][3]) < args.baseline:  # type: ignore[arg-type]
        failed = True
    if args.facts_baseline is not None and recall < args.facts_baseline:
        failed = True
    return 1 if failed else 0


def stream_main(args: argparse.Namespace) -> int:
    items = load_stream(args.stream)
    if args.dense:
        items = dense(items)
    runs: list[tuple[str, Scores]] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs.append(("analyze", score(items, cluster_stream(items, Path(tmp)))))
        if args.store:
            runs.append((f"ingest, {args.batch} a run", score(items, ingest_stream(items, Path(tmp), args.batch))))
    events = len({i["event"] for i in items})
    view = ", families aligned on one day" if args.dense else ""
    print_table(f"stories on {args.stream.name}{view}: {len(items)} items, {events} events", ["run", *HEADER],
                [[name, int(scores.stories), *scores.row()[1:]] for name, scores in runs])
    for name, scores in runs:
        merged = [f"{a} + {b}" for a, b, _ in scores.merged[:10]]
        print(f"{name}: {len(scores.merged)} pairs of gold events merged" + "".join(f"\n  {m}" for m in merged))
    failed = False
    for _, scores in runs:
        if args.min_bcubed is not None and scores.bcubed[2] < args.min_bcubed:
            failed = True
        if args.min_pairs is not None and scores.pairs[2] < args.min_pairs:
            failed = True
    return 1 if failed else 0
