"""The batch step after entity linking: each quote's speaker becomes the entity id whose mentions contain
the resolved person mention, and all quotes are collected into ``analysis.quotes``. A speaker that links to
a thing that cannot speak (an entity named by a word of ``data/quotes/things.txt``: a space station, a drone,
a dam) is dropped, with the rule ``speaker_a_thing``: the quote stays, unattributed. A speaker left unresolved
whose words are a personal pronoun ('он', 'they') is shown by the name the pronoun was resolved to when there is
one, else as nobody (rule ``speaker_pronoun_unresolved``): a pronoun names no one on a page of quotes by speaker."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from syuzhet.data import lines
from syuzhet.model import Quote
from syuzhet.quotes.lexicon import LANGS, lexicon

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis


@functools.cache
def _things() -> re.Pattern[str]:
    words = sorted(lines("quotes/things"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def is_thing(name: str) -> bool:
    """An entity name that names a thing, not someone who can speak ('Orbital Station Alpha', 'drones')."""
    return _things().search(name.lower().replace("ё", "е")) is not None


def attribute_quotes(analysis: Analysis) -> None:
    exact: dict[tuple[str, int, int], str] = {}
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    things = set()
    for entity in analysis.entities:
        if entity.type != "PER" and is_thing(entity.name):
            things.add(entity.id)
        for m in entity.mentions:
            exact[m.article, m.start, m.end] = entity.id
            by_article.setdefault(m.article, []).append((m.start, m.end, entity.id))
    analysis.quotes = []
    for article in analysis.articles:
        for quote in article.quotes:
            if quote.speaker_start is not None and quote.speaker_end is not None:
                key = (article.id, quote.speaker_start, quote.speaker_end)
                quote.speaker = exact.get(key) or _containing(by_article.get(article.id, []), key[1], key[2])
                if quote.speaker in things:
                    _unattribute(quote)
            if quote.speaker is None and _pronoun(quote.speaker_text):
                _unresolved_pronoun(quote, article.text)
            analysis.quotes.append(quote)


def _unattribute(quote: Quote) -> None:
    quote.speaker = quote.speaker_text = quote.speaker_start = quote.speaker_end = None
    quote.rules.append("speaker_a_thing")


@functools.cache
def _pronouns() -> frozenset[str]:
    return frozenset(form for lang in LANGS for form in lexicon(lang).pronouns)


def _pronoun(words: str | None) -> bool:
    return words is not None and words.strip().lower() in _pronouns()


def _unresolved_pronoun(quote: Quote, text: str) -> None:
    named = text[quote.speaker_start:quote.speaker_end] if quote.speaker_start is not None else ""
    quote.speaker_text = None if not named or _pronoun(named) else named
    quote.rules.append("speaker_pronoun_unresolved")


def _containing(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """An entity mention covering the speaker span (mention boundaries may differ by a word)."""
    return next((eid for s, e, eid in spans if s <= start and end <= e), None) or next(
        (eid for s, e, eid in spans if s < end and start < e), None
    )
