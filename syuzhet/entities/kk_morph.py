"""Kazakh base forms: case endings stripped from a name's last word (``kk_suffixes.txt``).

Kazakh is agglutinative and declines a noun phrase on its last word only: 'Асан-Жомарт Құлаевтың' is the
genitive of 'Асан-Жомарт Құлаев', 'Сыртқы істер министрлігіне' the dative of 'Сыртқы істер министрлігі'. An
ending is stripped only where Kazakh would write it: the stem must end in the sound the ending follows
(-ның after a vowel or nasal, -тың after a voiceless consonant...), keep three letters, and agree in vowel
harmony when it is a native word (one with ә ө ү ұ ы і; Russian-spelt names take either row). The
3rd-person possessive (-ы/-і/-сы/-сі, 'министрлігі', 'Президенті') belongs to the base form and stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from syuzhet.entities.lemma import data_lines

MIN_STEM = 3
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әеөүіэ")
_NATIVE = frozenset("әөүұыі")  # a stem with these follows Kazakh vowel harmony strictly
_CLASSES = {
    "vowel": frozenset("аәеёоөұүыіэяиую"),
    "voiced": frozenset("лрзжйиую"),
    "nasal": frozenset("мнң"),
    "voiceless": frozenset("бвгғдкқпстфхһцчшщ"),
}
_HYPHENS = re.compile(r"[-\u2010\u2011]")


@dataclass(frozen=True)
class Ending:
    text: str
    case: str
    after: frozenset[str]
    harmony: str


@functools.cache
def endings() -> tuple[Ending, ...]:
    """The case endings of ``kk_suffixes.txt``, longest first."""
    out = []
    for line in data_lines("kk_suffixes"):
        text, case, after, harmony = line.split()
        out.append(Ending(text.lower(), case, frozenset(after.split(",")), harmony))
    return tuple(sorted(out, key=lambda e: -len(e.text)))


@functools.cache
def _by_text() -> dict[str, Ending]:
    return {e.text: e for e in endings()}


def _stem_class_ok(stem: str, after: frozenset[str], possessed: Iterable[str]) -> bool:
    last = stem.rstrip("ьъ")[-1:]  # 'Кремльде': the soft sign takes the class of the letter before it
    if "any" in after:
        return True
    if "poss" in after and stem in possessed:
        return True
    return any(last in _CLASSES.get(kind, frozenset()) for kind in after)


def _row(stem: str) -> str:
    """'back', 'front' or 'any': the vowel row a suffix after ``stem`` must have."""
    vowels = [(i, c) for i, c in enumerate(stem) if c in _VOWELS]
    if not vowels:
        return "any"
    i, last = vowels[-1]
    if last == "е" and i > 0 and stem[i - 1] in _VOWELS:  # 'Құлаев': -ев after a vowel is [йе], the row is before
        last = stem[i - 1]
    if last in _BACK:
        return "back"
    return "front" if last in _FRONT else "any"


def _harmony_ok(stem: str, harmony: str) -> bool:
    if harmony == "any" or not _NATIVE & set(stem):
        return True
    row = _row(stem)
    return row in ("any", harmony)


def split_case(word: str, attested: Iterable[str] = (), possessed: Iterable[str] = ()) -> tuple[str, str]:
    """(base, case) of one Kazakh word: 'Құлаевтың' -> ('Құлаев', 'gen'), 'НАТО-ға' -> ('НАТО', 'dat'),
    'Астана' -> ('Астана', ''). A word in ``attested`` (lower case: other words of the text took an ending
    after it, or the gazetteer knows it) is its own base form. The endings of a possessive noun (-на, -нда:
    'министрлігіне') are stripped only from the words in ``possessed`` (lower case: 'министрлігі'), so that
    'Қазына' stays whole."""
    parts = _HYPHENS.split(word)
    if len(parts) > 1 and parts[-1].lower() in _by_text():
        return word[: len(word) - len(parts[-1]) - 1], _by_text()[parts[-1].lower()].case
    low = word.lower()
    if low in attested:
        return word, ""
    for ending in endings():
        if not low.endswith(ending.text):
            continue
        stem = low[: -len(ending.text)]
        letters = [c for c in stem.split("-")[-1] if c.isalpha()]
        if len(letters) < MIN_STEM or not _VOWELS & set(letters):
            continue
        if _stem_class_ok(stem, ending.after, possessed) and _harmony_ok(stem, ending.harmony):
            return word[: len(stem)], ending.case
    return word, ""


def base_word(word: str, attested: Iterable[str] = (), possessed: Iterable[str] = ()) -> str:
    return split_case(word, attested, possessed)[0]


def attested_stems(words: Iterable[str]) -> frozenset[str]:
    """Lower-cased words that other words of the same text extend by an ending: with 'Ақорда' and 'Ақордада'
    both in a text, 'Ақорда' is a base form (not 'Ақор' + locative)."""
    seen = {w.lower() for w in words}
    out = set()
    for w in seen:
        for ending in endings():
            if w.endswith(ending.text) and w[: -len(ending.text)] in seen:
                out.add(w[: -len(ending.text)])
    return frozenset(out)
