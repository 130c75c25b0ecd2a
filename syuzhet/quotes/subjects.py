"""Is a person mention a subject, someone a later 'он' or 'the minister' can point back to?

Russian and Ukrainian: every capitalised word of the mention can be nominative, no preposition governs it,
and the role noun it stands in apposition to can be nominative ('президента Азербайджана Ильхама Алиева' is
no subject, 'Премьер-министр Пакистана Имран Хан' is); with subject_not_after_noun (``rule_langs.txt``), a name
right after a lowercase common noun in an oblique case is its dependent ('поддержал позицию Петра Сидорова');
with subject_not_after_oblique_head, so is a name after capitalised words that follow a lowercase animate noun
which cannot be a singular nominative ('до прем'єр-міністерки Великобританії ...').
English has no case: a mention is a subject when nothing but titles (capitalised words) stands between it
and the start of its clause (the sentence start, a comma, 'and', 'but'), or when a speech verb follows it."""

from __future__ import annotations

import re

from syuzhet.model import Mention
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word, can_be_nominative, lemma, pos, readings
from syuzhet.quotes.speakers import mention_genders

_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]|\band|\bbut|\bwhile)\s*$")


def is_subject(doc: Doc, m: Mention) -> bool:
    if doc.lang in ("ru", "uk"):
        return bool(mention_genders(doc, m)) and not _dependent(doc, m)
    if doc.lang == "en":
        return _english_subject(doc, m)
    return True


def _dependent(doc: Doc, m: Mention) -> bool:
    """Right after a preposition, or in apposition to a role noun that is not nominative (walking back over
    the capitalised words between them: 'президента Азербайджана Ильхама Алиева'; but 'Премьер-министр
    Пакистана Имран Хан' is a subject)."""
    ws = doc.words_in(doc.sentence(m.start)[0], m.start)
    at = m.start
    for w in reversed(ws):
        if doc.text[w.end : at].strip():
            return False
        if any("PREP" in r for r in readings(w.text, doc.lang)) and at == m.start:
            return True
        if at == m.start and _governing_noun(doc, w) and runs("subject_not_after_noun", doc.lang):
            return True  # 'підтвердив заяву Умєрова': a name right after a common noun depends on it
        if lemma(w.text, doc.lang) in doc.lex.roles:
            return not can_be_nominative(w.text, doc.lang)
        if at != m.start and _oblique_head(doc, w) and runs("subject_not_after_oblique_head", doc.lang):
            return True  # 'до прем'єр-міністерки Великобританії Терези Мей': a head noun no role list has
        if not w.text[:1].isupper():
            return False
        at = w.start
    return False


def _oblique_head(doc: Doc, w: Word) -> bool:
    """A lowercase animate noun that cannot be a singular nominative (a plural one names no single person),
    before the capitalised words of a name."""
    rs = readings(w.text, doc.lang)
    return (w.text.islower() and bool(rs) and all("NOUN" in r and "anim" in r for r in rs)
            and not any("nomn" in r and "plur" not in r for r in rs))


MAX_ROLE_PHRASE = 6  # words back from a noun to the role noun whose phrase it ends ('Эксперт ... исследований')


def _governing_noun(doc: Doc, w: Word) -> bool:
    """A lowercase common noun in an oblique case that is no role ('заяву', 'словам'): a name right after it is
    its dependent, unless the noun ends a role's phrase ('Эксперт Международного института ... исследований
    Владимир Брутер', where the name stands in apposition to the role)."""
    if not w.text.islower() or pos(w.text, doc.lang) != "NOUN" or lemma(w.text, doc.lang) in doc.lex.roles:
        return False
    if can_be_nominative(w.text, doc.lang):
        return False
    phrase = doc.words_in(doc.sentence(w.start)[0], w.start)[-MAX_ROLE_PHRASE:]
    for prev in reversed(phrase):
        if re.search(r"[,;:.!?«»\"()—–]", doc.text[prev.end : w.start]):
            break
        if lemma(prev.text, doc.lang) in doc.lex.roles:
            return False
    return True


def _english_subject(doc: Doc, m: Mention) -> bool:
    sent_start = doc.sentence(m.start)[0]
    before = doc.text[sent_start : m.start]
    ws = doc.words_in(sent_start, m.start)
    k = len(ws)
    while k and ws[k - 1].text[:1].isupper() and not doc.text[ws[k - 1].end : _next_start(ws, k, m)].strip():
        k -= 1  # 'Prime Minister', 'Lithuanian President'
    head = before[: ws[k].start - sent_start] if k < len(ws) else before
    if _CLAUSE_START.search(head) or not head.strip():
        return True
    after = doc.words_in(m.end, doc.sentence(m.start)[1])[:1]
    return bool(after) and doc.is_verb(after[0])


def _next_start(ws: list[Word], k: int, m: Mention) -> int:
    return ws[k].start if k < len(ws) else m.start
