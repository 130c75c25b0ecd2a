"""Direct speech attributed after the quote the way English and Kazakh write it, with the closing punctuation
inside the marks and no dash:
  said_after   '"We ... ," the minister told reporters.' / '"...?" she asked.' / '"...," said the envoy.'
               '«...» деп жазды министр.' / '«...», деді ол.' (the Kazakh verb closes the sentence)
  said_comma   'He said, "..."' / '... stating, "and that is all."' (the verb right before the quote)
  said_apposed '"...," Boris Ivanov, the prime minister, said.' / '"...," Ivanov, 54, told reporters.' / '"...,"
               the prime minister, Boris Ivanov, said.' (an apposition between commas before the verb)
The speaker is the subject between the quote and the verb, else the words after the verb."""

from __future__ import annotations

import re

from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.marks import Span
from syuzhet.quotes.morph import Word

MAX_APPOSITION_WORDS = 8  # words of an apposition between commas ('the foreign minister of Ruritania')
MAX_SUBJECT_WORDS = 6  # words between the closing mark and the speech verb ('Lithuanian President X Y wrote')
_STOP = re.compile(r"[.;:!?()«»\"“”„]|,(?!\s*(?:who|whose|which)\b)")
_NOT_SUBJECT = {"that", "which", "when", "if", "because", "while", "and", "but", "as", "after", "before", "to"}
_INNER_END = ",?!"  # (a full stop inside the marks ends the sentence: no attribution follows)


def find(doc: Doc, span: Span) -> Found | None:
    return _said_after(doc, span) or _said_comma(doc, span) or _said_apposed(doc, span)


def _said_after(doc: Doc, span: Span) -> Found | None:
    if not runs("said_after", doc.lex.lang):
        return None
    rest = doc.text[span.outer_end : doc.sentence(span.outer_end)[1]]
    comma = re.match(r"\s*,?\s*", rest)
    start = span.outer_end + (comma.end() if comma else 0)
    inner_end = doc.text[span.end - 1 : span.close].strip()[-1:]
    if doc.lex.lang == "en" and not (inner_end and inner_end in _INNER_END) and "," not in rest[:2]:
        return None  # 'the "Trump route" project will be presented': a quoted name inside a sentence
    if doc.lex.lang == "en" and doc.sentence(span.open) != doc.sentence(span.outer_end):
        return None  # the quotation ended its sentence: what follows is another one
    stop = _STOP.search(doc.text, start, doc.sentence(start)[1])
    ws = doc.words_in(start, stop.start() if stop else doc.sentence(start)[1])[: MAX_SUBJECT_WORDS + 1]
    cue = next((w for w in ws if doc.is_verb(w)), None)
    if cue is None or any(w.text.lower() in _NOT_SUBJECT for w in ws if w.start < cue.start):
        return None
    who = speakers.before(doc, cue, start) or speakers.after(doc, cue.end)
    if who is None and doc.lex.lang == "en":
        return None  # '"...," emphasizing ...': a participle, nobody named as saying it
    return Found("direct", span.start, span.end, "said_after", cue.text, cue.start, who)


def _said_comma(doc: Doc, span: Span) -> Found | None:
    if not runs("said_comma", doc.lex.lang):
        return None
    sent_start = doc.sentence(span.open)[0]
    head = doc.text[sent_start : span.open]
    if not re.search(r",\s*$", head):
        return None
    ws = doc.words_in(sent_start, span.open)
    cue: Word | None = next((w for w in reversed(ws[-2:]) if doc.is_verb(w)), None)
    if cue is None:
        return None
    who = speakers.before(doc, cue) or speakers.after(doc, cue.end, span.open)
    return Found("direct", span.start, span.end, "said_comma", cue.text, cue.start, who)


def _said_apposed(doc: Doc, span: Span) -> Found | None:
    """'"...," NAME, APPOSITION, said': a subject, an apposition between commas, then the speech verb right
    after the second comma. The speaker is a person named in either part, else the subject's words."""
    if not runs("said_apposed", doc.lex.lang) or doc.lex.lang != "en":
        return None
    inner_end = doc.text[span.end - 1 : span.close].strip()[-1:]
    if not (inner_end and inner_end in _INNER_END) or doc.sentence(span.open) != doc.sentence(span.outer_end):
        return None
    end = doc.sentence(span.outer_end)[1]
    parts = re.match(r"(\s*,?\s*)([^,.;:!?()\"“”]+),([^,.;:!?()\"“”]+),\s*", doc.text[span.outer_end : end])
    if parts is None:
        return None
    start = span.outer_end + parts.end(1)
    comma1, comma2 = span.outer_end + parts.end(2), span.outer_end + parts.end(3)
    subject, apposition = doc.words_in(start, comma1), doc.words_in(comma1, comma2)
    if not subject or len(subject) > MAX_SUBJECT_WORDS or len(apposition) > MAX_APPOSITION_WORDS:
        return None
    if any(doc.is_verb(w) or w.text.lower() in _NOT_SUBJECT for w in subject + apposition):
        return None
    cue = doc.words_in(span.outer_end + parts.end(), end)[:1]
    if not cue or cue[0].start != span.outer_end + parts.end() or not doc.is_verb(cue[0]):
        return None
    person = next((m for m in doc.persons if start <= m.start and m.end <= comma2), None)
    who = (speakers.Speaker(person.text, person.start, person.end, "name", mention=person) if person is not None
           else speakers.first(doc, start, comma1))
    if who is None:
        return None
    return Found("direct", span.start, span.end, "said_apposed", cue[0].text, cue[0].start, who)
