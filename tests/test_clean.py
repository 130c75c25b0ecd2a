"""Cleaning rules, table style: raw dump in, what must be kept, dropped, and taken as metadata."""

from __future__ import annotations

import pytest

from syuzhet.clean import clean
from syuzhet.model import Article

LEAD = (
    "Президент страны провёл переговоры с коллегой в столице и подписал пакет документов о сотрудничестве "
    "в области энергетики, транспорта и образования, сообщили в пресс-службе правительства."
)


def cleaned(raw: str) -> Article:
    return clean(Article(source="x.txt", raw=raw))


def rules_fired(article: Article) -> dict[str, str]:
    return {d.text: d.rule for d in article.trace if d.action == "removed"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("На сайте используются cookies. Продолжая использовать сайт, вы принимаете условия", "cookie_banner"),
        ("Ми використовуємо файли cookie", "cookie_banner"),
        ("[[month.label]]", "template_placeholder"),
        ("• {{date}}", "template_placeholder"),
        ("Фото: Пресс-служба Акорды", "photo_credit"),
        ("Иван Петров/ТАСС", "photo_credit"),
        ("1056", "view_counter"),
        ("2 345 просмотров", "view_counter"),
        ("Поделиться", "widget"),
        ("All Sections", "widget"),
        ("|", "separator"),
        ("* * *", "separator"),
        ("https://example.org/uploads/picture-960x500.jpeg?token=abc", "bare_link"),
        ("/https%3A%2F%2Fexample.org%2Ffeed%2Fpicture.jpg)", "bare_link"),
        ("© 2025 Example Media. Все права защищены.", "copyright_notice"),
    ],
)
def test_line_rules(line: str, rule: str) -> None:
    article = cleaned(f"Заголовок новости о важном событии\n\n{line}\n\n{LEAD}")
    assert line not in article.text
    assert rules_fired(article)[line] == rule
    assert LEAD in article.text


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Текст: Мария Иванова", "Мария Иванова"),
        ("Tекст: Андрей Петров", "Андрей Петров"),  # Latin T
        ("Автор: Олена Коваленко", "Олена Коваленко"),
        ("By Jane Doe", "Jane Doe"),
    ],
)
def test_byline_moves_to_author(line: str, author: str) -> None:
    article = cleaned(f"Заголовок новости о важном событии\n\n{line}\n\n{LEAD}")
    assert article.author == author
    assert line not in article.text


def test_title_subtitle_and_headings() -> None:
    article = cleaned(
        "Министр объявил о новой программе поддержки фермеров\n\n"
        "Эксперт: программа изменит рынок зерна\n\n"
        f"{LEAD}\n\nОсновные положения\n\n{LEAD}\n\nМнение экспертов\n\n{LEAD}"
    )
    assert article.title == "Министр объявил о новой программе поддержки фермеров"
    assert article.subtitle == "Эксперт: программа изменит рынок зерна"
    kinds = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert ("heading", "Основные положения") in kinds
    assert ("heading", "Мнение экспертов") in kinds
    assert kinds[0] == ("title", article.title)


def test_lead_paragraph_is_not_a_title() -> None:
    article = cleaned(f" date 2025-11-12 {LEAD}\n\n{LEAD}")
    assert article.title is None
    assert article.date == "2025-11-12"
    assert article.text.startswith("Президент страны")


def test_furniture_section_is_dropped_but_article_kept() -> None:
    headlines = "\n".join(f"Новость номер {n} о погоде в регионе" for n in range(8))
    article = cleaned(f"Заголовок новости о важном событии\n\n{LEAD}\n\nЧитайте также\n\n{headlines}\n\nАрхив")
    assert LEAD in article.text
    assert "Новость номер" not in article.text
    assert "Читайте также" not in article.text


def test_headline_list_without_heading_after_article() -> None:
    headlines = "\n".join(f"Новость номер {n} о погоде в регионе" for n in range(6))
    article = cleaned(f"Заголовок новости о важном событии\n\n{LEAD}\n\n{headlines}")
    assert "Новость номер" not in article.text
    assert rules_fired(article)["Новость номер 0 о погоде в регионе"] == "headline_list"


def test_list_inside_article_body_is_kept() -> None:
    items = "\n".join(f"Соглашение номер {n} о торговле" for n in range(5))
    article = cleaned(f"Заголовок новости о важном событии\n\n{LEAD}\n\n{items}\n\n{LEAD}")
    assert "Соглашение номер 4 о торговле" in article.text


def test_dateline_and_self_named_outlet() -> None:
    lead = f"{LEAD[:-1]}, сообщает Example.kz"
    article = cleaned(f"Заголовок новости о важном событии\n\n12 ноября 2025\n\n{lead}\n\n{LEAD}")
    assert article.date == "2025-11-12"
    assert article.outlet == "Example.kz"


def test_no_date_is_invented() -> None:
    article = cleaned(f"Заголовок новости о важном событии\n\nВ четверг состоялись переговоры. {LEAD}")
    assert article.date is None


def test_normalisation_keeps_typography() -> None:
    article = cleaned("Заголовок\u00a0новости о важном событии\n\n«Цитата» — сказал он, и\u00adвсё’s\u200b.")
    assert "\u00a0" not in article.text and "\u00ad" not in article.text and "\u200b" not in article.text
    assert "«Цитата» — сказал он, и" in article.text


def test_block_offsets_cover_text() -> None:
    article = cleaned(f"Заголовок новости о важном событии\n\n{LEAD}\n\n{LEAD}")
    assert "\n\n".join(article.text[b.start:b.end] for b in article.blocks) == article.text


def test_hard_wrapped_lines_are_joined() -> None:
    article = cleaned("Заголовок новости о важном событии\n\nПрезидент страны провёл переговоры\nс коллегой в столице.")
    assert "Президент страны провёл переговоры с коллегой в столице." in article.text


def test_first_line_that_shares_no_word_with_its_text_is_no_title() -> None:
    """A menu or tag list at the top ('Live  Sport news') is not the headline; a headline echoes its text."""
    menu = cleaned(f"Прямой эфир Новости спорта\n\n{LEAD}")
    assert menu.title is None
    headline = cleaned(f"Президент подписал документы о сотрудничестве\n\n{LEAD}")
    assert headline.title == "Президент подписал документы о сотрудничестве"



@pytest.mark.parametrize(
    ("hints", "raw_title", "title"),
    [
        ({"url": "https://www.example.ua/news/1"}, "Президент подписал документы о сотрудничестве | Example",
         "Президент подписал документы о сотрудничестве"),
        ({"outlet": "Example News"}, "Президент подписал документы о сотрудничестве - Example News",
         "Президент подписал документы о сотрудничестве"),
        # a source the page credits is not the site it is on
        ({"url": "https://example.ua/a"}, "Президент подписал документы о сотрудничестве - Агентство",
         "Президент подписал документы о сотрудничестве - Агентство"),
    ],
)
def test_a_title_loses_the_name_of_its_site(hints: dict[str, str], raw_title: str, title: str) -> None:
    first_line = clean(Article(source="x.jsonl#1", raw=f"{raw_title}\n\n{LEAD}", hints=hints))
    assert first_line.title == title
    assert first_line.text.startswith(f"{title}\n\n")
    from_metadata = clean(Article(source="x.jsonl#1", raw=LEAD, hints={**hints, "title": raw_title}))
    assert from_metadata.title == title


def test_a_short_title_keeps_its_ending() -> None:
    """Too few words before the ending for a headline of their own: the ending is not taken for the site."""
    article = clean(Article(source="x.jsonl#1", raw=LEAD, hints={"url": "https://example.ua/a",
                                                               "title": "Новости дня - Example"}))
    assert article.title == "Новости дня - Example"
