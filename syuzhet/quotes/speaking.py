"""Can the words a quote's speaker was left at speak? A speaker the finder could not link to a person or an
organisation is shown by its words; some of those words name nobody: a preposition or a verb taken for a noun
('про', 'Можу'), a noun governed by a preposition ('в эфире телеканала', 'в свою очередь', 'at the summit'),
a day or a month ('Friday', 'воскресенье'), an English article or pronoun standing alone ('The', 'this'). Those are
dropped (rule ``speaker_cannot_speak``): the quote stays, shown without a speaker. (Choosing another naming word
instead, 'в свою очередь источник', was tried: it lost a right quote on leads ru dev and a precision point on
uk dev, since the finders that need a speaker then rejected the other word.)

The test is by morphology and closed word classes only: an open list of nouns able to speak misses real
sources ('источники', 'следствие', 'спасатели', 'authorities'), and any noun in the nominative, or in the
genitive after a source phrase ('по данным следствия'), may be one."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from syuzhet.data import phrases
from syuzhet.dates import month_numbers, weekday_numbers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.morph import Word, readings

if TYPE_CHECKING:
    from syuzhet.quotes.speakers import Speaker

# pymorphy3 parts of speech no speaker is named by (a noun, a name, an unknown or foreign word may be)
_NOT_NAMING = frozenset({"PREP", "VERB", "INFN", "ADVB", "CONJ", "PRCL", "INTJ", "GRND", "PRED", "COMP"})
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})  # closed classes: a lower-case form of one is no noun
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})
_OBLIQUE = frozenset({"datv", "ablt", "loct", "loc2"})  # (the genitive is a source's case: 'по данным следствия')
_MODIFIERS = frozenset({"ADJF", "NUMR", "PRTF"})  # between a preposition and its noun ("в свою очередь"; not "с ней")


@functools.cache
def _time_words() -> frozenset[str]:
    return frozenset(month_numbers()) | frozenset(weekday_numbers())


def cannot_speak(doc: Doc, s: Speaker, cue: str | None, cue_at: int) -> bool:
    """Whether one naming word left unresolved (kind ``other``) names nobody."""
    ws = doc.words_in(s.start, s.end)
    if s.kind != "other" or len(ws) != 1:
        return False
    w = ws[0]
    low = w.text.lower()
    if low in _time_words() or (w.text.isascii() and low in phrases("quotes/en_clause_starts")):
        return True  # ('The' in any language)
    if doc.lang == "en":
        return _english_governed(doc, w, cue, cue_at)
    if doc.lang not in ("ru", "uk"):
        return False
    rs = readings(w.text, doc.lang)
    if rs and all(r & _NOT_NAMING for r in rs):
        return True  # a verb, however written ('Можу'); a name would read as a noun (or a guessed one)
    if w.text[:1].isupper() and w.start != doc.sentence(w.start)[0]:
        return False  # a name ('Polsat', 'Брюсселі'): the entity stage's business
    if any(r & _FUNCTION for r in (*rs, *readings(w.text, "ru"))):
        return True  # 'про' (also an abbreviation, 'ПРО'; the Ukrainian dictionary reads it as one only)
    if rs and all(r & _CASES and r & _CASES <= _OBLIQUE for r in rs):
        return True  # 'в эфире', 'по предварительным данным': no case a speaker is named in
    return _governed(doc, w, cue, cue_at)


def _governed(doc: Doc, w: Word, cue: str | None, cue_at: int) -> bool:
    """A noun right after a preposition, over its modifiers ('в эфире', 'в свою очередь'), unless the
    preposition ends the cue ('по данным', 'according to') or a relay phrase ('со ссылкой на')."""
    before = doc.words_in(doc.sentence(w.start)[0], w.start)
    at = w.start
    for prev in reversed(before):
        if doc.text[prev.end : at].strip():
            return False
        rs = readings(prev.text, doc.lang)
        if any("PREP" in r for r in rs):
            return not _phrase_end(doc, prev, cue, cue_at)
        if not rs or not any(r & _MODIFIERS for r in rs):
            return False
        at = prev.start
    return False


def _english_governed(doc: Doc, w: Word, cue: str | None, cue_at: int) -> bool:
    """'at the summit', 'in a video': a lower-case English noun after a preposition and its article."""
    if not w.text.islower():
        return False
    before = doc.words_in(doc.sentence(w.start)[0], w.start)[-3:]
    at = w.start
    for prev in reversed(before):
        if doc.text[prev.end : at].strip():
            return False
        low = prev.text.lower()
        if low in phrases("quotes/en_prepositions"):
            return not _phrase_end(doc, prev, cue, cue_at)
        if low not in ("the", "a", "an"):
            return False
        at = prev.start
    return False


def _phrase_end(doc: Doc, prep: Word, cue: str | None, cue_at: int) -> bool:
    upto = doc.text[: prep.end].lower()
    if cue and cue_at >= 0 and cue_at <= prep.start < cue_at + len(cue):
        return True
    return any(upto.endswith(phrase) for phrase in (*doc.lex.relays, *doc.lex.sources))
