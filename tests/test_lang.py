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
        # Kazakh in Arabic letters, beside Arabic and Persian
        ("قازاقستان رەسپۋبليكاسىنىڭ پرەزيدەنتى جاڭا زاڭعا قول قويدى", "kk"),
        ("رئيس الجمهورية وقع على القانون الجديد اليوم في العاصمة", "ar"),
        ("رئیس جمهور امروز قانون جدید را در پایتخت امضا کرد", "fa"),
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


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("The minister said that the talks with the delegation would continue after the holiday.", True),
        ("It was the first visit of its kind, and officials who met the delegation have been briefed.", True),
        # other Latin-script languages: their function words are not in the list, or letters outside ASCII
        ("Der Minister sagte, dass die Gespräche mit der Delegation nach dem Feiertag weitergehen.", False),
        ("De minister zei dat de gesprekken met de delegatie na de feestdag in de hoofdstad doorgaan.", False),
        ("Le ministre a déclaré que les discussions avec la délégation reprendraient après les fêtes.", False),
        ("Minister powiedział, że rozmowy z delegacją będą kontynuowane po święcie w stolicy.", False),
        # English with a name in its own letters goes to the detector
        ("The minister met Jürgen Schmidt, who said that the talks would continue after the holiday.", False),
        ("Kazakhstan Ministry of Foreign Affairs press release", False),  # too few function words
    ],
)
def test_english_by_function_words(text: str, english: bool) -> None:
    from syuzhet.lang import by_words

    assert by_words(text, sum(ch.isalpha() for ch in text)) is english


def test_short_blocks_take_the_language_of_their_article() -> None:
    from syuzhet.lang import block_labels

    body = ("The delegation arrived in the capital on Monday, and the minister said that the two sides would "
            "sign the agreement after the talks, which have been planned for months by their advisers.")
    kazakh = ("Министр келіссөздерден кейін екі тарап келісімге қол қоятынын айтты. Делегация дүйсенбі күні "
              "астанаға келді, ал кеңесшілер бұл кездесуді бірнеше ай бойы дайындады.")
    russian = ("Делегация прибыла в столицу в понедельник, а министр сообщил, что стороны подпишут соглашение "
               "после переговоров, которые их советники готовили несколько месяцев.")
    # a headline letters and words leave open takes the body's language, in its script only
    assert block_labels(["Ministry press release", body]) == ["en", "en"]
    assert block_labels(["Келісім туралы хабарлама", kazakh]) == ["kk", "kk"]
    assert block_labels(["Заседание правительства", russian]) == ["ru", "ru"]
    # a Cyrillic line with letters of another language than the article's is read by the detector
    assert block_labels(["Прэзідэнт сустрэўся з кіраўніком урада ў Мінску.", russian]) == ["be", "ru"]
    # a long paragraph in another Latin-script language keeps its own label
    german = ("Die Delegation ist am Montag in der Hauptstadt eingetroffen, und der Minister erklärte, dass beide "
              "Seiten das Abkommen nach den Gesprächen unterzeichnen würden.")
    assert block_labels([body, german]) == ["en", "de"]
