"""Per-language word lists of the quote rules, read from ``syuzhet/data/quotes/{lang}_*.txt``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import cache

from syuzhet.data import lines

LANGS = ("ru", "uk", "en", "kk")
MIN_SCRIPT_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    verbs: frozenset[str]  # speech verbs (lemmas or forms)
    impersonal: frozenset[str]  # 'отмечается', 'йдеться', 'говорится'
    sources: tuple[str, ...]  # 'по словам', 'за словами', longest first
    roles: frozenset[str]  # 'политолог', 'собеседник', 'міністр'
    pronouns: dict[str, str]  # form -> masc | femn | plur | any
    nominative: frozenset[str]  # pronoun forms that can be a verb's subject ('он', 'ол'; not 'его')
    named_heads: frozenset[str]  # 'корпорация', 'песня': a quote right after one is a name
    calls: frozenset[str] = frozenset()  # 'назвал', 'називав': forms of 'call X Y' (a characterisation)
    name_nouns: frozenset[str] = frozenset()  # 'имя', 'честь': 'назвать X именем / в честь' is naming
    org_nouns: frozenset[str] = frozenset()  # 'компания', 'пресс-служба', 'уряд': an organisation speaking
    documents: frozenset[str] = frozenset()  # 'заявление', 'доповідь': a document speaking for its author
    continuations: tuple[str, ...] = ()  # 'кроме того', 'також': a sentence adding to the one before
    topics: tuple[str, ...] = ()  # 'об этом', 'про те': a clause that names a topic, not a statement
    relays: tuple[str, ...] = ()  # 'со ссылкой на': a medium passing on what a source said
    back_references: frozenset[str] = frozenset()  # 'сообщать': 'Как сообщало агентство' points to a past report
    openers: tuple[str, ...] = ()  # 'об этом', 'this was': a sentence attributing the one before it


def lexicon_lang(lang: str, text: str = "") -> str:
    """The word lists used for an article language: unknown text is mostly Russian here, except Kazakh in
    Arabic or Latin script, which language detection takes for Arabic or Turkish (``kk_script_letters.txt``)."""
    if lang in LANGS:
        return lang
    letters = frozenset("".join(lines("quotes/kk_script_letters")))
    return "kk" if sum(ch in letters for ch in text[:2000]) >= MIN_SCRIPT_LETTERS else "ru"


@cache
def lexicon(lang: str) -> Lexicon:
    lang = lexicon_lang(lang)

    def words(kind: str) -> tuple[str, ...]:
        return lines(f"quotes/{lang}_{kind}")

    pronouns = dict(line.split()[:2] for line in words("pronouns"))
    return Lexicon(
        lang=lang,
        verbs=frozenset(words("verbs")),
        impersonal=frozenset(words("impersonal")),
        sources=tuple(sorted(words("sources"), key=len, reverse=True)),
        roles=frozenset(words("roles")),
        pronouns=pronouns,
        nominative=frozenset(line.split()[0] for line in words("pronouns") if line.split()[2:3] == ["nom"]),
        named_heads=frozenset(words("named_heads")),
        calls=frozenset(words("calls")),
        name_nouns=frozenset(words("name_nouns")),
        org_nouns=frozenset(words("org_nouns")),
        documents=frozenset(words("documents")),
        continuations=words("continuations"),
        back_references=frozenset(words("back_references")),
        topics=words("topics"),
        relays=tuple(sorted(words("relays"), key=len, reverse=True)),
        openers=tuple(sorted(words("this"), key=len, reverse=True)),
    )


@cache
def rule_langs() -> dict[str, frozenset[str]]:
    """``data/quotes/rule_langs.txt``: the languages a rule runs in, as its fold-wise figures decided (a rule
    not listed runs in every language)."""
    table = {}
    for line in lines("quotes/rule_langs"):
        rule, *langs = line.split()
        table[rule] = frozenset(langs)
    return table


_SWITCHED_OFF: set[str] = set()  # rules an evaluation turns off to measure what they bring
_SWITCHED_ON: set[str] = set()  # rules an evaluation turns on in every language (``--try``), off ones included


def runs(rule: str, lang: str) -> bool:
    """Whether a rule runs for articles of this lexicon language."""
    if rule in _SWITCHED_OFF:
        return False
    if rule in _SWITCHED_ON:
        return True
    langs = rule_langs().get(rule)
    return langs is None or lang in langs


@contextmanager
def _switched(switches: set[str], rules: tuple[str, ...]) -> Iterator[None]:
    before = set(switches)
    switches.update(rules)
    try:
        yield
    finally:
        switches.clear()
        switches.update(before)


def switched_off(*rules: str) -> AbstractContextManager[None]:
    """Run with these rules off (``python -m syuzhet.eval quotes --ablate``)."""
    return _switched(_SWITCHED_OFF, rules)


def switched_on(*rules: str) -> AbstractContextManager[None]:
    """Run with these rules on in every language (``python -m syuzhet.eval quotes --try``)."""
    return _switched(_SWITCHED_ON, rules)
