"""Quality gate on the labelled news stream (``../shared/corpus/stories/dev.jsonl``): stories from one
``analyze`` run and from ``ingest`` runs of 50 items in date order, scored as the stream's README says; and the
same stream as a dense feed (event families moved to start on one day), where sharing a date must not be enough
to share a story. The link model was fitted on this stream (held-out figures by event family are in its
``meta``), so these baselines guard against regressions; they are not the held-out figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from syuzhet.eval import stories


def test_stream_gate(seeds: Path) -> None:
    stream = seeds.parents[1] / "corpus" / "stories" / "dev.jsonl"
    assert stories.main(["--stream", str(stream), "--store", "--min-bcubed", "0.90", "--min-pairs", "0.80"]) == 0


def test_dense_stream_gate(seeds: Path) -> None:
    stream = seeds.parents[1] / "corpus" / "stories" / "dev.jsonl"
    assert stories.main(["--stream", str(stream), "--dense", "--min-bcubed", "0.85", "--min-pairs", "0.65"]) == 0


def test_a_story_in_another_language_is_merged_in_memory_and_in_the_store(seeds: Path, tmp_path: Path) -> None:
    """One event whose first English and Russian reports share no names open two stories; an article that
    links both merges them, in ``analyze`` and in a store fed one article per run (the retired id is an alias,
    its rows are gone, every member is in the story that took it in)."""
    from syuzhet.eval.stream import ingest_stream, load_stream, write_feed
    from syuzhet.pipeline import analyze
    from syuzhet.store import Store

    stream = seeds.parents[1] / "corpus" / "stories" / "dev.jsonl"
    items = [it for it in load_stream(stream) if it["event"] == "baikonur-pad31-damaged-soyuz-ms28-2025-11-27"]
    assert len({it["lang"] for it in items}) >= 2
    feed = tmp_path / "event.jsonl"
    write_feed(items, feed)
    result = analyze([str(feed)])
    assert len(result.stories) == 1 and len(result.stories[0].articles) == len(items)
    assert [link["rule"] for link in result.stories[0].explain].count("merged") >= 1

    stories = ingest_stream(items, tmp_path, batch=1)
    assert len(set(stories)) == 1
    with Store(tmp_path / "stream.db") as store:
        (kept,) = store.story_ids()
        retired = [str(r[0]) for r in store.db.execute("SELECT id FROM story_aliases")]
        assert retired and all(store.current_story(sid) == kept for sid in retired)
        for table, column in (("stories", "id"), ("story_postings", "story"), ("story_members", "story")):
            assert not store.db.execute(f"SELECT 1 FROM {table} WHERE {column} IN "
                                        f"({', '.join('?' * len(retired))})", retired).fetchall()
        assert store.db.execute("SELECT count(*) FROM story_members").fetchone()[0] == len(items)
    shown = subprocess.run([sys.executable, "-m", "syuzhet", "stories", retired[0], "--db", str(tmp_path / "stream.db"),
                            "--json"], capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout.splitlines()[0])
    assert record["id"] == kept and "merged" in [link["rule"] for link in record["explain"]]
