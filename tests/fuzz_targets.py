"""Fuzz targets, one per reader (text dump, HTML, JSONL/JSON, RSS/Atom, gzip, decoding), with the hypothesis
strategies that feed them. ``tests/test_fuzz.py`` runs each briefly; ``benchmarks/fuzz_campaign.py`` runs them
for as long as asked. A target fails when reading raises, or when what it returns breaks the readers'
contract: every input gives articles or one-line problems, metadata is one printable line, a date is
YYYY-MM-DD or absent, no article is longer than the bounds allow."""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from syuzhet.bounds import MAX_ARTICLE_CHARS, MAX_TOKEN_CHARS
from syuzhet.clean import clean
from syuzhet.lang import detect_language
from syuzhet.model import Article
from syuzhet.problems import InputError, Problem
from syuzhet.readers import read
from syuzhet.readers.decode import decode

MAX_BYTES = 2 * 1024 * 1024
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# -- strategies: made-up words and markup pieces that the readers treat specially --------------------------
WORDS = st.sampled_from([
    "Министр", "заявил", "что", "город", "Київ", "сказав", "Алматы", "мен", "the", "council", "said", "«", "»",
    "—", "\u00a0", "\u200b", "\x1b[2J", "\x07", "[/x]", "[link=http://example.invalid]", "&amp;quot;", "&lt;",
    "12.11.2025", "2025-11-12", "date 2025-11-12", "Фото:", "Текст:", "cookies", "\n", "\n\n", "\r\n", "\t",
    "Tекст", "0123456789abcdef" * 8, "BBC", "ООН", "ЕАЭС", "\ufeff", "\x00", "🙂",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))
DATES = st.one_of(
    st.sampled_from(["2025-11-12T10:00:00Z", "12.11.2025", "Wed, 12 Nov 2025 10:00:00 +0300", "1762941600",
                     "2025-13-45", "yesterday", "", "0", "99999999999999", "12 ноября 2025"]),
    st.integers(min_value=-10**15, max_value=10**15), st.floats(allow_nan=True), st.text(max_size=40), st.none(),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
JSON_ITEMS = st.fixed_dictionaries(
    {}, optional={"text": TEXTS, "html": TEXTS.map(lambda t: f"<html><body><p>{t}</p></body></html>"),
                  "title": TEXTS | JSON_VALUES, "date": DATES, "outlet": TEXTS, "url": TEXTS, "lang": TEXTS,
                  "author": TEXTS | JSON_VALUES, "published": DATES},
)
TAGS = st.sampled_from(["p", "div", "h1", "h2", "article", "script", "style", "br", "li", "table", "td", "span"])


@st.composite
def html_pages(draw: Any) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        closed = draw(st.booleans())
        parts.append(f"<{tag}>{draw(TEXTS)}" + (f"</{tag}>" if closed else ""))
    head = f"<title>{draw(TEXTS)}</title><meta property='article:published_time' content='{draw(DATES)}'>"
    return f"<!doctype html><html lang='{draw(st.text(max_size=5))}'><head>{head}</head><body>{''.join(parts)}"


@st.composite
def feeds(draw: Any) -> str:
    items = []
    for _ in range(draw(st.integers(0, 4))):
        items.append(f"<item><title>{_xml(draw(TEXTS))}</title><description>{_xml(draw(TEXTS))}</description>"
                     f"<pubDate>{_xml(str(draw(DATES)))}</pubDate><link>{_xml(draw(TEXTS))}</link></item>")
    if draw(st.booleans()):
        return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{_xml(draw(TEXTS))}</title>"
                f"{''.join(items)}</channel></rss>")
    entries = "".join(i.replace("item>", "entry>").replace("description>", "summary>") for i in items)
    return f"<feed xmlns='http://www.w3.org/2005/Atom'><title>{_xml(draw(TEXTS))}</title>{entries}</feed>"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;") if len(text) % 3 else text  # sometimes raw


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r",
                             "koi8-u", "cp866", "iso8859-5", "mac-cyrillic", "utf-32"])


@st.composite
def encoded(draw: Any) -> bytes:
    text = draw(TEXTS)
    data = text.encode(draw(ENCODINGS), errors="replace")
    if draw(st.booleans()) and data:  # damage a few bytes
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at + 1:]
    return data


# -- targets -------------------------------------------------------------------------------------------------
def read_file(data: bytes, suffix: str) -> list[Article | Problem]:
    """Read ``data`` as a file named ``*suffix`` and check every result against the readers' contract."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read([str(path)], max_bytes=MAX_BYTES))
    for item in items:
        check(item)
    return items


def check(item: Article | Problem) -> None:
    if isinstance(item, Problem):
        assert "\n" not in str(item), item
        return
    assert len(item.raw) <= MAX_ARTICLE_CHARS
    assert all(len(token) <= MAX_TOKEN_CHARS for token in item.raw.split())
    for key, value in item.hints.items():
        assert isinstance(value, str) and not _CONTROL.search(value), (key, value)
    assert "date" not in item.hints or _ISO_DAY.fullmatch(item.hints["date"]), item.hints["date"]


def stages(items: list[Article | Problem]) -> None:
    """Cleaning and language detection on what was read (the core stages; the fuzz run stays fast)."""
    for item in items:
        if isinstance(item, Article):
            article = detect_language(clean(item))
            assert article.date is None or _ISO_DAY.fullmatch(article.date)
            assert all(0 <= b.start <= b.end <= len(article.text) for b in article.blocks)


def text_dump(text: str) -> None:
    stages(read_file(text.encode("utf-8", errors="surrogatepass"), ".txt"))


def html_page(page: str) -> None:
    stages(read_file(page.encode("utf-8", errors="replace"), ".html"))


def jsonl_lines(items: list[Any], raw: str, as_array: bool) -> None:
    lines = [json.dumps(item, ensure_ascii=bool(len(raw) % 2)) for item in items]
    body = json.dumps(items) if as_array else "\n".join([*lines, raw])
    stages(read_file(body.encode("utf-8", errors="replace"), ".jsonl"))


def feed(document: str) -> None:
    stages(read_file(document.encode("utf-8", errors="replace"), ".rss"))


def gzipped(data: bytes, cut: int, inner: str) -> None:
    packed = gzip.compress(inner.encode("utf-8", errors="replace") + data)
    if cut:
        packed = packed[: max(2, len(packed) - cut)]
    read_file(packed, ".txt.gz")


def decoding(data: bytes) -> None:
    try:
        text, warning = decode(data)
    except InputError:
        return
    assert isinstance(text, str) and text.strip()
    assert warning is None or "\n" not in warning


TARGETS: dict[str, tuple[Callable[..., None], tuple[Any, ...]]] = {
    "text": (text_dump, (TEXTS,)),
    "html": (html_page, (html_pages(),)),
    "jsonl": (jsonl_lines, (st.lists(JSON_ITEMS | JSON_VALUES, max_size=5), TEXTS, st.booleans())),
    "feed": (feed, (feeds(),)),
    "gzip": (gzipped, (st.binary(max_size=200), st.integers(0, 30), TEXTS)),
    "decode": (decoding, (st.one_of(st.binary(max_size=600), encoded()),)),
}
