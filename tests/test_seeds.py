"""The reference input: every cleaning and metadata check of seeds.gold.json passes."""

from __future__ import annotations

from pathlib import Path

from syuzhet.eval.clean import score


def test_seed_gold_passes_in_full(seeds: Path) -> None:
    result = score(seeds.parents[1])
    assert result["failures"] == []
    assert result["junk_removed"][0] == result["junk_removed"][1] > 0
    assert result["keep_retained"][0] == result["keep_retained"][1] > 0
