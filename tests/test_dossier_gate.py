"""Quality gate: ``python -m syuzhet.eval dossier`` with baselines. The seeds' gold facts each come out as one
fact citing exactly the gold files (7 of 8 measured; the Washington summit is not grouped across ru/uk), and the
key facts of the hand-made dev set (``tests/data/dossier_dev.jsonl``) keep their recall, exact citation and
precision (measured: recall 0.854, exact 0.268, precision 0.795 over both folds; a plain baseline that shows
every sentence as its own fact gets 0.317, 0 and 0.700, an empty dossier 0, 0 and 0)."""

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
                         "--baseline-exact", "0.26", "--baseline-precision", "0.78"]) == 0
