"""Quotations and speakers: one table row per construction (ru and uk), non-speech quotes, an interview,
pronoun and role resolution, and the gold figures on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from syuzhet.model import Article, Block, Mention
from syuzhet.quotes import attribute_quotes, find_quotes
from syuzhet.quotes.marks import find_spans


def _article(text: str, lang: str = "ru", blocks: list[Block] | None = None) -> Article:
    paragraphs: list[Block] = []
    at = 0
    for part in text.split("\n\n"):
        paragraphs.append(Block(at, at + len(part), "paragraph", lang))
        at += len(part) + 2
    return Article(source="t", raw=text, id="t", lang=lang, text=text, blocks=blocks or paragraphs)


def _speaker(article: Article, index: int = 0) -> str | None:
    q = article.quotes[index]
    return article.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None


CONSTRUCTIONS = [
    # (language, text, kind, quoted words, speaker words at the attribution point, rule)
    (
        "ru",
        "«Мы закончим стройку к весне», — сказал Игорь Соколов.",
        "direct",
        "Мы закончим стройку к весне",
        "Игорь Соколов",
        "dash_after",
    ),
    (
        "ru",
        'Министр Игорь Соколов заявил: "Стройка закончится весной".',
        "direct",
        "Стройка закончится весной",
        "Игорь Соколов",
        "colon_before",
    ),
    (
        "ru",
        "Игорь Соколов отметил, что стройка закончится весной.",
        "indirect",
        "стройка закончится весной",
        "Игорь Соколов",
        "verb_that",
    ),
    (
        "ru",
        "Игорь Соколов отметил, что рабочие (около сорока человек) закончат стройку весной.",
        "indirect",
        "рабочие (около сорока человек) закончат стройку весной",
        "Игорь Соколов",
        "verb_that",
    ),
    (
        "ru",
        "По словам Игоря Соколова, стройка закончится весной.",
        "indirect",
        "стройка закончится весной",
        "Игоря Соколова",
        "source_clause",
    ),
    (
        "ru",
        "По мнению Игоря Соколова, новая дорога «станет главной в регионе».",
        "direct",
        "станет главной в регионе",
        "Игоря Соколова",
        "source_quoted",
    ),
    (
        "ru",
        "Как отметил глава района Игорь Соколов, стройка закончится весной.",
        "indirect",
        "стройка закончится весной",
        "Игорь Соколов",
        "as_verb",
    ),
    (
        "ru",
        "Стройка закончится весной, заявил Игорь Соколов журналистам.",
        "indirect",
        "Стройка закончится весной",
        "Игорь Соколов",
        "postposed",
    ),
    (
        "ru",
        "Игорь Соколов назвал это решение „самым важным за десять лет“.",
        "direct",
        "самым важным за десять лет",
        "Игорь Соколов",
        "verb_partial",
    ),
    (
        "uk",
        "«Ми завершимо будівництво навесні», — сказав Ігор Соколенко.",
        "direct",
        "Ми завершимо будівництво навесні",
        "Ігор Соколенко",
        "dash_after",
    ),
    (
        "uk",
        "Ігор Соколенко заявив, що будівництво завершать навесні.",
        "indirect",
        "будівництво завершать навесні",
        "Ігор Соколенко",
        "verb_that",
    ),
    (
        "uk",
        "За словами Ігоря Соколенка, будівництво завершать навесні.",
        "indirect",
        "будівництво завершать навесні",
        "Ігоря Соколенка",
        "source_clause",
    ),
    (
        "uk",
        "Як зазначив Ігор Соколенко, будівництво завершать навесні.",
        "indirect",
        "будівництво завершать навесні",
        "Ігор Соколенко",
        "as_verb",
    ),
    (
        "uk",
        "Ігор Соколенко сказав, що міст – «найважливіший проєкт області».",
        "direct",
        "найважливіший проєкт області",
        "Ігор Соколенко",
        "that_quoted",
    ),
    (
        "ru",
        "Президент Игорь Соколов назвал переговоры успешными.",
        "indirect",
        "переговоры успешными",
        "Игорь Соколов",
        "calls_it",
    ),
    (
        "uk",
        "Ігор Соколенко назвав візит історичним, а переговори – складними.",
        "indirect",
        "візит історичним",
        "Ігор Соколенко",
        "calls_it",
    ),
    (
        "ru",
        "Министр Игорь Соколов похвалил итоги, назвав главной причиной успеха работу команды.",
        "indirect",
        "главной причиной успеха работу команды",
        "Игорь Соколов",
        "calls_it",
    ),
]


@pytest.mark.parametrize(("lang", "text", "kind", "said", "who", "rule"), CONSTRUCTIONS)
def test_construction(lang: str, text: str, kind: str, said: str, who: str, rule: str) -> None:
    article = find_quotes(_article(text, lang))
    assert [(q.kind, q.text) for q in article.quotes] == [(kind, said)]
    q = article.quotes[0]
    assert q.speaker_text == who
    assert q.rules[0] == rule
    assert article.text[q.start : q.end] == q.text


NOT_SPEECH = [
    ("ru", "Станцию построит корпорация «Энергострой», сообщили в министерстве."),
    ("ru", "На концерте прозвучала песня «Степные дали»."),
    ("ru", "Санкции сняли с авиакомпании «Небесные линии», сообщил посол."),  # a compound of a listed head
    ("ru", "Проект связан с инициативой «Новый шёлковый путь» и программой «Цифровая экономика»."),
    ("ru", "Так называемая «дружба» между компаниями быстро закончилась."),
    ("uk", "Про це повідомляє служба «Голос Степу»."),
    ("uk", "Сторони підписали договір «Про дружбу та співпрацю» у 1992 році."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_SPEECH)
def test_not_speech(lang: str, text: str) -> None:
    quoted = {text[s.start : s.end] for s in find_spans(text)}
    article = find_quotes(_article(text, lang))
    assert not quoted & {q.text for q in article.quotes}


NOT_A_STATEMENT = [
    # naming, not characterising: passive, reflexive, impersonal, a given name, 'в честь', a negation
    ("ru", "Улицу назвали в честь героя войны."),
    ("ru", "Корабль был назван именем адмирала Нахимова."),
    ("ru", "Компания называется «Альфа» с прошлого года."),
    ("ru", "Его называют лучшим игроком сезона."),
    ("ru", "Игорь Соколов назвал сына Иваном."),
    ("ru", "Игорь Соколов назвал улицу именем своего деда."),
    ("ru", "Игорь Соколов не назвал переговоры успешными."),
    ("ru", "Игорь Соколов назвал имена победителей конкурса."),
    ("ru", "Министр Игорь Соколов встретился с Петровым, которого называют главным кандидатом."),
    ("uk", "Ігор Соколенко назвав вулицю на честь свого діда."),
    # a lost source: the words after 'Об этом сообщает' are the next sentence
    ("ru", "Завод закроют на ремонт до весны. Об этом сообщает Рабочие перекрывают дороги у завода."),
    # an object after a request verb is no speaker
    ("uk", "Чоловік засудженої християнки, яку суд виправдав, просить західні країни про надання притулку."),
    # the outlet pointing back to its own earlier report
    ("ru", "Как сообщало агентство «Новости», завод закроют на ремонт до весны."),
    # a topic, not a statement
    ("uk", "Про те, які вакцини надійдуть в Україну, розповів міністр Ігор Соколенко."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_A_STATEMENT)
def test_not_a_statement(lang: str, text: str) -> None:
    assert find_quotes(_article(text, lang)).quotes == []


ORG_SPEAKERS = [
    # (language, text, statement, speaker words at the attribution, the ORG mention it resolves to)
    (
        "ru",
        "«Переговоры прошли конструктивно», — говорится в заявлении МИД России.",
        "Переговоры прошли конструктивно",
        "заявлении МИД России",
        "МИД",
    ),
    (
        "uk",
        "«Переговори пройшли конструктивно», – йдеться у заяві МЗС.",
        "Переговори пройшли конструктивно",
        "заяві МЗС",
        "МЗС",
    ),
    ("ru", "Как сообщает ТАСС, визит пройдёт по плану.", "визит пройдёт по плану", "ТАСС", "ТАСС"),
    (
        "ru",
        "Учения на полигоне под Псковом завершены в срок, заявили в Минобороны.",
        "Учения на полигоне под Псковом завершены в срок",
        "Минобороны",
        "Минобороны",
    ),
    (
        "uk",
        "Візит відбудеться за планом, повідомили в Офісі президента.",
        "Візит відбудеться за планом",
        "Офісі президента",
        "Офісі",
    ),
    (  # a medium relaying a source: the source speaks
        "ru",
        "Забастовка затронет все рейсы компании, пишет «Интерфакс» со ссылкой на профсоюз пилотов «Крыло».",
        "Забастовка затронет все рейсы компании",
        "профсоюз пилотов «Крыло»",
        "Крыло",
    ),
    (  # an organisation noun resolves to the organisation the article named with it
        "ru",
        "Авиакомпания «Крыло» отменила рейсы. В компании заявили, что пассажирам вернут деньги.",
        "пассажирам вернут деньги",
        "компании",
        "Крыло",
    ),
]


@pytest.mark.parametrize(("lang", "text", "said", "who", "org"), ORG_SPEAKERS)
def test_organisation_speakers(lang: str, text: str, said: str, who: str, org: str) -> None:
    article = find_quotes(_article(text, lang))
    assert [q.text for q in article.quotes] == [said]
    assert article.quotes[0].speaker_text == who
    assert (_speaker(article) or "").startswith(org)
    assert any(r.startswith("speaker_org_") for r in article.quotes[0].rules)


def test_organisation_speaker_gets_the_entity_id() -> None:
    from syuzhet.model import Entity
    from syuzhet.pipeline import Analysis

    text = "Учения на полигоне под Псковом завершены в срок, заявили в Минобороны."
    article = find_quotes(_article(text))
    q = article.quotes[0]
    assert q.speaker_start is not None and q.speaker_end is not None
    mention = Mention("t", q.speaker_start, q.speaker_end, text[q.speaker_start : q.speaker_end], "ORG")
    analysis = Analysis(articles=[article], entities=[Entity("ORG-mod", "Минобороны", "ORG", [mention])])
    attribute_quotes(analysis)
    assert [x.speaker for x in analysis.quotes] == ["ORG-mod"]


def test_plural_organisation_noun_is_not_one_organisation() -> None:
    text = "Авиакомпания «Крыло» подала жалобу вместе с другими. Авиакомпании считают, что правила нарушены."
    article = find_quotes(_article(text))
    assert [(q.speaker_text, q.speaker_start) for q in article.quotes] == [("Авиакомпании", None)]


def test_this_was_said_covers_the_sentence_it_continues() -> None:
    text = (
        "Завод закроют на ремонт. Кроме того, сотрудников переведут на другие линии. "
        "Об этом сообщил директор Игорь Соколов."
    )
    article = find_quotes(_article(text))
    assert [q.text for q in article.quotes] == [
        "Завод закроют на ремонт. Кроме того, сотрудников переведут на другие линии"
    ]
    assert _speaker(article) == "Игорь Соколов"


def test_nested_quotes_stay_inside() -> None:
    text = "«Мы прошли путь от «дружбы» к союзу», — сказал Игорь Соколов."
    article = find_quotes(_article(text))
    assert [q.text for q in article.quotes] == ["Мы прошли путь от «дружбы» к союзу"]


def test_interrupted_quote_is_two_quotes() -> None:
    text = "«Стройка идёт по плану, — сказал Игорь Соколов, — и закончится весной»."
    article = find_quotes(_article(text))
    assert [q.text for q in article.quotes] == ["Стройка идёт по плану", "и закончится весной"]
    assert all(_speaker(article, i) == "Игорь Соколов" for i in range(2))


def test_pronoun_follows_the_last_speaker_not_the_nearest_name() -> None:
    text = (
        "Директор завода Игорь Соколов встретился с Мариной Петровой. "
        "«Мы запустим линию в мае», — сказал Соколов.\n\n"
        "Он отметил, что завод наймёт сто человек."
    )
    article = find_quotes(_article(text))
    assert [(q.speaker_text, _speaker(article, i)) for i, q in enumerate(article.quotes)] == [
        ("Соколов", "Игорь Соколов"),
        ("Он", "Игорь Соколов"),
    ]


def test_pronoun_gender_picks_the_woman() -> None:
    text = "Игорь Соколов и Марина Петрова провели встречу. «Решение будет принято до конца года», — сказала она."
    article = find_quotes(_article(text))
    assert _speaker(article) == "Марина Петрова"


def test_role_noun_resolves_to_the_person_it_was_attached_to() -> None:
    text = (
        "Об этом рассказал политолог Андрей Ветров, а министр Павел Орлов промолчал.\n\n"
        "«Выборы пройдут спокойно», — заключил политолог."
    )
    article = find_quotes(_article(text))
    direct = [i for i, q in enumerate(article.quotes) if q.kind == "direct"]
    assert [_speaker(article, i) for i in direct] == ["Андрей Ветров"]
    assert "speaker_role_attached" in article.quotes[direct[0]].rules


def test_ukrainian_pronoun_and_za_yoho_slovamy() -> None:
    text = (
        "Міністр Ігор Соколенко відвідав завод. «Лінію запустять у травні», — сказав Соколенко.\n\n"
        "Він заявив, що завод найме сто людей. За його словами, ремонт триватиме рік."
    )
    article = find_quotes(_article(text, "uk"))
    assert [(q.kind, q.speaker_text, _speaker(article, i)) for i, q in enumerate(article.quotes)] == [
        ("direct", "Соколенко", "Ігор Соколенко"),
        ("indirect", "Він", "Ігор Соколенко"),
        ("indirect", "його", "Ігор Соколенко"),
    ]


def test_headline_attribution() -> None:
    title = "Политолог Ветров: выборы пройдут спокойно"
    body = "Об этом рассказал политолог Андрей Ветров журналистам."
    text = f"{title}\n\n{body}"
    blocks = [Block(0, len(title), "title"), Block(len(title) + 2, len(text), "paragraph")]
    article = find_quotes(_article(text, blocks=blocks))
    head = article.quotes[0]
    assert (head.kind, head.text, head.rules[0]) == ("indirect", "выборы пройдут спокойно", "headline_colon")
    assert _speaker(article) == "Андрей Ветров"


def test_interview_answers_are_the_interviewees_questions_are_not() -> None:
    text = (
        "О планах на год мы поговорили с директором музея Анной Ковалёвой.\n\n"
        "– Анна, что Вы ждёте от нового сезона?\n\n"
        "– Мы откроем три выставки. Первая будет посвящена керамике.\n\n"
        "– Какие у Вас планы на лето?\n\n"
        "– Летом музей будет работать без выходных."
    )
    article = find_quotes(_article(text))
    assert [q.text for q in article.quotes] == [
        "Мы откроем три выставки. Первая будет посвящена керамике.",
        "Летом музей будет работать без выходных.",
    ]
    assert {_speaker(article, i) for i in range(2)} == {"Анной Ковалёвой"}


def test_mentions_from_the_entity_stage_are_used() -> None:
    text = "«Работы начнутся завтра», — сказал Зорин."
    article = _article(text)
    article.mentions = [Mention("t", text.index("Зорин"), text.index("Зорин") + 5, "Зорин", "PER", "зорин")]
    find_quotes(article)
    assert (article.quotes[0].speaker_start, article.quotes[0].speaker_end) == (text.index("Зорин"), len(text) - 1)


def test_attribute_quotes_sets_entity_ids() -> None:
    from syuzhet.model import Entity
    from syuzhet.pipeline import Analysis

    text = "«Работы начнутся завтра», — сказал Игорь Зорин."
    article = find_quotes(_article(text))
    q = article.quotes[0]
    assert q.speaker_start is not None and q.speaker_end is not None
    mention = Mention("t", q.speaker_start, q.speaker_end, text[q.speaker_start : q.speaker_end], "PER")
    analysis = Analysis(articles=[article], entities=[Entity("e1", "Игорь Зорин", "PER", [mention])])
    attribute_quotes(analysis)
    assert [x.speaker for x in analysis.quotes] == ["e1"]


def test_a_thing_that_cannot_speak_is_no_speaker() -> None:
    from syuzhet.model import Entity, Quote
    from syuzhet.pipeline import Analysis
    from syuzhet.quotes.attribute import is_thing

    text = "Orbital Station Alpha said that the crew was safe."
    article = _article(text, "en")
    article.quotes = [Quote("t", None, "Orbital Station Alpha", "indirect", "the crew was safe", 33, 50,
                            speaker_start=0, speaker_end=21)]
    mention = Mention("t", 0, 21, "Orbital Station Alpha", "ORG")
    analysis = Analysis(articles=[article], entities=[Entity("e1", "Orbital Station Alpha", "ORG", [mention])])
    attribute_quotes(analysis)
    q = analysis.quotes[0]
    assert (q.speaker, q.speaker_text, q.speaker_start, q.rules) == (None, None, None, ["speaker_a_thing"])
    assert is_thing("беспилотники") and is_thing("Космическая станция Заря")
    assert not is_thing("Nord Radio Station") and not is_thing("Amsterdam")  # a station that broadcasts speaks


def test_an_unresolved_pronoun_names_no_speaker() -> None:
    from syuzhet.model import Quote
    from syuzhet.pipeline import Analysis

    text = "Инженер Лев Орлов приехал утром. Он сказал, что работы начнутся завтра."
    article = _article(text)
    start = text.index("Лев Орлов")
    article.quotes = [Quote("t", None, "Он", "indirect", "работы начнутся завтра", 47, 69),  # nobody found
                      Quote("t", None, "он", "indirect", "работы начнутся завтра", 47, 69,  # a name, not linked
                            speaker_start=start, speaker_end=start + 9)]
    attribute_quotes(Analysis(articles=[article]))
    assert [(q.speaker, q.speaker_text) for q in article.quotes] == [(None, None), (None, "Лев Орлов")]
    assert all("speaker_pronoun_unresolved" in q.rules for q in article.quotes)


def test_seeds_gold_figures(seeds: Path) -> None:
    from syuzhet.eval import quotes

    score, _ = quotes.seeds(seeds.parents[1])
    assert score.recall >= 0.99  # measured 1.000 ('Токаєв називав ... однією з цілей' is found by calls_it)
    assert score.precision >= 0.77  # measured 0.775; the 9 unmatched are headline and media attributions and
    # 'Токаев назвал декларацию исторической' (real statements the gold does not list)
    assert score.speaker_accuracy >= 0.99  # measured 1.000
    assert score.not_quotes == 0


def test_a_text_cut_off_after_the_cue_gives_no_empty_quotation() -> None:
    text = "Министр заявил, что мост откроют.\n\nКак пишет газета Example со ссылкой на источники,"
    article = find_quotes(_article(text, "ru"))
    assert [(q.kind, q.text) for q in article.quotes] == [("indirect", "мост откроют")]
