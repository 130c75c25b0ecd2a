"""Language-independent keys of organisation names (``org_words.txt``).

An organisation's name is read word by word: a country or place in it ('России', 'of Ukraine', 'Estonian')
is set apart as its qualifier; the other words go through the morphological dictionary (Russian, Ukrainian),
Kazakh case endings or nothing (English) to a base form and through ``[words]`` to a concept ('министерство',
'міністерство', 'министрлігі', 'ministry' -> ministry); words no table knows stay as their comparison key
(``keys.name_key``: the transliteration of the name's core). The sorted concepts are the name's bag, and a
short name ('МИД', 'Foreign Ministry') stands for its bag per ``[names]``. So 'Министерство иностранных дел
России', 'МИД РФ', 'Russian Foreign Ministry', 'Ministry of Foreign Affairs of the Russian Federation' and
'Ресей Сыртқы істер министрлігі' share the key 'affairs foreign ministry@россия'.

A bag of common words only, a state body's head word among them ('Foreign Ministry', 'ЦИК', 'Parliament'),
names a kind of body: ``OrgKey.generic``; the linker links it across articles only when a country is stated.
'International Space Station' is common words too but no kind of state body: it links as it is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from syuzhet.entities.gazetteer import alias_of, forms_of, known_type
from syuzhet.entities.keys import guess_lang, name_key
from syuzhet.entities.lemma import data_lines, function_words
from syuzhet.morph import parses as morph_parses

_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014/]+")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$|(?<=\w)['’]s$", re.U)
_PROPER = "~"  # marks a word no table knows


@dataclass(frozen=True)
class OrgKey:
    bag: str  # sorted concepts, space-separated
    country: str  # key of the country or place in the name, '' when none is stated
    generic: bool  # common words with a head word: the name says which kind of body, not which one

    @property
    def key(self) -> str:
        return f"org:{self.bag}@{self.country}"


@functools.cache
def _sections() -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    section = ""
    for line in data_lines("org_words"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, []).append(forms_of(line))
    return out


@functools.cache
def _words() -> dict[str, str]:
    """Comparison key of a word form -> its concept."""
    out: dict[str, str] = {}
    for forms in _sections().get("words", []):
        for form in forms:
            out.setdefault(name_key(form.lstrip("*"), ""), forms[0].lstrip("*"))
    return out


@functools.cache
def _heads() -> frozenset[str]:
    """Concepts that are the head word of a state body ('*' in ``[words]``)."""
    return frozenset(forms[0][1:] for forms in _sections().get("words", []) if forms[0].startswith("*"))


@functools.cache
def _countries() -> dict[str, str]:
    """Comparison key of a country's name or adjective -> the country's key."""
    out: dict[str, str] = {}
    for forms in _sections().get("countries", []):
        country = alias_of(forms[0], "ru") or name_key(forms[0], "ru")
        for form in forms:
            out.setdefault(name_key(form, ""), country)
    return out


@functools.cache
def _names() -> dict[str, str]:
    """Bag of a short name -> the bag it stands for."""
    out: dict[str, str] = {}
    for forms in _sections().get("names", []):
        bag = " ".join(sorted(forms[0].split()))
        for form in forms[1:]:
            short = _bag([_concept(w, "") for w in _words_of(form)])
            out.setdefault(short, bag)
    return out


def _words_of(name: str) -> list[str]:
    return [w for w in (_EDGE.sub("", w) for w in _SPLIT.split(name.replace("’", "'"))) if w]


def _bases(word: str, lang: str) -> list[str]:
    """The word and its base forms: dictionary normal forms (Russian, Ukrainian), Kazakh without endings."""
    out = [word.lower()]
    if lang in ("ru", "uk"):
        out += [p.normal_form for p in morph_parses(word.lower(), lang)[:2]]
    elif lang == "kk":
        from syuzhet.entities.kk_morph import base_word

        out.append(base_word(word.lower()))
    return list(dict.fromkeys(out))


def _concept(word: str, lang: str) -> str:
    lang = lang if lang in ("ru", "uk", "kk") and guess_lang(word) != "en" else guess_lang(word)
    for base in _bases(word, lang):
        found = _words().get(name_key(base, lang))
        if found:
            return found
    return _PROPER + name_key(word, lang, fold_doubles=False)


def _bag(concepts: list[str]) -> str:
    return " ".join(sorted(c for c in concepts if c))


def _country(words: list[str], lang: str) -> str:
    """Key of the country or place ``words`` name, else ''."""
    text = " ".join(words)
    if known_type(text, lang) == "LOC":
        return alias_of(text, lang)
    if len(words) > 1:
        return ""
    for base in _bases(words[0], lang):
        key = name_key(base, lang)
        if key in _countries():
            return _countries()[key]
        if known_type(base, lang) == "LOC":
            return alias_of(base, lang)
    return ""


@functools.lru_cache(maxsize=50_000)
def org_key(name: str, lang: str = "") -> OrgKey | None:
    """The language-independent key of an organisation's name (its base form), or None when the name has no
    common word of ``[words]``/``[names]`` (a plain proper name: 'Росатом' keeps its comparison key)."""
    lang = lang or guess_lang(name)
    words = _words_of(name)
    if not words:
        return None
    countries: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            piece = words[i : i + n]
            if len(piece) == n and (country := _country(piece, lang)):
                countries.append(country)
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    if len(set(countries)) > 1:
        return None  # 'Russian-Ukrainian commission': two countries, no one qualifier
    skip = function_words()
    concepts = [_concept(w, lang) for w in rest if w.lower() not in skip]
    if not concepts:
        return None
    bag = _bag(concepts)
    bag = _names().get(bag, bag)
    if all(c.startswith(_PROPER) for c in bag.split()):
        return None
    concepts = bag.split()
    generic = not any(c.startswith(_PROPER) for c in concepts) and any(c in _heads() for c in concepts)
    return OrgKey(bag, countries[0] if countries else "", generic)
