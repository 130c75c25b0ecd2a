"""Language per article and per block; Ukrainian is never Russian and the reverse."""

from __future__ import annotations

import pytest

from syuzhet.lang import by_letters, detect, detector
from syuzhet.model import Article
from syuzhet.pipeline import process


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент Казахстана прибыл в Москву с государственным визитом.", "ru"),
        ("Президент Казахстану прибув до Москви з державним візитом.", "uk"),
        ("Меркель може відмовитися від участі в саміті ЄС щодо Brexit", "uk"),
        ("Қазақстан Президенті Мәскеуге мемлекеттік сапармен барды.", "kk"),
        ("Прэзідэнт Беларусі сустрэўся з кіраўніком урада ў Мінску.", "be"),
        ("The president of Kazakhstan arrived in Moscow on a state visit.", "en"),
        ("Der Präsident Kasachstans ist zu einem Staatsbesuch in Moskau eingetroffen.", "de"),
        ("12:30", "und"),
        # Kazakh in Latin letters (an outlet's scheme and the 2021 alphabet), and the languages of the list
        # that also write 'q' often or share its other letters
        ("Qala äkımı jaŋa mektep salynatynyn aitty. Būl jobaǧa qarajat bölındı dep habarlady baspasöz qyzmetı.",
         "kk"),
        ("Qala äkimi jaña mektep salynatynyn aitty. Bul jobağa qarajat bölindi dep habarlady baspasöz qyzmeti.",
         "kk"),
        ("Belediye başkanı yeni bir okulun yapılacağını açıkladı. Karar dün akşam mecliste kabul edildi.", "tr"),
        ("Şəhər icra hakimiyyətinin başçısı yeni məktəbin tikiləcəyini bildirdi. Qərar dünən qəbul edildi.", "az"),
        ("Pilsētas mērs paziņoja, ka jaunā skola tiks uzbūvēta šogad. Lēmums tika pieņemts vakar.", "lv"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Shahar hokimi yangi maktab qurilishini eʼlon qildi. Qaror kecha kechqurun qabul qilindi.",  # Uzbek
        "Kryetari i qytetit tha se shkolla e re do të ndërtohet këtë vit. Vendimi u mor dje.",  # Albanian
        "Der Bürgermeister kündigte an, dass die Schule in Quedlinburg gebaut wird. Das Quartier ist ruhig.",
    ],
)
def test_q_alone_is_no_kazakh(text: str) -> None:
    assert detect(text) != "kk"


def test_mixed_article_reports_main_language_and_other_paragraphs() -> None:
    raw = (
        "Президент Казахстана прибыл в Москву\n\n"
        "Переговоры президентов прошли в Кремле и завершились подписанием декларации о союзничестве.\n\n"
        "Стороны договорились о сотрудничестве в энергетике, транспорте и образовании.\n\n"
        "Українська служба повідомляє, що президенти підписали декларацію про союзництво."
    )
    article = process(Article(source="mixed.txt", raw=raw))
    assert article.lang == "ru"
    assert [b.lang for b in article.blocks] == ["ru", "ru", "ru", "uk"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Министр сообщил, что переговоры продолжатся на следующей неделе.", "ru"),
        ("Міністр заявив, що переговори тривають і надалі.", "uk"),
        ("Информацию подтвердила пресс-служба в Київ", None),  # one Ukrainian letter in a Russian sentence
        ("Переговоры в Києві продолжатся", None),  # letters of both
        ("Министр выступил на саммите NATO in Brussels with the Secretary General", None),  # mostly Latin
        ("Председатель парламента Болгарии", None),  # neither side's letters: the detector decides
    ],
)
def test_letters_settle_only_clear_cyrillic_blocks(text: str, lang: str | None) -> None:
    letters = sum(ch.isalpha() for ch in text)
    assert by_letters(text, letters) == lang
    if lang is not None:  # the detector, asked as detect() would ask it, agrees
        found = detector(frozenset({"kk", "be", "sr", "mk", "mn"})).detect_language_of(text)
        assert found is not None and found.iso_code_639_1.name.lower() == lang
