"""Direct speech written as a dialogue line, without quotation marks:

  dash_said   '- Words of the speaker, words, – написал он.' / '– ..., – деді президент.'
              (a line that opens with a dash and closes with a dash, a speech verb and the speaker)

The words are the line from after its opening dash up to the punctuation before the closing dash; the
speaker is named after the verb (a pronoun resolves to who spoke or was named before). Lines inside
quotation marks and question lines of an interview (the interview rule takes those) are left alone."""

from __future__ import annotations

import re

from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs

_OPEN = re.compile(r"[ \t]*[—–-][ \t]+")
_CLOSE = re.compile(r"([,.!?…])?[ \t]*[—–-]{1,2}[ \t]*(?=\w)")
MAX_TAIL_WORDS = 12  # words of the attribution after the closing dash (with where and when)
MIN_WORDS = 4


def find(doc: Doc) -> list[Found]:
    if not runs("dash_said", doc.lex.lang):
        return []
    found: list[Found] = []
    for line in re.finditer(r"[^\n]+", doc.text):
        opening = _OPEN.match(line.group())
        if not opening or doc.in_quote(line.start()):
            continue
        hit = _line(doc, line.start() + opening.end(), line.end())
        if hit is not None:
            found.append(hit)
    return found


def _line(doc: Doc, start: int, end: int) -> Found | None:
    closing = None
    for m in _CLOSE.finditer(doc.text, start, end):
        closing = m
    if closing is None or closing.start() - start < 10:
        return None
    tail = doc.words_in(closing.end(), end)
    cue = next((w for w in tail[:2] if doc.is_verb(w)), None)
    if cue is None or len(tail) > MAX_TAIL_WORDS:
        return None
    s0, s1 = clause(doc, start, closing.start() + (1 if closing.group(1) in ("!", "?", "…") else 0))
    if len(doc.words_in(s0, s1)) < MIN_WORDS:
        return None
    who = speakers.after(doc, cue.end, end) or speakers.before(doc, cue, closing.end())
    return Found("direct", s0, s1, "dash_said", cue.text, cue.start, who)
