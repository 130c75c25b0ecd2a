"""Shared helpers of the evaluation commands: where ../shared is, whitespace folding, P/R/F1 tables."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.table import Table

_WS = re.compile(r"\s+")
T = TypeVar("T")


def shared_dir() -> Path:
    """``$SYUZHET_SHARED`` or the ``shared`` folder beside the repository."""
    if env := os.environ.get("SYUZHET_SHARED"):
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def fold(text: str) -> str:
    """Runs of white space (no-break spaces included) as one space, as the gold files are written."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def outermost(items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> list[T]:
    """``items`` made flat: the longest first (then the earliest), each kept unless it overlaps one kept;
    in text order. SlavicNER's gold is read so, and so are predictions scored against it."""
    kept: list[tuple[int, int, T]] = []
    for item in sorted(items, key=lambda i: (bounds(i)[0] - bounds(i)[1], bounds(i)[0])):
        start, end = bounds(item)
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, item))
    return [item for _, _, item in sorted(kept, key=lambda k: k[0])]


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    table = Table(*header, title=title, box=None, title_justify="left")
    for row in rows:
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    Console(width=140).print(table)
