"""Quality gates against ../shared gold: fast versions of ``python -m syuzhet.eval ...`` with baselines,
so quality cannot drop silently. Baselines sit a little under the figures measured when they were set."""

from __future__ import annotations

from pathlib import Path

from syuzhet.eval import lang


def test_language_id_gate(seeds: Path) -> None:
    articles, blocks = lang.score(seeds.parents[1], limit=60)
    swaps = sum(n for (g, p), n in articles.items() if {g, p} == {"ru", "uk"})
    accuracy = sum(n for (g, p), n in articles.items() if g == p) / sum(articles.values())
    block_accuracy = sum(n for (g, p), n in blocks.items() if g == p) / sum(blocks.values())
    assert swaps == 0
    assert accuracy >= 0.99  # measured 1.000 on the full set
    assert block_accuracy >= 0.97  # measured 0.998 on the full set


def test_quotes_dev_set_gate(seeds: Path) -> None:
    from syuzhet.eval import quotes

    score, _ = quotes.dev(seeds.parents[1])
    assert score.not_quotes == 0
    assert score.recall >= 0.86  # measured 0.883
    assert score.precision >= 0.92  # measured 0.950
    assert score.speaker_accuracy >= 0.78  # measured 0.812


def test_entities_gate(seeds: Path) -> None:
    from syuzhet.eval import entities

    shared = ["--shared", str(seeds.parents[1])]
    # measured with --limit 8: SlavicNER ru relaxed mention F1 0.820, factRuEval mean object F1 (0.796)
    assert entities.main(["slavicner", "factru", "--limit", "8", "--baseline-slavicner", "0.79",
                          "--baseline-factru", "0.77", *shared]) == 0
    # 24/25: 'РОП' for 'Российское общество политологов' needs the acronyms fix, which is off because it did not
    # help on held-out factRu and SlavicNER folds (python -m syuzhet.eval entities --folds)
    assert entities.main(["seeds", "--baseline-seeds", "0.96", *shared]) == 0


def test_russian_ner_fixes_gate(seeds: Path) -> None:
    from syuzhet.eval import ner_folds

    # fixes chosen on nine folds, scored on the tenth (factRu documents, SlavicNER topics); natasha alone is the
    # floor for PER, LOC and ORG on both corpora (full run: factRu LOC 0.931 vs natasha 0.922 since nested_places,
    # 0.914 before it; no type below natasha alone any more)
    runs = ner_folds.Runs(ner_folds.load(seeds.parents[1], limit=6))
    _, _, pooled = ner_folds.cross_validate(runs)
    for corpus in ("factru", "slavicner"):
        for kind in ("PER", "LOC", "ORG"):
            ours = ner_folds.f1(pooled[f"{corpus} cross-validated"], (kind,))
            assert ours >= ner_folds.f1(pooled[f"{corpus} {ner_folds.NATASHA}"], (kind,)) - 0.02, (corpus, kind)
    kinds = ner_folds.types_of("slavicner")
    assert ner_folds.f1(pooled["slavicner cross-validated"], kinds) >= 0.80  # full run 0.857, natasha 0.752


def test_ukrainian_ner_gate(seeds: Path) -> None:
    from syuzhet.eval import ner_uk

    # pooled held-out micro-F1 of the shipped model: 0.817 on the full held-out sets (1.2.0)
    assert ner_uk.main(["--limit", "8", "--baseline", "0.82"]) == 0  # 1.2.0: 0.830 (1.1.0: 0.797)


def test_english_ner_gate(seeds: Path) -> None:
    import re

    from syuzhet.eval import ner_en

    shared = seeds.parents[1]
    # the held-out test part of tests/data/ner_en.jsonl (15 items, 15 outlets): measured main .897,
    # PER .946, LOC .940, ORG .771, EVT .900 (overlap F1; before the places list and the event heads: main .864)
    counts = ner_en.score(shared, ("test",))["test"]
    assert counts.f1(ner_en.MAIN)[2] >= 0.88
    for kind, floor in (("PER", 0.92), ("LOC", 0.92), ("ORG", 0.74), ("EVT", 0.8)):
        assert counts.f1((kind,))[2] >= floor, kind
    # a gate a trivial output passes is no gate: nothing found, or every capitalised word a person
    words = re.compile(r"[A-Z][\w'-]*")
    for trivial in (lambda _i, _t: [], lambda _i, t: [(m.start(), m.end(), "PER") for m in words.finditer(t)]):
        assert ner_en.score(shared, ("test",), trivial)["test"].f1(ner_en.MAIN)[2] < 0.88
    assert ner_en.main(["--baseline", "0.88", "--shared", str(shared)]) == 0


def test_stories_in_the_store_gate(seeds: Path) -> None:
    from syuzhet.eval import ingest

    # SlavicNER, a few files per topic and language, ingested in runs of 20, then the seeds one per run:
    # no story mixes topics and the seeds form one story of five (full set: B3 P 1.000, R 0.121)
    assert ingest.main(["--limit", "6", "--chunk", "20", "--baseline", "0.97", "--shared", str(seeds.parents[1])]) == 0
