"""Partitioned tables for big runs: ``OUT/<table>/part-NNNNN.jsonl`` or ``.parquet`` for the articles,
mentions, quotes and stories of a store, each part at most ``ROWS_PER_PART`` rows, written as the rows are
read. Every folder reads as one table: ``pyarrow.dataset.dataset(OUT/'quotes')``, ``pandas.read_parquet``,
DuckDB's ``read_parquet('OUT/quotes/*.parquet')`` / ``read_json_auto``. Parquet needs
``pip install 'syuzhet[parquet]'``; nested values (blocks, facts, timeline...) are JSON text there."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from syuzhet.store import Store
from syuzhet.store.rows import TABLES, Row

FORMATS = ("json", "jsonl", "parquet")
ROWS_PER_PART = 50_000

# Column types: str, int, strs (a list of strings), json (anything nested).
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"id": "str", "source": "str", "outlet": "str", "url": "str", "lang": "str", "date": "str",
                 "title": "str", "subtitle": "str", "author": "str", "photo_credit": "str", "duplicate_of": "str",
                 "story": "str", "text": "str", "blocks": "json"},
    "mentions": {"article": "str", "start": "int", "end": "int", "text": "str", "type": "str", "lemma": "str",
                 "entity": "str", "entity_name": "str"},
    "quotes": {"article": "str", "speaker": "str", "speaker_text": "str", "kind": "str", "text": "str",
               "start": "int", "end": "int", "cue": "str", "speaker_start": "int", "speaker_end": "int",
               "rules": "strs"},
    "stories": {"id": "str", "title": "str", "size": "int", "articles": "strs", "summary": "json", "facts": "json",
                "timeline": "json", "outlets": "json", "languages": "json", "framing": "json", "quotes": "json",
                "network": "json", "explain": "json"},
}


class ParquetMissing(RuntimeError):
    pass


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ModuleNotFoundError as err:
        raise ParquetMissing("--format parquet needs pyarrow: pip install 'syuzhet[parquet]'") from err
    return pyarrow


def check_format(fmt: str) -> None:
    """Raise before a run starts if ``fmt`` cannot be written here."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")
    if fmt == "parquet":
        _pyarrow()


def write_tables(store: Store, out_dir: Path, fmt: str, rows_per_part: int = ROWS_PER_PART) -> dict[str, int]:
    """Write every table of ``store`` under ``out_dir``; rows per table."""
    counts = {}
    for name, rows in TABLES.items():
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("part-*"):
            old.unlink()
        counts[name] = _write(rows(store), folder, name, fmt, rows_per_part)
    return counts


def _write(rows: Iterator[Row], folder: Path, table: str, fmt: str, rows_per_part: int) -> int:
    total, part = 0, []
    for row in rows:
        part.append(row)
        if len(part) >= rows_per_part:
            _part(part, folder / f"part-{total // rows_per_part:05d}.{fmt}", table, fmt)
            total += len(part)
            part = []
    if part or not total:
        _part(part, folder / f"part-{total // rows_per_part:05d}.{fmt}", table, fmt)
        total += len(part)
    return total


def _part(rows: list[Row], path: Path, table: str, fmt: str) -> None:
    columns = COLUMNS[table]
    tmp = path.with_suffix(path.suffix + ".tmp")
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
    else:
        pa = _pyarrow()
        kinds = {"str": pa.string(), "int": pa.int64(), "strs": pa.list_(pa.string()), "json": pa.string()}
        schema = pa.schema([(c, kinds[k]) for c, k in columns.items()])
        data = {c: [_cell(row.get(c), k) for row in rows] for c, k in columns.items()}
        pa.parquet.write_table(pa.table(data, schema=schema), tmp, compression="zstd")
    tmp.replace(path)


def _cell(value: Any, kind: str) -> Any:
    if kind == "json" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    return value
