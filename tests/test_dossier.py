"""The dossier stages on made-up stories: sentence roles, key facts with details, blind spots, framing across
languages, the summary's named speakers and the header, as tables of cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from syuzhet.model import Block, Entity, Fact, Mention, Quote
from syuzhet.pipeline import Analysis
from syuzhet.stories import cluster_stories, describe_stories
from syuzhet.stories.blindspots import blind_spots, novelty
from syuzhet.stories.dossier import DOSSIER_STAGES
from syuzhet.stories.framing import distinctive
from syuzhet.stories.header import header
from syuzhet.stories.keyfacts import details, to_fact
from syuzhet.stories.statements import Span, background, role, speaker_speaks
from syuzhet.stories.summary import summarize
from syuzhet.stories.text import Sentence, _words
from tests.test_stories import SUMMIT, article


def sentence(text: str, lang: str = "ru", start: int = 0, art: str = "a") -> Sentence:
    s = Sentence(art, start, start + len(text), text, "paragraph", lang)
    s.words = _words(text, lang)
    return s


@pytest.mark.parametrize(("text", "quoted", "expected"), [
    ("Стороны подписали соглашение о рыболовстве на 12 лет.", None, "fact"),
    ("Насколько важно это соглашение для Норвегии?", None, "question"),
    ("подписали его в среду вечером в Рейкьявике.", None, "fragment"),
    ("Альтернативы нет», – подчеркнул министр рыболовства.", None, "fragment"),
    ("Опубликовано 15.06.2025 13:25.", None, "fragment"),
    ("РЕЙКЬЯВИК, 12 марта — Северное агентство новостей.", None, "fragment"),  # a dateline: a date, no verb
    ("12 марта 2024, 16:23 | Автор: Иван Петров", None, "fragment"),
    ("12 марта стороны подписали соглашение о рыболовстве.", None, "fact"),
    ("«Это историческое соглашение для обеих наших стран», – сказал премьер.", None, "quote"),
    ("«Норинко» построит завод в Рейкьявике к 2027 году.", None, "fact"),  # a quoted name is no quotation
    ("Премьер сказал, что соглашение откроет новую эру в отношениях.", (20, 60, True, False), "quote"),
    ("Министерство сообщило, что квоты вырастут на 12 процентов.", (25, 58, False, False), "fact"),
    ("Мэр Иван Петров сказал, что дамба выдержит паводок в ближайшие дни.", (27, 45, True, False, True), "quote"),
    ("Двенадцать экономистов ожидали, что ставка снизится до 16%.", (35, 58, True, False), "fact"),
    ("По мнению экспертов, соглашение укрепит позиции Норвегии.", None, "opinion"),
    ("На думку експертів, угода зміцнить позиції Норвегії.", None, "opinion"),
    ("Об этом сообщает агентство NTB.", None, "sourcing"),
    ("Как пишет норвежская газета со ссылкой на источники,", None, "fragment"),  # the rest was cut off
    ("Министр перечислил условия соглашения:", None, "fragment"),
    ("Это заявила министр рыболовства Норвегии.", None, "sourcing"),
    ("This was stated by the Norwegian fisheries minister.", None, "sourcing"),
    ("Об этом сообщает агентство NTB со ссылкой на пресс-службу министерства рыболовства Норвегии.", None, "sourcing"),
    ("Об этом сообщает агентство NTB, добавляя, что квоты вырастут на 12 процентов за два года.", None, "fact"),
    ("О подписании соглашения сообщило агентство NTB.", None, "sourcing"),
    ("О подписании соглашения стало известно в среду.", None, "fact"),
])
def test_sentence_roles(text: str, quoted: tuple[int, int, bool, bool] | tuple[int, int, bool, bool, bool] | None,
                        expected: str) -> None:
    lang = "uk" if "думку" in text else "en" if text.isascii() else "ru"
    spans = [Span(*quoted)] if quoted else []
    assert role(sentence(text, lang), spans, [])[0] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Напомним, в марте стороны уже подписали меморандум о квотах.", "ru", True),
    ("Ранее министр посетил Рейкьявик.", "ru", True),
    ("Как сообщалось, переговоры шли два дня.", "ru", True),
    ("Нагадаємо, у березні сторони вже підписали меморандум.", "uk", True),
    ("Earlier, the minister visited Reykjavik.", "en", True),
    ("«Напомним», – сказал министр журналистам в Рейкьявике.", "ru", False),
    ("Ранний лед закрыл порт Рейкьявика на два дня.", "ru", False),  # a word that only starts like one
    ("Стороны подписали соглашение о рыболовстве на 12 лет.", "ru", False),
    ("Earlier, the minister visited Reykjavik.", "kk", False),  # the lists are per language
])
def test_background_openers(text: str, lang: str, expected: bool) -> None:
    assert background(sentence(text, lang)) is expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Петров особо отметил, с какой теплотой делегацию встретили в Рейкьявике.", "ru", True),
    ("Мэр Иван Петров заявил журналистам о переносе встречи.", "ru", True),
    ("Петров прибыл в Рейкьявик во вторник вечером, сообщает агентство.", "ru", False),  # the agency speaks
    ("Переговоры между министром и Петровым, сообщает агентство, длились два дня.", "ru", False),
    ("Сидоров особо отметил, с какой теплотой делегацию встретили в Рейкьявике.", "ru", False),  # not quoted
    ("Mayor Ivan Petrov told reporters the meeting was postponed.", "en", True),
])
def test_a_quoted_speaker_speaking_is_no_fact(text: str, lang: str, expected: bool) -> None:
    quoted = Span(500, 560, True, True, True, "Иван Петров" if lang == "ru" else "Ivan Petrov")  # elsewhere
    assert speaker_speaks(sentence(text, lang), [quoted]) is expected
    assert not speaker_speaks(sentence(text, lang), [])


def test_interview_turns_are_dialogue_not_facts() -> None:
    text = "Интервью\n\n– Министр подписал соглашение о квотах на 12 лет."
    a = article("i1", text)
    s = sentence("Министр подписал соглашение о квотах на 12 лет.", start=text.index("Министр"), art="i1")
    from syuzhet.stories.statements import dialogue_starts

    assert role(s, [], dialogue_starts(a))[0] == "dialogue"


@pytest.mark.parametrize(("tail", "expected"), [
    ("Переговоры министров продолжатся в Рейкьявике во вторн", "fragment"),  # a lead cut at so many characters
    ("Переговоры министров продолжатся в Рейкьявике во вторник.", "fact"),
])
def test_a_text_cut_off_mid_sentence_ends_in_a_fragment(tail: str, expected: str) -> None:
    from syuzhet.stories.statements import roles
    from syuzhet.stories.text import sentences

    a = article("c1", f"Заголовок\n\nМинистр Норвегии подписал соглашение о квотах на 12 лет. {tail}")
    sents = sentences(a)
    got = roles(a, sents, {})
    assert got[sents[-1].start][0] == expected
    assert got[sents[-2].start][0] == "fact"


def test_dossier_stages_are_one_literal_list() -> None:
    assert [stage.__name__ for stage in DOSSIER_STAGES] == [
        "sources", "key_facts", "blind_spots", "framing", "timeline", "quotes", "summary", "network", "header"]


def _summit() -> Analysis:
    quoted = "«Это соглашение откроет новую эру для всего региона», – сказал Стёре."
    extra = article("a4", "Стёре: соглашение откроет новую эру\n\nПремьер Норвегии Йонас Стёре прилетел в Рейкьявик. "
                    f"{quoted} Насколько оно выгодно Исландии?", outlet="D")
    start = extra.text.index(quoted)
    quote = Quote("a4", "PER-stere", "Стёре", "direct", quoted[1:50], start + 1, start + 51)
    extra.quotes = [quote]
    analysis = Analysis(articles=[*SUMMIT, extra])
    mentions = [Mention(a.id, a.text.index("Стёре"), a.text.index("Стёре") + 5, "Стёре", "PER")
                for a in analysis.articles if "Стёре" in a.text]
    analysis.entities = [Entity("PER-stere", "Йонас Стёре", "PER", mentions)]
    analysis.quotes = [quote]
    cluster_stories(analysis)
    describe_stories(analysis)
    return analysis


def test_key_facts_leave_out_questions_and_quotations_and_name_their_outlets() -> None:
    analysis = _summit()
    story = next(s for s in analysis.stories if "a4" in s.articles)
    shown = [f.text for f in story.facts]
    assert not any(t.endswith("?") or t.startswith("«") for t in shown)
    signed = story.facts[0]
    assert len(signed.sources) >= 3 and signed.detail_of is None
    assert all(f.sources == sorted(f.sources) for f in story.facts)
    summary = " ".join(f.text for f in story.summary)
    assert "«" not in summary or "Йонас Стёре: «" in summary  # a quotation in the summary names its speaker
    assert story.header["what"] and story.header["who"][0]["name"] == "Йонас Стёре"
    assert story.header["outlets"] == ["A", "B", "C", "D"]


def test_summary_quotes_only_named_speakers() -> None:
    facts = [Fact("Стороны подписали соглашение.", ["a", "b"], ["A", "B"])]
    quotes = [{"speaker": None, "name": "наблюдатели", "quotes": [{"article": "a", "text": "Это важно."}]},
              {"speaker": "PER-x", "name": "Йонас Стёре", "quotes": [{"article": "b", "text": "Это новая эра."}]}]
    lines = summarize(facts, {}, quotes, {"a": "A", "b": "B"})
    assert [line.text for line in lines] == ["Стороны подписали соглашение.", "Йонас Стёре: «Это новая эра.»"]



def test_summary_sentences_read_alone() -> None:
    """A fact told as 'He ...' is summarised in another outlet's wording that names who; with none, it is left out."""
    leaning = Fact("Он подписал указ о назначении.", ["a", "b"], ["A", "B"], evidence=[
        {"article": "a", "text": "Он подписал указ о назначении.", "start": 0, "end": 30},
        {"article": "b", "text": "Президент подписал указ о назначении министра.", "start": 0, "end": 46}])
    alone = Fact("Its chairman resigned on Monday.", ["c", "d"], ["C", "D"], evidence=[
        {"article": "c", "text": "Its chairman resigned on Monday.", "start": 0, "end": 32}])
    plain = Fact("Парламент одобрил бюджет.", ["a", "c"], ["A", "C"])
    lines = summarize([leaning, alone, plain], {}, [], {})
    assert [line.text for line in lines] == ["Президент подписал указ о назначении министра.",
                                             "Парламент одобрил бюджет."]
    assert lines[0].sources == ["A", "B"] and lines[0].evidence[0]["article"] == "b"

def test_blind_spots_list_what_only_one_side_reports_most_novel_first() -> None:
    sents = [sentence("Норвегия и Исландия подписали соглашение о рыболовстве.", art="a"),
             sentence("Исландия и Норвегия подписали соглашение о рыболовстве.", art="b"),
             sentence("Соглашение о рыболовстве подписали в Рейкьявике вечером.", art="c"),
             sentence("Гренландия не признает новые квоты на треску.", art="c", start=100)]
    outlet = {"a": "A", "b": "B", "c": "C"}
    facts = [Fact(sents[0].text, ["a", "b"], ["A", "B"], evidence=[{"article": "a", "start": 0}]),
             Fact(sents[2].text, ["c"], ["C"], True, evidence=[{"article": "c", "start": 0}]),
             Fact(sents[3].text, ["c"], ["C"], True, evidence=[{"article": "c", "start": 100}])]
    novel = novelty(facts, sents, outlet)
    assert novel[2] > novel[1]  # nobody else says anything like it
    spots = {b["name"]: b for b in blind_spots(facts, {"A": "ru", "B": "ru", "C": "ru"}, novel)}
    assert [x["fact"] for x in spots["C"]["only_here"]] == [2, 1]
    assert [x["fact"] for x in spots["C"]["missing"]] == [0]  # 2 of 3 outlets: widely reported
    assert spots["A"]["only_here"] == [] and spots["A"]["missing"] == []


def test_framing_across_languages_keeps_loaded_words_without_a_counterpart() -> None:
    uk = [sentence("Після агресії сусіда уряд підписав угоду про рибальство.", "uk", art="u")]
    ru = [sentence("Правительство подписало соглашение о рыболовстве.", art="r")]
    words = [d["word"] for d in distinctive(uk, ru, Counter(), same_language=False)]
    assert "агресія" in words and "підписати" not in words  # a cognate of 'подписало' is not stressed


def test_seeds_dossier_keeps_the_signing_whole(seeds: Path) -> None:
    from syuzhet import analyze

    analysis = analyze([str(seeds)])
    (story,) = analysis.stories
    top = story.facts[0]
    assert len(top.articles) == 5 and top.detail_of is None
    for fact in story.facts[:20]:  # no question, quotation, interview turn or fragment among the facts shown
        text = fact.text
        assert not text.rstrip("»\" ").endswith("?") and text[0] not in "«\"–—-" and not text[0].islower()
    assert any(f.detail_of == 0 and len(f.articles) == 2 for f in story.facts)  # the date two outlets give
    assert 5 <= len(story.summary) <= 8
    for spot in story.blind_spots:
        assert all(isinstance(x["fact"], int) for x in spot["only_here"] + spot["missing"])
    keys = [d for f in story.framing for d in f["distinctive"]]
    assert all(set(d) <= {"word", "count", "z"} for d in keys)  # words as written, no internal keys


def test_one_story_is_described_from_its_own_articles() -> None:
    from syuzhet.model import Story
    from syuzhet.stories.dossier import describe_story

    story = describe_story(Story("s", None, [a.id for a in SUMMIT]), list(SUMMIT), [], [])
    assert story.title in {a.title for a in SUMMIT} and len(story.facts[0].sources) == 3
    assert {b["name"] for b in story.blind_spots} <= {"A", "B", "C", "ru"}  # ru: A and B, against C in uk
    assert story.header["outlets"] == ["A", "B", "C"]


def test_an_article_of_its_own_has_no_blind_spots() -> None:
    analysis = Analysis(articles=[article("s1", "Заголовок\n\nМинистр Норвегии подписал соглашение о квотах на 12 лет.",
                                          outlet="A")])
    analysis.articles[0].blocks = [Block(0, 9, "title", "ru"), Block(11, len(analysis.articles[0].text))]
    cluster_stories(analysis)
    describe_stories(analysis)
    assert analysis.stories[0].blind_spots == []


def test_pronoun_adjectives_are_no_distinctive_words() -> None:
    """'который', 'этот' read as pronouns, not content words: framing never shows them as what an outlet stresses."""
    from syuzhet.stories.framing import sentence_terms

    s = Sentence("a", 0, 60, "Мост, который построили этой весной, закрыли.", "paragraph", "ru")
    s.words = _words(s.text, "ru")
    shown = {written for _, written in sentence_terms(s)}
    assert shown == {"Мост", "построили", "весной", "закрыли"}


def test_english_number_units_skip_names_and_function_words() -> None:
    s = sentence("Norway will invoke Article 4 after 19 Russian drones crossed, and 12 people were hurt.", "en")
    units = {value: unit for unit, value in s.values()}
    assert "4" not in units  # 'after' counts nothing
    assert units["19"] == sentence("drones", "en").words[0].key[:len(units["19"])]
    assert "12" in units


def test_header_names_who_several_articles_name() -> None:
    """In a story of three articles or more, a name only one article gives (a tagging slip, a passing
    mention) is not among who and where is involved."""
    members = [article(f"h{i}", "Министр прибыл в столицу.", outlet=f"O{i}") for i in range(3)]

    def named(name: str, kind: str, ids: list[str]) -> Entity:
        return Entity(f"{kind}-{name}", name, kind, [Mention(i, 0, 7, name, kind) for i in ids])

    entities = [named("Иван Петров", "PER", ["h0", "h1", "h2"]), named("Ошибка", "ORG", ["h1"]),
                named("Столица", "LOC", ["h0", "h2"]), named("Деревня", "LOC", ["h2"])]
    head = header("Министр прибыл", members, [], [], entities, [], {"ru": 3})
    assert [w["name"] for w in head["who"]] == ["Иван Петров"]
    assert [w["name"] for w in head["where"]] == ["Столица"]
    alone = header("Министр прибыл", members[:2], [], [], entities, [], {"ru": 2})
    assert [w["name"] for w in alone["who"]] == ["Иван Петров", "Ошибка"]  # two articles: every name shows


def test_a_number_is_one_detail_whatever_word_follows_it() -> None:
    """'52 политзаключенных' and '52 заключенных' give one value, 52, cited by both; 'Ан-24' gives none."""
    sents = [sentence("Власти освободили 52 политзаключенных.", art="a"),
             sentence("Власти освободили 52 заключенных на самолете Ан-24.", art="b"),
             sentence("Власти освободили заключенных на самолете Ан-24.", art="c")]
    outlet = {"a": "A", "b": "B", "c": "C"}
    fact = to_fact(sents[0], sents, outlet)
    assert [(d.value, d.articles) for d in details(fact, sents[0], sents, "ru", outlet)] == [
        ({"unit": "политз", "value": "52"}, ["a", "b"])]
