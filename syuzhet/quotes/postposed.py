"""Attributions after the clause they attribute:

  subject_said  '<clause>, the Lithuanian president said Thursday.' / '<clause>, Russian officials said.'
                (subject before the verb, as English writes it; 'заявил X' is ``indirect.postposed``)
  source_after  '<clause>, according to BBC reports.' / '<clause>, по данным МЧС.' / '<clause>, за словами X.'
                (a source construction closing the sentence; source_after_dash: also after a dash,
                '<clause> — according to X.')

The statement is the sentence up to the comma; it must not be a quotation (direct speech has its own rules)
and the clause must be long enough to be one."""

from __future__ import annotations

import re

from syuzhet.data import lines
from syuzhet.quotes import english, speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word

MAX_SUBJECT_WORDS = 9
MAX_TAIL_WORDS = 6  # words after the verb before the sentence ends ('said in a statement on Friday')
MIN_CLAUSE_WORDS = 4
_CONJUNCTIONS = {"and", "but", "or", "while", "as", "when", "after", "before", "because", "although", "since", "if"}


def find(doc: Doc) -> list[Found]:
    found: list[Found] = []
    if runs("subject_said", doc.lex.lang):
        found += [hit for w in doc.words if doc.is_verb(w) and (hit := _subject_said(doc, w)) is not None]
    if runs("source_after", doc.lex.lang):
        found += _sources_after(doc)
    return found


def _statement(doc: Doc, sent_start: int, comma: int) -> tuple[int, int] | None:
    start, end = clause(doc, sent_start, comma)
    if _stray_mark(doc, start, end):  # stray_mark_statement: a mark that opens no quotation (line_ends_quote)
        start, end = clause(doc, start + 1, end)
    if len(doc.words_in(start, end)) < MIN_CLAUSE_WORDS or doc.in_quote(start):
        return None
    if doc.text[start] in "«\"„“'" or doc.text[end - 1] in "»\"“”'":
        return None
    return start, end


def _stray_mark(doc: Doc, start: int, end: int) -> bool:
    if not runs("stray_mark_statement", doc.lex.lang) or start >= end or doc.text[start] != '"':
        return False
    return not any(s.open == start for s in doc.spans)


def _subject_said(doc: Doc, cue: Word) -> Found | None:
    sent_start, sent_end = doc.sentence(cue.start)
    comma = doc.text.rfind(",", sent_start, cue.start)
    if comma < 0 or doc.in_quote(cue.start):
        return None
    subject = doc.words_in(comma, cue.start)
    if not 1 <= len(subject) <= MAX_SUBJECT_WORDS or any(doc.is_verb(w) for w in subject):
        return None
    if subject[0].text.lower() in _CONJUNCTIONS:
        return None  # '..., while Poland described ...', '..., and announced ...': a clause of its own
    if re.search(r"[;:()\"“”«»]", doc.text[comma : cue.start]):
        return None
    tail = doc.text[cue.end : sent_end]
    after = doc.words_in(cue.end, sent_end)
    if re.match(r"\s*(?:that\b|,)", tail) or len(after) > MAX_TAIL_WORDS:
        return None  # 'X, Y said that ...' is a clause of its own; a long tail is another statement
    if after and after[0].text.lower() in lines("quotes/en_clause_starts"):
        return None  # '..., surveys predicted he would win': what follows the verb is what was said
    if "," in tail.rstrip(" .\n"):
        return None
    where = _statement(doc, sent_start, comma)
    who = speakers.before(doc, cue, comma + 1)
    if where is None or who is None:
        return None
    if runs("subject_said_relayed", doc.lex.lang):  # '<clause>, the agency reports citing the ministry.'
        who = speakers.relayed(doc, cue.end, sent_end) or who
    return Found("indirect", where[0], where[1], "subject_said", cue.text, cue.start, who)


def _sources_after(doc: Doc) -> list[Found]:
    found: list[Found] = []
    lower = doc.text.lower()
    lead = r"(?:,|\s[—–])" if runs("source_after_dash", doc.lex.lang) else ","  # ('<clause> — according to X')
    for phrase in doc.lex.sources:
        for m in re.finditer(rf"{lead}\s*({re.escape(phrase)})(?!\w)", lower):
            at = m.start(1)
            sent_start, sent_end = doc.sentence(at)
            if any(f.cue_at == at for f in found):
                continue
            comma = doc.text.find(",", m.end(), sent_end)
            if comma >= 0 and not english.apposition_tail(doc, comma, sent_end):
                continue
            where = _statement(doc, sent_start, m.start())
            if where is None:
                continue
            who = speakers.possessive(doc, at, phrase) or speakers.after(doc, m.end(), sent_end, any_case=True)
            who = who or english.source_noun_phrase(doc, m.end(), sent_end)
            found.append(Found("indirect", where[0], where[1], "source_after", phrase, at, who))
    return found
