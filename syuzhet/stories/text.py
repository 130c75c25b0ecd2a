"""Words of a story's articles: sentences, lemmas (pymorphy3, ru/uk), names and numbers, and the
cross-lingual *key* of a lemma (Ukrainian and Russian spellings of one name fold to the same key:
'Кулаєв'/'Кулаев', 'Росія'/'Россия', 'декларація'/'декларация')."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from dataclasses import dataclass, field

import razdel

from syuzhet.data import lines, phrases
from syuzhet.dates import month_numbers
from syuzhet.entities.keys import from_arabic, has_arabic
from syuzhet.entities.kk_names import caseless_name
from syuzhet.entities.shapes import is_surname_shaped
from syuzhet.model import Article
from syuzhet.morph import parses as morph_parses

PAREN_REACH = 60  # a piece that closes, this near its start, a bracket the piece before left open continues it
_LAST_WORD = re.compile(r"(?:^|[\s(])([^\W\d_]+)\.$", re.U)
_GLUED = re.compile(r"(?<![\w./@:])([^\W\d_]{4,})\.([^\W\d_]{3,})", re.U)
# a number: digits grouped by thousands with a space ('1 800', '50 000'; one number), or digits with a decimal part
NUMBER = r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’ʼ-](?=[^\W\d_]))*|" + NUMBER, re.U)
_FOLD = str.maketrans({"і": "и", "ї": "и", "ы": "и", "й": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г",
                       "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "ә": "а",
                       "ь": None, "ъ": None, "'": None, "’": None, "ʼ": None, "-": None})
_LATIN = {"a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
          "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
          "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з"}
_DIGRAPHS = {"shch": "щ", "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "yu": "ю",
             "ye": "е", "oo": "у", "ee": "и", "th": "т", "ph": "ф"}
_DIGRAPH = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
STEM = 6
SHORT_MONTH = 4  # letters of the Ukrainian short month forms ('січ', 'лист', 'черв')
_DOUBLE = re.compile(r"(.)\1+")
CONTENT_POS = frozenset({"NOUN", "ADJF", "VERB", "INFN", "PRTF", "ADJS"})
UNIT_POS = frozenset({"NOUN", "ADJF", "PRTF"})  # what a number counts: '14 документов', '3 погибших' (not a verb)
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ"})
BODY_KINDS = ("title", "subtitle", "heading", "paragraph")
MONTH_FIRST = frozenset({"en"})  # languages that write the month before the day ('May 5'; others: '5 мая')
LEMMATISED = frozenset({"ru", "uk"})  # languages whose words get a lemma (other words are only folded)


def fold(lemma: str) -> str:
    """The cross-lingual key of a lemma: Latin and Arabic (Kazakh) letters transliterated, ru/uk vowel and sign
    differences, Kazakh letters and doubled letters folded away."""
    low = lemma.lower()
    if has_arabic(low):
        low = from_arabic(low)
    elif low.isascii():
        low = _DIGRAPH.sub(lambda m: _DIGRAPHS[m.group()], low)
        low = "".join(_LATIN.get(ch, ch) for ch in low)
    return _DOUBLE.sub(r"\1", low.translate(_FOLD))


def stem(key: str) -> str:
    """Cognates across ru/uk (and transliterated Latin) share their first ``STEM`` letters:
    'стратегический'/'стратегічний', 'союзничество'/'союзництво'."""
    return key[:STEM]


@dataclass(frozen=True, slots=True)
class Word:
    """One analysed word: its lemma key, part of speech, and whether it reads as a name (``listed``: by its shape
or the lists, in a script without capitals, where two such names side by side are two names)."""

    key: str
    pos: str
    name: bool
    tense: str = ""
    listed: bool = False


def number_value(written: str) -> str:
    """A number as written ('1 800', '2,5') as one value ('1800', '2.5')."""
    return re.sub(r"[ \u00a0\u202f]", "", written).replace(",", ".")


@functools.lru_cache(maxsize=400_000)
def analyse(word: str, lang: str, capital: bool) -> Word:
    if word[0].isdigit():
        return Word(number_value(word), "NUMB", False)
    if (month := month_numbers().get(word.lower())) is not None and _month_word(word, lang):
        return Word(f"m{month:02d}", "MNTH", False)
    if lang not in LEMMATISED:
        if has_arabic(word) and (listed := caseless_name(from_arabic(word))):
            return Word(fold(listed), "NOUN", True, listed=True)  # no capitals to tell a name: shape and lists do
        return Word(fold(word), "NOUN" if len(word) > 3 else "", capital)
    parses = morph_parses(word.lower(), lang)
    best = parses[0]
    if capital:
        # a surname reading before a first name's ('Кулаева': the surname Кулаев, not a woman's name Кулаева)
        named = sorted((p for p in parses if p.tag.grammemes & NAME_TAGS),
                       key=lambda p: "Name" in p.tag.grammemes and "Surn" not in p.tag.grammemes)
        if named:
            best = named[0]
        if best.tag.number == "plur" and best.normal_form != word.lower() and is_surname_shaped(word):
            return Word(fold(word.lower()), "NOUN", True)  # an unknown surname, not a plural of a noun or name
    pos = "NPRO" if "Apro" in best.tag.grammemes else str(best.tag.POS or "")  # 'который', 'этот': pronouns
    name = capital and (bool(best.tag.grammemes & NAME_TAGS) or (pos in ("NOUN", "") and len(word) > 2)
                        or (word.isupper() and len(word) > 1 and pos not in FUNCTION_POS))
    return Word(fold(best.normal_form), pos, name, str(best.tag.tense or ""))


def _month_word(word: str, lang: str) -> bool:
    """A month name, not a common word written the same: English months are capitalised ('may' is a verb), and
    a Ukrainian month's short form is also a noun ('лист', 'серп'), so only the full forms count there."""
    if word.isascii():
        return word[0].isupper()
    return lang != "uk" or len(word) > SHORT_MONTH


@dataclass(slots=True)
class Sentence:
    """A sentence of an article's cleaned text, with its analysed words."""

    article: str
    start: int
    end: int
    text: str
    kind: str
    lang: str
    words: list[Word] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {w.key for w in self.words if w.name}

    @property
    def terms(self) -> set[str]:
        return {w.key for w in self.words if w.pos in CONTENT_POS and len(w.key) > 2}

    @property
    def numbers(self) -> set[str]:
        return {w.key for w in self.words if w.pos == "NUMB"}

    def values(self) -> list[tuple[str, str]]:
        """(unit, value) pairs: a number and the word after it ('14 документов' -> ('документ', '14'); in a
        language without lemmas, past capitalised words and never a function word: '19 Russian drones' ->
        'drones'), a day and its month ('12 ноября' or 'Nov. 12' -> ('date', '11-12'))."""
        out = []
        words = self.words
        for at, (w, nxt) in enumerate(itertools.pairwise(words)):
            if w.pos == "MNTH" and nxt.pos == "NUMB" and self.lang in MONTH_FIRST and _day(nxt.key):
                out.append(("date", f"{w.key[1:]}-{int(nxt.key):02d}"))  # 'Sept. 12', 'March 5'
            if w.pos != "NUMB":
                continue
            if nxt.pos == "MNTH" and w.key.isdigit() and int(w.key) <= 31:
                out.append(("date", f"{nxt.key[1:]}-{int(w.key):02d}"))
                continue
            if self.lang not in LEMMATISED:
                nxt = next((x for x in words[at + 1:at + 3] if not x.name), nxt)
                if nxt.key in _not_units():
                    continue
            if nxt.pos in UNIT_POS:
                out.append((stem(nxt.key), w.key))
        return out

    def stems(self) -> set[str]:
        """Keys for comparing claims across articles and languages: stems of names and content words,
        numbers and day-month dates."""
        keys = {stem(w.key) for w in self.words if (w.name or w.pos in CONTENT_POS) and len(w.key) > 2}
        keys |= {"#" + w.key for w in self.words if w.pos == "NUMB"}
        keys |= {"@" + value for unit, value in self.values() if unit == "date"}
        return keys


@functools.cache
def _not_units() -> frozenset[str]:
    return frozenset(fold(w) for w in lines("stories/en_not_units"))


def _day(key: str) -> bool:
    return key.isdigit() and 0 < int(key) <= 31


def fingerprint(sentence: Sentence) -> int:
    """The same sentence in two articles (site furniture, a repeated footer) has the same fingerprint, in every
    process (a store keeps them: Python's ``hash`` of a string changes from one process to the next)."""
    digest = hashlib.blake2b(" ".join(w.key for w in sentence.words).encode("utf-8"), digest_size=6).digest()
    return int.from_bytes(digest, "big")


def sentences(article: Article) -> list[Sentence]:
    """Sentences of the title, subtitle, headings and paragraphs, in text order: the ones the ``segment``
    stage kept on the article, or split now."""
    if article.sentences and article.sentences[0].article == article.id:
        return article.sentences
    return split(article)


def segment(article: Article) -> Article:
    """Article stage: split the article into analysed sentences once, for the story index and the dossier."""
    article.sentences = split(article)
    return article


_LIST_MARKS = " \t•▪►◦●■·"
_CITY = r"[A-ZА-ЯЁІЇЄҐ]{3,}(?:[ -][A-ZА-ЯЁІЇЄҐ]{2,})*"
_DATELINE = re.compile(
    rf"^{_CITY}(?:(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"  # 'CITY, Region (Agency) —'
    r"\s*\([A-Za-z][A-Za-z.\- ]{0,20}\)\s*[—–-]"
    r"|\s[—–-](?=\s+[A-Z][a-z]))\s+"  # 'CITY - The ...'
)


def dateline_end(text: str) -> int:
    """Where an agency's dateline at the opening of ``text`` ends (0: none): 'CITY (Agency) — ', 'CITY, Region
    (Agency) — ', 'CITY - '; the city in capitals. (A dateline ending in a full stop, 'CITY, 5 May — Agency.',
    is a sentence of its own, a fragment.)"""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def split(article: Article) -> list[Sentence]:
    """``sentences``, always split from the text."""
    out: list[Sentence] = []
    blocks = [b for b in article.blocks if b.kind in BODY_KINDS] or []
    spans = [(b.start, b.end, b.kind, b.lang) for b in blocks] or [(0, len(article.text), "paragraph", article.lang)]
    for start, end, kind, block_lang in spans:
        lang = article.lang if block_lang in ("und", "") else block_lang
        for piece_start, piece_stop, piece_text in pieces(article.text[start:end]):
            bare = piece_text.lstrip(_LIST_MARKS)  # a list item's bullet is not part of its sentence
            bare = bare[dateline_end(bare):]  # nor an agency's dateline ('CITY (Agency) — ')
            text = bare.strip()
            if len(text) < 3:
                continue
            lead = len(piece_text) - len(bare)
            s = Sentence(article.id, start + piece_start + lead, start + piece_stop, text, kind, lang)
            s.words = _words(text, lang)
            out.append(s)
    return out


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


@functools.cache
def _abbreviations() -> dict[str, bool]:
    """Abbreviations razdel ends a sentence after (``data/stories/abbreviations.txt``): whether each is a title."""
    return {row.split()[0]: row.endswith(" title") for row in lines("stories/abbreviations")}


def pieces(text: str) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` as (start, stop, text): razdel's, with a piece joined to the one before when that
    one ends on a listed abbreviation ('on Sept.' + '12 ...', 'Gen.' + 'Smith ...'): always after a title,
    after the others when the piece opens with a digit or a small letter; joined too when the one before left a
    bracket open that the piece closes near its start ('(10:30 a.m.' + 'GMT) ...'); and cut where a sentence end
    lost its space (``_unglued``)."""
    out: list[tuple[int, int, str]] = []
    for piece in razdel.sentenize(text):
        if out and _continues(out[-1][2], piece.text):
            start = out[-1][0]
            out[-1] = (start, piece.stop, text[start:piece.stop])
        else:
            out.append((piece.start, piece.stop, piece.text))
    return [part for start, stop, _ in out for part in _unglued(text, start, stop)]


def _unglued(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """The piece ``text[start:stop]`` cut where a sentence ends with its space lost ('... the river.The next
    ...'): a word of 4+ letters ending in a small letter, a dot, and a capitalised word of 3+ letters that is
    not in capitals and not a site name's ending ('Example.Com')."""
    cuts = [m.start(2) for m in _GLUED.finditer(text, start, stop)
            if m.group(1)[-1].islower() and m.group(2)[0].isupper() and not m.group(2).isupper()
            and m.group(2).lower() not in phrases("stories/domain_endings")]
    bounds = [start, *cuts, stop]
    return [(a, b, text[a:b]) for a, b in itertools.pairwise(bounds)]


def _continues(before: str, after: str) -> bool:
    if _open_bracket(before) and ")" in after[:PAREN_REACH] and "(" not in after[:after.find(")")]:
        return True  # 'at 10:30 a.m. (local time' + 'GMT) the index fell': a bracket closes what was cut
    last = _LAST_WORD.search(before)
    if last is None or not after:
        return False
    title = _abbreviations().get(last.group(1).lower())
    return title is not None and (title or after[0].isdigit() or after[0].islower())


def _words(text: str, lang: str) -> list[Word]:
    words: list[Word] = []
    for i, m in enumerate(_WORD.finditer(text)):
        token = m.group()
        capital = (token[0].isupper() and i > 0) or (token.isupper() and len(token) > 1)
        words.append(analyse(token, lang, capital))
    return words


def surfaces(sentence: Sentence) -> list[str]:
    """The written forms of ``sentence.words``, in the same order."""
    return [m.group() for m in _WORD.finditer(sentence.text)]


def word_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Where each of ``sentence.words`` is written in ``sentence.text`` (start, end), in the same order."""
    return [m.span() for m in _WORD.finditer(sentence.text)]
