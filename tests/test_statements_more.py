"""Views told from claims of fact by their build (``statements.view``) and page furniture (``statements.role``),
on made-up sentences."""

from __future__ import annotations

from syuzhet.model import Article, Block, Mention
from syuzhet.stories.statements import role, roles, view
from syuzhet.stories.text import Sentence, sentences


def _sentence(text: str, lang: str) -> Sentence:
    article = Article(source="a1", raw=text, id="a1", lang=lang, text=text, blocks=[Block(0, len(text))])
    return sentences(article)[0]


def test_copula_without_a_verb_is_a_view() -> None:
    for text, lang in (("Новые правила для фермеров – это ответ критикам из соседних областей.", "ru"),
                       ("Нова програма для фермерів — це відповідь критикам із сусідніх областей.", "uk")):
        assert view(_sentence(text, lang)) == "copula_view", text


def test_copula_after_a_verb_is_not() -> None:
    assert view(_sentence("Мэр заявил, что новый мост – это главный проект года в городе.", "ru")) != "copula_view"


def test_modal_explanation_is_a_view() -> None:
    text = "Осторожность губернатора можно объяснить желанием сохранить хорошие отношения с соседями."
    assert view(_sentence(text, "ru")) == "modal_view"
    assert view(_sentence("The drop in sales may be explained by the cold spring in the north.", "en")) == "modal_view"


def test_arguing_opener_and_evidence_are_views() -> None:
    assert view(_sentence("Ведь новая плотина стоит дороже старой на треть.", "ru")) == "arguing_opener"
    text = "Открытие моста стало доказательством того, что область умеет строить быстро."
    assert view(_sentence(text, "ru")) == "evidence_of"


def test_claims_of_fact_are_not_views() -> None:
    for text, lang in (("Губернатор открыл новый мост через реку 12 мая.", "ru"),
                       ("Після того, як річка вийшла з берегів, евакуювали 300 людей.", "uk"),
                       ("The council approved the new budget on Tuesday.", "en")):
        assert view(_sentence(text, lang)) == "", text


def test_page_furniture_is_a_fragment() -> None:
    for text, lang, rule in (("Sources used: Daily Example, Morning Herald, Evening Post", "en", "furniture_label"),
                             ("Читайте также: В области открыли новый мост через реку", "ru", "furniture_label"),
                             ("By Jane Doe and Wire Services", "en", "byline"),
                             ("John SmithHead of the council of the northern province", "en", "glued_caption")):
        assert role(_sentence(text, lang), [], []) == ("fragment", rule), text


def test_list_lines_and_brands_are_not_furniture() -> None:
    for text, lang in (("Лучший фильм года: «Северная река» режиссёра Ивана Петрова.", "ru"),
                       ("By October, the rate had climbed to 21% in the northern province.", "en"),
                       ("The company sold its PlayStation unit to a rival in May.", "en")):
        assert role(_sentence(text, lang), [], [])[0] != "fragment", text


def _roles_of(text: str, lang: str, person: str) -> list[tuple[str, str]]:
    at = text.find(person)
    article = Article(source="a2", raw=text, id="a2", lang=lang, text=text, blocks=[Block(0, len(text))],
                      mentions=[Mention("a2", at, at + len(person), person, "PER")])
    return list(roles(article, sentences(article), {}).values())


def test_a_named_person_speaking_is_a_quote() -> None:
    assert _roles_of("The regional minister John Smith said on Monday that prices would fall by spring.", "en",
                     "John Smith") == [("quote", "person_speaks")]
    assert _roles_of("Губернатор Иван Петров заявил во вторник, что мост откроют к лету.", "ru",
                     "Иван Петров") == [("quote", "person_speaks")]


def test_a_named_person_acted_upon_or_acting_is_a_fact() -> None:
    assert _roles_of("Иван Петров обвинён в получении взятки в особо крупном размере.", "ru",
                     "Иван Петров")[0][0] == "fact"
    assert _roles_of("Иван Петров открыл новый мост через реку в среду.", "ru", "Иван Петров")[0][0] == "fact"
