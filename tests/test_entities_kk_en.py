"""English and Kazakh names: the rule-based taggers, Kazakh base forms, and linking to the Russian forms.

The sentences are written for these tests about made-up or generic events; the gold lists say which names a
careful reader marks (span as written, type)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from syuzhet.entities import find_entities, link_entities, tag_text
from syuzhet.entities.kk_morph import split_case
from syuzhet.entities.link import name_key
from syuzhet.lang import detect_language
from syuzhet.model import Article, Block
from syuzhet.pipeline import Analysis

Gold = list[tuple[str, list[tuple[str, str]]]]

EN: Gold = [
    ("Kazakh President Kassym-Jomart Tokayev will travel to Berlin next week, his press secretary Ruslan Zheldibay "
     "said on Monday.", [("Kassym-Jomart Tokayev", "PER"), ("Berlin", "LOC"), ("Ruslan Zheldibay", "PER")]),
    ("Tokayev is expected to meet German Chancellor Olaf Scholz and business leaders from Siemens.",
     [("Tokayev", "PER"), ("Olaf Scholz", "PER"), ("Siemens", "ORG")]),
    ("The visit follows talks in Astana between the foreign ministers of Kazakhstan and Uzbekistan.",
     [("Astana", "LOC"), ("Kazakhstan", "LOC"), ("Uzbekistan", "LOC")]),
    ("According to the Ministry of Energy, exports through the Caspian Pipeline Consortium rose by 4 percent.",
     [("Ministry of Energy", "ORG"), ("Caspian Pipeline Consortium", "ORG")]),
    ("Analyst Dana Abenova of the Eurasian Development Bank said Russia's demand for grain remained high.",
     [("Dana Abenova", "PER"), ("Eurasian Development Bank", "ORG"), ("Russia", "LOC")]),
    ("Mr Putin told reporters in Moscow that the Eurasian Economic Union would discuss tariffs in December.",
     [("Putin", "PER"), ("Moscow", "LOC"), ("Eurasian Economic Union", "ORG")]),
    ("Officials in Almaty and Shymkent reported no disruption.", [("Almaty", "LOC"), ("Shymkent", "LOC")]),
    ("Yerlan Karin, a state adviser, told the news agency Kazinform that the UN and the OSCE had been informed.",
     [("Yerlan Karin", "PER"), ("Kazinform", "ORG"), ("UN", "ORG"), ("OSCE", "ORG")]),
    ("On Wednesday, Prime Minister Olzhas Bektenov chaired a meeting of the government in Astana.",
     [("Olzhas Bektenov", "PER"), ("Astana", "LOC")]),
    ("Dmitry Peskov, the Kremlin spokesman, declined to comment.", [("Dmitry Peskov", "PER"), ("Kremlin", "ORG")]),
    ("However, China and Turkey have also expressed interest, Reuters reported.",
     [("China", "LOC"), ("Turkey", "LOC"), ("Reuters", "ORG")]),
    ("Economist Marat Seitkali from the National Bank of Kazakhstan warned that inflation could reach 9 percent.",
     [("Marat Seitkali", "PER"), ("National Bank of Kazakhstan", "ORG")]),
    ("Kazakhstan's Foreign Ministry summoned the ambassador of Azerbaijan on Thursday.",
     [("Kazakhstan", "LOC"), ("Foreign Ministry", "ORG"), ("Azerbaijan", "LOC")]),
    ("Last year Putin and Erdogan met in Sochi to discuss gas supplies through the Black Sea.",
     [("Putin", "PER"), ("Erdogan", "PER"), ("Sochi", "LOC"), ("Black Sea", "LOC")]),
]

KK: Gold = [
    ("Қазақстан Президенті Қасым-Жомарт Тоқаев келесі аптада Берлинге барады.",
     [("Қазақстан", "LOC"), ("Қасым-Жомарт Тоқаев", "PER"), ("Берлинге", "LOC")]),
    ("Тоқаевтың Германия канцлері Олаф Шольцпен кездесуі жоспарланған.",
     [("Тоқаевтың", "PER"), ("Германия", "LOC"), ("Олаф Шольцпен", "PER")]),
    ("Бұған дейін Астанада Қазақстан мен Өзбекстанның сыртқы істер министрлері кездесті.",
     [("Астанада", "LOC"), ("Қазақстан", "LOC"), ("Өзбекстанның", "LOC")]),
    ("Энергетика министрлігінің мәліметінше, Каспий құбыр консорциумы арқылы мұнай экспорты өсті.",
     [("Энергетика министрлігінің", "ORG"), ("Каспий құбыр консорциумы", "ORG")]),
    ("Еуразиялық даму банкінің сарапшысы Дана Әбенова Ресейдің астыққа сұранысы жоғары екенін айтты.",
     [("Еуразиялық даму банкінің", "ORG"), ("Дана Әбенова", "PER"), ("Ресейдің", "LOC")]),
    ("Путин Мәскеуде журналистерге Еуразиялық экономикалық одақ желтоқсанда тарифтерді талқылайтынын айтты.",
     [("Путин", "PER"), ("Мәскеуде", "LOC"), ("Еуразиялық экономикалық одақ", "ORG")]),
    ("Алматы мен Шымкент әкімдіктері ешқандай кедергі болмағанын хабарлады.", [("Алматы", "LOC"), ("Шымкент", "LOC")]),
    ("Мемлекеттік кеңесші Ерлан Қарин БҰҰ мен ЕҚЫҰ-ға хабарланғанын айтты.",
     [("Ерлан Қарин", "PER"), ("БҰҰ", "ORG"), ("ЕҚЫҰ-ға", "ORG")]),
    ("Сәрсенбі күні Премьер-министр Олжас Бектенов Үкімет отырысын өткізді.",
     [("Олжас Бектенов", "PER"), ("Үкімет", "ORG")]),
    ("Ресей Президентінің баспасөз хатшысы Дмитрий Песков пікір білдіруден бас тартты.",
     [("Ресей", "LOC"), ("Дмитрий Песков", "PER")]),
    ("Алайда Қытай мен Түркия да қызығушылық танытты, деп хабарлады Reuters.",
     [("Қытай", "LOC"), ("Түркия", "LOC"), ("Reuters", "ORG")]),
    ("Кездесуден кейін Лукашенко Минскіге ұшып кетті.", [("Лукашенко", "PER"), ("Минскіге", "LOC")]),
    ("Бейсенбі күні Қазақстан Сыртқы істер министрлігі Әзербайжан елшісін шақыртты.",
     [("Қазақстан Сыртқы істер министрлігі", "ORG"), ("Әзербайжан", "LOC")]),
    ("Өткен жылы Путин мен Ердоған Сочиде кездесіп, Қара теңіз арқылы газ жеткізуді талқылады.",
     [("Путин", "PER"), ("Ердоған", "PER"), ("Сочиде", "LOC"), ("Қара теңіз", "LOC")]),
]

MIN_PRECISION = 0.9
MIN_RECALL = 0.9
MIN_TYPED = 0.85


def _article(ident: str, text: str, lang: str) -> Article:
    article = Article(source=f"{ident}.txt", raw=text, id=ident, lang=lang, text=text)
    article.blocks = [Block(0, len(text), "paragraph", lang)]
    return find_entities(article)


def _ids(analysis: Analysis, surface: str) -> set[str]:
    return {e.id for e in analysis.entities for m in e.mentions if m.text == surface}


def _score(gold: Gold, lang: str) -> tuple[float, float, float]:
    right = found = wanted = typed = 0
    for text, names in gold:
        predicted = {(text[s:e], kind) for s, e, kind in tag_text(text, lang)}
        spans, gold_spans = {p for p, _ in predicted}, {g for g, _ in names}
        right += len(spans & gold_spans)
        typed += len(predicted & set(names))
        found += len(spans)
        wanted += len(gold_spans)
    return right / found, right / wanted, typed / wanted


@pytest.mark.parametrize(("gold", "lang"), [(EN, "en"), (KK, "kk")])
def test_names_found_with_their_types(gold: Gold, lang: str) -> None:
    precision, recall, typed = _score(gold, lang)
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
    assert typed >= MIN_TYPED


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a place before a person's name is two names (ner-en: 'the President of Ukraine Volodymyr Zelenskyy')
        ("Earlier this week the President of Ukraine Ivan Petrenko met the Chancellor of Germany Klaus Brenner "
         "for talks on trade in Paris.",
         [("Ukraine", "LOC"), ("Ivan Petrenko", "PER"), ("Germany", "LOC"), ("Klaus Brenner", "PER"),
          ("Paris", "LOC")]),
        # a kind of place or a direction, then 'of': a place; a site's head; 'in' ends a place's name
        ("The crew reached the village of Zelenodar, north of Orlovka, after the storm.",
         [("Zelenodar", "LOC"), ("Orlovka", "LOC")]),
        ("The rocket left the Vostok Cosmodrome in Russia before the Tokyo Olympic Games opened.",
         [("Vostok Cosmodrome", "LOC"), ("Russia", "LOC"), ("Tokyo Olympic Games", "EVT")]),
        # an event's head word ends a name: EVT ('Summit', 'Cup', 'Open', 'Awards'); a place's acronym before it
        # is part of it ('US Open'); a head word that does not end the name makes no event
        ("Leaders met at the Varna Summit before the Orlovka Cup and the US Open.",
         [("Varna Summit", "EVT"), ("Orlovka Cup", "EVT"), ("US Open", "EVT")]),
        ("The film won three Academy Awards, the Ministry of Sport and the Ministry of Games said.",
         [("Academy Awards", "EVT"), ("Ministry of Sport", "ORG"), ("Ministry of Games", "ORG")]),
        # general geography from the places list, also at a sentence start
        ("Chile and Peru felt the tremor. Alaska issued a warning, as did New Zealand.",
         [("Chile", "LOC"), ("Peru", "LOC"), ("Alaska", "LOC"), ("New Zealand", "LOC")]),
        # nationality adjectives joined by a hyphen are no name
        ("A new round of Russian-Ukrainian talks will be held in Geneva next week.", [("Geneva", "LOC")]),
        # nor is their plural, the people
        ("Six Lithuanians and two Germans crossed into Poland.", [("Poland", "LOC")]),
        # a sentence full of names, after an agency's dateline, is no Title Case headline
        ("Reuters. Ivan Petrenko has beaten Klaus Brenner in Paris.",
         [("Ivan Petrenko", "PER"), ("Klaus Brenner", "PER"), ("Paris", "LOC")]),
    ],
)
def test_english_places_and_persons(text: str, names: list[tuple[str, str]]) -> None:
    assert [(text[s:e], kind) for s, e, kind in tag_text(text, "en")] == names


@pytest.mark.parametrize(
    ("word", "base", "case"),
    [
        ("Тоқаевтың", "Тоқаев", "gen"),
        ("Тоқаевқа", "Тоқаев", "dat"),
        ("Астанада", "Астана", "loc"),
        ("Астананың", "Астана", "gen"),
        ("Астана", "Астана", ""),
        ("Ресейге", "Ресей", "dat"),
        ("Мәскеудегі", "Мәскеу", "rel"),
        ("Путинмен", "Путин", "ins"),
        ("Қазақстанның", "Қазақстан", "gen"),
        ("Қазақстаннан", "Қазақстан", "abl"),
        ("Алматы", "Алматы", ""),
        ("Шымкенттен", "Шымкент", "abl"),
        ("Кремльде", "Кремль", "loc"),
        ("НАТО-ға", "НАТО", "dat"),
        ("Рига", "Рига", ""),
        ("Қазына", "Қазына", ""),  # no possessive ending on a name
    ],
)
def test_kazakh_case_endings(word: str, base: str, case: str) -> None:
    assert split_case(word) == (base, case)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
        ("Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев"),
        ("Dmitriy", "Дмитрий"),
        ("Dmitry", "Дмитрий"),
        ("Zelenskyy", "Зеленский"),
        ("Sergei", "Сергей"),
        ("Yevgeny", "Евгений"),
        ("Shavkat Mirziyoyev", "Шавкат Мирзиёев"),
        ("Sadyr Japarov", "Садыр Жапаров"),
        ("Maria Zakharova", "Мария Захарова"),
        ("Mishustin", "Мишустин"),
        ("Nazarbayev", "Назарбаев"),
    ],
)
def test_romanised_names_share_the_russian_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


EN_TEXT = (
    "Tokayev To Visit Germany As Trade With Europe Grows\n\n"
    "ASTANA - Kazakh President Kassym-Jomart Tokayev will meet Russian President Vladimir Putin in Moscow next "
    "month, the presidential press service said. Tokayev's visit follows a meeting of the Collective Security "
    "Treaty Organization in Minsk.\n\n"
    "The talks will also cover the Eurasian Economic Union. However, officials declined to say whether Russia "
    "and Kazakhstan would sign new agreements. Putin last visited Astana in November."
)

KK_TEXT = (
    "Қазақстан Президенті Қасым-Жомарт Тоқаев келесі айда Мәскеуге барады.\n\n"
    "Тоқаевтың Ресей Президенті Владимир Путинмен кездесуі Кремльде өтеді, деп хабарлады Ақорданың баспасөз "
    "қызметі. Бұған дейін Ұжымдық қауіпсіздік туралы шарт ұйымының отырысы Минскіде өткен.\n\n"
    "Сарапшылар Ресейге экспорт өсетінін айтады. Путин Астанада қараша айында болған."
)


def test_english_paragraph() -> None:
    article = _article("en", EN_TEXT, "en")
    got = {(m.text, m.type, m.lemma) for m in article.mentions}
    assert ("Kassym-Jomart Tokayev", "PER", "Kassym-Jomart Tokayev") in got
    assert ("Tokayev", "PER", "Tokayev") in got  # "Tokayev's": the possessive is not part of the name
    assert ("Vladimir Putin", "PER", "Vladimir Putin") in got
    assert ("Moscow", "LOC", "Moscow") in got
    assert ("Collective Security Treaty Organization", "ORG", "Collective Security Treaty Organization") in got
    assert ("Eurasian Economic Union", "ORG", "Eurasian Economic Union") in got
    assert {("Russia", "LOC"), ("Kazakhstan", "LOC"), ("Minsk", "LOC"), ("Astana", "LOC")} <= {
        (m.text, m.type) for m in article.mentions
    }
    headline = [m.text for m in article.mentions if m.end <= EN_TEXT.index("\n")]
    assert headline == ["Tokayev", "Germany", "Europe"]  # a Title Case headline: names only
    for m in article.mentions:
        assert EN_TEXT[m.start : m.end] == m.text
        assert m.text not in ("Kazakh", "Russian", "President", "The", "However", "ASTANA - Kazakh")


def test_kazakh_paragraph() -> None:
    article = _article("kk", KK_TEXT, "kk")
    got = {(m.text, m.type, m.lemma) for m in article.mentions}
    assert ("Қасым-Жомарт Тоқаев", "PER", "Қасым-Жомарт Тоқаев") in got
    assert ("Тоқаевтың", "PER", "Тоқаев") in got
    assert ("Владимир Путинмен", "PER", "Владимир Путин") in got
    assert ("Мәскеуге", "LOC", "Мәскеу") in got
    assert ("Ресейге", "LOC", "Ресей") in got
    assert ("Астанада", "LOC", "Астана") in got
    assert ("Минскіге", "LOC", "Минск") not in got and ("Минскіде", "LOC", "Минск") in got
    assert ("Ұжымдық қауіпсіздік туралы шарт ұйымының", "ORG", "Ұжымдық қауіпсіздік туралы шарт ұйымы") in got
    for m in article.mentions:
        assert KK_TEXT[m.start : m.end] == m.text
        assert m.text not in ("Президенті", "Бұған", "Сарапшылар")


def test_russian_english_and_kazakh_forms_are_one_entity() -> None:
    ru = _article(
        "ru",
        "Визит Токаева в Москву продлится два дня. Президент Казахстана Касым-Жомарт Токаев встретится "
        "с Владимиром Путиным. Россия и Казахстан подпишут декларацию.",
        "ru",
    )
    analysis = Analysis(articles=[ru, _article("en", EN_TEXT, "en"), _article("kk", KK_TEXT, "kk")])
    link_entities(analysis)
    tokayev = _ids(analysis, "Токаева") | _ids(analysis, "Tokayev") | _ids(analysis, "Тоқаевтың")
    assert len(tokayev) == 1
    assert tokayev == _ids(analysis, "Kassym-Jomart Tokayev") == _ids(analysis, "Қасым-Жомарт Тоқаев")
    entity = next(e for e in analysis.entities if e.id in tokayev)
    assert entity.name == "Касым-Жомарт Токаев"  # the Russian form names the entity
    assert _ids(analysis, "Владимиром Путиным") == _ids(analysis, "Putin") == _ids(analysis, "Владимир Путинмен")
    assert _ids(analysis, "Россия") == _ids(analysis, "Russia") == _ids(analysis, "Ресейге")
    assert _ids(analysis, "Москву") == _ids(analysis, "Moscow") == _ids(analysis, "Мәскеуге")
    assert _ids(analysis, "Казахстан") == _ids(analysis, "Kazakhstan") == _ids(analysis, "Қазақстан")
    moscow = next(e for e in analysis.entities if e.id in _ids(analysis, "Moscow"))
    assert moscow.name == "Москва"


def test_blocks_of_other_languages_in_one_article_are_tagged() -> None:
    parts = [
        "Касым-Жомарт Токаев прибыл в Москву с государственным визитом, сообщила пресс-служба.",
        "Kazakh President Kassym-Jomart Tokayev arrived in Moscow for a state visit, his office said.",
        "Қазақстан Президенті Қасым-Жомарт Тоқаев Мәскеуге мемлекеттік сапармен келді.",
    ]
    text = "\n\n".join(parts)
    article = Article(source="mixed.txt", raw=text, id="mixed", text=text)
    offset = 0
    for part in parts:
        article.blocks.append(Block(offset, offset + len(part)))
        offset += len(part) + 2
    detect_language(article)
    assert [b.lang for b in article.blocks] == ["ru", "en", "kk"]
    find_entities(article)
    by_block = [{m.text for m in article.mentions if b.start <= m.start < b.end} for b in article.blocks]
    assert {"Kassym-Jomart Tokayev", "Moscow"} <= by_block[1]
    assert {"Қасым-Жомарт Тоқаев", "Мәскеуге"} <= by_block[2]
    analysis = Analysis(articles=[article])
    link_entities(analysis)
    assert len(_ids(analysis, "Касым-Жомарт Токаев") | _ids(analysis, "Tokayev") | _ids(analysis, "Тоқаев")) == 1


def test_kazakh_in_latin_letters_is_not_tagged_with_the_cyrillic_rules() -> None:
    # the Kazakh rules read capitals and Cyrillic case endings; on Latin-script Kazakh they made sentence starts
    # and inflected words into names, so such text is left untagged (as any language without a tagger)
    text = "Al Orynbor oblysynyŋ äkımı Asqar Nūrlanov jaŋa köpır salynatynyn aitty. Būl jobaǧa qarajat bölındı."
    assert tag_text(text, "kk") == []
    assert tag_text("Орынбор облысының әкімі Асқар Нұрланов жаңа көпір салынатынын айтты.", "kk")
