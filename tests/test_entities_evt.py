"""Named events (EVT), documents and products (PRO), and organisation spans in Russian text (``events``,
``org_spans``). Sentences written for these tests."""

from __future__ import annotations

import itertools

import pytest

pytest.importorskip("natasha")
pytest.importorskip("pymorphy3")

from syuzhet.entities import fixes, tag_text
from syuzhet.entities.events import add_named
from syuzhet.entities.lemma import lemmatize
from syuzhet.entities.org_spans import fix_orgs, nested_places
from syuzhet.eval.common import outermost


def found(text: str) -> dict[str, str]:
    """Surface -> type of every span tagged in ``text``."""
    return {text[s:e]: k for s, e, k in tag_text(text, "ru")}


EXPECTED = [
    ("Ветеранов Второй мировой войны поздравили в школе.", "Второй мировой войны", "EVT"),
    ("В Осло открылась Северная конференция по рыболовству.", "Северная конференция по рыболовству", "EVT"),
    ("Олимпийские игры 2032 года пройдут в Брисбене.", "Олимпийские игры 2032 года", "EVT"),
    ("Певица из Вильнюса поедет на Евровидение весной.", "Евровидение", "EVT"),
    ("Экономисты спорят о последствиях Brexit для рыбаков.", "Brexit", "EVT"),
    ("Министры готовятся к саммиту G7 в Италии.", "саммиту G7", "EVT"),
    ("Болельщики вспоминают ЧМ-2014 с улыбкой.", "ЧМ-2014", "EVT"),
    ("Вокруг нефтепровода «Дружба — 2» снова спорят.", "Дружба — 2", "PRO"),
    ("Об этом написала газета The Daily Planet.", "The Daily Planet", "PRO"),
    ("Стороны вспомнили Договор о нераспространении ядерного оружия.", "Договор о нераспространении ядерного оружия",
     "PRO"),
    ("Депутаты приняли закон «О пчеловодстве» во втором чтении.", "закон «О пчеловодстве»", "PRO"),
    ("Лидеры подписали соглашение о выходе Гренландии из ЕС.", "соглашение о выходе Гренландии из ЕС", "PRO"),
    ("Фермеры обсуждают Парижское соглашение по климату.", "Парижское соглашение по климату", "PRO"),
    ("Пилот посадил Boeing 777 на запасном аэродроме.", "Boeing 777", "PRO"),
    ("Сделку одобрил МИД Норвегии в понедельник.", "МИД Норвегии", "ORG"),
    ("Решение британского правительства удивило рыбаков.", "британского правительства", "ORG"),
    ("Квоты на вылов утвердили в Евросоюзе.", "Евросоюзе", "ORG"),
    ("Спор рассмотрит окружной суд Роттердама на следующей неделе.", "окружной суд Роттердама", "ORG"),
    ("Акции выпустила компания «Северный ветер» из Мурманска.", "Северный ветер", "ORG"),
]


@pytest.mark.parametrize(("text", "surface", "kind"), EXPECTED)
def test_named_spans(text: str, surface: str, kind: str) -> None:
    assert found(text).get(surface) == kind, found(text)


NOT_NAMES = [
    ("Новая война началась внезапно.", "Новая война"),
    ("Стороны продлили соглашение с Норвегией на год.", "соглашение с Норвегией"),
    ("Самолет Ryanair приземлился в Дублине.", "Ryanair"),  # the owner, an organisation: not a product
    ("Солистка балета Большого театра дала интервью.", "Большого театра"),  # the owner, not the ballet's name
    ("Об этом сообщили СМИ со ссылкой на источники.", "СМИ"),
    ("Мэр ответил горожанам в Telegram поздно вечером.", "Telegram"),  # a company, as natasha and factRu tag it
]


@pytest.mark.parametrize(("text", "surface"), NOT_NAMES)
def test_not_events_or_products(text: str, surface: str) -> None:
    assert found(text).get(surface) not in ("EVT", "PRO")
    if surface == "СМИ":
        assert surface not in found(text)


def test_a_name_found_once_is_found_again_inflected() -> None:
    text = "Строительство газопровода «Дружба — 2» идет. Партнеры по Дружбе — 2 ждут газ, хотя Дружбу — 2 критикуют."
    kinds = found(text)
    assert kinds.get("Дружба — 2") == "PRO"
    assert kinds.get("Дружбе — 2") == "PRO"
    assert kinds.get("Дружбу — 2") == "PRO"


def test_a_quoted_sentence_is_no_product() -> None:
    text = "Министр сказал: «Мы подпишем все». Потом он уехал."
    assert "PRO" not in found(text).values()


BASE_FORMS = [
    ("Второй мировой войны", "EVT", "Вторая мировая война"),
    ("Олимпийских играх", "EVT", "Олимпийские игры"),
    ("Мюнхенской конференции по безопасности", "EVT", "Мюнхенская конференция по безопасности"),
    ("Евровидения", "EVT", "Евровидение"),
    ("Минских соглашений", "PRO", "Минские соглашения"),
    ("Турецкого потока-2", "PRO", "Турецкий поток-2"),
    ("саммите G20", "EVT", "саммит G20"),
]


@pytest.mark.parametrize(("text", "kind", "expected"), BASE_FORMS)
def test_base_forms(text: str, kind: str, expected: str) -> None:
    assert lemmatize(text, kind, "ru") == expected


def test_other_languages_are_left_alone() -> None:
    text = "Газета «День» пише про Другу світову війну."
    spans = [(0, 6, "ORG")]
    assert add_named(text, spans, "uk") == spans
    assert fix_orgs(text, spans, "uk") == spans


def test_spans_stay_sorted_and_overlap_only_as_a_place_inside_an_organisation() -> None:
    text = (
        "Глава МИД Норвегии обсудил с британским правительством соглашение о выходе Гренландии из ЕС, "
        "газопровод «Дружба — 2» и Олимпийские игры 2032 года; об этом пишет газета The Daily Planet."
    )
    spans = tag_text(text, "ru")
    assert spans == sorted(spans, key=lambda s: (s[0], -s[1]))
    for a, b in itertools.pairwise(spans):
        assert a[1] <= b[0] or ((a[2], b[2]) == ("ORG", "LOC") and a[0] < b[0] and b[1] <= a[1]), (a, b)
    assert (text.index("Норвегии"), text.index("Норвегии") + len("Норвегии"), "LOC") in spans


NESTED = [  # (sentence, organisation the fixes fold a place into, the place)
    ("Сделку одобрил МИД Норвегии в понедельник.", "МИД Норвегии", "Норвегии"),
    ("Решение правительства Исландии удивило рыбаков.", "правительства Исландии", "Исландии"),
    ("Спор рассмотрит окружной суд Роттердама на следующей неделе.", "окружной суд Роттердама", "Роттердама"),
]


@pytest.mark.parametrize(("text", "org", "place"), NESTED)
def test_a_place_folded_into_an_organisation_stays_a_nested_place(text: str, org: str, place: str) -> None:
    spans = tag_text(text, "ru")
    at = text.index(org)
    assert (at, at + len(org), "ORG") in spans
    inner = text.index(place, at)
    assert (inner, inner + len(place), "LOC") in spans
    with fixes.active("ru", fixes.enabled("ru") - {"nested_places"}):
        assert (inner, inner + len(place), "LOC") not in tag_text(text, "ru")


def test_nested_places_keeps_only_places_an_organisation_took_in() -> None:
    before = [(0, 3, "ORG"), (4, 12, "LOC"), (20, 32, "LOC"), (40, 45, "LOC"), (50, 55, "LOC")]
    after = [(0, 12, "ORG"), (20, 38, "ORG"), (40, 45, "LOC"), (48, 55, "EVT")]
    # 'МИД' + 'Норвегии': nested; 'Европейского' + 'союза' (an ORG from the place's own start): not nested;
    # a place left alone stays once; a place an event took in stays inside the event only
    assert nested_places(before, after) == [(0, 12, "ORG"), (4, 12, "LOC"), (20, 38, "ORG"), (40, 45, "LOC"),
                                            (48, 55, "EVT")]
    assert nested_places([], []) == []


def test_flat_scoring_keeps_the_outermost() -> None:
    spans = [(0, 12, "ORG"), (4, 12, "LOC"), (20, 25, "PER")]
    assert outermost(spans, lambda s: (s[0], s[1])) == [(0, 12, "ORG"), (20, 25, "PER")]
