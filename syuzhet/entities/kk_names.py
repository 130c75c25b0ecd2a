"""Kazakh names: capitalised-word rules (``caps``) with the Kazakh word lists (``caps_kk.txt``) and case endings
stripped by ``kk_morph`` ('Құлаевтың' -> 'Құлаев'). A mention spans the whole inflected word, like a Russian
one; its base form drops the ending. A name the gazetteer knows ('Канада') or that the text inflects further
('Ақорда' beside 'Ақордада') keeps its last letters."""

from __future__ import annotations

import functools
import re

from syuzhet.entities import kk_morph
from syuzhet.entities.caps import Grammar, Span, Splitter, lexicon, tag
from syuzhet.entities.gazetteer import alias_heads, alias_of, first_names, known_type
from syuzhet.entities.keys import name_key
from syuzhet.entities.shapes import is_caseless_surname

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[-\u2010\u2011](?=[^\W_]))*", re.U)
_EPENTHETIC = ("ы", "і")
CASELESS_MIN = 4  # letters of a name read in a caseless script ('Мен' is a place and the pronoun 'I')


def _splitter(attested: frozenset[str]) -> Splitter:
    def split(word: str) -> tuple[str, str, int]:
        if known_type(word, "kk"):
            return word, "", len(word)
        base, case = kk_morph.split_case(word, attested, possessed())
        return _known_form(base), case, len(word)

    return split


def _known_form(base: str) -> str:
    """A loanword Kazakh ends in a vowel before an ending ('Минскіге' -> 'Минскі'), as the gazetteer knows it
    ('Минск')."""
    if base.lower().endswith(_EPENTHETIC) and not known_type(base, "kk") and known_type(base[:-1], "kk"):
        return base[:-1]
    return base


@functools.cache
def possessed() -> frozenset[str]:
    """Possessive nouns of the word lists (heads, roles: 'министрлігі', 'Президенті') that take -на, -нда."""
    words = lexicon("kk")
    return frozenset(w for name in ("org_head", "loc_head", "role") for w in words.get(name, ()) if w[-1:] in "ыі")


def attested(text: str) -> frozenset[str]:
    """Words of ``text`` that other words of it extend by a case ending."""
    return kk_morph.attested_stems(_WORD.findall(text))


def grammar(text: str) -> Grammar:
    return Grammar("kk", _splitter(attested(text)), head_final=True, lower_heads=True, dictionary_places=True,
                   adjacent_names=True)


def base_form(text: str, context: str = "") -> str:
    """'Асан-Жомарт Құлаевтың' -> 'Асан-Жомарт Құлаев'; ``context`` is the text the mention is from."""
    words = text.split()
    if not words:
        return text
    last = words[-1]
    if not known_type(last, "kk"):
        last = _known_form(kk_morph.base_word(last, attested(context) if context else frozenset(), possessed()))
    return " ".join([*words[:-1], last])


def tag_kk(text: str) -> list[Span]:
    """PER/LOC/ORG spans over Kazakh ``text``."""
    return tag(text, grammar(text))


def caseless_name(word: str) -> str:
    """A Kazakh word of a script without capitals (Arabic letters), given in Cyrillic, read as a name when its
    shape or the lists say so (nothing else can): the canonical form of a place or organisation the gazetteer
    knows ('қазақстанда' -> 'Казахстан'), or the base form of a word shaped like a surname ('тоқаевтың' ->
    'тоқаев') or of a listed first name; '' when it reads as no name."""
    if len(word) < CASELESS_MIN:
        return ""
    base = kk_morph.base_word(word, possessed=possessed())
    for form in (word, base):
        if len(form) >= CASELESS_MIN and known_type(form, "kk"):
            return alias_heads().get(alias_of(form, "kk"), form)
    if len(base) >= CASELESS_MIN and (is_caseless_surname(base) or name_key(base, "kk") in first_names()):
        return base
    return ""
