"""own_outlet_credit: the article's own outlet crediting its report is no quotation (made-up text)."""

from __future__ import annotations

from syuzhet.model import Article, Block
from syuzhet.quotes import find_quotes


def _article(text: str, lang: str, hints: dict[str, str]) -> Article:
    return Article(source="t", raw=text, id="t", lang=lang, text=text, hints=hints,
                   blocks=[Block(0, len(text), "paragraph", lang)])


TEXT = "Завод откроется в мае, передает Вестник.\nЗавод откроется в мае, передает Интерфакс."


def test_own_outlet_credit_is_no_quote() -> None:
    quotes = find_quotes(_article(TEXT, "ru", {"outlet": "vestnik.example.ru"})).quotes
    assert [(q.text, q.speaker_text) for q in quotes] == [("Завод откроется в мае", "Интерфакс")]


def test_without_an_outlet_both_stay() -> None:
    quotes = find_quotes(_article(TEXT, "ru", {})).quotes
    assert [q.speaker_text for q in quotes] == ["Вестник", "Интерфакс"]
