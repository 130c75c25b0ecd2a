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
    if len(_LETTERS.findall(text)) < _MIN_LETTERS:
        return "und"
    ruled_out = frozenset(code for code, letters in _REQUIRED_LETTERS.items() if not letters.search(text))
    found = detector(ruled_out).detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else "und"


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
