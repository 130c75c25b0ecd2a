"""Quality gate: ``python -m syuzhet.eval timeline`` with a baseline. The dates the dossier's timeline shows
for the items of ``tests/data/timeline_dev.jsonl`` against their hand-labelled event dates (measured: F1
0.865, precision 0.899, recall 0.833 over both folds; the plain date finder, every date of every sentence,
0.735; an empty timeline 0)."""

from __future__ import annotations

from syuzhet.eval import timeline
from syuzhet.eval.common import shared_dir
from tests.conftest import require


def test_timeline_gate() -> None:
    require(shared_dir() / "corpus" / "stories" / "dev.jsonl")
    assert timeline.main(["--baseline-f1", "0.84"]) == 0


def test_scores_count_stamps_and_misses() -> None:
    gold = [{"date": "2025-05-07", "role": "event", "field": "text"},
            {"date": "2025-05-08", "role": "stamp", "field": "text"},
            {"date": "2024", "role": "event", "field": "text"},
            {"date": "1990s", "role": "other", "field": "text"}]
    counts = timeline.score_item(["2025-05-07", "2025-05-08", "2030"], gold)
    assert (counts["tp"], counts["fp"], counts["fn"], counts["stamps"]) == (1, 2, 1, 1)
    assert timeline.score_item(["1990"], gold)["stamps"] == 1  # a decade matches its first year
