"""Kazakh names: capitalised-word rules (``caps``) with the Kazakh word lists (``caps_kk.txt``) and case endings
stripped by ``kk_morph`` ('Құлаевтың' -> 'Құлаев'). A mention spans the whole inflected word, like a Russian
one; its base form drops the ending. A name the gazetteer knows ('Канада') or that the text inflects further
('Ақорда' beside 'Ақордада') keeps its last letters."""

from __future__ import annotations

import functools
import re

from syuzhet.entities import kk_morph
from syuzhet.entities.caps import Grammar, Span, Splitter, lexicon, tag
from syuzhet.entities.gazetteer import known_type

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[-\u2010\u2011](?=[^\W_]))*", re.U)
_EPENTHETIC = ("ы", "і")


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
