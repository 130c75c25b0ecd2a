"""Reported (indirect) speech: a clause attributed to a source.

  verb_that        'Кулаев заявил, что ...', 'обвинила Биби в том, что ...', 'Він заявив, що ...'
  impersonal_that  'Отмечается, что ...', 'Повідомляється, що ...' (no speaker)
  source_clause    'По словам X, ...', 'По его словам, ...', 'за його словами ...', 'На думку лікаря, ...'
  as_verb          'Как отметил X, ...', 'Як зазначив X, ...' (not a back-reference: 'Как сообщало ИА REGNUM, ...')
  postposed        '<clause>, заявил X.' / '<clause>, передает агентство AP'
  this_was_said    '<sentence>. Об этом сообщил X.' / 'Про це повідомив X.' (with the sentences before it that
                   it continues: '<s1>. Кроме того, <s2>. Об этом написала X.')
A clause stops at the end of its sentence, before a following quote (': «'), before a second cue
(', подчеркнув, что') and before a post-posed attribution."""

from __future__ import annotations

import itertools
import re

from syuzhet.quotes import english, kazakh, speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word, is_finite_report, lemmas, pos, readings

_THAT = re.compile(r"(?:,\s*|\s+(?:о|в|об|про|у)\s+(?:том|те|тому)\s*,\s*)(?:что|що|that)\b", re.IGNORECASE)
_THAT_BARE = re.compile(r"\s+that\b", re.IGNORECASE)  # English 'said that ...' needs no comma
_AS = {"как", "як", "as"}
MAX_CUE_GAP = 9  # words between a speech verb and its ', что'
MAX_REACH = 700  # characters back from 'Об этом сообщил X' over the sentences it attributes
_GERUND = ("GRND",)
_EDITORIAL = re.compile(r"\([^()\n]{0,80}[—–-]\s*[^\s()]{1,8}\s*\.?\s*\)")
_ABOUT = {"о", "об", "обо", "про"}
_THAT_WORDS = {"том", "те", "тому", "тім", "то"}


def find(doc: Doc, consumed: set[int]) -> list[Found]:
    found: list[Found] = []
    for i, w in enumerate(doc.words):
        low = w.text.lower()
        if low in doc.lex.impersonal or (doc.is_verb(w) and is_finite_report(w.text, doc.lang)):
            hit = _verb_that(doc, w, consumed) or _as_verb(doc, i, w) or _postposed(doc, w)
            if hit:
                found.append(hit)
    found.extend(_source_clauses(doc, consumed))
    return found


def _clause_end(doc: Doc, start: int) -> int:
    """End of a reported clause that starts at ``start``."""
    end = doc.sentence(start)[1]
    cut = re.compile(r":\s*[«\"„“]|\s\((?!\w+\s*-)|,\s*(?=[—–-]?\s*\w+)")
    for m in cut.finditer(doc.text, start, end):
        if m.group().startswith(","):
            nxt = doc.words_in(m.end(), end)[:1]
            if not nxt or not doc.is_verb(nxt[0]):
                continue
        if doc.in_quote(m.start()) and not doc.in_quote(start):
            continue
        if doc.in_quote(start) and _EDITORIAL.match(doc.text, m.end() - 1):
            continue  # inside a quotation an editor's insertion ('(авиакомпаниям.— “Ъ” )') belongs to the words
        if m.group().endswith("(") and _words_after_parenthesis(doc.text, m.end(), end):
            continue  # 'that the detainees (the priests among them) are kept ...': the clause goes on after it
        return m.start()
    return end


def _words_after_parenthesis(text: str, after_open: int, end: int) -> bool:
    """A parenthesis opened at ``after_open`` closes inside the sentence and words follow it there."""
    close = text.find(")", after_open, end)
    return close >= 0 and bool(re.search(r"\w", text[close + 1 : end]))


def _verb_that(doc: Doc, cue: Word, consumed: set[int]) -> Found | None:
    before = doc.words_in(doc.sentence(cue.start)[0], cue.start)[-1:]
    if doc.lang == "en" and before and before[0].text.lower() == "to":
        return None  # 'no reason to claim that ...': an infinitive reports nothing
    ws = doc.words_in(cue.end, doc.sentence(cue.start)[1])[: MAX_CUE_GAP + 3]
    limit = ws[-1].end if ws else cue.end
    m, rule = _THAT.search(doc.text, cue.end, limit), "verb_that"
    if not m and runs("said_that", doc.lex.lang):
        m, rule = _THAT_BARE.search(doc.text, cue.end, limit), "said_that"
    if not m or any(c in doc.text[cue.end : m.start()] for c in ',.;:!?«»"“„()') or _word_at(doc, m.end()) in consumed:
        return None
    if len(doc.words_in(cue.end, m.start())) > MAX_CUE_GAP:
        return None
    start, end = clause(doc, m.end(), _clause_end(doc, m.end()))
    if end - start < 3 or _all_quoted(doc, start, end):
        return None
    if m.group().lstrip().startswith(",") and _relative_that(doc, cue.end, m.start()):
        return None
    if cue.text.lower() in doc.lex.impersonal:
        who = speakers.after(doc, cue.end, m.start())
        rule = "impersonal_that" if who is None else "verb_that"
        return Found("indirect", start, end, rule, cue.text, cue.start, who)
    who = english.subject_of_cue(doc, cue) or speakers.after(doc, cue.end, m.start())
    return Found("indirect", start, end, rule, cue.text, cue.start, who)


def _all_quoted(doc: Doc, start: int, end: int) -> bool:
    """'додав, що "робота триває"': a clause that is one quotation is direct speech, not reported."""
    return any(sp.open == start and sp.outer_end >= end for sp in doc.spans if not sp.depth)


def _relative_that(doc: Doc, start: int, end: int) -> bool:
    """'заявили о сложении полномочий, что «несколько удивило» Мэй': after a complete 'о/про <noun>' object the
    'что' is a relative pronoun ('which'), not the start of what was said ('о том, что' is)."""
    ws = doc.words_in(start, end)
    return any(w.text.lower() in _ABOUT and nxt.text.lower() not in _THAT_WORDS for w, nxt in itertools.pairwise(ws))


def _word_at(doc: Doc, pos_: int) -> int:
    """Offset of the 'что' ending at ``pos_`` (the key ``consumed`` uses)."""
    ws = doc.words_in(max(0, pos_ - 4), pos_)
    return ws[-1].start if ws else pos_


def _as_verb(doc: Doc, i: int, cue: Word) -> Found | None:
    if i == 0 or doc.words[i - 1].text.lower() not in _AS or _back_reference(doc, cue):
        return None
    _sent_start, sent_end = doc.sentence(cue.start)
    person = next((m for m in doc.persons if cue.end <= m.start < sent_end), None)
    comma = doc.text.find(",", person.end if person else cue.end, sent_end)
    if comma < 0 and person is not None:  # 'Як повідомив телеканал «Белсат», <clause naming a person>'
        comma = doc.text.find(",", cue.end, person.start)
        person = None
    if comma < 0:
        return None
    start, end = clause(doc, comma + 1, _clause_end(doc, comma + 1))
    who = speakers.after(doc, cue.end, comma)
    if person and (who is None or who.kind != "name"):
        who = speakers.Speaker(person.text, person.start, person.end, "name", mention=person)
    return Found("indirect", start, end, "as_verb", f"{doc.words[i - 1].text.lower()} {cue.text}", cue.start, who)


def _topic(doc: Doc, start: int) -> bool:
    """A clause opening with 'Об этом', 'Про те, які ...' names a topic, not a statement (``{lang}_topics.txt``)."""
    head = doc.text[start : start + 40].lower()
    return any(head.startswith(t) and not head[len(t) : len(t) + 1].isalnum() for t in doc.lex.topics)


def _back_reference(doc: Doc, cue: Word) -> bool:
    """'Как сообщало ИА REGNUM, ...', 'Як повідомляв УНІАН, ...': a news verb in the past imperfective points back
    to an earlier report (the outlet's own voice), not to what a source said (``{lang}_back_references.txt``)."""
    rs = readings(cue.text, doc.lang)
    return bool(rs) and {"impf", "past"} <= rs[0] and bool(lemmas(cue.text, doc.lang) & doc.lex.back_references)


def _postposed(doc: Doc, cue: Word) -> Found | None:
    sent_start, _sent_end = doc.sentence(cue.start)
    head = doc.text[sent_start : cue.start]
    m = re.search(r"(?:,|\s[—–-])\s*$", head) or _comma_opener(doc, head)
    if not m or pos(cue.text, doc.lang) in _GERUND or pos(cue.text, doc.lang) == "INFN":
        return None
    if _THAT.match(doc.text, cue.end) or re.match(r"\s*,\s*(?:что|що)", doc.text[cue.end : cue.end + 8]):
        return None
    start, end = clause(doc, sent_start, sent_start + m.start())
    if end - start < 15 or doc.text[start] in "«\"„“'" or doc.text[end - 1] in "»\"“”'":
        return None
    if doc.in_quote(cue.start) and not doc.in_quote(start):
        return None  # a verb inside a quotation attributes nothing outside it ('заявив, що документ «..., підтвердить'
    if doc.in_quote(start) or len(doc.words_in(start, end)) < 3 or _topic(doc, start):
        return None  # 'Про це йдеться у звіті, передає X', 'Про те, які вакцини ..., розповів X': no statement
    who = speakers.after(doc, cue.end) or speakers.after(doc, cue.end, any_case=True)
    if who is None or not speakers.subject_of(doc, who, cue):
        return None  # '<clause>, попросила західні країни ...': an object, not who spoke
    return Found("indirect", start, end, "postposed", cue.text, cue.start, who)


def _source_clauses(doc: Doc, consumed: set[int]) -> list[Found]:
    found: list[Found] = []
    lower = doc.text.lower()
    for phrase in doc.lex.sources:
        if phrase not in lower:
            continue  # the plain test is much cheaper than the scan below and settles most phrases
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lower):
            at = m.start()
            if at in consumed or any(f.cue_at == at for f in found):
                continue
            _sent_start, sent_end = doc.sentence(at)
            commas = re.compile(r",(?!\d)").search(lower, m.end(), sent_end)  # ('20,085' is a number)
            comma = commas.start() if commas else -1
            if comma < 0 or len(doc.words_in(m.end(), comma)) > 12:
                continue
            if doc.text[:at].rstrip().endswith(",") and english.apposition_tail(doc, comma, sent_end):
                continue  # '<clause>, according to X, a data firm.': source_after's, no clause after X
            start, end = clause(doc, comma + 1, _clause_end(doc, comma + 1))
            if end - start < 10:
                continue
            who = speakers.possessive(doc, at, phrase) or speakers.after(doc, m.end(), comma + 1, any_case=True)
            who = who or kazakh.source_speaker(doc, at) or english.source_noun_phrase(doc, m.end(), comma)
            found.append(Found("indirect", start, end, "source_clause", phrase, at, who))
    return found


def this_was_said(doc: Doc, taken: list[Found]) -> list[Found]:
    """'<sentence>. Об этом сообщил X.': the sentence before, when no other rule attributed it."""
    found: list[Found] = []
    for k, (s0, s1) in enumerate(doc.sentences[1:], start=1):
        this = _opener(doc, s0, s1)
        if not this:
            continue
        cue = next((w for w in doc.words_in(s0, s1) if doc.is_verb(w)), None)
        prev0, prev1 = doc.sentences[k - 1]
        if not cue or any(f.start < prev1 and prev0 < f.end for f in taken):
            continue
        later, between = speakers.after(doc, cue.end), speakers.before(doc, cue, s0 + this.end())
        who = later if later is not None and later.kind != "other" else between or later  # 'он заявил в интервью'
        if who is None or (who.start > cue.start and _runs_on(doc, who.end, s1)):
            continue  # 'Об этом сообщает Демонстранты перекрывают ...': the source was lost, a sentence follows
        whole = _after_newline(doc, s0)  # 'Про це повідомив X.' opening a paragraph: the paragraph before it
        while k > 1 and not _after_newline(doc, prev0) and (whole or _continues(doc, prev0, prev1)):
            p0, p1 = doc.sentences[k - 2]  # '... . Кроме того, ... . Об этом сообщил X.'
            if s0 - p0 > MAX_REACH or any(f.start < p1 and p0 < f.end for f in taken):
                break
            k, prev0 = k - 1, p0
        start, end = clause(doc, prev0, prev1)
        if end - start > 15:
            found.append(Found("indirect", start, end, "this_was_said", cue.text, cue.start, who))
    return found


def _opener(doc: Doc, start: int, end: int) -> re.Match[str] | None:
    """'Об этом ...', 'Про це ...', 'This was ...': the opening of a sentence attributing the one before it."""
    for phrase in doc.lex.openers:
        if m := re.match(rf"\s*{re.escape(phrase)}(?!\w)", doc.text[start:end], re.IGNORECASE):
            return m
    return None


def _comma_opener(doc: Doc, head: str) -> re.Match[str] | None:
    """'<clause>, про це пишуть X': an opener between the comma and the verb."""
    for phrase in doc.lex.openers:
        if m := re.search(rf",\s*{re.escape(phrase)}\s*$", head, re.IGNORECASE):
            return m
    return None


def _after_newline(doc: Doc, at: int) -> bool:
    return doc.text[:at].rstrip(" \t").endswith("\n")


def _continues(doc: Doc, start: int, end: int) -> bool:
    """A sentence opening with 'Кроме того', 'Також' adds to the one before it."""
    head = doc.text[start:end].lstrip().lower()
    return any(head.startswith(c) and not head[len(c) : len(c) + 1].isalnum() for c in doc.lex.continuations)


def _runs_on(doc: Doc, start: int, end: int) -> bool:
    """A finite verb right after the speaker ('сообщает Демонстранты перекрывают дороги'): the words are the next
    sentence (the source's name was lost), not the rest of the attribution."""
    for w in doc.words_in(start, end)[:2]:
        if re.search(r"[^\w\s]", doc.text[start : w.start]):
            return False
        if pos(w.text, doc.lang) == "VERB":
            return True
    return False
