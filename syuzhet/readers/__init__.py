"""Readers: every input becomes ``Article`` records (raw text plus metadata hints) or ``Problem`` lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from syuzhet.bounds import MAX_ARTICLE_CHARS, MAX_TOKEN_CHARS, cut_long_tokens, cut_point
from syuzhet.dates import normalize_date
from syuzhet.model import Article
from syuzhet.problems import InputError, Problem
from syuzhet.readers.decode import decode
from syuzhet.readers.feed import read_feed
from syuzhet.readers.formats import sniff
from syuzhet.readers.html import read_html
from syuzhet.readers.jsonl import read_jsonl
from syuzhet.readers.sources import DEFAULT_MAX_BYTES, Source, expand
from syuzhet.text import one_line

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
        for item in READERS[kind or sniff(label, content)](label, content):
            yield from settled(item)
    except InputError as err:
        yield Problem(label, str(err))
    except (Exception, RecursionError, MemoryError) as err:
        yield Problem(label, f"unexpected error while reading ({type(err).__name__}: {str(err)[:200]})")


def settled(item: Article | Problem) -> Iterator[Article | Problem]:
    """Metadata from any reader made safe: one printable line per value (no control characters, which would
    reach terminals and the store), and a date as YYYY-MM-DD or none, with a warning when one is dropped;
    the text within the bounds (``syuzhet.bounds``), with a warning when it is cut."""
    if isinstance(item, Problem):
        yield item
        return
    hints = {key: one_line(value) for key, value in item.hints.items() if isinstance(value, str)}
    if "date" in hints:
        given = hints.pop("date")
        if date := normalize_date(given):
            hints["date"] = date
        else:
            yield Problem(item.source, f"date {given[:40]!r} not understood; left empty", skipped=False)
    item.hints = {key: value for key, value in hints.items() if value}
    if len(item.raw) > MAX_ARTICLE_CHARS:
        kept = cut_point(item.raw, MAX_ARTICLE_CHARS)
        yield Problem(item.source, f"text cut to its first {kept:,} characters (of {len(item.raw):,}; "
                                   f"limit {MAX_ARTICLE_CHARS:,} per article)", skipped=False)
        item.raw = item.raw[:kept]
    item.raw, long_tokens = cut_long_tokens(item.raw)
    if long_tokens:
        yield Problem(item.source, f"{long_tokens:,} token(s) over {MAX_TOKEN_CHARS} characters cut to that length",
                      skipped=False)
    yield item
