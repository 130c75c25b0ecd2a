"""Rule-based tagging of names by capitalisation, for languages without a trained model (English, Kazakh).

A name is a run of capitalised words (with 'of', 'and'... inside an English organisation name, and lower-case
words up to a lower-case Kazakh head: 'Сыртқы істер министрлігі'). Runs break at punctuation, line ends, a
word with a case ending or an English possessive ('Russia's'), and at stop words, nationality adjectives
and roles (``caps_<lang>.txt``). Each piece is typed by cues, strongest first:

1. a gazetteer name (``places.txt`` LOC, ``aliases.txt`` ORG), longest match first: 'United States of America';
2. an organisation or place head word: 'Foreign Ministry', 'Nur Otan Party', 'Сыртқы істер министрлігі'; an
   event's head word that ends the name (or stands before 'of'): EVT, 'Riga Summit', 'Davis Cup', 'US Open';
3. an acronym: ORG;
4. a person's role before it ('President', 'analyst', 'Президенті') or honorific after ('мырза'), a first name,
   a patronymic, a surname ending or a surname in the dictionary: PER;
5. a known place with other words: LOC with 'North', 'South'..., else ORG ('Air Astana'); a Cyrillic place or
   organisation in the dictionary ('Кремльде', 'Газпром'); a place preposition before a single word ('in
   Astana'), a Kazakh place case ('Астанада'), a listed name ('Almaty and Shymkent'): LOC/ORG;
6. the type the same name has elsewhere in the text; else PER for two or three plain words none of which the
   text writes in lower case, or whose last word stands alone elsewhere ('Myles Garrett' ... 'Garrett'); else
   ORG.

A capitalised word at the start of a sentence is a name only with evidence: a cue above (not a default), or
the same word capitalised in mid-sentence elsewhere in the text. In a headline in Title Case only gazetteer
names, acronyms and names found in the rest of the text count. A word also written in lower case in the text
is a common word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from syuzhet.entities.caps_pieces import Piece, pieces
from syuzhet.entities.caps_tokens import HYPHENS, Grammar, Span, Splitter, Token, is_cap, lexicon, tokens
from syuzhet.entities.keys import name_key
from syuzhet.entities.lemma import is_acronym

_PLAIN = re.compile(r"[^\W\d_][^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+", re.U)  # 'Garrett', not 'SpaceX', 'USEF'
MAX_PERSON_WORDS = 3

__all__ = ["Grammar", "Span", "Splitter", "decide", "lexicon", "tag"]


@dataclass
class _Doc:
    lower: set[str] = field(default_factory=set)  # words written in lower case somewhere
    mid_caps: set[str] = field(default_factory=set)  # keys of words capitalised in mid-sentence


def _doc(toks: list[Token], grammar: Grammar) -> _Doc:
    doc = _Doc()
    for t in toks:
        if not t.cap:
            doc.lower.add(t.low)
            doc.lower.add(t.text.lower())
        elif not t.sentence_start and not t.title and not t.among(grammar.words("stop")):
            doc.mid_caps.add(name_key(t.base, grammar.lang))
    return doc


def _common(piece: Piece, doc: _Doc) -> bool:
    """Every word of the piece is also written in lower case in the text: common words."""
    return all(t.low in doc.lower or t.text.lower() in doc.lower for t in piece.tokens)


def _keys(piece: Piece, lang: str) -> list[str]:
    keys = [name_key(piece.base, lang)]
    if piece.kind == "PER" and len(piece.tokens) > 1:
        keys.append(name_key(piece.tokens[-1].base, lang))
    return keys


MAX_NAME_WORDS = 8


def _title_matches(piece: Piece, known: dict[str, str], lang: str) -> list[Piece]:
    """Headline words: the longest parts of a piece that are names found elsewhere in the text."""
    out = []
    toks = piece.tokens
    i = 0
    while i < len(toks):
        for j in range(min(len(toks), i + MAX_NAME_WORDS), i, -1):  # bounded: cubic on a long run of capitals
            kind = known.get(name_key(" ".join(t.base for t in toks[i:j]), lang))
            if kind:
                out.append(Piece(toks[i:j], kind, strong=True))
                i = j
                break
        else:
            i += 1
    return out


def _coordinated(text: str, pieces: list[Piece], grammar: Grammar) -> None:
    """'Almaty and Shymkent', 'Алматы мен Шымкент': an untyped name takes the type of a name it is listed with."""
    words = grammar.words("coord")
    for a, b in itertools.pairwise(pieces):
        gap = text[a.tokens[-1].stop : b.start].strip().lower()
        if gap not in words and gap != ",":
            continue
        if a.kind and a.strong and not b.kind:
            b.kind = a.kind
        elif b.kind and b.strong and not a.kind:
            a.kind = b.kind


def _hyphenated_name(token: Token) -> bool:
    """'Асан-Жомарт', 'Samruk-Kazyna', 'Нью-Йорк': every part capitalised, a name wherever it stands."""
    parts = [p for p in HYPHENS.split(token.base) if p]
    return len(parts) > 1 and all(is_cap(p) for p in parts)


def _first_word_only(piece: Piece) -> bool:
    """A piece with one capitalised word: a Kazakh head phrase ('Ірі еуропалық компания') at a sentence start."""
    return sum(t.cap for t in piece.tokens) == 1


def _person_like(piece: Piece, singles: set[str], doc: _Doc, lang: str) -> bool:
    """An untyped name of several words reads as a person's: its last word stands alone elsewhere in the text
    ('Myles Garrett' ... 'Garrett'), or it has two or three plain words none of which the text also writes in
    lower case ('Kanye West', not 'Davis Cup Finals' or 'Big Machine' beside 'the machine')."""
    if name_key(piece.tokens[-1].base, lang) in singles:
        return True
    plain = all(_PLAIN.fullmatch(t.base) for t in piece.tokens)
    return plain and len(piece.tokens) <= MAX_PERSON_WORDS and not any(t.low in doc.lower for t in piece.tokens)


def _name_types(pieces: list[Piece], lang: str) -> dict[str, str]:
    """Key of each typed piece (and of a person's surname) -> its type, first one wins."""
    out: dict[str, str] = {}
    for p in pieces:
        if p.kind:
            for key in _keys(p, lang):
                out.setdefault(key, p.kind)
    return out


def decide(text: str, grammar: Grammar) -> list[Piece]:
    """Name pieces of ``text``, typed: see the module docstring."""
    lang = grammar.lang
    toks = tokens(text, grammar)
    doc = _doc(toks, grammar)
    found = [p for p in pieces(text, toks, grammar) if p.tokens]
    _coordinated(text, found, grammar)
    reliable = [p for p in found if not p.title and (p.strong or not p.sentence_start)]
    known = _name_types([p for p in reliable if p.known or not _common(p, doc)], lang)
    kept: list[Piece] = []
    for p in found:
        if p.title or (_common(p, doc) and not p.known):
            continue
        key = name_key(p.base, lang)
        if not p.strong and key in known:
            p.kind = known[key]
        if p.sentence_start and not p.strong:
            first = name_key(p.tokens[0].base, lang)
            seen = key in known or first in known or first in doc.mid_caps or _hyphenated_name(p.tokens[0])
            if not seen and _first_word_only(p):
                continue
        kept.append(p)
    singles = {name_key(p.base, lang) for p in found if len(p.tokens) == 1}
    for p in kept:
        if not p.kind and len(p.tokens) > 1:
            p.kind = "PER" if _person_like(p, singles, doc, lang) else "ORG"
    known |= _name_types(kept, lang)
    for p in kept:
        p.kind = p.kind or known.get(name_key(p.base, lang), "ORG")
    for p in found:
        if p.title:
            kept += [p] if p.known or (p.strong and is_acronym(p.base)) else _title_matches(p, known, lang)
    return kept


def tag(text: str, grammar: Grammar) -> list[Span]:
    """(start, end, type) spans of the names in ``text``, sorted, not overlapping."""
    spans = sorted({(p.start, p.end, p.kind) for p in decide(text, grammar) if p.end > p.start})
    kept: list[Span] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
