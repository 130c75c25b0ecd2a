"""Ukrainian CRF NER: tokenization with exact offsets, the shipped model's behaviour, its artefacts, its gate."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from syuzhet.entities import uk_crf
from syuzhet.eval import ner_uk
from syuzhet.eval.common import shared_dir
from tests.conftest import require

SUMMIT = "Президент Казахстану Касим-Жомарт Токаєв і президент Росії Володимир Путін підписали декларацію у Кремлі."


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Касим-Жомарт Токаєв", ["Касим-Жомарт", "Токаєв"]),
        ("п’ять обов'язків, ім`я, Мар\u02bcяна", ["п’ять", "обов'язків", ",", "ім`я", ",", "Мар\u02bcяна"]),
        ("у «Кремлі».", ["у", "«", "Кремлі", "»", "."]),
        ("'Слово' - не-слово -", ["'", "Слово", "'", "-", "не-слово", "-"]),
        ("COVID-19 коштував 7,08 млн грн.", ["COVID-19", "коштував", "7,08", "млн", "грн", "."]),
        ("пише LB.ua.", ["пише", "LB.ua", "."]),
        ("наго\u0301лос\u00a0тут", ["наго\u0301лос", "тут"]),
        ("_сайті_", ["_", "сайті", "_"]),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    found = [t for line in uk_crf.tokenize(text) for t in line]
    assert [t.text for t in found] == tokens
    assert all(text[t.start : t.end] == t.text for t in found)


def test_one_sequence_per_line() -> None:
    assert [[t.text for t in line] for line in uk_crf.tokenize("Київ\n\n  \nЛьвів і Одеса\r\n")] == [
        ["Київ"],
        ["Львів", "і", "Одеса"],
    ]


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["B-PER", "I-PER", "O"], [(0, 3, "PER")]),
        (["I-LOC", "I-LOC", "B-LOC"], [(0, 3, "LOC"), (4, 5, "LOC")]),
        (["B-ORG", "I-PER", "O"], [(0, 1, "ORG"), (2, 3, "PER")]),
        (["O", "O", "O"], []),
    ],
)
def test_bio_spans(labels: list[str], spans: list[tuple[int, int, str]]) -> None:
    tokens = uk_crf.tokenize("a b c")[0]
    assert uk_crf.bio_spans(tokens, labels) == spans


def _found(text: str) -> dict[str, str]:
    spans = uk_crf.tag(text)
    assert all(0 <= s < e <= len(text) and k in uk_crf.TYPES for s, e, k in spans)
    return {text[s:e]: k for s, e, k in spans}


def test_summit_sentence() -> None:
    found = _found(SUMMIT)
    assert found["Касим-Жомарт Токаєв"] == "PER"
    assert found["Володимир Путін"] == "PER"
    assert found["Казахстану"] == "LOC"
    assert found["Росії"] == "LOC"
    assert found.get("Кремлі") in ("LOC", "ORG")
    assert not {"Президент", "президент", "декларацію"} & found.keys()


@pytest.mark.parametrize(
    "text",
    [
        "Він сказав, що Вона прийде.",
        "Вони підписали угоду, а Ми чекали.",
        "Його рішення здивувало всіх.",
    ],
)
def test_pronouns_are_not_people(text: str) -> None:
    assert not {"Він", "Вона", "Вони", "Ми", "Його"} & _found(text).keys()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Зеленський зустрівся з Макроном у Парижі.", "Парижі", "LOC"),
        ("Прем'єр-міністр Великої Британії Борис Джонсон заявив про це в понеділок.", "Борис Джонсон", "PER"),
        ("Про це повідомляє ТОВ «Укргеоекологія» у Львові.", "Львові", "LOC"),
    ],
)
def test_news_names(text: str, name: str, kind: str) -> None:
    assert _found(text).get(name) == kind


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "...", "«»", "\x00\ud800 Київ \udfff", "1234 5678", "Київ" * 2000, "a\u0301\u0301", "ʼ'-"],
)
def test_odd_text_never_fails(text: str) -> None:
    spans = uk_crf.tag(text)
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)
    if not text.strip():
        assert spans == []


def test_spans_are_substrings_across_lines() -> None:
    text = "Україна\r\n\r\nУ Києві  Віталій Кличко відкрив «Мистецький Арсенал».\n"
    for start, end, _ in uk_crf.tag(text):
        assert text[start:end] == text[start:end].strip()
        assert "\n" not in text[start:end]


def test_model_loads_once_and_is_small() -> None:
    assert uk_crf._tagger() is uk_crf._tagger()
    assert uk_crf.MODEL_PATH.stat().st_size < 15 * 2**20
    meta = json.loads(uk_crf.MODEL_PATH.with_name("uk_ner.meta.json").read_text(encoding="utf-8"))
    assert meta["features"] == uk_crf.FEATURES_VERSION
    assert {"id", "version", "protocol", "licence", "training_data", "scores"} <= meta.keys()


def test_gazetteer_feature_reads_the_list_frozen_with_the_model(tmp_path: Path) -> None:
    meta = json.loads(uk_crf.MODEL_PATH.with_name("uk_ner.meta.json").read_text(encoding="utf-8"))
    frozen = uk_crf.GAZETTEER_PATH.read_bytes()
    assert meta["gazetteer"]["sha1"] == hashlib.sha1(frozen).hexdigest()  # the list the model was trained with
    assert "gaz=LOC" in uk_crf._analysis("києві")
    made_up = tmp_path / "uk_ner.gaz.tsv"
    uk_crf.write_gazetteer(made_up, [("LOC", "Стіл"), ("ORG", "Укргеоекологія")])
    assert uk_crf.read_gazetteer(made_up) == [("LOC", "Стіл"), ("ORG", "Укргеоекологія")]
    try:
        uk_crf.use_gazetteer(made_up)
        assert "gaz=LOC" in uk_crf._analysis("столі")  # any name the list gives
        assert not any(a.startswith("gaz=") for a in uk_crf._analysis("києві"))  # places.txt is not read
    finally:
        uk_crf.use_gazetteer(uk_crf.GAZETTEER_PATH)
    assert "gaz=LOC" in uk_crf._analysis("києві")


def test_split_keeps_held_out_documents_out_of_training() -> None:
    corpus = shared_dir() / "corpus"
    require(corpus / "ner-uk")
    require(corpus / "slavicner")
    sets = ner_uk.split(corpus)
    train = {(d.corpus, d.id) for d in sets["train"]}
    for name in ner_uk.HELDOUT_SETS:
        assert not train & {(d.corpus, d.id) for d in sets[name]}
    assert all(d.corpus == f"slavicner/{ner_uk.HELDOUT_TOPIC}" for d in sets["slavicner-topic"])
    assert sets["ner-uk-dev-heldout"] and sets["slavicner-topic"] and sets["slavicner-docs"]


def test_quality_gate_on_held_out_sample(capsys: pytest.CaptureFixture[str]) -> None:
    require(shared_dir() / "corpus" / "ner-uk")
    assert ner_uk.main(["--limit", "8", "--baseline", "0.82"]) == 0  # 1.2.0: 0.830 (1.1.0: 0.797)
    assert "pooled micro-F1" in capsys.readouterr().out


def test_span_cut_short_of_a_gazetteer_name_takes_the_rest_of_it() -> None:
    from syuzhet.entities.uk_known import whole_known_names

    text = "Делегація Організації Договору про колективну безпеку прибула. Організації Договору про закупівлю немає."
    lines = uk_crf.tokenize(text)
    cut = text.index("Організації")
    other = text.index("Організації", cut + 1)
    spans = [(cut, text.index(" про"), "ORG"), (other, text.index(" про", other), "ORG")]
    base = lambda word: uk_crf._lemma(uk_crf._plain(word))  # noqa: E731
    extended = whole_known_names(text, lines, spans, base)
    names = [text[s:e] for s, e, _ in extended]
    assert names == ["Організації Договору про колективну безпеку", "Організації Договору"]  # the second is unknown


def _set_right(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    from syuzhet.entities.uk_places import places_set_right

    return [(text[s:e], kind) for s, e, kind in places_set_right(text, uk_crf.tokenize(text), spans)]


def _span(text: str, name: str, kind: str) -> tuple[int, int, str]:
    return (text.index(name), text.index(name) + len(name), kind)


def test_gazetteer_place_typed_person_or_organisation_is_a_place() -> None:
    text = "Переговори з Берліном і Вашингтоном вела компанія Нафтогаз України, а Малий мовчав."
    spans = [_span(text, "Берліном", "PER"), _span(text, "Вашингтоном", "ORG"),
             _span(text, "Нафтогаз України", "ORG"), _span(text, "Малий", "PER")]
    assert _set_right(text, spans) == [("Берліном", "LOC"), ("Вашингтоном", "LOC"),
                                       ("Нафтогаз України", "ORG"), ("Малий", "PER")]  # 'Малий' is no 'Мали'


def test_quoted_title_stays_what_the_tagger_said() -> None:
    text = "Фільм показали в кінотеатрі « Україна » і в селі « Зоря »."
    spans = [_span(text, "Україна", "ORG")]
    assert _set_right(text, spans) == [("Україна", "ORG")]


def test_name_after_a_place_word_is_a_place() -> None:
    text = "Будують школу в с. Вербівка, біля села Гнідин, в урочищі Сухі Яри; голова села Іван Петренко приїхав."
    spans = [_span(text, "Гнідин", "PER"), _span(text, "Сухі Яри", "PER"), _span(text, "Іван Петренко", "PER")]
    assert _set_right(text, spans) == [("Вербівка", "LOC"), ("Гнідин", "LOC"), ("Сухі Яри", "LOC"),
                                       ("Іван Петренко", "PER")]
    text = "Сад біля села Кам'янка."
    assert _set_right(text, [_span(text, "Кам'янка", "PER")]) == [("Кам'янка", "LOC")]


def test_metre_is_no_town() -> None:
    text = "Офіс на 100 кв. м. Про це пише газета, ціна 50 грн / м. Засновник мовчить. Живе у м. Щасливе."
    assert _set_right(text, []) == [("Щасливе", "LOC")]


def test_place_span_ending_in_an_organisation_word_is_an_organisation() -> None:
    text = "Нафту везуть на Вербівському НПЗ, а ліс рубає Гнідинське лісництво біля Вербівського району."
    spans = [_span(text, "Вербівському НПЗ", "LOC"), _span(text, "Гнідинське лісництво", "LOC"),
             _span(text, "Вербівського району", "LOC")]
    assert _set_right(text, spans) == [("Вербівському НПЗ", "ORG"), ("Гнідинське лісництво", "ORG"),
                                       ("Вербівського району", "LOC")]


def test_organisation_span_starts_at_its_first_capital() -> None:
    from syuzhet.entities.uk_places import lower_case_orgs_cut

    text = "Суддя господарського суду Вербівської області прийняв рішення щодо управління економіки."
    spans = [_span(text, "господарського суду Вербівської області", "ORG"), _span(text, "управління економіки", "ORG")]
    cut = lower_case_orgs_cut(uk_crf.tokenize(text), spans)
    assert [(text[s:e], kind) for s, e, kind in cut] == [("Вербівської області", "ORG")]  # the other: dropped


def test_list_of_places_is_one_place_per_name() -> None:
    from syuzhet.entities.uk_places import split_enumerations

    def split(text: str, name: str) -> list[str]:
        return [text[s:e] for s, e, _ in split_enumerations(text, [_span(text, name, "LOC")])]

    text = "Ремонтували вулиці Коперника та Б. Хмельницького, Дашавське, Опарське і Угерське сховища."
    assert split(text, "Коперника та Б. Хмельницького") == ["Коперника", "Б. Хмельницького"]
    assert split(text, "Дашавське, Опарське і Угерське") == ["Дашавське", "Опарське", "Угерське"]
    text = "Ліси Луганської й Донецької областей, вул. Хрещатик, 30-А, острови Сент-Кітс і Невіс."
    for whole in ("Луганської й Донецької областей", "вул. Хрещатик, 30-А", "Сент-Кітс і Невіс"):
        assert split(text, whole) == [whole]
