"""Quality gate: a fast ``python -m syuzhet.eval stories`` (40 files per topic and language) with baselines:
no story mixes topics, the seeds form exactly one story with the SlavicNER articles around them, B-cubed
precision and anchored facts recall do not drop."""

from __future__ import annotations

from pathlib import Path

from syuzhet.eval import stories


def test_stories_gate(seeds: Path) -> None:
    shared = seeds.parents[1]
    assert stories.main(["--shared", str(shared), "--limit", "40", "--baseline", "0.99",
                         "--facts-baseline", "0.57"]) == 0
