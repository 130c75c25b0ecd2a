"""Quality gate: ``python -m syuzhet.eval dossier`` with baselines. The seeds' gold facts each come out as one
fact citing exactly the gold files (7 of 8 measured; the Washington summit is not grouped across ru/uk), and the
key facts of the hand-made dev set (``tests/data/dossier_dev.jsonl``, folds A, B and the held-out C) keep their
recall, exact citation and precision (measured over the three folds: recall 0.877, exact 0.308, precision 0.836;
a plain baseline that shows every sentence as its own fact gets 0.292, 0 and 0.742, an empty dossier 0, 0 and
0). The recall and exact baselines were lowered (0.85 -> 0.83, 0.26 -> 0.24) when fold C joined the set (on A and
B alone: 0.854 and 0.317); fold C is harder (0.833, 0.167), no rule got worse. Raised with the event classes and
the citing of close sentences of other groups, to below what the held-out fold C shows as well (recall 0.875,
exact 0.250, precision 0.850): recall 0.85, exact 0.28, precision 0.80. Precision raised to 0.83 when the shown
sentence became one that reads alone (all folds 0.836 -> 0.855, fold C 0.850 -> 0.900), and to 0.86 when
reminders, a named person's reported speech and sourcing lines left the shown facts (all folds 0.855 -> 0.879;
fold C unchanged at 0.900)."""

from __future__ import annotations

import os

import pytest

from syuzhet.eval import dossier
from syuzhet.eval.common import shared_dir


def test_dossier_gate() -> None:
    shared = shared_dir()
    if not (shared / "corpus" / "stories" / "dev.jsonl").exists():
        if os.environ.get("CI"):
            pytest.fail(f"the gate's data is missing: {shared}/corpus/stories/dev.jsonl")
        pytest.skip("../shared is not beside the repository")
    assert dossier.main(["--shared", str(shared), "--baseline-seeds", "7", "--baseline-recall", "0.85",
                         "--baseline-exact", "0.28", "--baseline-precision", "0.86"]) == 0


def test_show_lists_splits_and_over_joins() -> None:
    from syuzhet.model import Fact

    def fact(text: str, spans: list[tuple[str, int, int]]) -> Fact:
        arts = sorted({a for a, _, _ in spans})
        evidence: list[dict[str, object]] = [{"article": a, "start": s, "end": e} for a, s, e in spans]
        return Fact(text, arts, arts, len(arts) == 1, evidence=evidence)

    gold = [{"fact": "the bridge opened", "spans": [("a", 0, 20), ("b", 0, 20)]},
            {"fact": "the mayor spoke", "spans": [("a", 30, 50), ("b", 30, 50)]}]
    facts = [fact("The bridge opened.", [("a", 0, 20)]), fact("The bridge opened!", [("b", 0, 20)]),
             fact("The mayor spoke.", [("a", 30, 50), ("b", 30, 50)])]
    lines = dossier.misses(facts, gold, {"a": "item-1", "b": "item-2"})
    assert lines == ["  the bridge opened: stated by ['item-1', 'item-2']",
                     "    cites ['item-1']: The bridge opened.", "    cites ['item-2']: The bridge opened!"]
