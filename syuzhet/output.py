"""Writing results: ``analysis.json`` validated against the JSON Schema shipped in ``syuzhet/schema``."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema

from syuzhet.files import write_atomic
from syuzhet.pipeline import Analysis


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


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if the document breaks the output contract."""
    jsonschema.validate(document, schema())


def write_analysis(analysis: Analysis, out_dir: Path, document: dict[str, Any] | None = None) -> Path:
    """Write ``out_dir/analysis.json`` atomically (a reader never sees half a file)."""
    document = document or analysis_document(analysis)
    validate(document)
    return write_atomic(out_dir / "analysis.json", json.dumps(document, ensure_ascii=False, indent=1))
