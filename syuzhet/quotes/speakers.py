"""Who is named at an attribution point: the words right after a cue ('— сказал Серенко', 'считает
директор ... Ульрих Делиус') or the subject before it ('Президент ... Токаев подчеркнул:'). A person name
wins over a pronoun, a pronoun over a role noun, a role noun over any other naming word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from syuzhet.model import Mention
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.morph import Word, agrees, can_be_nominative, lemma, nominative_genders, pos, verb_gender

_STOP_AFTER = re.compile(r"[,;:!?()\n«»\"“„]|(?<![\s.][A-ZА-ЯЁІЇЄҐ])\.|\s[—–]\s")
_CLAUSE_WORDS = {"что", "що", "чтобы", "щоб", "that", "как", "як", "якщо", "если"}
_NOMINATIVE_PRONOUNS = {"он", "она", "они", "я", "мы", "він", "вона", "вони", "ми", "he", "she", "they", "we", "i"}
RELATIVE = {"который", "которая", "которые", "який", "яка", "які"}


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    kind: str  # name | pronoun | role | other
    gender: str | None = None
    mention: Mention | None = None
    role: str | None = None


def after(doc: Doc, start: int, limit: int | None = None, any_case: bool = False) -> Speaker | None:
    """The speaker named in the words after a cue, up to the next punctuation (``any_case`` for
    'по словам Путина', where the speaker is in the genitive)."""
    stop = _STOP_AFTER.search(doc.text, start, limit or len(doc.text))
    end = stop.start() if stop else (limit or len(doc.text))
    found = [_classify(doc, w, None, any_case) for w in doc.words_in(start, end)]
    for wanted in ("name", "pronoun", "role", "other"):
        match = [s for s in found if s and s.kind == wanted]
        if match and wanted == "other":  # 'агенція AP', 'газета The Dawn': the name, not the common noun
            match = [s for s in match if s.text[:1].isupper()] or match
        if match:
            return _extend(doc, match[0], end)
    return None


def before(doc: Doc, cue: Word, floor: int | None = None) -> Speaker | None:
    """The nearest plausible subject before a cue in its sentence, agreeing with the verb's gender."""
    start = doc.sentence(cue.start)[0] if floor is None else floor
    gender = verb_gender(cue.text, doc.lang)
    fallback: Speaker | None = None
    for w in reversed(doc.words_in(start, cue.start)):
        low = w.text.lower()
        if low in _CLAUSE_WORDS:
            break
        if doc.in_quote(w.start) and not doc.in_quote(cue.start):
            continue
        found = _classify(doc, w, gender)
        if not found:
            continue
        if found.kind in ("name", "pronoun", "role"):
            return _extend(doc, found, cue.start)
        fallback = fallback or found
    return fallback


def _classify(doc: Doc, w: Word, gender: str | None, any_case: bool = False) -> Speaker | None:
    low = w.text.lower()
    if (m := doc.person_at(w.start, w.end)) is not None:
        genders = mention_genders(doc, m)
        if any_case or _agree_any(genders, gender):
            return Speaker(m.text, m.start, m.end, "name", mention=m)
        return None
    if any_case:
        if low in doc.lex.pronouns:
            return Speaker(w.text, w.start, w.end, "pronoun", doc.lex.pronouns[low])
        if lemma(w.text, doc.lang) in doc.lex.roles:
            return Speaker(w.text, w.start, w.end, "role", role=lemma(w.text, doc.lang))
        if (o := next((m for m in doc.others if m.start <= w.start < m.end), None)) is not None:
            return Speaker(o.text, o.start, o.end, "other")
        return Speaker(w.text, w.start, w.end, "other") if pos(w.text, doc.lang) == "NOUN" else None
    if low in doc.lex.pronouns:
        g = doc.lex.pronouns[low]
        if (low in _NOMINATIVE_PRONOUNS or low in RELATIVE) and agrees(g, gender):
            return Speaker(w.text, w.start, w.end, "pronoun", g if g != "any" else gender)
        return None
    base = lemma(w.text, doc.lang)
    if base in doc.lex.roles and can_be_nominative(w.text, doc.lang):
        return Speaker(w.text, w.start, w.end, "role", gender, role=base)
    if (o := next((m for m in doc.others if m.start <= w.start < m.end), None)) is not None:
        return Speaker(o.text, o.start, o.end, "other")
    if w.text[:1].isupper() and w.start != doc.sentence(w.start)[0] and not doc.is_verb(w):
        return Speaker(w.text, w.start, w.end, "other")
    if pos(w.text, doc.lang) == "NOUN" and can_be_nominative(w.text, doc.lang) and not doc.is_verb(w):
        return Speaker(w.text, w.start, w.end, "other")
    return None


def _extend(doc: Doc, s: Speaker, limit: int) -> Speaker:
    """'глава МИД', 'российский лидер', 'Речник Єврокомісії': a role noun with its modifiers."""
    if s.kind != "role":
        return s
    start, end = s.start, s.end
    prev = [w for w in doc.words_in(doc.sentence(start)[0], start)][-1:]
    if prev and pos(prev[0].text, doc.lang) == "ADJF" and doc.text[prev[0].end : start].strip() == "":
        start = prev[0].start
    for w in doc.words_in(end, limit)[:2]:
        if doc.text[end : w.start].strip() or doc.is_verb(w):
            break
        if w.text[:1].isupper() or (pos(w.text, doc.lang) == "NOUN" and not can_be_nominative(w.text, doc.lang)):
            end = w.end
        else:
            break
    return Speaker(doc.text[start:end], start, end, s.kind, s.gender, s.mention, s.role)


def _agree_any(genders: frozenset[str], gender: str | None) -> bool:
    return bool(genders) and (gender is None or gender in genders or (gender == "neut" and "plur" not in genders))


def mention_genders(doc: Doc, m: Mention) -> frozenset[str]:
    """Genders the mention can have as a subject: every word must read as nominative ('Андрея Серенко',
    'Джастіна Трюдо' are not subjects; 'Путина' is only a female one)."""
    if doc.lang not in ("ru", "uk"):
        return frozenset({"masc", "femn", "plur"})
    result = frozenset({"masc", "femn", "neut", "plur"})
    for w in doc.words_in(m.start, m.end):
        if w.text[:1].isupper() and len(w.text) > 1:
            result &= nominative_genders(w.text, doc.lang)
    return result


def possessive(doc: Doc, at: int, phrase: str) -> Speaker | None:
    """'по его словам': the possessive pronoun inside the construction names the speaker."""
    for w in doc.words_in(at, at + len(phrase)):
        if (g := doc.lex.pronouns.get(w.text.lower())) is not None:
            return Speaker(w.text, w.start, w.end, "pronoun", g)
    return None
