"""Entities: base forms, within- and cross-article identity, no pronoun entities, exact offsets; the seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("natasha")
pytest.importorskip("pymorphy3")

from syuzhet.entities import find_entities, fixes, link_entities
from syuzhet.entities.lemma import acronym_of, lemmatize
from syuzhet.entities.link import name_key
from syuzhet.model import Article, Block, Mention
from syuzhet.pipeline import Analysis

LEMMAS = [
    ("Касым-Жомарту Кемелевичу", "PER", "ru", "Касым-Жомарт Кемелевич"),
    ("Касым-Жомарта Токаева", "PER", "ru", "Касым-Жомарт Токаев"),
    ("Касым-Жомартом Токаевым", "PER", "ru", "Касым-Жомарт Токаев"),
    ("Токаева", "PER", "ru", "Токаев"),
    ("Токаєва", "PER", "uk", "Токаєв"),
    ("Владимира Путина", "PER", "ru", "Владимир Путин"),
    ("Анной Ахматовой", "PER", "ru", "Анна Ахматова"),
    ("Терези Мей", "PER", "uk", "Тереза Мей"),
    ("Дональдом Трампом", "PER", "uk", "Дональд Трамп"),
    ("Москві", "LOC", "uk", "Москва"),
    ("Кремлі", "LOC", "uk", "Кремль"),
    ("Сполучених Штатів", "LOC", "uk", "Сполучені Штати"),
    ("Каспийского моря", "LOC", "ru", "Каспийское море"),
    ("Института новейших государств", "ORG", "ru", "Институт новейших государств"),
    ("Шанхайской организации сотрудничества", "ORG", "ru", "Шанхайская организация сотрудничества"),
    ("Організації Договору про колективну безпеку", "ORG", "uk", "Організація Договору про колективну безпеку"),
    ("Міжнародним газовим союзом", "ORG", "uk", "Міжнародний газовий союз"),
    ("Большом театре", "ORG", "ru", "Большой театр"),
    ("ОДКБ", "ORG", "ru", "ОДКБ"),
    ("МЗС Британії", "ORG", "uk", "МЗС Британії"),
    ('"Економічну правду"', "PRO", "uk", '"Економічна правда"'),
    ("Північного потоку-2", "PRO", "uk", "Північний потік-2"),
    # unknown one-word names read as masculine consonant stems; acronym case endings; agreeing adjectives
    ("брексита", "EVT", "ru", "брексит"),
    ("Брекситом", "EVT", "ru", "Брексит"),
    ("МИДа Великобритании", "ORG", "ru", "МИД Великобритании"),
    ("британского МИДа", "ORG", "ru", "британский МИД"),
    ("Окружного суда Амстердама", "ORG", "ru", "Окружной суд Амстердама"),
    ("Министерства иностранных дел России", "ORG", "ru", "Министерство иностранных дел России"),
    ("Brexit-ю", "EVT", "ru", "Brexit"),
    # the writer's 'е' is not turned into 'ё'; initials stay; unknown masculine surnames lose their ending
    ("Соединенного Королевства", "LOC", "ru", "Соединенное Королевство"),
    ("Герхарда Шрёдера", "PER", "ru", "Герхард Шрёдер"),
    ("Д.Дэвиса", "PER", "ru", "Д.Дэвис"),
    ("Доминика Рааба", "PER", "ru", "Доминик Рааб"),
    ("Себастьяном Курцем", "PER", "ru", "Себастьян Курц"),
    ("Алла Дробинская", "PER", "ru", "Алла Дробинская"),
    # a surname declined like an adjective, unknown to the dictionary, is not an indeclinable foreign name
    ("Петра Заречанского", "PER", "ru", "Петр Заречанский"),
    ("Петра Заречанського", "PER", "uk", "Петро Заречанський"),
    ("консерваторов", "PER", "ru", "консерваторы"),
    # a woman's surname in an oblique case goes to the feminine nominative, known to the dictionary or not
    ("Ивановой", "PER", "ru", "Иванова"),
    ("Анне Ивановой", "PER", "ru", "Анна Иванова"),
    ("Анну Иванову", "PER", "ru", "Анна Иванова"),
    ("Вере Заречиной", "PER", "ru", "Вера Заречина"),
    ("Ольги Бектасовой", "PER", "ru", "Ольга Бектасова"),
    ("Бектасовой", "PER", "ru", "Бектасова"),
    ("Ирине Заречанской", "PER", "ru", "Ирина Заречанская"),
    ("Заречанскую", "PER", "ru", "Заречанская"),
    ("Юлии Подгорной", "PER", "ru", "Юлия Подгорная"),
    # a man's surname keeps its gender; a known adjective in -ой may be a man's nominative: left as written
    ("Ивану Петрову", "PER", "ru", "Иван Петров"),
    ("Петрову", "PER", "ru", "Петров"),
    ("Луговой", "PER", "ru", "Луговой"),
    ("британских", "LOC", "ru", "британский"),
    # a surname declined like an adjective gives the name its gender, and goes to the nominative itself
    ("Юлия Заречная", "PER", "ru", "Юлия Заречная"),
    ("Петра Заречного", "PER", "ru", "Петр Заречный"),
    # a non-standard adjective form is not the base form: 'Західня' is no Ukrainian word
    ("Західній Україні", "LOC", "uk", "Західна Україна"),
]


@pytest.mark.parametrize(("text", "kind", "lang", "expected"), LEMMAS)
def test_base_forms(text: str, kind: str, lang: str, expected: str) -> None:
    assert lemmatize(text, kind, lang) == expected


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("Организация договора о коллективной безопасности", "ОДКБ"),
        ("Організація Договору про колективну безпеку", "ОДКБ"),
        ("Российское общество политологов", "РОП"),
        ("Шанхайская организация сотрудничества", "ШОС"),
    ],
)
def test_acronyms(long: str, short: str) -> None:
    assert acronym_of(long) == short


@pytest.mark.parametrize(
    ("a", "b"),
    [("Токаєв", "Токаев"), ("Tokayev", "Токаев"), ("Росія", "Россия"), ("Путін", "Путин"), ("Касим", "Касым"),
     ("Тоқаев", "Токаев")],
)
def test_name_keys_across_scripts(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def _article(ident: str, text: str, lang: str = "ru") -> Article:
    article = Article(source=f"{ident}.txt", raw=text, id=ident, lang=lang, text=text)
    article.blocks = [Block(0, len(text), "paragraph", lang)]
    return find_entities(article)


def _ids(analysis: Analysis, surface: str) -> set[str]:
    return {e.id for e in analysis.entities for m in e.mentions if m.text == surface}


def test_offsets_are_exact_and_no_pronouns() -> None:
    text = (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.\n"
        "Он встретился с Владимиром Путиным в Кремле. Они обсудили работу ЕАЭС."
    )
    article = _article("a", text)
    assert article.mentions
    for m in article.mentions:
        assert text[m.start : m.end] == m.text
        assert "\n" not in m.text
        assert m.text not in ("Он", "Они", "Президент")
        assert m.article == "a"


def test_linking_within_article() -> None:
    text = (
        "Политолог Александр Кириллович Бобров прокомментировал визит.\n\n"
        "– Александр, как Вы оцениваете визит?\n\n"
        "Владимир Путин принял гостя. Путина поддержали, Владимир Владимирович выступил с речью."
    )
    analysis = Analysis(articles=[_article("a", text)])
    link_entities(analysis)
    assert _ids(analysis, "Александр") == _ids(analysis, "Александр Кириллович Бобров")
    assert len(_ids(analysis, "Александр")) == 1
    assert _ids(analysis, "Путина") == _ids(analysis, "Владимир Путин")
    assert _ids(analysis, "Владимир Владимирович") == _ids(analysis, "Владимир Путин")
    people = {e.name for e in analysis.entities if e.type == "PER"}
    assert {"Александр Кириллович Бобров", "Владимир Путин"} <= people


def test_linking_across_articles_and_languages() -> None:
    with fixes.active("ru", fixes.enabled("ru") | {"acronyms"}):  # off by default: see ner_fixes.txt
        ru = _article(
            "ru1",
            "Касым-Жомарт Токаев встретился с Владимиром Путиным в Москве. Россия и Казахстан подписали "
            "документ в рамках Организации договора о коллективной безопасности (ОДКБ). Токаева встретили в РФ.",
        )
    uk = _article(
        "uk1",
        "Президент Казахстану Касим-Жомарт Токаєв прибув до Москви. Він зустрівся з президентом Росії "
        "Володимиром Путіним. Казахстан входить до Організації Договору про колективну безпеку.",
        "uk",
    )
    analysis = Analysis(articles=[ru, uk])
    link_entities(analysis)
    assert len(_ids(analysis, "Касым-Жомарт Токаев") | _ids(analysis, "Касим-Жомарт Токаєв")) == 1
    assert _ids(analysis, "Москви") == _ids(analysis, "Москве")
    assert _ids(analysis, "Росії") == _ids(analysis, "Россия") == _ids(analysis, "РФ")
    assert _ids(analysis, "Організації Договору про колективну безпеку") == _ids(analysis, "ОДКБ")
    tokayev = next(e for e in analysis.entities if "Касым-Жомарт Токаев" in {m.text for m in e.mentions})
    assert tokayev.name == "Касым-Жомарт Токаев"  # the most complete Russian base form
    assert tokayev.id.startswith("PER-")
    assert not any(m.text in ("Він", "Президент") for e in analysis.entities for m in e.mentions)


def test_ids_are_stable_as_articles_arrive() -> None:
    first = Analysis(articles=[_article("x", "Визит Токаева в Россию завершился. Токаев доволен.")])
    link_entities(first)
    more = Analysis(
        articles=[
            _article("x", "Визит Токаева в Россию завершился. Токаев доволен."),
            _article("y", "Касым-Жомарт Токаев посетил Москву и Российскую Федерацию."),
        ]
    )
    link_entities(more)
    assert _ids(first, "Токаев") == _ids(more, "Касым-Жомарт Токаев")
    assert _ids(first, "Россию") == _ids(more, "Российскую Федерацию")


def test_seeds_every_gold_entity_found_in_every_article_with_one_id(seeds: Path) -> None:
    from syuzhet.eval.entities import score_seeds

    results, bad = score_seeds(seeds.parents[1])
    failing = [(r.name, f"{r.found_in}/{r.articles}", sorted(r.ids), r.missing) for r in results if not r.ok]
    assert not bad
    # 'РОП' needs the acronyms fix, off since it did not help on held-out folds (syuzhet/data/entities/ner_fixes.txt)
    assert [f[0] for f in failing] in ([], ["Российское общество политологов"])


def test_bare_surname_typed_as_a_place_joins_the_person_of_its_article() -> None:
    text = "Anna Kovalenko won the final in Madrid. Kovalenko thanked her coach."
    article = Article(source="x", raw=text, id="en1", lang="en", text=text, mentions=[
        Mention("en1", 0, 14, "Anna Kovalenko", "PER", "Anna Kovalenko"),
        Mention("en1", 32, 38, "Madrid", "LOC", "Madrid"),
        Mention("en1", 40, 49, "Kovalenko", "LOC", "Kovalenko"),
    ])
    other = Article(source="y", raw="Kovalenko Street was closed.", id="en2", lang="en",
                    text="Kovalenko Street was closed.",
                    mentions=[Mention("en2", 0, 9, "Kovalenko", "LOC", "Kovalenko")])
    analysis = Analysis(articles=[article, other])
    link_entities(analysis)
    person = next(e for e in analysis.entities if e.type == "PER")
    assert {(m.article, m.text) for m in person.mentions} == {("en1", "Anna Kovalenko"), ("en1", "Kovalenko")}
    assert article.mentions[2].type == "PER"
    assert other.mentions[0].type == "LOC"  # no such person in that article: left as the tagger said
    assert any(e.id == "LOC-madrid" for e in analysis.entities)


_TIE = """
import json
from syuzhet.entities import link_entities
from syuzhet.model import Article, Block, Mention
from syuzhet.pipeline import Analysis

def article(aid, text, lang, written, lemma):
    a = Article(source=aid, raw=text, id=aid, lang=lang, text=text, blocks=[Block(0, len(text), lang)])
    start = text.index(written)
    a.mentions = [Mention(aid, start, start + len(written), written, "{kind}", lemma)]
    return a

pairs = {pairs}
texts = [(f"a{{n}}", f"Сообщение: {{w}} ответило.", w, l) for n, (w, l) in enumerate(pairs)]
analysis = Analysis(articles=[article(aid, text, "ru", w, l) for aid, text, w, l in texts])
link_entities(analysis)
print(json.dumps(sorted((e.id, e.name) for e in analysis.entities)))
"""


@pytest.mark.parametrize("kind,pairs", [
    ("ORG", [("ФБК", "ФБК"), ("FBK", "FBK")]),  # two spellings of one acronym, one mention each
    ("LOC", [("Зеленого мыса", "Зеленый мыс"), ("Зелёного мыса", "Зелёный мыс")]),  # 'е' and 'ё'
])
def test_linking_is_the_same_under_any_hash_seed(kind: str, pairs: list[tuple[str, str]]) -> None:
    """Equal candidates for an entity's name are decided by the order the texts wrote them, not by the
    iteration order of a set (which Python's hash seed changes from process to process)."""
    code = _TIE.format(kind=kind, pairs=repr(pairs))
    outs = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout for seed in (1, 2, 3, 4)}
    assert len(outs) == 1, outs
    names = {name for _, name in json.loads(outs.pop())}
    assert names == {pairs[0][1]}  # one entity, named by the form written first


def _one_mention(aid: str, written: str, lemma: str, kind: str = "PER") -> Article:
    text = f"Сообщение: {written} выступила."
    start = text.index(written)
    article = Article(source=aid, raw=text, id=aid, lang="ru", text=text, blocks=[Block(0, len(text), "ru")])
    article.mentions = [Mention(aid, start, start + len(written), written, kind, lemma)]
    return article


def test_first_name_cases_beside_an_indeclinable_surname_are_one_person() -> None:
    """The lemmatiser leaves 'Марины Лоран' as written (the surname does not decline): the case forms of one
    first name with one surname are one person, named in the nominative; two listed first names stay two."""
    forms = ["Марины Лоран", "Марине Лоран", "Марина Лоран", "Мариной Лоран"]
    analysis = Analysis(articles=[_one_mention(f"m{n}", f, f) for n, f in enumerate(forms)])
    link_entities(analysis)
    assert [e.name for e in analysis.entities] == ["Марина Лоран"]
    pair = Analysis(articles=[_one_mention("a", "Александр Лоран", "Александр Лоран"),
                              _one_mention("b", "Александра Лоран", "Александра Лоран")])
    link_entities(pair)
    assert len(pair.entities) == 2


def test_a_person_in_latin_and_cyrillic_letters_whose_vowels_differ_is_one_person() -> None:
    """'Alena Kovalenka' (a Belarusian spelling in English text) and 'Алёна Коваленко' (the Russian press's):
    the same first name and the surname's consonants. With two Cyrillic namesakes to choose from, no merge."""
    one = Analysis(articles=[_one_mention("a", "Alena Kovalenka", "Alena Kovalenka"),
                             _one_mention("b", "Алёна Коваленко", "Алёна Коваленко")])
    link_entities(one)
    assert len(one.entities) == 1
    two = Analysis(articles=[_one_mention("a", "Alena Kovalenka", "Alena Kovalenka"),
                             _one_mention("b", "Алёна Коваленко", "Алёна Коваленко"),
                             _one_mention("c", "Алёна Ковалёнок", "Алёна Ковалёнок")])
    link_entities(two)
    assert len(two.entities) == 3
    # the first names' vowels differ too, and a Latin spelling already joined the Cyrillic one by its letters
    three = Analysis(articles=[_one_mention("a", "Aliona Kavalenka", "Aliona Kavalenka"),
                               _one_mention("b", "Алёна Коваленко", "Алёна Коваленко"),
                               _one_mention("c", "Alena Kovalenko", "Alena Kovalenko")])
    link_entities(three)
    assert len(three.entities) == 1
    # a woman's first name is not a man's with the same consonants
    pair = Analysis(articles=[_one_mention("a", "Aleksandra Kavalenka", "Aleksandra Kavalenka"),
                              _one_mention("b", "Александр Коваленко", "Александр Коваленко")])
    link_entities(pair)
    assert len(pair.entities) == 2


def test_a_base_form_the_texts_write_wins_over_one_they_never_write() -> None:
    """'Юлию Бойко' reads as the dative of the man's name Юлий or the accusative of Юлия; another text writes
    'Юлия Бойко' and none 'Юлий Бойко': the mention's base form is the written one. Likewise 'Далекому Сході'
    (Сход or Схід in the dictionary) where 'Далекий Схід' is written. A base form the texts write stays."""
    from syuzhet.entities.lemma import alternatives

    assert lemmatize("Юлию Бойко", "PER", "ru") == "Юлий Бойко"
    assert "Юлия Бойко" in alternatives("Юлию Бойко", "PER", "ru")
    texts = [("a", "Юлию Бойко"), ("b", "Юлия Бойко")]
    analysis = Analysis(articles=[_one_mention(aid, w, lemmatize(w, "PER", "ru")) for aid, w in texts])
    link_entities(analysis)
    # the written 'Юлия Бойко' is no evidence for itself (it is also the genitive of Юлий): left as read
    assert [m.lemma for a in analysis.articles for m in a.mentions] == ["Юлия Бойко", "Юлий Бойко"]
    places = [("c", "Далекому Сході"), ("d", "Далекий Схід")]
    analysis = Analysis(articles=[_one_mention(aid, w, lemmatize(w, "LOC", "uk"), "LOC") for aid, w in places])
    for article in analysis.articles:
        article.lang = "uk"
        article.blocks = [Block(0, len(article.text), "uk")]
    link_entities(analysis)
    assert [m.lemma for a in analysis.articles for m in a.mentions] == ["Далекий Схід", "Далекий Схід"]
    alone = Analysis(articles=[_one_mention("e", "Юлию Бойко", "Юлий Бойко")])
    link_entities(alone)
    assert alone.entities[0].name == "Юлий Бойко"  # nothing written to prefer: the lemmatiser's reading


def test_an_indeclinable_surname_is_kept_when_the_texts_write_it_so() -> None:
    """The dictionary declines 'Бібі' as if it were 'Біба'; the texts write 'Оксана Бібі' and 'Оксану Бібі':
    the full names keep the surname as written, and so does 'Бібі' alone. Two first-name forms are not enough
    (a text may leave the first name undeclined); three are ('Оксані Бібі')."""
    from syuzhet.entities.lemma import alternatives

    assert lemmatize("Бібі", "PER", "uk") == "Біба"
    assert "Оксана Бібі" in alternatives("Оксану Бібі", "PER", "uk")
    written = [("a", "Оксана Бібі"), ("b", "Оксану Бібі"), ("d", "Оксані Бібі"), ("c", "Бібі")]
    analysis = Analysis(articles=[_one_mention(aid, w, lemmatize(w, "PER", "uk")) for aid, w in written])
    for article in analysis.articles:
        article.lang = "uk"
        article.blocks = [Block(0, len(article.text), "uk")]
    link_entities(analysis)
    assert [m.lemma for a in analysis.articles for m in a.mentions][-1] == "Бібі"
    assert next(m.lemma for a in analysis.articles for m in a.mentions) == "Оксана Бібі"
    two = Analysis(articles=[_one_mention(aid, w, lemmatize(w, "PER", "uk")) for aid, w in written[:2] + written[3:]])
    for article in two.articles:
        article.lang = "uk"
        article.blocks = [Block(0, len(article.text), "uk")]
    link_entities(two)
    assert [m.lemma for a in two.articles for m in a.mentions][-1] == "Біба"


def test_a_past_tense_verb_gives_an_ambiguous_name_its_gender() -> None:
    """'Юлию Бойко' alone reads as a man's name (the news prior); 'Бойко заявила' in the article makes both
    mentions a woman's. A reading far worse in that gender is not forced ('Иваном Петровым была')."""
    from syuzhet.entities.lemma import gendered_person, verb_gender

    assert verb_gender("заявила", "ru") == "femn" and verb_gender("сказав", "uk") == "masc"
    assert verb_gender("стол", "ru") == ""
    assert gendered_person("Юлию Бойко", "ru", "femn") == "Юлия Бойко"
    assert gendered_person("Иваном Петровым", "ru", "femn") == "Иван Петров"
    from syuzhet.entities import _gender_from_verbs

    text = "Награду вручили: Юлию Бойко поздравили. Позже Юлию Бойко видела вся страна."
    spans = [(at, at + len("Юлию Бойко")) for at in (text.index("Юлию"), text.rindex("Юлию"))]
    mentions = [Mention("g", s, e, text[s:e], "PER", lemmatize(text[s:e], "PER", "ru")) for s, e in spans]
    _gender_from_verbs(text, mentions, {span: "ru" for span in spans})
    assert [m.lemma for m in mentions] == ["Юлия Бойко", "Юлия Бойко"]
