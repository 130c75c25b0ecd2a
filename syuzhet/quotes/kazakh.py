"""Kazakh reported speech, where the speech verb closes the sentence:

  dep_said      '<statement> деп атап өтті.' / 'Министр <statement> деп мәлімдеді.' / '... деп жазды X.'
  nominal_said  'Президент <statement ending in a nominal: -ғанын, -атынын, -тынына> айтты / сенім білдірді.'
  nominal_object_first  '<statement ending in a nominal> министрлік хабарлады.' (the object first, the
                speaker between it and the verb)

The speaker is the subject opening the sentence (a name, a pronoun, a role or organisation noun), else the
name after the verb. Suffixes of the nominal forms: ``data/quotes/kk_nominal_endings.txt``."""

from __future__ import annotations

from syuzhet.data import lines
from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word

_DEP = {"деп", "dep", "دەپ"}
_DEGEN = {"деген", "degen", "دەگەن"}
MAX_TAIL_WORDS = 4  # words after 'деп' (the verb and a speaker named after it)
MIN_WORDS = 3
MIN_NOMINAL_WORDS = 2  # words of a statement closed by a nominal form ('инфляция баяулағанын')
MAX_SPEAKER_WORDS = 6  # nominal_object_first: words between the nominal and the verb
MAX_SUBJECT_WORDS = 5  # kazakh_head_subject: words of a subject up to its head noun
MAX_SOURCE_WORDS = 4  # source_speaker_before: words before 'айтуынша' that name its speaker
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер", "lar", "ler", "dar", "der", "tar", "ter")  # plural suffixes
MIN_NOUN = 5  # letters of an organisation or role noun a case ending may follow ('министрлігінің')


def find(doc: Doc) -> list[Found]:
    if doc.lex.lang != "kk":
        return []
    found: list[Found] = []
    for s0, s1 in doc.sentences:
        ws = doc.words_in(s0, s1)
        hit = _dep(doc, ws, s1) if runs("dep_said", "kk") else None
        hit = hit or (_nominal(doc, ws) if runs("nominal_said", "kk") else None)
        hit = hit or (_object_first(doc, ws) if runs("nominal_object_first", "kk") else None)
        if hit is not None and not doc.in_quote(hit.start):
            found.append(hit)
    return found


def _subject(doc: Doc, ws: list[Word]) -> tuple[speakers.Speaker | None, int]:
    """The subject opening a sentence and the index of the first word after it."""
    k = opening(doc, ws)
    if k >= len(ws):
        return None, k
    w = ws[k]
    if (m := doc.person_at(w.start, w.end)) is not None:
        end = next((i for i, x in enumerate(ws) if x.start >= m.end), len(ws))
        return speakers.Speaker(m.text, m.start, m.end, "name", mention=m), end
    low = w.text.lower()
    if low in doc.lex.nominative:  # ('ол', not the genitive 'оның' of 'Оның айтуынша')
        return speakers.Speaker(w.text, w.start, w.end, "pronoun", doc.lex.pronouns[low]), k + 1
    if runs("kazakh_head_subject", "kk"):
        return _head_subject(doc, ws, k)
    if k + 1 < len(ws) and ws[k + 1].text.lower() in doc.lex.roles | doc.lex.org_nouns:
        w2 = ws[k + 1]  # 'Мемлекет басшысы', 'Франция президенті'
        kind = "role" if w2.text.lower() in doc.lex.roles else "org"
        return speakers.Speaker(doc.text[w.start : w2.end], w.start, w2.end, kind, role=w2.text.lower()), k + 2
    if low in doc.lex.roles:
        return speakers.Speaker(w.text, w.start, w.end, "role", role=low), k + 1
    return None, k


def opening(doc: Doc, ws: list[Word]) -> int:
    """The index of the first word after the continuations opening a sentence ('Сондай-ақ', 'Сонымен қатар',
    'Ал'), each matched word by word."""
    k = 0
    while k < len(ws):
        if runs("kazakh_exact_openers", "kk"):
            n = next((len(c.split()) for c in doc.lex.continuations
                      if [w.text.lower() for w in ws[k : k + len(c.split())]] == c.split()), 0)
        else:
            n = int(any(ws[k].text.lower().startswith(c.split()[0]) for c in doc.lex.continuations))
        if not n:
            return k
        k += n
    return k


def _head_subject(doc: Doc, ws: list[Word], k: int) -> tuple[speakers.Speaker | None, int]:
    """kazakh_head_subject: a subject noun phrase that ends in a role or organisation noun in the nominative,
    within ``MAX_SUBJECT_WORDS`` words ('Су ресурстары министрі', 'Ұлттық банк төрағасы'); the speaker is the
    phrase up to its first such noun, without a case ending ('Қаржы министрлігінің баспасөз қызметі' ->
    'Қаржы министрлігі'), or the person named right after the phrase ('Облыс әкімі Ерлан Қали'), whose name is
    then no part of the statement either."""
    heads = doc.lex.roles | doc.lex.org_nouns
    first = next((h for h in range(k, min(k + MAX_SUBJECT_WORDS, len(ws))) if _head_noun(ws[h].text, heads)), None)
    if first is None or _broken(doc, ws[k].start, ws[first].start) or any(doc.is_verb(w) for w in ws[k:first]):
        return None, k
    last = first
    while last + 1 < len(ws) and _head_noun(ws[last + 1].text, heads) and not _broken(doc, ws[last].end,
                                                                                       ws[last + 1].start):
        last += 1  # 'министрлігінің баспасөз қызметі'
    if ws[last].text.lower() not in heads:
        return None, k  # ('Министрліктің шешімі'): a genitive, no subject
    nxt = ws[last + 1] if last + 1 < len(ws) else None
    if nxt is not None and (m := doc.person_at(nxt.start, nxt.end)) is not None and m.start >= ws[last].end:
        end = next((i for i, x in enumerate(ws) if x.start >= m.end), len(ws))
        return speakers.Speaker(m.text, m.start, m.end, "name", mention=m), end
    noun = _head_noun(ws[first].text, heads) or ""
    stop = ws[first].start + len(noun)
    kind = "role" if noun in doc.lex.roles else "org"
    return speakers.Speaker(doc.text[ws[k].start : stop], ws[k].start, stop, kind, role=noun), last + 1


def _head_noun(word: str, heads: frozenset[str]) -> str | None:
    """The role or organisation noun a word is, or begins with when a case ending follows ('министрлігінің')."""
    low = word.lower()
    return low if low in heads else _prefix_noun(low, heads)


def _prefix_noun(low: str, nouns: frozenset[str]) -> str | None:
    """The longest noun of ``nouns`` (``MIN_NOUN`` letters or more) that the lower-cased word begins with."""
    return max((n for n in nouns if low.startswith(n) and len(n) >= MIN_NOUN), key=len, default=None)


def _broken(doc: Doc, start: int, end: int) -> bool:
    """Punctuation between two words of a would-be subject: no single noun phrase."""
    return any(ch in ",.;:!?«»\"“”()—–" for ch in doc.text[start:end])


def _dep(doc: Doc, ws: list[Word], sent_end: int) -> Found | None:
    at = next((i for i, w in enumerate(ws) if w.text.lower() in _DEP or _degen(ws, i)), None)
    if at is None or not 1 <= len(ws) - at - 1 <= MAX_TAIL_WORDS:
        return None
    tail = ws[at + 1 :]
    if not any(doc.is_verb(w) for w in tail):
        return None
    who, first = _subject(doc, ws)
    if at - first < MIN_WORDS:
        return None
    start, end = clause(doc, ws[first].start, ws[at].start)
    if doc.in_quote(start) or doc.text[start] in "«\"„“":
        return None  # a quotation: direct speech
    if runs("dep_after_quote", "kk") and doc.text[start : ws[at].start].rstrip(" ,-–—").endswith(("»", '"', "”")):
        return None  # dep_after_quote: 'Ол сөзінде: «...», - деп атап өтті.' (the words before 'деп' are quoted)
    who = who or speakers.after(doc, tail[-1].start, sent_end) or speakers.after(doc, tail[0].end, sent_end)
    return Found("indirect", start, end, "dep_said", ws[at].text, ws[at].start, who)


def _degen(ws: list[Word], i: int) -> bool:
    """degen_noun: '<statement> деген сенім білдірді' / '... деген пікір айтты': 'деген' before a speech noun
    (``kk_speech_nouns.txt``) closes a statement as 'деп' does."""
    if ws[i].text.lower() not in _DEGEN or i + 1 >= len(ws) or not runs("degen_noun", "kk"):
        return False
    return ws[i + 1].text.lower() in lines("quotes/kk_speech_nouns")


def _nominal(doc: Doc, ws: list[Word]) -> Found | None:
    endings = lines("quotes/kk_nominal_endings")
    verb = next((i for i, w in enumerate(ws) if i >= 2 and doc.is_verb(w)), None)
    if verb is None or len(ws) - verb > 2:
        return None
    last = next((w for w in (ws[verb - 1], ws[verb - 2]) if w.text.lower().endswith(endings)), None)
    if last is None:  # (the nominal may stand before the object of a light verb: '... -тынына сенім білдірді')
        return None
    who, first = _subject(doc, ws)
    first += opening(doc, ws[first:])  # ('Ол сонымен қатар ...')
    if who is None or verb - first < MIN_NOMINAL_WORDS:
        return None
    start, end = clause(doc, ws[first].start, last.end)
    return Found("indirect", start, end, "nominal_said", ws[verb].text, ws[verb].start, who)


def _object_first(doc: Doc, ws: list[Word]) -> Found | None:
    """'<statement ending in -ғанын> <speaker> хабарлады.': the speaker named between the nominal and the verb."""
    endings = lines("quotes/kk_nominal_endings")
    verb = next((i for i in range(len(ws) - 1, max(len(ws) - 3, 1), -1) if doc.is_verb(ws[i])), None)
    if verb is None:
        return None
    last = next((k for k in range(verb - 2, max(verb - 2 - MAX_SPEAKER_WORDS, 0) - 1, -1)
                 if ws[k].text.lower().endswith(endings)), None)
    if last is None or last < MIN_WORDS - 1:
        return None
    who = named_in(doc, ws[last + 1 : verb])
    if who is None:
        return None
    first = opening(doc, ws[:last])
    start, end = clause(doc, ws[first].start, ws[last].end)
    if doc.in_quote(start) or doc.text[start] in "«\"„“":
        return None
    return Found("indirect", start, end, "nominal_object_first", ws[verb].text, ws[verb].start, who)


def named_in(doc: Doc, ws: list[Word]) -> speakers.Speaker | None:
    """The speaker in a few words (between a nominal and its verb, before 'айтуынша'): a person, else a pronoun
    ('оның'), else the phrase up to an organisation or role noun, without its case ending ('Ресей Төтенше
    жағдайлар министрлігінің баспасөз қызметі' -> '... министрлігі'), else capitalised words ('ҚазАқпарат')."""
    if not ws or any(doc.is_verb(w) for w in ws):
        return None
    if (m := next((m for w in ws if (m := doc.person_at(w.start, w.end)) is not None), None)) is not None:
        return speakers.Speaker(m.text, m.start, m.end, "name", mention=m)
    if (p := next((w for w in ws if w.text.lower() in doc.lex.pronouns), None)) is not None:
        return speakers.Speaker(p.text, p.start, p.end, "pronoun", doc.lex.pronouns[p.text.lower()])
    for w in ws:
        low = w.text.lower()
        for kind, nouns in (("org", doc.lex.org_nouns), ("role", doc.lex.roles)):
            noun = _prefix_noun(low, nouns)
            if noun is not None:
                end = w.start + len(noun)
                plural = "plur" if runs("kazakh_plural_source", "kk") and low[len(noun) :].startswith(_PLURAL) else None
                return speakers.Speaker(doc.text[ws[0].start : end], ws[0].start, end, kind, plural, role=noun)
    if all(w.text[:1].isupper() for w in ws):
        return speakers.Speaker(doc.text[ws[0].start : ws[-1].end], ws[0].start, ws[-1].end, "other")
    return None


def source_speaker(doc: Doc, at: int) -> speakers.Speaker | None:
    """source_speaker_before: 'Министрдің айтуынша, ...', 'Ержан Сейітов атап өткендей, ...': a Kazakh source
    phrase follows its speaker (in the genitive or nominative), within its clause."""
    if doc.lex.lang != "kk" or not runs("source_speaker_before", "kk"):
        return None
    s0 = doc.sentence(at)[0]
    comma = doc.text.rfind(",", s0, at)
    ws = doc.words_in(max(s0, comma + 1), at)[-MAX_SOURCE_WORDS:]
    return named_in(doc, ws)
