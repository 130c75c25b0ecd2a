"""Readers: every input becomes ``Article`` records (raw text plus metadata hints) or ``Problem`` lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from syuzhet.model import Article
from syuzhet.problems import InputError, Problem
from syuzhet.readers.decode import decode
from syuzhet.readers.feed import read_feed
from syuzhet.readers.formats import sniff
from syuzhet.readers.html import read_html
from syuzhet.readers.jsonl import read_jsonl
from syuzhet.readers.sources import DEFAULT_MAX_BYTES, Source, expand

__all__ = ["DEFAULT_MAX_BYTES", "KINDS", "read", "read_content"]

Reader = Callable[[str, str], Iterator[Article | Problem]]


def _one(read: Callable[[str, str], Article]) -> Reader:
    def wrapped(label: str, content: str) -> Iterator[Article | Problem]:
        yield read(label, content)

    return wrapped


def _text(label: str, content: str) -> Article:
    return Article(source=label, raw=content, fmt="text")


READERS: dict[str, Reader] = {
    "text": _one(_text),
    "html": _one(read_html),
    "jsonl": read_jsonl,
    "feed": read_feed,
}


def read(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles from files, folders, globs and '-' in order; problems as they happen, never raised."""
    for item in expand(inputs):
        if isinstance(item, Problem):
            yield item
            continue
        yield from _read_source(item, max_bytes)


KINDS = tuple(READERS)


def _read_source(source: Source, max_bytes: int) -> Iterator[Article | Problem]:
    try:
        data = source.read_bytes(max_bytes)
    except InputError as err:
        yield Problem(source.label, str(err))
        return
    yield from read_content(source.label, data)


def read_content(label: str, data: bytes, kind: str | None = None) -> Iterator[Article | Problem]:
    """Articles from bytes already in hand (an uploaded body): decoded, then read as ``kind`` (one of
    ``KINDS``; default: sniffed from ``label`` and the content). Problems are yielded, never raised."""
    try:
        content, warning = decode(data)
        if warning:
            yield Problem(label, warning, skipped=False)
        yield from READERS[kind or sniff(label, content)](label, content)
    except InputError as err:
        yield Problem(label, str(err))
    except Exception as err:
        yield Problem(label, f"unexpected error while reading ({type(err).__name__}: {err})")
