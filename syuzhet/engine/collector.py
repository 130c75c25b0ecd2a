"""Fewer runs of Python's cyclic garbage collector during a long run.

The article stages allocate many short-lived containers (tokens, parses, spans) while the process holds many
long-lived ones (models, word caches, the story index); with the default thresholds (700, 10, 10) the collector
ran 3519 young, 320 middle and 12 full collections over one ``analyze`` of SlavicNER ru+uk (898 articles):
3.2 of 48 CPU-seconds, for almost no garbage (reference counting frees it). At (50000, 20, 10): 26 young, 1
middle, 0 full, 0.8 CPU-seconds, the same output (collection timing changes no result) and the same peak
memory within noise (docs/SCALE.md)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 10)


def collect_less() -> None:
    """For the rest of this process (a worker's): the collector's thresholds above."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """In the caller's process: the thresholds above while the block runs, the previous ones after it."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
