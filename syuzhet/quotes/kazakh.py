"""Kazakh reported speech, where the speech verb closes the sentence:

  dep_said      '<statement> деп атап өтті.' / 'Министр <statement> деп мәлімдеді.' / '... деп жазды X.'
  nominal_said  'Президент <statement ending in a nominal: -ғанын, -атынын, -тынына> айтты / сенім білдірді.'

The speaker is the subject opening the sentence (a name, a pronoun, a role or organisation noun), else the
name after the verb. Suffixes of the nominal forms: ``data/quotes/kk_nominal_endings.txt``."""

from __future__ import annotations

from syuzhet.data import lines, phrases
from syuzhet.entities.kk_morph import base_word
from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word

_DEP = {"деп", "dep", "دەپ"}
MAX_TAIL_WORDS = 4  # words after 'деп' (the verb and a speaker named after it)
MIN_WORDS = 3
MAX_SOURCE_WORDS = 6  # words of a source named between the statement and the verb


def find(doc: Doc) -> list[Found]:
    if doc.lex.lang != "kk":
        return []
    found: list[Found] = []
    for s0, s1 in doc.sentences:
        ws = doc.words_in(s0, s1)
        hit = _dep(doc, ws, s1) if runs("dep_said", "kk") else None
        hit = hit or (_nominal(doc, ws) if runs("nominal_said", "kk") else None)
        if hit is not None and not doc.in_quote(hit.start):
            found.append(hit)
    return found


def _subject(doc: Doc, ws: list[Word]) -> tuple[speakers.Speaker | None, int]:
    """The subject opening a sentence and the index of the first word after it."""
    k = 0
    while k < len(ws) and any(ws[k].text.lower().startswith(c.split()[0]) for c in doc.lex.continuations):
        k += 1
    if k >= len(ws):
        return None, k
    w = ws[k]
    if (m := doc.person_at(w.start, w.end)) is not None:
        end = next((i for i, x in enumerate(ws) if x.start >= m.end), len(ws))
        return speakers.Speaker(m.text, m.start, m.end, "name", mention=m), end
    low = w.text.lower()
    if low in doc.lex.pronouns:
        return speakers.Speaker(w.text, w.start, w.end, "pronoun", doc.lex.pronouns[low]), k + 1
    if k + 1 < len(ws) and ws[k + 1].text.lower() in doc.lex.roles | doc.lex.org_nouns:
        j = k + 1  # 'Мемлекет басшысы', 'Франция президенті'
        while runs("kk_subject_extended", "kk") and j + 1 < len(ws) and ws[j + 1].text.lower() in doc.lex.org_nouns:
            j += 1  # kk_subject_extended: 'Министрліктің баспасөз қызметі'
        w2 = ws[j]
        named = doc.person_at(ws[j + 1].start, ws[j + 1].end) if j + 1 < len(ws) else None
        if (m := named) is not None and runs("kk_subject_extended", "kk"):
            end = next((i for i, x in enumerate(ws) if x.start >= m.end), len(ws))  # 'Қала әкімі Ержан Сейітов'
            return speakers.Speaker(m.text, m.start, m.end, "name", mention=m), end
        kind = "role" if w2.text.lower() in doc.lex.roles else "org"
        return speakers.Speaker(doc.text[w.start : w2.end], w.start, w2.end, kind, role=w2.text.lower()), j + 1
    if low in doc.lex.roles:
        return speakers.Speaker(w.text, w.start, w.end, "role", role=low), k + 1
    return None, k


def _dep(doc: Doc, ws: list[Word], sent_end: int) -> Found | None:
    """'<statement> деп мәлімдеді X' and (dedi_said) '<statement>, деді X' / 'X <statement> дейді': 'деп' and a
    speech verb in the tail, or a finite form of 'де-' (``kk_say_finite.txt``) that is the verb itself."""
    finite = phrases("quotes/kk_say_finite") if runs("dedi_said", "kk") else frozenset()
    at = next((i for i, w in enumerate(ws) if w.text.lower() in _DEP or w.text.lower() in finite), None)
    if at is None:
        return None
    said = ws[at].text.lower() in finite
    tail = ws[at + 1 :]
    if not said and (not 1 <= len(tail) <= MAX_TAIL_WORDS or not any(doc.is_verb(w) for w in tail)):
        return None
    if said and len(tail) >= MAX_TAIL_WORDS:
        return None
    who, first = _subject(doc, ws)
    if at - first < MIN_WORDS:
        return None
    start, end = clause(doc, ws[first].start, ws[at].start)
    if doc.in_quote(start) or doc.text[start] in "«\"„“" or doc.in_quote(end - 1):
        return None  # a quotation: direct speech
    if tail:
        who = who or speakers.after(doc, tail[-1].start, sent_end) or speakers.after(doc, tail[0].end, sent_end)
    rule = "dedi_said" if said else "dep_said"
    return Found("indirect", start, end, rule, ws[at].text, ws[at].start, who)


def _nominal(doc: Doc, ws: list[Word]) -> Found | None:
    endings = lines("quotes/kk_nominal_endings")
    verb = next((i for i, w in enumerate(ws) if i >= 2 and doc.is_verb(w)), None)
    if verb is None or len(ws) - verb > 2:
        return None
    last = next((w for w in (ws[verb - 1], ws[verb - 2]) if w.text.lower().endswith(endings)), None)
    if last is None:  # (the nominal may stand before the object of a light verb: '... -тынына сенім білдірді')
        return _source_between(doc, ws, verb, endings) if runs("nominal_source_between", "kk") else None
    who, first = _subject(doc, ws)
    if who is None or verb - first < MIN_WORDS:
        return None
    start, end = clause(doc, ws[first].start, last.end)
    return Found("indirect", start, end, "nominal_said", ws[verb].text, ws[verb].start, who)


def _source_between(doc: Doc, ws: list[Word], verb: int, endings: tuple[str, ...]) -> Found | None:
    """nominal_source_between: '<statement ending in -ғанын> <the ministry's press service> хабарлаған': the
    source stands between the nominal that closes the statement and the verb."""
    k = next((i for i in range(verb - 2, max(-1, verb - 2 - MAX_SOURCE_WORDS), -1)
              if ws[i].text.lower().endswith(endings)), None)
    if k is None or k + 1 < MIN_WORDS:
        return None
    source = ws[k + 1 : verb]
    who = speakers.first(doc, source[0].start, source[-1].end)
    if who is None and source[0].text[:1].isupper():
        who = speakers.Speaker(doc.text[source[0].start : source[-1].end], source[0].start, source[-1].end, "other")
    if who is None:
        return None
    start, end = clause(doc, ws[0].start, ws[k].end)
    return Found("indirect", start, end, "nominal_said", ws[verb].text, ws[verb].start, who)


def source_before(doc: Doc, at: int) -> speakers.Speaker | None:
    """kk_source_before: 'Ержан Сейітовтің айтуынша, ...', 'Оның сөзінше, ...', 'Сарапшылардың пікірінше, ...':
    in Kazakh the source stands right before the postposition, in the genitive (``entities.kk_morph``)."""
    if doc.lex.lang != "kk" or not runs("kk_source_before", "kk"):
        return None
    ws = doc.words_in(doc.sentence(at)[0], at)
    if not ws or doc.text[ws[-1].end : at].strip():
        return None
    w = ws[-1]
    if (m := doc.person_at(w.start, w.end)) is not None:
        return speakers.Speaker(m.text, m.start, m.end, "name", mention=m)
    low = w.text.lower()
    if low in doc.lex.pronouns:
        return speakers.Speaker(w.text, w.start, w.end, "pronoun", doc.lex.pronouns[low])
    base = base_word(low)
    if base in doc.lex.roles or _plural_base(base) in doc.lex.roles:
        return speakers.Speaker(w.text, w.start, w.end, "role", role=base)
    if base in doc.lex.org_nouns or w.text[:1].isupper():
        return speakers.Speaker(w.text, w.start, w.end, "other")
    return None


def _plural_base(word: str) -> str:
    """'сарапшылар' -> 'сарапшы' (the plural suffixes of ``kk_plural_endings.txt``)."""
    ending = next((e for e in lines("quotes/kk_plural_endings") if word.endswith(e) and len(word) > len(e) + 2), "")
    return word[: len(word) - len(ending)]
