"""Comparison keys of names across scripts and languages (``translit.txt``), and script guesses.

The comparison key of a name: lower case, Ukrainian/Kazakh letters to their Russian correspondences, Latin to
Cyrillic (longest match first, diacritics dropped), then the letters Russian spelling varies on folded
(ы/и, э/е, й/и, дж/ж, soft sign, double letters): 'Кулаєв', 'Кулаев', 'Құлаев' and 'Kulayev' share one key.
``to_cyrillic`` spells a Latin or Kazakh word the Russian way, for dictionary look-ups ('Sergey' -> 'сергей').
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict

from syuzhet.entities.lemma import data_lines

_UK_LETTERS = frozenset("єіїґЄІЇҐ")
_KK_LETTERS = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
_NON_WORD = re.compile(r"[^\w\s]|_", re.U)
_HYPHENS = re.compile(r"[-\u2010\u2011\u2013]")
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[а-яёєіїґәғқңөұүһ]")
_VOWELS = "аеёиоуыэюя"
_ARABIC = re.compile("[\u0600-\u06ff]")
_KK_VOWELS = "аеоұуыәөүі"
# й before a vowel is the Cyrillic iotated letter, after a consonant и and that letter ('Тоқаев', 'Азия' are
# written й + е, й + а there); й between consonants is the vowel и ('Минск')
_IOTATED = re.compile("й([еаоұу])")
_IOTA = {"е": "е", "а": "я", "о": "ё", "ұ": "ю", "у": "ю"}
_Y_VOWEL = re.compile(rf"(?<![{_KK_VOWELS}])й(?![{_KK_VOWELS}])")


@functools.cache
def tables() -> dict[str, list[tuple[str, str]]]:
    """Sections of ``translit.txt``: (source, target) pairs, longest source first."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    section = ""
    for line in data_lines("translit"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        src, dst = line.split()
        out[section].append((src.lower(), "" if dst == "-" else dst.lower()))
    for pairs in out.values():
        pairs.sort(key=lambda p: -len(p[0]))  # longest match first
    return dict(out)


@functools.cache
def _table(section: str) -> tuple[dict[str, str], int]:
    pairs = tables().get(section, [])
    return dict(pairs), max((len(src) for src, _ in pairs), default=0)


def apply(word: str, section: str) -> str:
    """``word`` through one section of ``translit.txt``, longest match first, left to right."""
    table, longest = _table(section)
    if not table:
        return word
    out: list[str] = []
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 0, -1):
            piece = word[i : i + n]
            if piece in table:
                out.append(table[piece])
                i += n
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def has_arabic(word: str) -> bool:
    return bool(_ARABIC.search(word))


def from_arabic(word: str) -> str:
    """A Kazakh word in Arabic letters in Kazakh Cyrillic, lower case: 'توقايەۆ' -> 'тоқаев' (front and back
    vowels alike: the hamza that tells them apart is dropped)."""
    cyr = apply(word, "kk_arabic")
    def iotated(m: re.Match[str]) -> str:
        after_consonant = m.start() > 0 and cyr[m.start() - 1] not in _KK_VOWELS
        return ("и" if after_consonant else "") + _IOTA[m.group(1)]

    return _Y_VOWEL.sub("и", _IOTATED.sub(iotated, cyr))


def is_latin(word: str) -> bool:
    """A word written in Latin letters (diacritics allowed: 'Türkiye')."""
    return bool(_LATIN.search(_plain(word.lower()))) and not _CYRILLIC.search(word.lower())


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def guess_lang(text: str) -> str:
    """'kk' for Kazakh letters, 'en' for Latin script, 'uk' for Ukrainian letters, else 'ru'."""
    if any(c in _KK_LETTERS for c in text):
        return "kk"
    if is_latin(text):
        return "en"
    return "uk" if any(c in _UK_LETTERS for c in text) else "ru"


def _cyrillic_word(word: str, lang: str) -> str:
    """One lower-case word in Cyrillic letters, Russian alphabet wherever the letter has a correspondence."""
    if lang == "uk":
        word = apply(word, "uk")
    if is_latin(word):
        word = apply(_plain(word), "latin")
    elif has_arabic(word):
        word = from_arabic(word)
    return apply(word, "kk")


@functools.lru_cache(maxsize=200_000)
def name_key(text: str, lang: str = "", fold_doubles: bool = True) -> str:
    """Comparison key of a name: 'Кулаєв'/'uk', 'Кулаев', 'Kulayev' -> 'кулаев'; 'Росія', 'Россия' -> 'росия'.
    Acronyms keep doubled letters (``fold_doubles=False``): 'BBC' is not 'БК'."""
    low = _HYPHENS.sub(" ", text.lower().replace("’", "'").replace("ʼ", "'"))
    lang = lang or guess_lang(text)
    words = []
    for raw in low.split():
        word = apply(_cyrillic_word(raw, lang), "fold")
        word = _NON_WORD.sub("", word)
        word = re.sub(r"(.)\1+", r"\1", word) if fold_doubles else word
        if word:
            words.append(word)
    return " ".join(words)


_END_VARIANTS = (("иы", "ий"), ("ы", "ий"), ("ы", "й"), ("и", "ий"), ("и", "й"))


@functools.lru_cache(maxsize=100_000)
def to_cyrillic(word: str) -> tuple[str, ...]:
    """Russian spellings of a Latin or Kazakh word, lower case, for dictionary look-ups: 'Sergey' ->
    ('сергей', ...); 'Dmitriy', 'Dmitry' -> (..., 'дмитрий'); 'Құлаев' -> ('кулаев',). Russian and Ukrainian
    words come back lower-cased."""
    low = word.lower()
    if not is_latin(low):
        return (apply(low, "kk") if any(c in _KK_LETTERS for c in word) else low,)
    cyr = apply(_plain(low), "latin")
    cyr = re.sub(rf"(?<=[{_VOWELS}])ы", "й", cyr)  # 'y' after a vowel is й: 'Bayterek', 'Sergey'
    out = [cyr]
    for end, repl in _END_VARIANTS:  # -iy, -y, -i endings: 'Dmitriy', 'Dmitry', 'Sergei', 'Nikolai'
        if cyr.endswith(end):
            out.append(cyr[: -len(end)] + repl)
    return tuple(dict.fromkeys(out))


_NOT_CONSONANTS = str.maketrans("", "", "аеиоуыэюяіїєёйьъ")


def consonants(key: str) -> str:
    """A key without its vowels (and й, ь, ъ): cognates and transcriptions whose vowels differ share it
    ('подпис'/'пидпис', 'трамп'/'трумп')."""
    return key.translate(_NOT_CONSONANTS)


def ascii_slug(key: str) -> str:
    slug = apply(key, "ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    return slug[:48].strip("-") or hashlib.sha1(key.encode()).hexdigest()[:10]
