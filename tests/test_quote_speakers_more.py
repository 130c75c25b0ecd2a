"""More speaker choices in Russian and Ukrainian, on made-up text: a subject inside found speech is no
antecedent (speaker_subject_outside_speech)."""

from __future__ import annotations

from syuzhet.model import Article, Block, Mention
from syuzhet.quotes import find_quotes
from syuzhet.quotes.lexicon import runs, switched_off


def _article(text: str, lang: str, names: list[str], orgs: list[str] | None = None) -> Article:
    blocks = [Block(0, len(text), "paragraph", lang)]
    article = Article(source="t", raw=text, id="t", lang=lang, text=text, blocks=blocks)
    article.mentions = []
    for kind, found in (("PER", names), ("ORG", orgs or [])):
        for name in found:
            at = text.index(name)
            article.mentions.append(Mention("t", at, at + len(name), name, kind, name.split()[-1].lower()))
    return article


def _speakers(article: Article) -> list[tuple[str | None, str]]:
    find_quotes(article)
    return [
        (article.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None, q.rules[-1])
        for q in article.quotes
    ]


RU_SPEECH = ("Об этом сообщил мэр Тридевятска Пётр Сидоров.\n"
             "- Только что начальник полиции Борис Иванов доложил мне о задержании подозреваемого. "
             "Следствие продолжается, – написал он.")


def test_subject_inside_dash_speech_is_no_antecedent_of_its_pronoun() -> None:
    assert runs("speaker_subject_outside_speech", "ru") and runs("speaker_subject_outside_speech", "uk")
    article = _article(RU_SPEECH, "ru", ["Пётр Сидоров", "Борис Иванов"])
    assert ("Пётр Сидоров", "speaker_pronoun_recent") in _speakers(article)
    with switched_off("speaker_subject_outside_speech"):
        article = _article(RU_SPEECH, "ru", ["Пётр Сидоров", "Борис Иванов"])
        assert ("Борис Иванов", "speaker_pronoun_recent") in _speakers(article)


def test_scorer_meets_a_latin_surname_and_its_cyrillic_gold() -> None:
    from syuzhet.eval.quote_score import speaker_matches
    from syuzhet.model import Quote

    text = "Директор фонду Alessandro Venturi зазначив, що акція триватиме тиждень."
    article = _article(text, "uk", ["Alessandro Venturi"])
    at = text.index("Alessandro")
    quote = Quote("t", None, "Alessandro Venturi", "indirect", "акція триватиме тиждень", text.index("акція"),
                  len(text) - 1, speaker_start=at, speaker_end=at + len("Alessandro Venturi"))
    assert speaker_matches(article, quote, "Алессандро Вентурі")
    assert not speaker_matches(article, quote, "Алессандро Мартіні")


RU_GROUP = ("Три авиакомпании — британская Skyline, ирландская Greenair и венгерская Danubia — подали жалобу в "
            "Комиссию Руритании. Авиакомпании считают, что забастовки нарушают их права.")


def test_plural_organisation_noun_goes_to_the_coordinated_group() -> None:
    assert runs("speaker_orgs_group", "ru") and runs("speaker_orgs_group", "uk")
    article = _article(RU_GROUP, "ru", [], ["Skyline", "Greenair", "Danubia", "Комиссию Руритании"])
    assert _speakers(article) == [("Danubia", "speaker_orgs_group")]
    with switched_off("speaker_orgs_group"):
        article = _article(RU_GROUP, "ru", [], ["Skyline", "Greenair", "Danubia", "Комиссию Руритании"])
        assert _speakers(article) == [(None, "speaker_orgs_unresolved")]


def test_organisations_named_apart_are_no_group() -> None:
    text = ("Skyline скасувала рейси. Уряд Руритании підтримав Greenair. "
            "Авіакомпанії вважають, що страйки порушують їхні права.")
    article = _article(text, "uk", [], ["Skyline", "Уряд Руритании", "Greenair"])
    assert _speakers(article) == [(None, "speaker_orgs_unresolved")]


UK_THEIR = ("Авіакомпанії Skyline, Greenair та Danubia подали скарги до Комісії Руританії. "
            "\"Пасажири позбавлені права вільно подорожувати\", - йдеться у їхній спільній заяві.")


def test_their_document_goes_to_the_coordinated_group() -> None:
    article = _article(UK_THEIR, "uk", [], ["Skyline", "Greenair", "Danubia", "Комісії Руританії"])
    assert _speakers(article) == [("Danubia", "speaker_orgs_group")]


RU_PAIR = ("Мэр Борис Иванов встретился с губернатором. И Пётр Сидоров, и Олег Кузнецов выступают против реформы. "
           "Они полагают, что налоги вырастут.")


def test_plural_pronoun_goes_to_the_coordinated_pair() -> None:
    names = ["Борис Иванов", "Пётр Сидоров", "Олег Кузнецов"]
    assert runs("speaker_persons_group", "ru") and runs("speaker_persons_group", "uk")
    assert _speakers(_article(RU_PAIR, "ru", names)) == [("Олег Кузнецов", "speaker_persons_group")]
    with switched_off("speaker_persons_group"):
        assert _speakers(_article(RU_PAIR, "ru", names)) == [(None, "speaker_pronoun_recent")]


def test_plural_pronoun_with_no_pair_before_it_stays_unresolved() -> None:
    text = "Пётр Сидоров встретился с Олегом Кузнецовым. Они полагают, что налоги вырастут."
    assert _speakers(_article(text, "ru", ["Пётр Сидоров", "Олегом Кузнецовым"])) == [(None, "speaker_pronoun_recent")]


RU_REPORT = ("Адвокат Пётр Сидоров рассказал журналистам, что Борис Иванов находится на допросе. "
             "Юрист также отметил, что обвинение пока не предъявлено.")


def test_subject_inside_another_reported_clause_is_no_antecedent() -> None:
    names = ["Пётр Сидоров", "Борис Иванов"]
    assert runs("speaker_subject_outside_report", "ru")
    assert _speakers(_article(RU_REPORT, "ru", names))[-1] == ("Пётр Сидоров", "speaker_role_recent")
    with switched_off("speaker_subject_outside_report"):
        assert _speakers(_article(RU_REPORT, "ru", names))[-1] == ("Борис Иванов", "speaker_role_recent")


def test_subject_of_its_own_reported_sentence_stays_the_antecedent() -> None:
    text = "Мэр Пётр Сидоров считает реформу важной. Об этом он заявил в интервью."
    assert _speakers(_article(text, "ru", ["Пётр Сидоров"])) == [("Пётр Сидоров", "speaker_pronoun_recent")]


UK_COORD = ("Прем'єр Руританії Петро Сидоренко заявив, що країна має інструменти для заборони будівництва, "
            "однак вважає, що питання будівництва має розглядатися на європейському рівні.")


def test_coordinated_speech_verb_keeps_the_speaker_of_its_clause() -> None:
    assert runs("speaker_coordinated_verb", "uk") and runs("speaker_coordinated_verb", "ru")
    speakers = _speakers(_article(UK_COORD, "uk", ["Петро Сидоренко"]))
    assert speakers[-1] == ("Петро Сидоренко", "speaker_coordinated_verb")
    with switched_off("speaker_coordinated_verb"):
        assert _speakers(_article(UK_COORD, "uk", ["Петро Сидоренко"]))[-1] == (None, "speaker_not_a_person")


def test_speech_verb_after_a_new_sentence_is_no_coordinated_predicate() -> None:
    text = ("Петро Сидоренко заявив, що країна має інструменти для заборони будівництва. "
            "Питання будівництва, однак, вважають складним.")
    assert all(rule != "speaker_coordinated_verb" for _, rule in _speakers(_article(text, "uk", ["Петро Сидоренко"])))


def test_name_inside_the_clause_before_is_no_subject_of_a_coordinated_verb() -> None:
    text = ("Министр Пётр Сидоров сообщил, что Борис Иванов сыграл большую роль в переговорах, а также назвал "
            "своего предшественника \"опытным политиком\".")
    speakers = _speakers(_article(text, "ru", ["Пётр Сидоров", "Борис Иванов"]))
    assert speakers[-1] == ("Пётр Сидоров", "speaker_coordinated_verb")


UK_HEAD = ("Іван Мельник звернувся до журналістки Руританії Ене Ло із проханням про допомогу. "
           "\"Допоможіть нам виїхати з країни\", - сказав він.")


def test_name_apposed_to_an_oblique_head_noun_is_no_antecedent() -> None:
    names = ["Іван Мельник", "Ене Ло"]
    assert runs("subject_not_after_oblique_head", "uk") and runs("subject_not_after_oblique_head", "ru")
    assert _speakers(_article(UK_HEAD, "uk", names))[-1] == ("Іван Мельник", "speaker_pronoun_recent")
    with switched_off("subject_not_after_oblique_head"):
        assert _speakers(_article(UK_HEAD, "uk", names))[-1] != ("Іван Мельник", "speaker_pronoun_recent")


UK_QUOTES = ("\"Ми плануємо вакцинувати мільйон людей до весни\", – цитує NEWS.RU Івана Мельника.")


def test_the_person_after_a_quoting_verb_speaks_not_the_medium() -> None:
    assert runs("speaker_quoted_object", "uk") and runs("speaker_quoted_object", "ru")
    assert _speakers(_article(UK_QUOTES, "uk", ["Івана Мельника"])) == [("Івана Мельника", "speaker_named")]
    with switched_off("speaker_quoted_object"):
        assert _speakers(_article(UK_QUOTES, "uk", ["Івана Мельника"]))[0][0] is None


UK_COMPOUND = ("На думку лікаря, вакцина поки не є рішенням.\n"
               "Про це повідомив лікар-інфекціоніст Іван Мельник в ефірі телеканалу.")


def test_a_compound_role_carries_its_parts() -> None:
    assert runs("compound_role", "uk") and runs("compound_role", "ru")
    first = _speakers(_article(UK_COMPOUND, "uk", ["Іван Мельник"]))[0]
    assert first == ("Іван Мельник", "speaker_role_attached_later")
    with switched_off("compound_role"):
        assert _speakers(_article(UK_COMPOUND, "uk", ["Іван Мельник"]))[0][0] is None
