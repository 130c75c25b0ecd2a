"""Writing results: ``analysis.json`` validated against the JSON Schema shipped in ``syuzhet/schema``, from an
``Analysis`` in memory or section by section as its records are read (``write_sections``: a run of any size)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema_rs

from syuzhet import json_layout
from syuzhet.files import write_atomic
from syuzhet.pipeline import Analysis

SECTIONS = ("articles", "entities", "quotes", "stories", "skipped")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        files("syuzhet.schema").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    )
    return loaded


def analysis_document(analysis: Analysis) -> dict[str, Any]:
    from syuzhet import __version__

    document = {"syuzhet_version": __version__, **analysis.as_dict()}
    document["skipped"] = [
        {"source": p.source, "reason": p.reason, "skipped": p.skipped} for p in analysis.problems
    ]
    return document


@cache
def _validator(section: str | None = None) -> Any:
    """A validator of the whole document, or of one record of ``section`` (its items' schema, with the
    schema's definitions). jsonschema-rs: 100x faster than the pure-Python validator on a run's records."""
    root = schema()
    return jsonschema_rs.validator_for(root if section is None else
                                       {**root["properties"][section]["items"], "$defs": root["$defs"]})


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema_rs.ValidationError`` if the document breaks the output contract."""
    _validator().validate(document)


def validate_record(section: str, record: dict[str, Any]) -> None:
    """Raise ``jsonschema_rs.ValidationError`` if one record of ``section`` breaks the output contract."""
    _validator(section).validate(record)


def write_analysis(analysis: Analysis, out_dir: Path, document: dict[str, Any] | None = None) -> Path:
    """Write ``out_dir/analysis.json`` atomically (a reader never sees half a file)."""
    document = document or analysis_document(analysis)
    validate(document)
    return write_atomic(out_dir / "analysis.json", json.dumps(document, ensure_ascii=False, indent=1))


def write_sections(target: Path, version: str, sections: Iterable[tuple[str, Iterable[dict[str, Any]]]]) -> Path:
    """Write ``target`` (analysis.json) atomically from ``sections`` ((name, records) in ``SECTIONS`` order), one
    validated record at a time, laid out as ``json.dumps(document, indent=1)`` lays out the whole document."""

    def pieces() -> Iterator[str]:
        yield "{\n \"syuzhet_version\": " + json.dumps(version)
        for name, records in sections:
            yield f",\n {json.dumps(name)}: ["
            empty = True
            for record in records:
                validate_record(name, record)
                item = json_layout.dumps(record, 1, margin="  ")  # json.dumps's text, twice as fast
                yield ("\n  " if empty else ",\n  ") + item
                empty = False
            yield "]" if empty else "\n ]"
        yield "\n}"

    return write_atomic(target, pieces())
