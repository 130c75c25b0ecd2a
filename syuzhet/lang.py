"""Language of each block and of the whole article: ru, uk, kk, be, en, other ISO 639-1 codes, or 'und'."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from syuzhet.data import lines
from syuzhet.model import Article

_LETTERS = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 12
# The detector reads at most this many characters of a block (cut at a space): its cost grows with the text,
# and a paragraph's language shows in its first thousand characters (SlavicNER ru+uk: the same label for every
# one of 6187 blocks, 3x less detector CPU).
SAMPLE_CHARS = 1000
# A Cyrillic language is only chosen when the text has a letter its alphabet has and Russian's lacks:
# Ukrainian 'і' misleads the models towards Kazakh, which also writes 'і'; short Russian and Ukrainian
# headlines went to Serbian or Macedonian. Ruling them out also spares the detector three models per block
# (language ID on SlavicNER ru+uk: 3x less CPU).
_REQUIRED_LETTERS = {
    "kk": re.compile(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]"),
    "be": re.compile(r"[ўЎ]"),
    "sr": re.compile(r"[ђћџљњјЂЋЏЉЊЈ]"),
    "mk": re.compile(r"[ѓќѕљњџјЃЌЅЉЊЏЈ]"),
    "mn": re.compile(r"[өүӨҮ]"),
}
# Once those are ruled out, the Cyrillic languages left are Russian, Ukrainian and Bulgarian, and letters
# settle which: only Russian writes ы/э/ё, only Ukrainian і/ї/є/ґ. A block of Cyrillic text with letters of
# one side and none of the other is labelled without the detector. Ukrainian needs three of its letters:
# Russian news names Ukrainian places and outlets in their own spelling (one 'і' in a Russian sentence),
# while 'і' alone is about one Ukrainian letter in twenty. Mixed or Latin-heavy text still goes to the
# detector. Written on SlavicNER, the three-letter minimum after one miss on the stories corpus; checked block
# by block against the detector on SlavicNER and three other corpora (benchmarks/bench_lang.py, docs/SCALE.md).
_RUSSIAN_ONLY = re.compile(r"[ыэёЫЭЁ]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
_LETTER_SHARE = 0.9  # Cyrillic letters among all letters, for the shortcut
_UKRAINIAN_MIN = 3
# Kazakh is also written in Latin letters (the 2017-2021 alphabets and outlets' own schemes), which the detector
# has no model for (it read such a page as Turkish). A block of Latin letters is Kazakh when 'q' (for 'қ') is
# frequent, as in no other language of the list but Azerbaijani, Albanian and Uzbek, and it has a letter of the
# Kazakh alphabets that those three lack ('ä', 'ū', 'ŋ'/'ñ'/'ń', 'ǧ'/'ǵ'). Tatar in Latin letters would pass too.
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_KAZAKH_LATIN = re.compile(r"[äūŋǧñńǵÄŪŊǦÑŃǴ]")
_KAZAKH_Q_SHARE = 0.01


@cache
def detector(without: frozenset[str] = frozenset()) -> LanguageDetector:
    """A detector over ``data/languages.txt``, minus the ISO codes in ``without``."""
    languages = [getattr(Language, name.upper()) for name in lines("languages")]
    kept = [lang for lang in languages if lang.iso_code_639_1.name.lower() not in without]
    return LanguageDetectorBuilder.from_languages(*kept).build()


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``, or 'und' when there is too little text to tell."""
    if len(text) > SAMPLE_CHARS:
        cut = text.rfind(" ", 0, SAMPLE_CHARS)
        text = text[:cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]
    letters = len(_LETTERS.findall(text))
    if letters < _MIN_LETTERS:
        return "und"
    if is_kazakh_latin(text, letters):
        return "kk"
    ruled_out = frozenset(code for code, pattern in _REQUIRED_LETTERS.items() if not pattern.search(text))
    if len(ruled_out) == len(_REQUIRED_LETTERS) and (settled := by_letters(text, letters)):
        return settled
    found = detector(ruled_out).detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else "und"


def is_kazakh_latin(text: str, letters: int) -> bool:
    """Kazakh in Latin letters: Latin text (``letters`` letters) with 'q' in at least ``_KAZAKH_Q_SHARE`` of
    them and a letter only the Kazakh Latin alphabets have among the languages that write 'q' this often."""
    if not _KAZAKH_LATIN.search(text) or not mostly_latin(text, letters):
        return False
    return text.count("q") + text.count("Q") >= _KAZAKH_Q_SHARE * letters


def mostly_latin(text: str, letters: int | None = None) -> bool:
    """At least ``_LETTER_SHARE`` of the letters of ``text`` (``letters`` of them, when counted already) are
    Latin, and it has any."""
    letters = len(_LETTERS.findall(text)) if letters is None else letters
    return letters > 0 and len(_LATIN.findall(text)) >= _LETTER_SHARE * letters


def by_letters(text: str, letters: int) -> str | None:
    """'ru' or 'uk' when the letters settle it (no Kazakh, Belarusian, Serbian, Macedonian or Mongolian
    letter in ``text``, which has ``letters`` letters), else None."""
    russian, ukrainian = bool(_RUSSIAN_ONLY.search(text)), len(_UKRAINIAN_ONLY.findall(text))
    if russian == bool(ukrainian) or (ukrainian and ukrainian < _UKRAINIAN_MIN):
        return None
    if len(_CYRILLIC.findall(text)) < _LETTER_SHARE * letters:
        return None
    return "ru" if russian else "uk"


def detect_language(article: Article) -> Article:
    """Label every block, then the article with the language holding most of its letters."""
    weights: Counter[str] = Counter()
    for block in article.blocks:
        piece = article.text[block.start:block.end]
        block.lang = detect(piece)
        if block.lang != "und":
            weights[block.lang] += len(piece)
    if weights:
        article.lang = weights.most_common(1)[0][0]
    else:
        article.lang = detect(article.text)
        if article.lang == "und" and article.hints.get("lang"):
            article.lang = article.hints["lang"][:2].lower()
    for block in article.blocks:
        if block.lang == "und":
            block.lang = article.lang
    return article
