"""Pictures' captions left inside scraped text: dropped with their credit, never a sentence of the article."""

from __future__ import annotations

import pytest

from syuzhet.clean import clean
from syuzhet.clean.captions import caption_parts
from syuzhet.model import Article

LEAD = (
    "Президент страны провёл переговоры с коллегой в столице и подписал пакет документов о сотрудничестве "
    "в области энергетики, транспорта и образования, сообщили в пресс-службе правительства."
)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Министр на пресс-конференции. Фото: Пресс-служба министерства", "Пресс-служба министерства"),
        ("Пожарные у здания склада / Фото: example.org", "example.org"),
        ("Мост через реку, 3 мая 2024 года (Фото: Agency/Jane Doe)", "Agency/Jane Doe"),
        ("Делегации перед переговорами, фото: Иван Петров / Агентство", "Иван Петров / Агентство"),
        ("Депутат парламенту / фото REUTERS", "REUTERS"),
        ("Спортсменка на тренировке © Jane Doe/ Example Images", "Jane Doe/ Example Images"),
        ("A minister speaks in the capital, Monday, May 6, 2024. (AP Photo/Jane Doe, File)", "AP Photo/Jane Doe, File"),
        ("A man walks past the ruins. (Jane Doe/Pool/AFP via Example Images)", "Jane Doe/Pool/AFP via Example Images"),
        ("Городская площадь. Фото «Городские новости»", "Городские новости"),
        ("FILE - A minister gestures during a news conference in the capital, March 3, 2020.", ""),
        ("Фото: Jane Doe / Agency Министр во время встречи с журналистами", ""),
        ("Глава ведомства на заседании. Архивное фото", ""),
    ],
)
def test_captions_are_found(line: str, credit: str) -> None:
    parts = caption_parts(line)
    assert parts is not None and parts[1] == credit


@pytest.mark.parametrize(
    "line",
    [
        "Он показал фото: на нём видно, как горит склад.",
        "Журналист опубликовал фото / видео с места событий.",
        "Тут усе просто — принцип працює у картинах / фото для всіх.",
        "The company said on Monday it would cut 200 jobs (Reuters).",
        "Прибыль выросла на 5% (данные: Росстат/ЦБ).",
        "Она сказала: «Фото: это искусство».",
        "Первая фраза статьи. Вторая фраза статьи. Фото: Агентство",  # two sentences: not one caption
    ],
)
def test_sentences_are_not_captions(line: str) -> None:
    assert caption_parts(line) is None


def test_caption_line_goes_and_credit_is_kept() -> None:
    caption = "Министр на пресс-конференции. Фото: Пресс-служба министерства"
    article = clean(Article(source="x.txt", raw=f"Заголовок новости о важном событии\n\n{caption}\n\n{LEAD}"))
    assert "пресс-конференции" not in article.text
    assert LEAD in article.text
    assert article.photo_credit == "Пресс-служба министерства"
    assert any(d.rule == "photo_caption" and d.text == caption for d in article.trace)


def test_headline_keeps_its_words_and_loses_the_credit() -> None:
    """A dump's first line may be the headline with the picture's credit glued on."""
    article = clean(Article(source="x.txt", raw=f"Президент подписал документы (Фото: Пресс-служба)\n\n{LEAD}"))
    assert article.title == "Президент подписал документы"
    assert article.photo_credit == "Пресс-служба"


def test_archive_caption_on_the_first_line_goes() -> None:
    line = "FILE - A minister gestures during a news conference in the capital, March 3, 2020."
    article = clean(Article(source="x.txt", raw=f"{line}\n{LEAD}"))
    assert "gestures" not in article.text and LEAD in article.text
