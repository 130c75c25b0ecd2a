"""One pymorphy3 analyser per language and process, shared by entities, quotes and stories (each loads its
dictionaries once, not once per module), and one cache of its readings per word form: the NER clean-up, event
names, lemmas, quotes and the story words ask about the same words, and each used to analyse them afresh."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from syuzhet.extras import require


@cache
def analyzer(lang: str) -> Any:
    """The analyser for 'uk', else Russian."""
    require("nlp", "morphology and the stages using it")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")


# Bounded: a corpus of millions of articles has millions of distinct word forms (SlavicNER ru+uk: 43k).
@lru_cache(maxsize=100_000)
def _readings(word: str, lang: str) -> tuple[Any, ...]:
    return tuple(analyzer(lang).parse(word))


def parses(word: str, lang: str) -> tuple[Any, ...]:
    """``analyzer(lang).parse(word)`` (word as given: pymorphy3 reads its case), cached per word form."""
    return _readings(word, "uk" if lang == "uk" else "ru")
