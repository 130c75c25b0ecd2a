"""Speaker words that name nobody (quotes.speaking): dropped by morphology and closed word classes, while
common nouns that do name sources ('источники', 'спасатели', 'следствие', 'authorities') stay. Made-up text."""

from __future__ import annotations

import pytest

from syuzhet.model import Article, Block
from syuzhet.quotes import find_quotes
from syuzhet.quotes.lexicon import switched_off


def _article(text: str, lang: str) -> Article:
    return Article(source="t", raw=text, id="t", lang=lang, text=text, blocks=[Block(0, len(text), "paragraph", lang)])


def _shown(text: str, lang: str) -> list[str | None]:
    return [q.speaker_text for q in find_quotes(_article(text, lang)).quotes]


@pytest.mark.parametrize(("lang", "text", "before"), [
    ("ru", "Новые ограничения для банков вступят в силу весной, объяснили в эфире телеканала.", "эфире"),
    ("ru", "Новые ограничения для банков вступят в силу весной, сообщили в воскресенье.", "воскресенье"),
])
def test_words_that_name_nobody_are_not_shown(lang: str, text: str, before: str) -> None:
    with switched_off("speaker_cannot_speak"):
        assert _shown(text, lang) == [before]  # what the rule removes
    article = find_quotes(_article(text, lang))
    assert [(q.speaker_text, q.rules[-1]) for q in article.quotes] == [(None, "speaker_cannot_speak")]


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("ru", "Новые ограничения для банков вступят в силу весной, сообщили источники.", "источники"),
    ("ru", "Пожар на складе потушили к утру, сообщили спасатели.", "спасатели"),
    ("ru", "Подозреваемый действовал один, считает следствие.", "следствие"),
    ("en", "The new limits on banks will take effect in spring, the authorities said.", "authorities"),
    ("uk", "Уряд готує нові обмеження для банків, повідомляє The Economist.", "The Economist"),
])
def test_sources_named_by_common_nouns_stay(lang: str, text: str, speaker: str) -> None:
    assert _shown(text, lang) == [speaker]
