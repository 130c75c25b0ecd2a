"""Score the entity stages (``syuzhet.entities``): mentions, base forms and cross-document identity.

    python -m syuzhet.eval.entities [seeds|slavicner|factru|orgs ...] [--limit N] [--baseline-* X]
    python -m syuzhet.eval entities --folds ...   # each Russian fix on held-out folds (``ner_folds``)

seeds (``eval/seeds.gold.json``): per gold entity, is it found in every article that mentions it (a
  predicted mention equal to one of its gold surface strings, white space folded) and are all its found
  mentions ONE entity id across the articles; per-mention recall; predicted entities that are pronouns,
  lower-case words or sentence-initial common nouns not in the gold (should be none).
slavicner (``corpus/slavicner``, ru + uk, text kept as-is so offsets match; gold and predicted mentions made
  flat, the outermost kept, as the gold has no nesting): mention P/R/F1 per type,
  relaxed (overlap with the same type, one-to-one) and exact (same start, end, type); base-form accuracy on
  exactly matched mentions vs the lemma column (exact string, and case-insensitive); linking: pairwise
  P/R/F1 over all pairs of relaxed-matched mentions (a pair is gold-positive when both have the same gold id,
  predicted-positive when both have the same entity id), for all pairs and for pairs across documents in
  different languages, plus B-cubed P/R/F1. Published anchors (XLM-R-large + mT5-large): mention F1 0.92,
  base forms 96.1%, linking 87.8%. Ukrainian documents the uk CRF was trained on are scored too (marked
  'uk (all)'); 'uk (held-out)' uses only its held-out split (``syuzhet.eval.ner_uk``).
orgs (``tests/data/org_links.jsonl`` over ``corpus/stories/dev.jsonl``): pairwise link P/R/F1 of organisation
  mentions within one language and across languages, on the design split and the held-out one
  (``syuzhet.eval.org_links``). Not in the default set: ``entities orgs`` runs it.
factru (factRuEval-2016 devset): PER/LOC/ORG F1, object level (an object's span is min start .. max end of
  its spans; Person -> PER, Location and LocOrg -> LOC, Org -> ORG) exact and relaxed, and token level
  (each token's type, naeval-style). slovnet's published naeval F1: PER .959, LOC .915, ORG .825.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.entities import find_entities, link_entities
from syuzhet.entities.lemma import is_acronym
from syuzhet.entities.ru_ner import _reading, _sentence_start
from syuzhet.eval.common import fold, outermost, prf, print_table, shared_dir
from syuzhet.model import Article, Entity, Mention
from syuzhet.pipeline import Analysis, analyze, process

TYPES = ("PER", "LOC", "ORG", "EVT", "PRO")
Span = tuple[int, int, str]

# ------------------------------------------------------------------------------------------------- seeds


@dataclass
class SeedEntityResult:
    name: str
    type: str
    articles: int
    found_in: int
    mentions: int
    mentions_found: int
    ids: set[str] = field(default_factory=set)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.found_in == self.articles and len(self.ids) == 1


def seeds_analysis(shared: Path) -> Analysis:
    result = analyze([str(shared / "corpus" / "seeds")])
    for article in result.articles:
        find_entities(article)
    link_entities(result)
    return result


def score_seeds(shared: Path, result: Analysis | None = None) -> tuple[list[SeedEntityResult], list[str]]:
    """Per gold entity: found per article, mention recall, ids; and the list of bad predicted entities."""
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    result = result or seeds_analysis(shared)
    file_of = {a.id: Path(a.source).name for a in result.articles}
    predicted: dict[tuple[str, str], set[str]] = defaultdict(set)  # (file, folded text) -> entity ids
    for entity in result.entities:
        for m in entity.mentions:
            predicted[(file_of.get(m.article, m.article), fold(m.text))].add(entity.id)
    out: list[SeedEntityResult] = []
    surfaces: dict[str, set[str]] = defaultdict(set)
    for item in gold["entities"]:
        res = SeedEntityResult(item["name"], item["type"], len(item["mentions"]), 0, 0, 0)
        for file, spans in item["mentions"].items():
            hit = False
            for span in spans:
                surfaces[file].add(fold(span))
                res.mentions += 1
                ids = predicted.get((file, fold(span)))
                if ids:
                    res.mentions_found += 1
                    res.ids |= ids
                    hit = True
                else:
                    res.missing.append(f"{file[:3]}:{span}")
            res.found_in += hit
        out.append(res)
    bad: list[str] = []
    texts = {a.id: a.text for a in result.articles}
    for entity in result.entities:
        for m in entity.mentions:
            file = file_of.get(m.article, m.article)
            if fold(m.text) in surfaces[file]:
                continue
            words = m.text.split()
            reason = ""
            if len(words) == 1 and not is_acronym(m.text):
                reading = _reading(m.text, "uk" if any(c in "єіїґ" for c in m.text.lower()) else "ru")
                if reading == "pronoun":
                    reason = "pronoun"
                elif not m.text[:1].isupper():
                    reason = "lower-case"
                elif reading == "common" and _sentence_start(texts[m.article], m.start):
                    reason = "sentence-initial common noun"
            if reason:
                bad.append(f"{entity.id} {m.text!r} in {file[:3]}: {reason}")
    return out, bad


def show_seeds(results: list[SeedEntityResult], bad: list[str]) -> float:
    rows: list[list[object]] = []
    for r in results:
        rows.append([r.name, r.type, f"{r.found_in}/{r.articles}", f"{r.mentions_found}/{r.mentions}",
                     len(r.ids), "ok" if r.ok else "FAIL", " ".join(r.missing)[:60]])
    print_table("seeds: gold entities", ["entity", "type", "articles", "mentions", "ids", "", "missing"], rows)
    passed = sum(r.ok for r in results)
    mention_recall = sum(r.mentions_found for r in results) / max(1, sum(r.mentions for r in results))
    print(f"seeds: {passed}/{len(results)} entities found in every article with one id; "
          f"mention recall {mention_recall:.3f}; bad predicted entities: {len(bad)}")
    for line in bad:
        print("  bad:", line)
    return passed / max(1, len(results))


# --------------------------------------------------------------------------------------------- slavicner


@dataclass
class GoldMention:
    start: int
    end: int
    text: str
    lemma: str
    type: str
    id: str


@dataclass
class NerDoc:
    key: str  # topic/lang/name
    lang: str
    text: str
    gold: list[GoldMention]


def _without_nesting(mentions: Iterable[GoldMention]) -> list[GoldMention]:
    return outermost(mentions, lambda g: (g.start, g.end))


def _flat(mentions: list[Mention]) -> list[Mention]:
    """Predicted mentions made flat like the gold: a place nested in an organisation ('МИД Норвегии') is not
    scored against SlavicNER, whose gold has the outer name only."""
    return outermost(mentions, lambda m: (m.start, m.end))


def read_slavicner(shared: Path, limit: int | None = None) -> list[NerDoc]:
    base = shared / "corpus" / "slavicner"
    docs: list[NerDoc] = []
    for topic_dir in sorted((base / "raw").iterdir()):
        for lang in ("ru", "uk"):
            files = sorted((topic_dir / lang).glob("*.txt"))[:limit]
            for txt in files:
                tsv = base / "ner" / topic_dir.name / lang / f"{txt.stem}.tsv"
                gold = []
                for row in tsv.read_text(encoding="utf-8").splitlines() if tsv.exists() else []:
                    c = row.split("\t")
                    if len(c) >= 6 and c[0].isdigit():
                        gold.append(GoldMention(int(c[0]), int(c[1]), c[2], c[3], c[4], c[5]))
                docs.append(NerDoc(f"{topic_dir.name}/{lang}/{txt.stem}", lang, txt.read_text(encoding="utf-8"),
                                   _without_nesting(gold)))
    return docs


def run_docs(docs: list[NerDoc]) -> tuple[Analysis, dict[str, Article], float]:
    """The article stages in as-is mode (language detected as in production), then entities; seconds spent."""
    analysis = Analysis()
    by_key: dict[str, Article] = {}
    started = time.perf_counter()
    for doc in docs:
        article = process(Article(source=doc.key, raw=doc.text, fmt="text"), keep_raw=True)
        article.text = doc.text  # offsets must match the annotation exactly
        find_entities(article)
        analysis.articles.append(article)
        by_key[doc.key] = article
    link_entities(analysis)
    return analysis, by_key, time.perf_counter() - started


@dataclass
class NerCounts:
    tp_relaxed: Counter[str] = field(default_factory=Counter)
    tp_exact: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    lemma_total: int = 0
    lemma_exact: int = 0
    lemma_nocase: int = 0
    lemma_errors: list[str] = field(default_factory=list)


def _match(pred: list[Mention], gold: list[GoldMention]) -> list[tuple[Mention, GoldMention, bool]]:
    """One-to-one pairs of overlapping mentions with the same type; the flag says exact span."""
    pairs: list[tuple[Mention, GoldMention, bool]] = []
    used: set[int] = set()
    for p in pred:
        best = None
        for i, g in enumerate(gold):
            if i in used or g.type != p.type or not (p.start < g.end and g.start < p.end):
                continue
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is not None:
            used.add(best[1])
            g = gold[best[1]]
            pairs.append((p, g, p.start == g.start and p.end == g.end))
    return pairs


def score_mentions(docs: list[NerDoc], by_key: dict[str, Article]) -> NerCounts:
    counts = NerCounts()
    for doc in docs:
        mentions = _flat(by_key[doc.key].mentions)
        counts.pred.update(m.type for m in mentions)
        counts.gold.update(g.type for g in doc.gold)
        for p, g, exact in _match(mentions, doc.gold):
            counts.tp_relaxed[g.type] += 1
            if exact:
                counts.tp_exact[g.type] += 1
                counts.lemma_total += 1
                counts.lemma_exact += p.lemma == g.lemma
                counts.lemma_nocase += p.lemma.lower() == g.lemma.lower()
                if p.lemma.lower() != g.lemma.lower() and len(counts.lemma_errors) < 40:
                    counts.lemma_errors.append(f"{g.text} -> {p.lemma} (gold {g.lemma})")
    return counts


def mention_rows(counts: NerCounts) -> list[list[object]]:
    rows: list[list[object]] = []
    for kind in (*TYPES, "all"):
        kinds = TYPES if kind == "all" else (kind,)
        pred = sum(counts.pred[k] for k in kinds)
        gold = sum(counts.gold[k] for k in kinds)
        if not gold and not pred:
            continue
        relaxed = sum(counts.tp_relaxed[k] for k in kinds)
        exact = sum(counts.tp_exact[k] for k in kinds)
        rows.append([kind, gold, pred, *prf(relaxed, pred - relaxed, gold - relaxed),
                     *prf(exact, pred - exact, gold - exact)])
    return rows


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_linking(docs: list[NerDoc], by_key: dict[str, Article], analysis: Analysis) -> dict[str, float]:
    """Pairwise (all pairs; pairs across languages) and B-cubed P/R/F1 of predicted entity ids vs gold ids."""
    entity_of = {(m.article, m.start, m.end): e.id for e in analysis.entities for m in e.mentions}
    items: list[tuple[str, str, str, str]] = []  # gold id, predicted id, lang, doc
    gold_names: dict[str, set[str]] = defaultdict(set)  # gold id -> its base forms (lemma column)
    for doc in docs:
        article = by_key[doc.key]
        for g in doc.gold:
            gold_names[g.id].add(fold(g.lemma).lower())
        for p, g, _ in _match(_flat(article.mentions), doc.gold):
            pid = entity_of.get((p.article, p.start, p.end))
            if pid:
                items.append((g.id, pid, doc.lang, doc.key))
    cells: Counter[tuple[str, str]] = Counter((g, p) for g, p, _, _ in items)
    gold_sizes: Counter[str] = Counter(g for g, _, _, _ in items)
    pred_sizes: Counter[str] = Counter(p for _, p, _, _ in items)
    tp = sum(_pairs(n) for n in cells.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    pred_pairs = sum(_pairs(n) for n in pred_sizes.values())
    pair_p, pair_r, pair_f = prf(tp, pred_pairs - tp, gold_pairs - tp)

    def cross(key_of: int) -> int:
        """Pairs of mentions in different languages inside the same group (gold, predicted or cell)."""
        groups: dict[object, Counter[str]] = defaultdict(Counter)
        for item in items:
            group = (item[0], item[1]) if key_of == 2 else item[key_of]
            groups[group][item[2]] += 1
        return sum(_pairs(sum(c.values())) - sum(_pairs(n) for n in c.values()) for c in groups.values())

    xtp, xgold, xpred = cross(2), cross(0), cross(1)
    xp, xr, xf = prf(xtp, xpred - xtp, xgold - xtp)
    b_p = sum(cells[(g, pr)] / pred_sizes[pr] for g, pr, _, _ in items) / max(1, len(items))
    b_r = sum(cells[(g, pr)] / gold_sizes[g] for g, pr, _, _ in items) / max(1, len(items))
    b_f = 2 * b_p * b_r / (b_p + b_r) if b_p + b_r else 0.0
    names = _names_right(items, gold_names, {e.id: e for e in analysis.entities})
    return {"mentions": len(items), "pair_p": pair_p, "pair_r": pair_r, "pair_f": pair_f, "cross_p": xp, "cross_r": xr,
            "cross_f": xf, "b3_p": b_p, "b3_r": b_r, "b3_f": b_f, **names}


def _names_right(items: list[tuple[str, str, str, str]], gold_names: dict[str, set[str]],
                 entities: dict[str, Entity]) -> dict[str, float]:
    """Per type, the share of predicted entities whose display name is a base form the gold gives the gold
    entity most of its matched mentions belong to (what a reader sees as the entity's name)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for gid, pid, _, _ in items:
        votes[pid][gid] += 1
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for pid, gids in votes.items():
        entity = entities[pid]
        total[entity.type] += 1
        right[entity.type] += fold(entity.name).lower() in gold_names[gids.most_common(1)[0][0]]
    return {f"names {kind}": right[kind] / total[kind] for kind in ("PER", "LOC", "ORG") if total[kind]}


def _held_out(doc: NerDoc) -> bool:
    from syuzhet.eval.ner_uk import HELDOUT_TOPIC, _held

    topic, _, name = doc.key.split("/")
    return topic == HELDOUT_TOPIC or _held(f"{topic}/{name}")


def score_slavicner(shared: Path, limit: int | None = None) -> dict[str, object]:
    docs = read_slavicner(shared, limit)
    analysis, by_key, seconds = run_docs(docs)
    parts = {
        "ru": [d for d in docs if d.lang == "ru"],
        "uk (all)": [d for d in docs if d.lang == "uk"],
        "uk (held-out)": [d for d in docs if d.lang == "uk" and _held_out(d)],
    }
    out: dict[str, object] = {"seconds": seconds, "docs": len(docs)}
    for name, part in parts.items():
        out[name] = score_mentions(part, by_key)
    out["linking"] = score_linking(docs, by_key, analysis)
    return out


def show_slavicner(result: dict[str, object]) -> float:
    header = ["type", "gold", "pred", "P relaxed", "R relaxed", "F1 relaxed", "P exact", "R exact", "F1 exact"]
    overall = 0.0
    for name in ("ru", "uk (all)", "uk (held-out)"):
        counts = result[name]
        assert isinstance(counts, NerCounts)
        rows = mention_rows(counts)
        print_table(f"SlavicNER {name}: mentions (anchor F1 0.92)", header, rows)
        if name == "ru":
            overall = float(str(rows[-1][5])) if rows else 0.0
        acc = counts.lemma_exact / max(1, counts.lemma_total)
        nocase = counts.lemma_nocase / max(1, counts.lemma_total)
        print(f"SlavicNER {name}: base forms {acc:.3f} exact, {nocase:.3f} ignoring case, on "
              f"{counts.lemma_total} exactly matched mentions (anchor 0.961)")
        for err in counts.lemma_errors[:12]:
            print("   ", err)
    link = result["linking"]
    assert isinstance(link, dict)
    print_table("SlavicNER linking over relaxed-matched mentions (anchor 0.878)", ["measure", "P", "R", "F1"], [
        ["pairwise, all pairs", link["pair_p"], link["pair_r"], link["pair_f"]],
        ["pairwise, cross-language pairs", link["cross_p"], link["cross_r"], link["cross_f"]],
        ["B-cubed", link["b3_p"], link["b3_r"], link["b3_f"]],
    ])
    print("SlavicNER entity names that are a gold base form: " + ", ".join(
        f"{k[6:]} {v:.3f}" for k, v in link.items() if k.startswith("names ")))
    docs, seconds = result["docs"], result["seconds"]
    assert isinstance(docs, int) and isinstance(seconds, float)
    print(f"SlavicNER: {docs} documents, {docs / max(seconds, 1e-9):.1f} documents/s "
          f"(article stages + entities + linking)")
    return overall


# ------------------------------------------------------------------------------------------------ factru

FACTRU_TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}


def read_factru(shared: Path, limit: int | None = None) -> list[tuple[str, str, list[Span], list[tuple[int, int]]]]:
    """(name, text, gold object spans, tokens) per devset document."""
    base = shared / "corpus" / "factru" / "devset"
    docs = []
    for txt in sorted(base.glob("*.txt"))[:limit]:
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[int, int]] = {}
        for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            c = line.split("#")[0].split()
            if len(c) >= 4:
                spans[c[0]] = (int(c[2]), int(c[2]) + int(c[3]))
        objects: list[Span] = []
        for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            c = line.split("#")[0].split()
            if len(c) >= 3 and c[1] in FACTRU_TYPES:
                parts = [spans[s] for s in c[2:] if s in spans]
                if parts:
                    objects.append((min(p[0] for p in parts), max(p[1] for p in parts), FACTRU_TYPES[c[1]]))
        tokens = []
        for line in txt.with_suffix(".tokens").read_text(encoding="utf-8").splitlines():
            c = line.split()
            if len(c) >= 3:
                tokens.append((int(c[1]), int(c[1]) + int(c[2])))
        docs.append((txt.stem, text, sorted(set(objects)), tokens))
    return docs


def _typed_tokens(tokens: list[tuple[int, int]], spans: list[Span], kind: str) -> set[int]:
    """Indexes of the tokens inside a span of type ``kind``."""
    return {i for i, (a, b) in enumerate(tokens) for s in spans if s[2] == kind and s[0] <= a and b <= s[1]}


def score_factru(shared: Path, limit: int | None = None) -> dict[str, tuple[int, int, int, int, int, int, int]]:
    """Per type: gold objects, predicted, exact TP, relaxed TP, token TP, token predicted, token gold."""
    tallies: dict[str, list[int]] = {t: [0] * 7 for t in ("PER", "LOC", "ORG")}
    for name, text, gold, tokens in read_factru(shared, limit):
        article = Article(source=name, raw=text, text=text, lang="ru")
        find_entities(article)
        pred = [(m.start, m.end, m.type) for m in article.mentions if m.type in tallies]
        for kind, t in tallies.items():
            g = [s for s in gold if s[2] == kind]
            p = [s for s in pred if s[2] == kind]
            t[0] += len(g)
            t[1] += len(p)
            t[2] += len(set(g) & set(p))
            used: set[int] = set()
            for ps in p:
                for i, gs in enumerate(g):
                    if i not in used and ps[0] < gs[1] and gs[0] < ps[1]:
                        used.add(i)
                        t[3] += 1
                        break

            gt, pt = _typed_tokens(tokens, gold, kind), _typed_tokens(tokens, pred, kind)
            t[4] += len(gt & pt)
            t[5] += len(pt)
            t[6] += len(gt)
    return {k: (v[0], v[1], v[2], v[3], v[4], v[5], v[6]) for k, v in tallies.items()}


def show_factru(result: dict[str, tuple[int, int, int, int, int, int, int]]) -> float:
    rows: list[list[object]] = []
    published = {"PER": 0.959, "LOC": 0.915, "ORG": 0.825}
    for kind, (gold, pred, exact, relaxed, ttp, tpred, tgold) in result.items():
        rows.append([kind, gold, pred, prf(exact, pred - exact, gold - exact)[2],
                     prf(relaxed, pred - relaxed, gold - relaxed)[2], prf(ttp, tpred - ttp, tgold - ttp)[2],
                     published[kind]])
    print_table("factRuEval-2016 devset (Person, Location+LocOrg, Org objects)",
                ["type", "gold", "pred", "F1 object exact", "F1 object relaxed", "F1 token", "slovnet published"],
                rows)
    return sum(float(str(r[3])) for r in rows) / max(1, len(rows))


# -------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--folds" in argv:  # the Russian fixes on held-out folds: syuzhet.eval.ner_folds
        from syuzhet.eval import ner_folds

        return ner_folds.main([a for a in argv if a != "--folds"])
    parser = argparse.ArgumentParser(prog="python -m syuzhet.eval entities", description=__doc__.split("\n")[0])
    parser.add_argument("parts", nargs="*", metavar="{seeds,slavicner,factru,orgs}",
                        help="default: seeds, slavicner, factru")
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--limit", type=int, default=None, help="documents per SlavicNER topic/language, factru docs")
    parser.add_argument("--baseline-seeds", type=float, default=None, help="exit 1 if the seeds pass rate is below")
    parser.add_argument("--baseline-slavicner", type=float, default=None,
                        help="exit 1 if SlavicNER ru relaxed mention F1 is below")
    parser.add_argument("--baseline-factru", type=float, default=None,
                        help="exit 1 if factRuEval mean object-exact F1 (PER/LOC/ORG) is below")
    args = parser.parse_args(argv)
    args.parts = args.parts or ["seeds", "slavicner", "factru"]
    if unknown := set(args.parts) - {"seeds", "slavicner", "factru", "orgs"}:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    failed = False
    if "seeds" in args.parts:
        rate = show_seeds(*score_seeds(args.shared))
        failed |= args.baseline_seeds is not None and rate < args.baseline_seeds
    if "slavicner" in args.parts:
        f1 = show_slavicner(score_slavicner(args.shared, args.limit))
        failed |= args.baseline_slavicner is not None and f1 < args.baseline_slavicner
    if "factru" in args.parts:
        mean = show_factru(score_factru(args.shared, args.limit))
        failed |= args.baseline_factru is not None and mean < args.baseline_factru
    if "orgs" in args.parts:
        from syuzhet.eval import org_links

        org_links.run(args.shared)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
