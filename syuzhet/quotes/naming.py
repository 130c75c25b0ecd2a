"""A characterisation is a reported statement:

  calls_it   'Президент назвал переговоры успешными', 'Він назвав візит історичним',
             'Кулаєв називав підписання угоди головною метою поїздки'
             (<speaker> <call verb> <object> <instrumental predicate>)

The verb forms come from ``data/quotes/{lang}_calls.txt``: active finite forms and gerunds, so the passive
('назван в честь'), the participle ('так называемый') and the reflexive ('называется') never fire. The
statement is the words after the verb up to the end of their clause. It must hold a word that can be the
object (accusative) and an instrumental predicate that is outside quotation marks (a quoted predicate is
direct speech, ``direct.verb_partial``), outside a preposition ('вместе с партнёрами'), no proper name
('назвали сына Иваном') and no naming noun ('именем героя': ``{lang}_name_nouns.txt``). The speaker must be a
person named before the verb in the same clause: a name, a personal pronoun or a role noun; an impersonal
'Его называют ...' has none and is skipped. Russian and Ukrainian only (the predicate is found by its case)."""

from __future__ import annotations

import itertools
import re

from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.morph import Word, lemma, readings
from syuzhet.quotes.speakers import RELATIVE

MAX_PREDICATE_WORDS = 10  # words after the verb within which the instrumental predicate must come
_STOP = re.compile(r"[,;:!?()\[\]\n]|\s[—–-]\s|\.(?:\s|$)")
_AND = {"и", "і", "й", "та", "а", "но", "але"}
_NOT_BEFORE = {"не", "ни", "ні", "как", "як"}  # 'не назвал', 'как его называют': no statement
_PREDICATE_POS = {"NOUN", "ADJF", "NUMR", "PRTF"}
_MODIFIER_POS = {"ADJF", "PRTF", "NUMR", "NPRO"}
_OBJECT_POS = {"NOUN", "NPRO", "ADJF", "PRTF", "NUMR"}
_SPEAKER_KINDS = ("name", "pronoun", "role")


def find(doc: Doc) -> list[Found]:
    if doc.lang not in ("ru", "uk") or not doc.lex.calls:
        return []
    found: list[Found] = []
    for i, w in enumerate(doc.words):
        if w.text.lower() in doc.lex.calls and not doc.in_quote(w.start):
            hit = _calls_it(doc, i, w)
            if hit:
                found.append(hit)
    return found


def _calls_it(doc: Doc, i: int, cue: Word) -> Found | None:
    if i and doc.words[i - 1].text.lower() in _NOT_BEFORE:
        return None
    start, end = _statement(doc, cue)
    ws = doc.words_in(start, end)
    if not ws or end - start < 3:
        return None
    if any(start <= sp.open < end and _ablt_start(doc, sp.start) for sp in doc.spans if not sp.depth):
        return None  # 'назвал план «кучей ...»': a quoted predicate is direct speech
    predicate = next((k for k, w in enumerate(ws[:MAX_PREDICATE_WORDS]) if _is_predicate(doc, ws, k)), None)
    if predicate is None or not _has_object(doc, ws, predicate):
        return None
    who = speakers.before(doc, cue)
    if who is None or who.kind not in _SPEAKER_KINDS or _relative_between(doc, who.end, cue.start):
        return None
    if who.text.lower() in RELATIVE and not any(0 <= who.start - m.end <= 3 for m in doc.persons):
        return None  # 'Папой Римским, который назвал ...': the antecedent must be a person's name
    return Found("indirect", start, end, "calls_it", cue.text, cue.start, who)


def _statement(doc: Doc, cue: Word) -> tuple[int, int]:
    """From the word after the verb to the end of its clause (a comma, a dash, a coordinated verb)."""
    sent_end = doc.sentence(cue.start)[1]
    stop = _STOP.search(doc.text, cue.end, sent_end)
    end = stop.start() if stop else sent_end
    ws = doc.words_in(cue.end, end)
    for a, b in itertools.pairwise(ws):
        if a.text.lower() in _AND and _is_verb_form(doc, b):
            end = a.start
            break
    return clause(doc, cue.end, end)


def _is_verb_form(doc: Doc, w: Word) -> bool:
    rs = readings(w.text, doc.lang)
    return bool(rs) and ("VERB" in rs[0] or "GRND" in rs[0])


def _is_predicate(doc: Doc, ws: list[Word], k: int) -> bool:
    w = ws[k]
    if doc.in_quote(w.start) or (w.text[:1].isupper() and len(w.text) > 1):
        return False  # quoted: direct speech; capitalised: a name given ('назвали сына Иваном')
    rs = [r for r in readings(w.text, doc.lang) if r & _PREDICATE_POS]
    if not any("ablt" in r for r in rs) or lemma(w.text, doc.lang) in doc.lex.name_nouns:
        return False
    for prev in reversed(ws[:k]):  # walk back over agreeing modifiers to see whether a preposition governs it
        prs = readings(prev.text, doc.lang)
        if any("PREP" in r for r in prs) or (prs and {"PRTF", "pssv"} <= prs[0]):
            return False  # 'с партнёрами', 'предложенный главой правительства': no predicate
        if not any(r & _MODIFIER_POS and "ablt" in r for r in prs):
            break
    return not any(lemma(x.text, doc.lang) in doc.lex.name_nouns for x in ws)


def _ablt_start(doc: Doc, at: int) -> bool:
    first = doc.words_in(at, at + 40)[:1]
    return bool(first) and any("ablt" in r for r in readings(first[0].text, doc.lang))


def _has_object(doc: Doc, ws: list[Word], predicate: int) -> bool:
    """An accusative before the predicate ('назвал переговоры успешными'), or after it one that cannot be a
    genitive dependent of the predicate ('назвал главной причиной кризиса коррупцию'; not 'то, что они
    называют властью руководства')."""
    for k, w in enumerate(ws):
        rs = readings(w.text, doc.lang)
        accusative = k != predicate and any(r & _OBJECT_POS and "accs" in r for r in rs)
        if accusative and (k < predicate or not any("gent" in r for r in rs)):
            return True
    return False


def _relative_between(doc: Doc, start: int, end: int) -> bool:
    """'Иванов, которого называют ...': the subject before a relative clause is not its speaker."""
    return any(lemma(w.text, doc.lang) in RELATIVE for w in doc.words_in(start, end))
