"""Ukrainian named entities (PER, LOC, ORG, EVT, PRO) with a CRF over pymorphy3-uk features.

``tag(text)`` returns ``(start, end, type)`` spans as character offsets into ``text`` itself.
The model file and the morphological analyser load once per process, on first use.
``tokenize``, ``document_context``, ``token_features``, ``bio_spans`` and ``tag_with`` are public because
``scripts/train_uk_ner.py`` trains and scores with exactly the same steps. The ``gaz=`` feature reads the list of
names frozen beside the model (``models/uk_ner.gaz.tsv``, written by the trainer), never ``places.txt`` itself:
``use_gazetteer`` points it at another list. Model card: ``models/MODEL_CARD.md``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite

from syuzhet.entities.gazetteer import TypeIndex, type_in, type_index
from syuzhet.entities.uk_known import whole_known_names
from syuzhet.entities.uk_places import lower_case_orgs_cut, places_set_right, split_enumerations
from syuzhet.morph import analyzer
from syuzhet.morph import parses as morph_parses

MODEL_PATH = Path(__file__).with_name("models") / "uk_ner.crfsuite"
GAZETTEER_PATH = MODEL_PATH.with_name("uk_ner.gaz.tsv")  # the gaz= feature's names, frozen with the model
FEATURES_VERSION = "uk-crf-features/2"
TYPES = ("PER", "LOC", "ORG", "EVT", "PRO")
PLACE_RULES = True  # uk_places after the CRF; False only to measure the model alone
CONSISTENT_TYPES = True  # one type per name and text after the CRF; False only to measure without


class Token(NamedTuple):
    text: str
    start: int
    end: int


_APOSTROPHES = "'’ʼ‘`"
_HYPHENS = "\\-\u2010\u2011"
# Letters and digits, then combining marks (stress U+0301, Cyrillic titlo) or soft hyphens inside a word.
_CHUNK = r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0483-\u0489\u00ad])*"
_TOKEN = re.compile(
    r"\d+(?:[.,:]\d+)+(?![^\W_])"  # 7,08 / 12:30 / 1.5
    rf"|{_CHUNK}(?:[{_APOSTROPHES}{_HYPHENS}](?=[^\W_]){_CHUNK})*"  # п’ять, Асан-Жомарт, COVID-19
    r"(?:\.(?:ua|com|net|org|ru|kz|info|eu)(?![^\W_]))?"  # media names: LB.ua, Корреспондент.net
    r"|\S"  # any other visible character is a token of its own: « » " ( . ,
)
_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
_UNSAFE = re.compile(r"[\x00\ud800-\udfff]")  # crfsuite cannot take these; replaced, offsets kept


def tokenize(text: str) -> list[list[Token]]:
    """Tokens with exact offsets, one list per line: a line is one CRF sequence."""
    lines: list[list[Token]] = []
    for line in _LINE.finditer(text):
        tokens = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, line.start(), line.end())]
        if tokens:
            lines.append(tokens)
    return lines


_MARKS = re.compile(f"[\u0300-\u036f\u0483-\u0489\u00ad]|[{_APOSTROPHES}]")
_OPEN_QUOTES = "«“„"
_CLOSE_QUOTES = "»”"
_SENTENCE_END = {".", "!", "?", "…"}
_QUOTE_OR_DASH = {*_OPEN_QUOTES, '"', "—", "–", "-", ":"}


@functools.lru_cache(maxsize=200_000)
def _plain(word: str) -> str:
    """Lower case, apostrophes as ', stress marks and soft hyphens gone: the key for pymorphy3."""
    return _MARKS.sub(lambda m: "'" if m.group() in _APOSTROPHES else "", word).lower()


def _shape(word: str) -> str:
    """'Асан-Жомарт' -> 'Xx-Xx', 'COVID-19' -> 'X-d', 'ЄС' -> 'X'."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _morph() -> Any:
    return analyzer("uk")


def read_gazetteer(path: Path) -> list[tuple[str, str]]:
    """(type, form) pairs of a frozen gazetteer list: one 'TYPE<tab>form' a line, '#' lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(kind, form) for kind, form in (line.split("\t", 1) for line in lines if line and line[0] != "#")]


def write_gazetteer(path: Path, typed: list[tuple[str, str]]) -> None:
    """Freeze (type, form) pairs, in their order, as the list ``read_gazetteer`` reads."""
    head = "# The names of the Ukrainian CRF's gaz= feature, frozen when the model beside it was trained.\n"
    head += "# TYPE<tab>form. Written by scripts/train_uk_ner.py from places.txt and aliases.txt: do not edit, "
    head += "retrain.\n"
    path.write_text(head + "".join(f"{kind}\t{form}\n" for kind, form in typed), encoding="utf-8")


_gazetteer = [GAZETTEER_PATH]  # the list in use: the shipped one, or the one a training run wrote


@functools.cache
def _gaz_index() -> TypeIndex:
    return type_index(read_gazetteer(_gazetteer[0]))


def use_gazetteer(path: Path) -> None:
    """Read the gaz= feature's names from ``path`` from now on: the trainer points it at the list it trains with,
    so that a model is trained and scored with one list. Clears the feature caches."""
    _gazetteer[0] = path
    for cached in (_gaz_index, _analysis, _word_features):
        cached.cache_clear()


@functools.lru_cache(maxsize=200_000)
def _analysis(plain: str) -> tuple[str, ...]:
    """Morphological features of a word: top POS, top lemma, grammemes found in any parse, known-ness."""
    if not plain[:1].isalpha():
        return ()
    parses = morph_parses(plain, "uk")
    top = parses[0]
    feats = [f"pos={top.tag.POS}", f"lem={top.normal_form}", f"case={top.tag.case}"]
    grammemes: set[str] = set()
    for p in parses:
        grammemes |= p.tag.grammemes & {"Name", "Surn", "Patr", "Abbr", "anim", "LATN", "UNKN", "Fixd", "NPRO"}
    feats += sorted(f"g={g}" for g in grammemes)
    if _morph().word_is_known(plain):
        feats.append("known")
    if grammemes & {"Name", "Surn", "Patr"} and any({"NOUN", "inan"} <= p.tag.grammemes for p in parses):
        feats.append("g=NameOrThing")  # 'Києві': a first name's case form and a town's
    index = _gaz_index()  # the frozen list the model was trained with, not places.txt as it is today
    feats += sorted({f"gaz={kind}" for p in parses[:4] if (kind := type_in(index, p.normal_form, "uk"))})
    return tuple(feats)


def _kind(word: str, analysis: tuple[str, ...]) -> str:
    """What morphology says a capitalised word can be: a person's name, animate, a known inanimate noun."""
    if not word[:1].isupper():
        return ""
    if {"g=Name", "g=Surn", "g=Patr"} & set(analysis):
        return "name"
    if "g=anim" in analysis:
        return "anim"
    return "inan" if "known" in analysis else "unknown"


@functools.lru_cache(maxsize=4096)
def _word_features(word: str, prefix: str, full: bool) -> tuple[str, ...]:
    """A word's attributes, named with ``prefix`` (its offset from the token being tagged). Cached: each token
    is asked for five times, as itself and as the neighbour of the four around it (a small cache holds those;
    a cache of every word's attributes added ~60 MB of peak memory on SlavicNER)."""
    plain = _plain(word)
    feats = [f"{prefix}w={plain}", f"{prefix}sh={_shape(word)}"]
    if kind := _kind(word, _analysis(plain)):
        feats.append(f"{prefix}kind={kind}")
    if full:
        feats += [f"{prefix}s{n}={plain[-n:]}" for n in (2, 3, 4) if len(plain) > n]
        feats += [f"{prefix}p3={plain[:3]}"] if len(plain) > 3 else []
        if "-" in plain:
            feats.append(f"{prefix}hy1={plain.split('-')[0]}")
        if word[:1].isupper() and len(lemma := _lemma(plain)) > 4:
            feats += [f"{prefix}ls3={lemma[-3:]}", f"{prefix}ls4={lemma[-4:]}"]  # suffix class of any case form
    feats += [f"{prefix}{a}" for a in _analysis(plain) if full or a.startswith(("pos=", "lem=", "g=", "gaz="))]
    return tuple(feats)


class DocContext(NamedTuple):
    """What the rest of the text says about a word: seen in lower case, seen capitalised mid-sentence."""

    lower: frozenset[str]
    capitalised: frozenset[str]  # lemmas


def _lemma(plain: str) -> str:
    return next((a[4:] for a in _analysis(plain) if a.startswith("lem=")), plain)


def _opens_sentence(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] in _SENTENCE_END or words[i - 1] in _QUOTE_OR_DASH


def document_context(lines: list[list[Token]]) -> DocContext:
    lower: set[str] = set()
    capitalised: set[str] = set()
    for tokens in lines:
        words = [t.text for t in tokens]
        for i, word in enumerate(words):
            if word.islower():
                lower.add(_plain(word))
            elif word[:1].isupper() and not _opens_sentence(words, i):
                capitalised.add(_lemma(_plain(word)))
    return DocContext(frozenset(lower), frozenset(capitalised))


_NEIGHBOURS = tuple((off, f"{off:+d}:", abs(off) == 1) for off in (-2, -1, 1, 2))  # offset, prefix, next to it


def token_features(tokens: list[Token], doc: DocContext | None = None) -> list[list[str]]:
    """crfsuite attributes per token: the word, its shape and morphology, its neighbours', the document's."""
    words = [t.text for t in tokens]
    opener: list[str] = []  # the word before each open «...» or “...” (ASCII " toggles)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = ["bias", *_word_features(word, "", True)]
        if i == 0 or words[i - 1] in _SENTENCE_END:
            feats.append("start")
        if opener:
            feats += ["inq", f"qp={opener[-1]}"]
        if doc is not None and word[:1].isupper():
            plain = _plain(word)
            if plain in doc.lower:
                feats.append("d:lower")
            if _opens_sentence(words, i) and _lemma(plain) in doc.capitalised:
                feats.append("d:capitalised")
        for off, prefix, near in _NEIGHBOURS:
            j = i + off
            if 0 <= j < len(words):
                feats += _word_features(words[j], prefix, near)
            else:
                feats.append(prefix + "edge")
        if i > 0:
            feats.append(f"sh-1|sh={_shape(words[i - 1])}|{_shape(word)}")
            if kind := _kind(word, _analysis(_plain(word))):  # 'в' + a name-like word is a place more often
                feats.append(f"l-1|kind={_lemma(_plain(words[i - 1]))}|{kind}")
            feats.append(f"w-1|w={_plain(words[i - 1])}|{_plain(word)}")
        if i + 1 < len(words):
            feats.append(f"w|w+1={_plain(word)}|{_plain(words[i + 1])}")
        if word[:1].isupper() and not _opens_sentence(words, i):
            feats.append("capmid")
        if word in _OPEN_QUOTES or (word == '"' and not opener):
            opener.append(_plain(words[i - 1]) if i > 0 else "^")
        elif (word in _CLOSE_QUOTES or word == '"') and opener:
            opener.pop()
        out.append(feats)
    return out


@functools.cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def bio_spans(tokens: list[Token], labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) from BIO labels; an I- that does not continue its type starts a span."""
    spans: list[tuple[int, int, str]] = []
    previous = "O"
    for token, label in zip(tokens, labels, strict=True):
        kind = label[2:]
        if label.startswith("I-") and previous[2:] == kind:
            spans[-1] = (spans[-1][0], token.end, kind)
        elif label != "O":
            spans.append((token.start, token.end, kind))
        previous = label
    return spans


def _balance_quotes(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span that opens a quote takes the closing quote right after it; a stray closing quote leaves."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        opened = sum(text.count(q, start, end) for q in _OPEN_QUOTES)
        closed = sum(text.count(q, start, end) for q in _CLOSE_QUOTES)
        after = len(text[end:]) - len(text[end:].lstrip(" "))
        if opened > closed and text[end + after : end + after + 1] in _CLOSE_QUOTES:
            end += after + 1
        elif closed > opened and text[end - 1] in _CLOSE_QUOTES:
            end = len(text[: end - 1].rstrip(" "))
        elif opened and not closed and text[start] in _OPEN_QUOTES:
            start = end - len(text[start + 1 : end].lstrip(" "))
        if start < end:
            out.append((start, end, kind))
    return out


def _not_pronouns(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span of pronouns only ('Він', 'Вона') is no name, whatever its capital letter suggests."""
    return [s for s in spans if not all("g=NPRO" in _analysis(_plain(w)) for w in text[s[0] : s[1]].split())]


def _consistent_types(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name tagged with several types in one text takes, everywhere, the type it has most often there: the same
    base forms word for word ('Газпромі' PRO, 'Газпром' ORG twice -> ORG). A tie changes nothing."""
    if not CONSISTENT_TYPES:
        return spans
    keys = [tuple(_lemma(_plain(m.group())) for m in _TOKEN.finditer(text, s, e)) for s, e, _ in spans]
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for key, (_, _, kind) in zip(keys, spans, strict=True):
        votes.setdefault(key, Counter())[kind] += 1
    out: list[tuple[int, int, str]] = []
    for key, (start, end, kind) in zip(keys, spans, strict=True):
        ranked = votes[key].most_common(2)
        if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
            kind = ranked[0][0]
        out.append((start, end, kind))
    return out


def tag_with(tagger: pycrfsuite.Tagger, text: str) -> list[tuple[int, int, str]]:
    """``tag`` with a given model: what ``tag`` and the training script's evaluation both run."""
    if not text or not text.strip():
        return []
    safe = _UNSAFE.sub("\ufffd", text)
    lines = tokenize(safe)
    doc = document_context(lines)
    spans: list[tuple[int, int, str]] = []
    for tokens in lines:
        spans += bio_spans(tokens, tagger.tag(token_features(tokens, doc)))
    spans = whole_known_names(safe, lines, spans, lambda word: _lemma(_plain(word)))
    if PLACE_RULES:
        spans = split_enumerations(safe, places_set_right(safe, lines, lower_case_orgs_cut(lines, spans)))
    spans = _consistent_types(safe, spans)
    return _balance_quotes(safe, _not_pronouns(safe, spans))


def tag(text: str) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` over ``text``, type one of ``TYPES``; [] for empty text."""
    if not text or not text.strip():
        return []
    return tag_with(_tagger(), text)
