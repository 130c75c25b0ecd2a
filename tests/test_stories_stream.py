"""Quality gate on the labelled news stream (``../shared/corpus/stories/dev.jsonl``): stories from one
``analyze`` run and from ``ingest`` runs of 50 items in date order, scored as the stream's README says; and the
same stream as a dense feed (event families moved to start on one day), where sharing a date must not be enough
to share a story. The link model was fitted on this stream (held-out figures by event family are in its
``meta``), so these baselines guard against regressions; they are not the held-out figures."""

from __future__ import annotations

from pathlib import Path

from syuzhet.eval import stories


def test_stream_gate(seeds: Path) -> None:
    stream = seeds.parents[1] / "corpus" / "stories" / "dev.jsonl"
    assert stories.main(["--stream", str(stream), "--store", "--min-bcubed", "0.90", "--min-pairs", "0.80"]) == 0


def test_dense_stream_gate(seeds: Path) -> None:
    stream = seeds.parents[1] / "corpus" / "stories" / "dev.jsonl"
    assert stories.main(["--stream", str(stream), "--dense", "--min-bcubed", "0.85", "--min-pairs", "0.65"]) == 0
