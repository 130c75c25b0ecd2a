"""Embedded social-media posts, which a page renders as the post's text followed by its signature line:

  post_signature  'Great to see the bridge open again! pic.twitter.com/abc\n— Ann Lee (@annlee) May 2, 2025'
                  (the line before a signature '— <name> (@handle) <date>' is the signer's own words)

The words are that line, whole; the speaker is the name in the signature (a person mention there when there
is one, else the words before the handle)."""

from __future__ import annotations

import re

from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs

_SIGNATURE = re.compile(r"^[ \t]*[—–-]{1,2}[ \t]*([^\n()@—–]{2,60}?)[ \t]*\(@\w{1,30}\)", re.MULTILINE)
MIN_WORDS = 3


def find(doc: Doc) -> list[Found]:
    if not runs("post_signature", doc.lex.lang):
        return []
    found: list[Found] = []
    for m in _SIGNATURE.finditer(doc.text):
        line_end = doc.text.rfind("\n", 0, m.start())
        if line_end <= 0:
            continue
        line_start = doc.text.rfind("\n", 0, line_end) + 1
        start, end = clause(doc, line_start, line_end)
        if len(doc.words_in(start, end)) < MIN_WORDS or doc.in_quote(start):
            continue
        name0, name1 = m.start(1), m.end(1)
        person = next((p for p in doc.persons if name0 <= p.start and p.end <= name1), None)
        who = (speakers.Speaker(person.text, person.start, person.end, "name", mention=person) if person
               else speakers.Speaker(m.group(1), name0, name1, "other"))
        found.append(Found("direct", start, end, "post_signature", None, name0, who))
    return found
