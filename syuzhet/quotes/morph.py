"""Words with offsets, and the little morphology the rules need (lemma, case, gender) via pymorphy3.

Analysers load once per process; answers are cached per word form."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from syuzhet.morph import parses

# Word-keyed caches are bounded: a corpus of millions of articles has millions of distinct words.
_per_word = lru_cache(maxsize=200_000)

WORD = re.compile(r"[^\W\d_](?:[\w’ʼ'-]*\w)?|\d+")
GENDERS = ("masc", "femn", "neut", "plur")
CASES = {"nomn", "gent", "gen1", "gen2", "datv", "accs", "acc2", "ablt", "loct", "loc1", "loc2", "voct"}


class Word(NamedTuple):
    text: str
    start: int
    end: int


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


@_per_word
def _parses(word: str, lang: str) -> tuple[Any, ...]:
    if lang not in ("ru", "uk"):
        return ()
    return parses(word.replace("’", "'").replace("ʼ", "'"), lang)[:4]


@_per_word
def lemma(word: str, lang: str) -> str:
    parses = _parses(word, lang)
    return str(parses[0].normal_form) if parses else word.lower()


@_per_word
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma among the likely parses ('Кулаева' is a female name or the genitive of 'Кулаев')."""
    return frozenset(str(p.normal_form) for p in _parses(word, lang)) | {word.lower()}


_SURNAME = re.compile(r"^(.+(?:ов|ев|ёв|єв|ин|ін|ын|ский|цкий|ськ|цьк))(а|у|ым|им|ом|ою|ой|е|ої|ій|ові|ими|ых|их)?$")


def _surname_guess(word: str) -> tuple[str, frozenset[str]] | None:
    """Slavic surnames pymorphy3 does not know ('Кулаев', 'Кулаевым'): base form and nominative genders."""
    m = _SURNAME.match(word.lower())
    if not m:
        return None
    if m.group(2) is None:
        return m.group(1), frozenset({"masc"})
    return m.group(1), frozenset({"femn"}) if m.group(2) == "а" else frozenset()


def _knows_name(word: str, lang: str) -> bool:
    return any({"Surn", "Name", "Patr"} & _grammemes(p) for p in _parses(word, lang))


@_per_word
def name_lemma(word: str, lang: str, surname: bool = False) -> str:
    """A person-name word in its base form, preferring name and surname parses (surname ones first when
    ``surname``: 'Кулаева' is then 'кулаев', not the female first name 'кулаева')."""
    order = ("Surn", "Name", "Patr") if surname else ("Name", "Surn", "Patr")
    if word[:1].isupper() and not _knows_name(word, lang):
        guess = _surname_guess(word)
        return guess[0] if guess else word.lower()
    if surname and any({"Surn", "nomn", "masc"} <= _grammemes(p) for p in _parses(word, lang)):
        return word.lower()  # a nominative masculine surname is its own base form
    for wanted in order:
        for parse in _parses(word, lang):
            if wanted in _grammemes(parse):
                return str(parse.normal_form)
    return lemma(word, lang)


def _grammemes(parse: Any) -> set[str]:
    return set(str(parse.tag).replace(" ", ",").split(","))


@_per_word
def can_be_nominative(word: str, lang: str) -> bool:
    parses = _parses(word, lang)
    if not parses:
        return True
    return any("nomn" in g or "Fixd" in g or not g & CASES for g in map(_grammemes, parses))


@_per_word
def pos(word: str, lang: str) -> str:
    parses = _parses(word, lang)
    return str(parses[0].tag.POS) if parses else ""


@_per_word
def readings(word: str, lang: str) -> tuple[frozenset[str], ...]:
    """The grammemes of each likely parse ('успешными' -> ({'ADJF', 'plur', 'ablt', ...},))."""
    return tuple(frozenset(_grammemes(p)) for p in _parses(word, lang))


@_per_word
def verb_gender(word: str, lang: str) -> str | None:
    """masc / femn / neut / plur of a past-tense verb ('отметила' -> femn), else None."""
    for parse in _parses(word, lang):
        tags = _grammemes(parse)
        if "VERB" in tags or "PRTS" in tags:
            if "plur" in tags:
                return "plur"
            return next((g for g in GENDERS if g in tags), None)
    return None


@_per_word
def name_gender(word: str, lang: str) -> str | None:
    """masc / femn of a first name or surname ('Тереза' -> femn, 'Ларионов' -> masc), else None."""
    for parse in _parses(word, lang):
        tags = _grammemes(parse)
        if ("Name" in tags or "Surn" in tags) and "ms-f" not in tags:
            return next((g for g in ("masc", "femn") if g in tags), None)
    return None


def agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == "any" or b == "any" or a == b


@_per_word
def nominative_genders(word: str, lang: str) -> frozenset[str]:
    """Genders of the nominative readings of a word ('Путина': femn only; 'Гончаренко': masc and femn)."""
    if word[:1].isupper() and not _knows_name(word, lang):
        guess = _surname_guess(word)
        return guess[1] if guess else frozenset({"masc", "femn"})
    found: set[str] = set()
    for parse in _parses(word, lang):
        tags = _grammemes(parse)
        if "nomn" in tags or "Fixd" in tags or not tags & CASES:  # (pymorphy3-uk: some parses have no case)
            if "plur" in tags:
                found.add("plur")
            elif "ms-f" in tags or "Fixd" in tags:
                found |= {"masc", "femn"}
            else:
                found |= {g for g in GENDERS if g in tags} or {"masc", "femn"}
    return frozenset(found)


@_per_word
def is_finite_report(word: str, lang: str) -> bool:
    """False for infinitives and first person ('Стоит отметить', 'Напомним'): the journalist's own voice."""
    parses = _parses(word, lang)
    if not parses:
        return True
    tags = _grammemes(parses[0])
    return not tags & {"INFN", "1per", "2per", "impr", "PRTF"}  # 'так называемая «дружба»' is no report either


def known_name(word: str, lang: str) -> bool:
    """A word pymorphy3 reads as a first name or surname, or does not know at all."""
    parses = _parses(word, lang)
    if not parses or not any(p.is_known for p in parses):
        return True
    return any({"Name", "Surn", "Patr"} & _grammemes(p) for p in parses)


def first_name(word: str, lang: str) -> bool:
    return any("Name" in _grammemes(p) for p in _parses(word, lang))
