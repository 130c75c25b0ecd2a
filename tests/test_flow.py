"""One flow: ``syuzhet analyze`` streams into a store of the run's own, as ``ingest`` does into the user's,
and writes analysis.json and the report from it story by story; sentences are split once and kept there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from syuzhet.flow import ingest_stream, run_store
from syuzhet.output import validate
from syuzhet.pipeline import stream
from syuzhet.store.scratch import pack, unpack
from syuzhet.stories.text import split


def _analyze(seeds: Path, out: Path, *more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "syuzhet", "analyze", str(seeds), "--out", str(out), *more],
                          capture_output=True, text=True, timeout=300)


def test_analyze_writes_json_and_report_from_its_store(seeds: Path, tmp_path: Path) -> None:
    on_disk, in_memory = _analyze(seeds, tmp_path / "a"), _analyze(seeds, tmp_path / "b", "--storage", "memory")
    assert on_disk.returncode == in_memory.returncode == 0, on_disk.stderr + in_memory.stderr
    document = (tmp_path / "a" / "analysis.json").read_text(encoding="utf-8")
    assert document == (tmp_path / "b" / "analysis.json").read_text(encoding="utf-8")  # storage is only where
    parsed = json.loads(document)
    validate(parsed)
    assert document == json.dumps(parsed, ensure_ascii=False, indent=1)  # the layout of a whole-document dump
    [story] = parsed["stories"]
    assert len(story["articles"]) == 5 and story["facts"] and story["title"]
    page = tmp_path / "a" / "stories" / f"story-{story['id']}.html"
    assert story["title"] in page.read_text(encoding="utf-8")
    index = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert f'href="stories/story-{story["id"]}.html"' in index and "5 articles" in index
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["analysis.json", "index.html", "stories"]
    bad = _analyze(seeds, tmp_path / "c", "--storage", "cloud")
    assert bad.returncode == 2 and "unknown storage 'cloud'" in bad.stderr


def test_skipped_inputs_come_out_of_the_run_store(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "a.txt").write_text("Заголовок статьи\n\n" + "Министр рассказал журналистам о планах. " * 5)
    run = _analyze(tmp_path / "in", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    document = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in document["skipped"]] == [str(tmp_path / "in" / "empty.txt")]
    assert len(document["articles"]) == 1
    assert "Skipped" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_sentences_split_once_and_kept(seeds: Path) -> None:
    with run_store("memory") as store:
        seen = []
        ingest_stream(stream([str(seeds)]), store, on_item=seen.append)
        for article in seen:
            stored = store.get(article.id)
            assert stored is not None and not stored.sentences
            kept = store.sentences_of(stored)  # from the store, not split again
            assert kept == article.sentences == split(article) and kept
            assert unpack(pack(kept), stored) == kept


def test_sentence_fingerprints_are_the_same_in_every_process() -> None:
    code = ("from syuzhet.stories.text import Sentence, Word, fingerprint; "
            "print(fingerprint(Sentence('a', 0, 9, 'x', 'paragraph', 'ru', [Word('министр', 'NOUN', False)] * 3)))")
    values = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(values) == 1 and values != {""}


def test_a_chunk_joins_the_index_as_the_batch_path_clusters_it(seeds: Path, tmp_path: Path) -> None:
    """``analyze`` (a run of one chunk) gets the stories, explanations and dossiers of the batch path in memory;
    ``ingest`` (one article at a time) the same members."""
    from syuzhet.outputs import write_report_and_json
    from syuzhet.pipeline import analyze

    batch = analyze([str(seeds)])
    with run_store("memory") as store:
        ingest_stream(stream([str(seeds)]), store, observe_first=True)
        write_report_and_json(store, tmp_path)
    flowed = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert flowed["stories"] == [s.as_dict() for s in batch.stories]
    assert flowed["articles"] == [a.as_dict() for a in batch.articles]
    with run_store("memory") as store:
        ingest_stream(stream([str(seeds)]), store)
        assert [sorted(s.articles) for s in store.analysis(store.story_ids()).stories] == \
            [sorted(s.articles) for s in batch.stories]


def test_analyze_lists_content_read_twice_as_a_copy(tmp_path: Path) -> None:
    """Two files with the same content: both are in analysis.json, the second as ``<id>-2``, a duplicate of the
    first (as the batch path in memory numbers them); ``ingest`` stores the content once."""
    from syuzhet.outputs import write_report_and_json
    from syuzhet.store import Store

    text = ("Made-up town council approves a new bridge\n\nThe council of an invented river town voted on Monday "
            "to build a second bridge across the river, its mayor said after a long public meeting.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "out").mkdir()
    with run_store("memory") as store:
        tally = ingest_stream(stream([str(folder)]), store, observe_first=True)
        write_report_and_json(store, tmp_path / "out")
    articles = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))["articles"]
    assert tally.articles == 2 and len(articles) == 2
    first, second = articles
    assert second["id"] == f"{first['id']}-2" and second["duplicate_of"] == first["id"]
    assert first["duplicate_of"] is None
    with Store(tmp_path / "s.db") as user_store:
        ingest_stream(stream([str(folder)]), user_store)
        assert user_store.count() == 1


def test_a_run_without_the_nlp_extra_writes_its_outputs(seeds: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """The core install (no natasha, no pymorphy3): articles are read, cleaned and written, and nothing on the
    way to analysis.json and the report asks for morphology (scripts/check_core.sh does the same in a real
    venv without the extra)."""
    from syuzhet import extras
    from syuzhet.outputs import write_report_and_json
    from syuzhet.stories import text

    monkeypatch.setattr(extras, "missing", lambda extra: EXTRAS_NLP if extra == "nlp" else ())

    def no_morphology(word: str, lang: str) -> Any:
        raise extras.MissingExtra(f"morphology ({lang}) asked for without the nlp extra")

    monkeypatch.setattr(text, "morph_parses", no_morphology)
    with run_store("memory") as store:
        ingest_stream(stream([str(seeds)]), store, observe_first=True)
        write_report_and_json(store, tmp_path)
    document = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert len(document["articles"]) == 5 and document["stories"] == [] and document["quotes"] == []
    assert (tmp_path / "index.html").is_file()


EXTRAS_NLP = ("natasha", "pymorphy3")


def test_a_timeline_with_months_and_years_meets_the_output_contract(tmp_path: Path) -> None:
    """Dates of every precision the timeline gives (day, month, year) pass the schema of analysis.json."""
    from syuzhet.outputs import write_report_and_json

    lines = [
        {"title": "Совет города одобрил новый мост", "date": "2025-05-14", "url": "https://one.example/a",
         "text": "Совет выдуманного города одобрил 13 мая строительство моста. Проект обсуждали в марте. "
                 "Первый мост построили в 1998 году."},
        {"title": "Совет міста схвалив новий міст", "date": "2025-05-14", "url": "https://two.example/b",
         "text": "Рада вигаданого міста 13 травня схвалила будівництво мосту. Проєкт обговорювали у березні. "
                 "Перший міст збудували у 1998 році."},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "out").mkdir()
    with run_store("memory") as store:
        ingest_stream(stream([str(feed)]), store, observe_first=True)
        write_report_and_json(store, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    validate(document)
    precisions = {e["precision"] for s in document["stories"] for e in s["timeline"]}
    assert {"day", "month", "year"} <= precisions
