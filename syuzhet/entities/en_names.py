"""English names: capitalised-word rules (``caps``) with the English word lists (``caps_en.txt``).

The possessive "'s" is not part of a name: "Kulayev's" is the mention 'Kulayev', and ends the name.
"""

from __future__ import annotations

import functools
import re

from syuzhet.entities.caps import Grammar, Span, tag

POSSESSIVE = ("'s", "’s", "ʼs")
_CONTRACTION = re.compile(r"(?i)(?<=[a-z])['’ʼ](?:re|ll|ve|d|m)$|n['’ʼ]t$")


def split(word: str) -> tuple[str, str, int]:
    """(base, case, letters kept in the mention): "Russia's" -> ('Russia', 'poss', 6); "We're" -> ('We', ...)."""
    contraction = _CONTRACTION.search(word)
    if contraction:
        base = word[: contraction.start()]
        return base, "contraction", len(base)
    for ending in POSSESSIVE:
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)]
            return base, "poss", len(base)
    return word, "", len(word)


def base_form(text: str) -> str:
    """A mention's base form: without a possessive ending."""
    words = text.split()
    return " ".join([*words[:-1], split(words[-1])[0]]) if words else text


@functools.cache
def grammar() -> Grammar:
    return Grammar("en", split, head_final=False, lower_heads=False)


def tag_en(text: str) -> list[Span]:
    """PER/LOC/ORG/EVT spans over English ``text``."""
    return tag(text, grammar())
