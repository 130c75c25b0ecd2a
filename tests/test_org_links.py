"""Organisations across languages: language-independent keys (``org_keys``), the country kept in them, bare
names of a kind of body linked only inside their article, acronyms matched letter for letter, unique ids; and
the organisation-link scorer (``eval.org_links``)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from syuzhet.entities import link_entities
from syuzhet.entities.gazetteer import alias_of
from syuzhet.entities.org_keys import org_key
from syuzhet.eval.org_links import OrgMention, score
from syuzhet.model import Article, Block, Mention
from syuzhet.pipeline import Analysis

MFA_NAMES = [
    ("Министерство иностранных дел России", "ru"),
    ("МИД РФ", "ru"),
    ("Міністерство закордонних справ Росії", "uk"),
    ("Russian Foreign Ministry", "en"),
    ("Ministry of Foreign Affairs of the Russian Federation", "en"),
    ("Ресей Сыртқы істер министрлігі", "kk"),
]


@pytest.mark.parametrize("name,lang", MFA_NAMES)
def test_one_ministry_in_four_languages_has_one_key(name: str, lang: str) -> None:
    key = org_key(name, lang)
    assert key is not None
    assert key == org_key(*MFA_NAMES[0])
    assert key.generic and key.country


def test_the_country_stays_in_the_key() -> None:
    ours, theirs = org_key("МИД России", "ru"), org_key("Estonian Foreign Ministry", "en")
    assert ours is not None and theirs is not None
    assert ours.bag == theirs.bag and ours.key != theirs.key
    assert org_key("Конституционный суд Румынии", "ru") == org_key("Конституційний суд Румунії", "uk")
    assert org_key("National Police of Ukraine", "en") == org_key("Национальная полиция Украины", "ru")


def test_bare_kinds_of_body_and_plain_names() -> None:
    bare = org_key("Сыртқы істер министрлігі", "kk")
    assert bare is not None and bare.generic and not bare.country
    assert org_key("ЦИК", "ru") == org_key("Central Election Commission", "en") == org_key("ЦВК", "uk")
    assert org_key("Ромашкастрой", "ru") is None  # a plain proper name keeps its comparison key
    station = org_key("International Space Station", "en")
    assert station is not None and not station.generic  # common words, but no kind of state body
    assert station == org_key("Международная космическая станция", "ru")
    party = org_key("Партия зелёных огней", "ru")
    assert party is not None and not party.generic  # a head word with a proper core: links as it is
    assert org_key("Russian-Chinese Commission", "en") is None  # two countries: no one qualifier


def test_an_acronym_alias_matches_letter_for_letter() -> None:
    assert alias_of("UN", "en") == alias_of("ООН", "ru") != ""
    assert alias_of("UNN", "en") == ""
    assert alias_of("Верховна Рада", "uk") == alias_of("Верховная Рада", "ru") != ""


def _article(aid: str, lang: str, text: str, orgs: list[tuple[str, str]]) -> Article:
    article = Article(source=aid, raw=text, id=aid, lang=lang, text=text, blocks=[Block(0, len(text), lang)])
    at = 0
    for written, lemma in orgs:  # in the order the text writes them
        start = text.index(written, at)
        at = start + len(written)
        article.mentions.append(Mention(aid, start, start + len(written), written, "ORG", lemma))
    return article


def _ids(analysis: Analysis, aid: str, written: str) -> set[str]:
    return {e.id for e in analysis.entities for m in e.mentions if m.article == aid and m.text == written}


def test_linking_keeps_countries_apart_and_bare_names_in_their_article() -> None:
    arts = [
        _article("a", "ru", "МИД России выступил с заявлением. В МИД добавили детали.",
                 [("МИД России", "МИД России"), ("МИД", "МИД")]),
        _article("b", "en", "The Russian Foreign Ministry said it would reply.",
                 [("Russian Foreign Ministry", "Russian Foreign Ministry")]),
        _article("c", "en", "The Estonian Foreign Ministry summoned the envoy. The Foreign Ministry said so.",
                 [("Estonian Foreign Ministry", "Estonian Foreign Ministry"),
                  ("Foreign Ministry", "Foreign Ministry")]),
        _article("d", "en", "Officials at the Foreign Ministry declined to comment.",
                 [("Foreign Ministry", "Foreign Ministry")]),
        _article("e", "uk", "Міністерство закордонних справ Естонії викликало посла.",
                 [("Міністерство закордонних справ Естонії", "Міністерство закордонних справ Естонії")]),
    ]
    analysis = Analysis(articles=arts)
    link_entities(analysis)
    russia = _ids(analysis, "a", "МИД России")
    assert russia == _ids(analysis, "a", "МИД") == _ids(analysis, "b", "Russian Foreign Ministry")
    assert len(russia) == 1
    estonia = _ids(analysis, "c", "Estonian Foreign Ministry")
    assert estonia == _ids(analysis, "c", "Foreign Ministry")
    assert estonia == _ids(analysis, "e", "Міністерство закордонних справ Естонії")
    assert russia != estonia
    lone = _ids(analysis, "d", "Foreign Ministry")  # which country's? linked to neither
    assert len(lone) == 1 and lone != russia and lone != estonia
    assert len({e.id for e in analysis.entities}) == len(analysis.entities)


def test_two_bare_names_in_two_articles_and_two_countries_in_one_stay_apart() -> None:
    arts = [
        _article("a", "ru", "ЦИК объявил итоги.", [("ЦИК", "ЦИК")]),
        _article("b", "ru", "ЦИК объявил итоги.", [("ЦИК", "ЦИК")]),
        _article("c", "ru", "ЦИК Грузии и ЦИК Молдавии подписали меморандум. ЦИК отметил важность.",
                 [("ЦИК Грузии", "ЦИК Грузии"), ("ЦИК Молдавии", "ЦИК Молдавии"), ("ЦИК", "ЦИК")]),
    ]
    analysis = Analysis(articles=arts)
    link_entities(analysis)
    assert _ids(analysis, "a", "ЦИК") != _ids(analysis, "b", "ЦИК")
    assert _ids(analysis, "c", "ЦИК Грузии") != _ids(analysis, "c", "ЦИК Молдавии")
    bare = _ids(analysis, "c", "ЦИК")
    assert len(bare) == 1
    assert bare.isdisjoint(_ids(analysis, "c", "ЦИК Грузии") | _ids(analysis, "c", "ЦИК Молдавии"))
    assert len({e.id for e in analysis.entities}) == len(analysis.entities)  # ids unique, three of one name


def test_org_link_scorer_counts_pairs_within_and_across_languages() -> None:
    gold = [OrgMention("a", "ev", "ru", 0, 3, "МИД", "x", "design"),
            OrgMention("b", "ev", "en", 0, 3, "MFA", "x", "design"),
            OrgMention("c", "ev", "en", 0, 3, "MFA", "y", "design"),
            OrgMention("d", "ev", "en", 0, 3, "MFA", "y", "test")]
    pred = {0: "E1", 1: "E1", 2: "E1", 3: "E2"}
    out = score(gold, pred, "design")
    assert (out["cross gold"], out["cross tp"], out["cross fp"]) == (1, 1, 1)
    assert (out["within gold"], out["within tp"], out["within fp"]) == (0, 0, 1)
    everything = score(gold, pred, "all")
    assert everything["within gold"] == 1 and everything["within tp"] == 0


def test_an_organisation_with_its_country_has_one_id_in_any_language_and_batch() -> None:
    ru = Analysis(articles=[_article("a", "ru", "МИД России выступил с заявлением.", [("МИД России", "МИД России")])])
    en = Analysis(articles=[_article("b", "en", "The Russian Foreign Ministry said it would reply.",
                                     [("Russian Foreign Ministry", "Russian Foreign Ministry")])])
    link_entities(ru)
    link_entities(en)
    assert _ids(ru, "a", "МИД России") == _ids(en, "b", "Russian Foreign Ministry")
    bare = [Analysis(articles=[_article(aid, "ru", "В МИД добавили детали.", [("МИД", "МИД")])]) for aid in "cd"]
    for analysis in bare:
        link_entities(analysis)
    assert _ids(bare[0], "c", "МИД") != _ids(bare[1], "d", "МИД")  # two articles' bare names: two ids


def test_story_features_share_the_kind_of_a_bare_body_in_any_language() -> None:
    from syuzhet.stories.features import entity_spans, features

    arts = [_article("a", "ru", "ЦИК объявил итоги голосования.", [("ЦИК", "ЦИК")]),
            _article("b", "en", "The Central Election Commission announced the results.",
                     [("Central Election Commission", "Central Election Commission")]),
            _article("c", "ru", "ЦИК Грузии объявил итоги.", [("ЦИК Грузии", "ЦИК Грузии")])]
    analysis = Analysis(articles=arts)
    link_entities(analysis)
    spans = entity_spans(analysis.entities)
    keys = [{k for k in features(a, entities=spans.get(a.id, [])).counts if k.startswith("e:")} for a in arts]
    assert keys[0] == keys[1] == {"e:org:central commission election"}
    assert keys[2] and keys[2].isdisjoint(keys[0])  # a body with its country keeps its entity id
