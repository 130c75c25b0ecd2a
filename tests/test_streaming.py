"""The streaming flow: articles go to the store a chunk at a time, and big runs come out as partitioned
JSONL or Parquet tables that read back with pyarrow (as pandas and DuckDB read them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from syuzhet.flow import ingest_stream
from syuzhet.output import analysis_document
from syuzhet.pipeline import analyze, stream
from syuzhet.store import Store
from syuzhet.tables import ParquetMissing, check_format, write_tables


def _pyarrow_or_fail() -> Any:
    try:
        import pyarrow.dataset
    except ModuleNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must test Parquet output: install syuzhet[parquet]")
        pytest.skip("pyarrow is not installed (pip install 'syuzhet[parquet]')")
    return pyarrow.dataset


def _jsonl(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def test_streamed_store_tables_read_back(seeds: Path, tmp_path: Path) -> None:
    dataset = _pyarrow_or_fail()
    with Store(tmp_path / "s.db") as store:
        tally = ingest_stream(stream([str(seeds)]), store, chunk=2)  # linked two articles at a time
        assert (tally.articles, tally.new, len(tally.stories)) == (5, 5, 1)
        again = ingest_stream(stream([str(seeds)]), store, chunk=2)
        assert again.new == 0 and store.count() == 5
        jsonl = write_tables(store, tmp_path / "jsonl", "jsonl", rows_per_part=2)
        parquet = write_tables(store, tmp_path / "parquet", "parquet", rows_per_part=2)
    assert jsonl == parquet and jsonl["articles"] == 5 and jsonl["stories"] == 1
    assert len(list((tmp_path / "jsonl" / "articles").glob("part-*"))) == 3  # 2 + 2 + 1 rows
    batch = analysis_document(analyze([str(seeds)]))
    for table, rows in jsonl.items():
        lines = _jsonl(tmp_path / "jsonl" / table)
        frame = dataset.dataset(tmp_path / "parquet" / table, format="parquet").to_table().to_pylist()
        assert len(lines) == len(frame) == rows
        assert [r.get("id") or r["article"] for r in lines] == [r.get("id") or r["article"] for r in frame]
    articles = _jsonl(tmp_path / "jsonl" / "articles")
    assert sorted(a["id"] for a in articles) == sorted(a["id"] for a in batch["articles"])
    assert {a["story"] for a in articles} == {_jsonl(tmp_path / "jsonl" / "stories")[0]["id"]}
    assert len(_jsonl(tmp_path / "jsonl" / "quotes")) == len(batch["quotes"])
    linked = sum(len(e["mentions"]) for e in batch["entities"])
    assert sum(1 for m in _jsonl(tmp_path / "jsonl" / "mentions") if m["entity"]) == linked
    story = dataset.dataset(tmp_path / "parquet" / "stories", format="parquet").to_table().to_pylist()[0]
    assert story["size"] == 5 and json.loads(story["facts"])  # nested values are JSON text in Parquet


def test_analyze_jsonl_from_the_command_line(seeds: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "syuzhet", "analyze", str(seeds), "--out", str(tmp_path),
                          "--format", "jsonl"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "5 articles read, 0 skipped, 0 duplicates; languages: ru 4, uk 1" in run.stderr
    assert len(_jsonl(tmp_path / "articles")) == 5 and len(_jsonl(tmp_path / "stories")) == 1
    assert not (tmp_path / "analysis.json").exists()
    assert not list(tmp_path.glob(".run-*"))  # the temporary store is gone


def test_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ParquetMissing, match=r"pip install 'syuzhet\[parquet\]'"):
        check_format("parquet")
    with pytest.raises(ValueError, match="unknown format"):
        check_format("xml")
