"""Direct speech: a quoted string counts as speech only when an attribution sits next to it.

Rules, tried in this order for each outer quoted string:
  named_thing     'корпорации "Росатом"', 'песни «...»': a name, never speech
  dash_after      '«...», — сказал Гончаренко.' / '"...", сказав він'
  colon_before    'Путин отметил: «...»'
  that_quoted     'Він заявив, що документ «...».' (the whole reported clause is quoted)
  source_quoted   'По мнению Путина, результаты переговоров «...».'
  verb_partial    'назвал его «одной из выдающихся сил»', 'заявив про "прогрес"'
  headline_quote  '"Буде вакцина ...": Степанов розповів ...' in a title
An attribution inside a quote ('«Часть первая, — сказал он, — часть вторая»') splits it in two (interrupted)."""

from __future__ import annotations

import re

from syuzhet.quotes import after_quote, speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found
from syuzhet.quotes.headlines import headline_blocks
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.marks import Span
from syuzhet.quotes.morph import Word, is_finite_report, lemma

_AFTER = re.compile(r"\s*[,،.!?…]?\s*(?:[—–-]{1,2}|[,،])\s*")  # ('،': the Arabic-script comma)
_COLON = re.compile(r":\s*$")
_THAT = {"что", "що", "that"}
_NOT_SPEECH_PREPOSITIONS = {"по", "на", "в", "у", "за", "из", "с", "від", "до", "під", "из-за", "через", "для"}
_CONJUNCTIONS = {"и", "а", "і", "та", "й", "или", "або"}
MAX_LEAD_WORDS = 4  # words between 'что' / 'по словам X,' and the quote for the clause to count as quoted
_INTERRUPT = re.compile(r",?\s*[—–-]\s*(\w+)\s+([^—–.!?]{1,80}?),\s*[—–-]\s*")
_INTERRUPT_STOP = re.compile(r",?\s*[—–-]\s*(\w+)\s+([^—–.!?]{1,80}?)[,.]\s*[—–-]\s*")  # ('– деді ол. – ')


def find(doc: Doc, consumed: set[int]) -> list[Found]:
    found: list[Found] = []
    for span in doc.spans:
        if span.depth:
            continue
        if _named_thing(doc, span):
            continue
        hit = _runs(doc, _dash_after(doc, span)) or _colon_before(doc, span) or after_quote.find(doc, span)
        hit = hit or (None if _looks_like_name(doc, span) else _clause_quoted(doc, span, consumed))
        hit = hit or _runs(doc, _verb_partial(doc, span)) or _headline_quote(doc, span)
        if hit:
            found.extend(_interrupted(doc, hit))
        else:  # '«Часть первая, — сказал он, — часть вторая».' has its attribution inside the marks
            whole = Found("direct", span.start, span.end, "interrupted")
            found.extend(f for f in _interrupted(doc, whole) if f is not whole)
    return found


def _runs(doc: Doc, hit: Found | None) -> Found | None:
    """A find of a rule that runs in the article's language (``data/quotes/rule_langs.txt``)."""
    return hit if hit is not None and runs(hit.rule, doc.lex.lang) else None


def _named_thing(doc: Doc, span: Span) -> bool:
    prev = doc.words_in(doc.sentence(span.open)[0], span.open)[-1:]
    if not prev:
        return False
    head = lemma(prev[0].text, doc.lang)
    # a listed head, or a compound ending in one of six letters or more ('авиакомпания': 'компания')
    return head in doc.lex.named_heads or any(head.endswith(h) for h in doc.lex.named_heads if len(h) >= 6)


def _cue_words(doc: Doc, ws: list[Word]) -> Word | None:
    return next(
        (
            w
            for w in ws
            if (doc.is_verb(w) and is_finite_report(w.text, doc.lang)) or w.text.lower() in doc.lex.impersonal
        ),
        None,
    )


def _dash_after(doc: Doc, span: Span) -> Found | None:
    m = _AFTER.match(doc.text, span.outer_end)
    if not m:
        return None
    sent_end = doc.sentence(span.outer_end)[1]
    cue = _cue_words(doc, doc.words_in(m.end(), sent_end)[:2])
    if not cue:
        return None
    who = speakers.after(doc, cue.end) or speakers.before(doc, cue, doc.sentence(span.open)[0])
    return Found("direct", span.start, span.end, "dash_after", cue.text, cue.start, who)


def _colon_before(doc: Doc, span: Span) -> Found | None:
    sent_start = doc.sentence(span.open)[0]
    head = doc.text[sent_start : span.open]
    if not _COLON.search(head):
        return None
    colon = sent_start + head.rstrip().rfind(":")
    ws = doc.words_in(sent_start, colon)
    cue = _cue_words(doc, list(reversed(ws[-4:])))
    if not cue and ws and ws[-1].text.lower() in ("дослівно", "цитата", "цитирую"):
        return Found("direct", span.start, span.end, "colon_before", ws[-1].text.lower(), ws[-1].start)
    if not cue:
        return None
    who = speakers.before(doc, cue) or speakers.after(doc, cue.end, colon)
    return Found("direct", span.start, span.end, "colon_before", cue.text, cue.start, who)


def _ends_clause(doc: Doc, span: Span) -> bool:
    rest = doc.text[span.outer_end : doc.sentence(span.open)[1]]
    return re.match(r"\s*[.!?…]*\s*$", rest) is not None


def _clause_quoted(doc: Doc, span: Span, consumed: set[int]) -> Found | None:
    """'заявил, что «...»' and 'по словам X, «...»' with the quote closing the sentence."""
    if not _ends_clause(doc, span):
        return None
    sent_start = doc.sentence(span.open)[0]
    ws = doc.words_in(sent_start, span.open)
    for i in range(len(ws) - 1, max(-1, len(ws) - MAX_LEAD_WORDS - 2), -1):
        if ws[i].text.lower() in _THAT and i > 0 and _that_opens(doc, ws[i - 1], ws[i], span):
            cue = _cue_words(doc, list(reversed(ws[max(0, i - 9) : i])))
            if cue:
                consumed.add(ws[i].start)
                who = speakers.before(doc, cue) or speakers.after(doc, cue.end, ws[i].start)
                return Found("direct", span.start, span.end, "that_quoted", cue.text, cue.start, who)
    lower = doc.text[sent_start : span.open].lower()
    for phrase in doc.lex.sources:
        at = lower.find(phrase)
        if at < 0 or (at and lower[at - 1].isalpha()):
            continue
        comma = lower.find(",", at + len(phrase))
        right_after_comma = doc.text[sent_start : span.open].rstrip().endswith(",")
        if comma < 0 or (len(doc.words_in(sent_start + comma, span.open)) > MAX_LEAD_WORDS and not right_after_comma):
            continue
        consumed.add(sent_start + at)
        p0 = sent_start + at
        who = speakers.after(doc, p0 + len(phrase), sent_start + comma + 1, any_case=True)
        who = speakers.possessive(doc, p0, phrase) or who
        return Found("direct", span.start, span.end, "source_quoted", phrase, p0, who)
    return None


def _that_opens(doc: Doc, prev: Word, that: Word, span: Span) -> bool:
    """'заявил, что «...»' takes a comma before the conjunction; English takes none (that_no_comma: 'The report
    noted that "..."', the quotation right after 'that': with words before it, the clause is reported speech)."""
    if "," in doc.text[prev.end : that.start]:
        return True
    right_after = not doc.text[that.end : span.open].strip(" ,")
    return that.text.lower() == "that" and right_after and runs("that_no_comma", doc.lex.lang)


def _looks_like_name(doc: Doc, span: Span) -> bool:
    """'Северного потока', 'Північний потік-2': short, capitalised, no sentence inside."""
    inner = doc.text[span.start : span.end]
    return inner[:1].isupper() and len(doc.words_in(span.start, span.end)) <= 3 and not re.search(r"[.!?,]", inner)


def _verb_partial(doc: Doc, span: Span) -> Found | None:
    sent_start = doc.sentence(span.open)[0]
    ws = doc.words_in(sent_start, span.open)[-3:]
    if not ws or any(c in doc.text[ws[0].start : span.open] for c in ",;:()"):
        return None
    if doc.text[span.start].isupper() or ws[-1].text.lower() in _NOT_SPEECH_PREPOSITIONS:
        return None
    if any(w.text.lower() in _CONJUNCTIONS for w in ws):
        return None
    cue = _cue_words(doc, list(reversed(ws)))
    if not cue:
        return None
    who = speakers.before(doc, cue) or speakers.after(doc, cue.end, span.open)
    return Found("direct", span.start, span.end, "verb_partial", cue.text, cue.start, who)


def _headline_quote(doc: Doc, span: Span) -> Found | None:
    block = next((b for b in headline_blocks(doc) if b.start <= span.open < b.end), None)
    if block is None or span.open > block.start + 2:
        return None
    m = re.match(r"\s*:\s*", doc.text[span.outer_end : block.end])
    if not m:
        return None
    rest = span.outer_end + m.end()
    cue = _cue_words(doc, doc.words_in(rest, block.end)[:4])
    if not cue:
        return None
    who = speakers.before(doc, cue, rest)
    return Found("direct", span.start, span.end, "headline_quote", cue.text, cue.start, who)


def _interrupted(doc: Doc, hit: Found) -> list[Found]:
    """'«Part one, – said he, – part two»'; with interrupted_full_stop also '«Sentence one, – деді ол. – Sentence
    two»', the attribution closing the first sentence."""
    pattern = _INTERRUPT_STOP if runs("interrupted_full_stop", doc.lex.lang) else _INTERRUPT
    m = pattern.search(doc.text, hit.start, hit.end)
    if not m or not _cue_words(doc, doc.words_in(m.start(1), m.end(1))):
        return [hit]
    cue = doc.words_in(m.start(1), m.end(1))[0]
    who = speakers.after(doc, cue.end, m.end(2) + 1)
    first = Found("direct", hit.start, m.start(), "interrupted", cue.text, cue.start, who)
    second = Found("direct", m.end(), hit.end, "interrupted", cue.text, cue.start, who)
    return [first, second]
