"""Language of each block and of the whole article: ru, uk, kk, be, en, other ISO 639-1 codes, or 'und'."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from syuzhet.data import lines, phrases
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
# Kazakh is also written in Arabic letters (töte jazu: outlets for Kazakhs in China and elsewhere), which the
# detector reads as Arabic. Its letters ە, ۋ, ۇ and ڭ are not Arabic or Persian letters; Uyghur also writes them
# but has ې and ۈ, Sorani Kurdish has ە but writes ێ, ڕ and ڵ and not ۋ or ڭ.
_KAZAKH_ARABIC = re.compile("[\u06d5\u06cb\u06c7\u06ad]")
_KAZAKH_ARABIC_SIGN = re.compile("[\u06cb\u06ad]")  # ۋ or ڭ: not Sorani
_NOT_KAZAKH_ARABIC = re.compile("[\u06d0\u06c8\u06ce\u0695\u06b5]")  # ې ۈ (Uyghur), ێ ڕ ڵ (Sorani)
_KAZAKH_ARABIC_SHARE = 0.03
# English settles by its function words (``data/english_words.txt``): a block of Latin letters, none of them
# outside ASCII, where at least ``_ENGLISH_SHARE`` of the words and ``_ENGLISH_KINDS`` different ones are in the
# list. Loading the detector's models for Latin-script languages costs about 8 CPU-seconds, paid by every run
# with an English paragraph; a run whose Latin text is all English now pays nothing.
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_SHARE = 0.15
_ENGLISH_KINDS = 3
LONG_LETTERS = 120  # a block with fewer letters is short: the detector's trigrams alone are not enough for it


@cache
def detector(without: frozenset[str] = frozenset(), low_accuracy: bool = False) -> LanguageDetector:
    """A detector over ``data/languages.txt``, minus the ISO codes in ``without``; ``low_accuracy``: trigram
    models only (lingua's low accuracy mode: as good on text of 120 characters or more, and its models load in
    a twentieth of the time: 0.4 vs 8 CPU-seconds for the Latin-script languages)."""
    languages = [getattr(Language, name.upper()) for name in lines("languages")]
    kept = [lang for lang in languages if lang.iso_code_639_1.name.lower() not in without]
    builder = LanguageDetectorBuilder.from_languages(*kept)
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``, or 'und' when there is too little text to tell."""
    text = sample(text)
    return quick(text) or by_detector(text)


def sample(text: str) -> str:
    """What the detector reads of a block: its first ``SAMPLE_CHARS`` characters, cut at a space."""
    if len(text) > SAMPLE_CHARS:
        cut = text.rfind(" ", 0, SAMPLE_CHARS)
        text = text[:cut if cut > SAMPLE_CHARS // 2 else SAMPLE_CHARS]
    return text


def quick(text: str) -> str | None:
    """The label letters and words settle without the detector ('und' for too few letters), else None."""
    letters = _letters(text)
    if letters < _MIN_LETTERS:
        return "und"
    if is_kazakh_latin(text, letters) or is_kazakh_arabic(text, letters):
        return "kk"
    if by_words(text, letters):
        return "en"
    return None if _needs(text) else by_letters(text, letters)


def by_detector(text: str) -> str:
    """The detector's label: its trigram models for a block of ``LONG_LETTERS`` letters or more, all its
    models for a shorter one."""
    ruled_out = frozenset(_REQUIRED_LETTERS) - _needs(text)
    found = detector(ruled_out, _letters(text) >= LONG_LETTERS).detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else "und"


def is_kazakh_latin(text: str, letters: int) -> bool:
    """Kazakh in Latin letters: Latin text (``letters`` letters) with 'q' in at least ``_KAZAKH_Q_SHARE`` of
    them and a letter only the Kazakh Latin alphabets have among the languages that write 'q' this often."""
    if not _KAZAKH_LATIN.search(text) or not mostly_latin(text, letters):
        return False
    return text.count("q") + text.count("Q") >= _KAZAKH_Q_SHARE * letters


def is_kazakh_arabic(text: str, letters: int) -> bool:
    """Kazakh in Arabic letters: at least ``_KAZAKH_ARABIC_SHARE`` of the ``letters`` are ە, ۋ, ۇ or ڭ, with ۋ or
    ڭ among them and no letter only Uyghur or Sorani writes."""
    if not _KAZAKH_ARABIC_SIGN.search(text) or _NOT_KAZAKH_ARABIC.search(text):
        return False
    return len(_KAZAKH_ARABIC.findall(text)) >= _KAZAKH_ARABIC_SHARE * letters


def mostly_latin(text: str, letters: int | None = None) -> bool:
    """At least ``_LETTER_SHARE`` of the letters of ``text`` (``letters`` of them, when counted already) are
    Latin, and it has any."""
    letters = len(_LETTERS.findall(text)) if letters is None else letters
    return letters > 0 and len(_LATIN.findall(text)) >= _LETTER_SHARE * letters


def by_words(text: str, letters: int) -> bool:
    """English by its function words (see ``_ENGLISH_SHARE``); ``text`` has ``letters`` letters."""
    if not text.isascii() and any(not ch.isascii() and ch.isalpha() for ch in text):
        return False
    if not mostly_latin(text, letters):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    known = phrases("english_words")
    hits = [w for w in words if w in known]
    return len(hits) >= _ENGLISH_SHARE * len(words) and len(set(hits)) >= _ENGLISH_KINDS


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
    """Label every block, then the article with the language holding most of its letters (``block_labels``)."""
    weights: Counter[str] = Counter()
    for block, label in zip(article.blocks, block_labels([article.text[b.start:b.end] for b in article.blocks]),
                            strict=True):
        block.lang = label
        if label != "und":
            weights[label] += block.end - block.start
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


def block_labels(blocks: list[str]) -> list[str]:
    """The language of each block of one article. Letters and words settle most (``quick``); the detector
    reads the long ones they leave open. A short one left open (a headline, a caption, a one-line paragraph)
    takes the one language the article's other blocks of its script have, unless it has letters of other
    languages only; the short ones left after that are read together when they are long enough together, and
    one by one otherwise."""
    samples = [sample(text) for text in blocks]
    labels = [quick(text) for text in samples]
    latin = [mostly_latin(text) for text in samples]
    for i, text in enumerate(samples):
        if labels[i] is None and _letters(text) >= LONG_LETTERS:
            labels[i] = by_detector(text)
    for script in (True, False):
        known = {label for label, lat in zip(labels, latin, strict=True) if label and label != "und" and lat == script}
        open_ = [i for i, label in enumerate(labels) if label is None and latin[i] == script]
        if len(known) == 1:
            (only,) = known
            for i in open_:
                needs = _needs(samples[i])
                if not needs or only in needs:
                    labels[i] = only
            open_ = [i for i in open_ if labels[i] is None]
        together = sample(" ".join(samples[i] for i in open_))
        if len(open_) > 1 and _letters(together) >= LONG_LETTERS:
            label = by_detector(together)
            for i in open_:
                labels[i] = label
    return [label or by_detector(text) for text, label in zip(samples, labels, strict=True)]


def _letters(text: str) -> int:
    return len(_LETTERS.findall(text))


def _needs(text: str) -> frozenset[str]:
    """The languages of ``_REQUIRED_LETTERS`` whose letters ``text`` has."""
    return frozenset(code for code, pattern in _REQUIRED_LETTERS.items() if pattern.search(text))
