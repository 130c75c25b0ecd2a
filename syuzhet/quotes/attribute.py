"""The batch step after entity linking: each quote's speaker becomes the entity id whose mentions contain
the resolved person mention, and all quotes are collected into ``analysis.quotes``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis


def attribute_quotes(analysis: Analysis) -> None:
    exact: dict[tuple[str, int, int], str] = {}
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for entity in analysis.entities:
        for m in entity.mentions:
            exact[m.article, m.start, m.end] = entity.id
            by_article.setdefault(m.article, []).append((m.start, m.end, entity.id))
    analysis.quotes = []
    for article in analysis.articles:
        for quote in article.quotes:
            if quote.speaker_start is not None and quote.speaker_end is not None:
                key = (article.id, quote.speaker_start, quote.speaker_end)
                quote.speaker = exact.get(key) or _containing(by_article.get(article.id, []), key[1], key[2])
            analysis.quotes.append(quote)


def _containing(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """An entity mention covering the speaker span (mention boundaries may differ by a word)."""
    return next((eid for s, e, eid in spans if s <= start and end <= e), None) or next(
        (eid for s, e, eid in spans if s < end and start < e), None
    )
