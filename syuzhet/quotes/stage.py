"""The article stage: every quotation in an article, direct and reported, with who said it.

Rule families run in order (direct speech, headlines, interviews, reported speech, characterisations such as
'назвал переговоры успешными', 'Об этом сообщил X', continuations, quoted paragraphs); overlapping finds keep
the earlier family, except reported speech nested inside a quote, and a quoted end of a reported clause stays
part of it.
Speakers are then resolved in text order, so 'он' and 'политолог' see who spoke before them; organisations
and documents resolve to ORG mentions. A second speech verb coordinated with the clause of a first ('X
заявил, что ..., однако считает, что ...') keeps its speaker (speaker_coordinated_verb)."""

from __future__ import annotations

import bisect
import re

from syuzhet.model import Article, Quote
from syuzhet.quotes import (
    dash_speech,
    direct,
    english,
    headlines,
    indirect,
    interview,
    kazakh,
    naming,
    postposed,
    posts,
)
from syuzhet.quotes.credits import names_outlet, own_outlet
from syuzhet.quotes.doc import Doc, build
from syuzhet.quotes.found import Found
from syuzhet.quotes.lexicon import lexicon_lang, runs
from syuzhet.quotes.marks import Span
from syuzhet.quotes.mentions import split_mentions
from syuzhet.quotes.morph import lemmas, pos, verb_gender
from syuzhet.quotes.orgs import named_before
from syuzhet.quotes.resolve import Person, Resolver, _as_person
from syuzhet.quotes.speakers import Speaker
from syuzhet.quotes.speaking import cannot_speak

_WORD = re.compile(r"\w")
MIN_CONTINUATION_WORDS = 3
CONTINUATION_REACH = 600  # characters between a quote and an unattributed whole-sentence quote after it
SAME_SPAN = 0.8  # share of their union two finds must have in common to be one quotation
LAST_SOURCE_REACH = 400  # characters back to the source an unnamed document or organisation noun stands for
_UNNAMED = {"speaker_document_unnamed"}
_LAST = "speaker_document_last_source"
_MUTE = "speaker_cannot_speak"  # words that name nobody ('в эфире', 'Friday'; quotes.speaking)
_ZERO = "speaker_zero_subject"  # a cue with no subject named: who spoke or was the subject last
_SPEECH = "speaker_subject_outside_speech"  # a subject inside found speech is no antecedent ('- X доложил мне')
_REPORT = "speaker_subject_outside_report"  # nor one inside another quote's reported clause ('сказал, что X ...')
_COORDINATED_VERB = "speaker_coordinated_verb"  # '..., однако считает, что': the clause's speaker goes on
_COMMA_BEFORE = re.compile(r",[\s\"»”]*$")
_COORD_WORDS = {"и", "і", "й", "та", "а", "но", "але", "однако", "однак", "проте", "зато", "затем", "потім"}
_QUOTED_OBJECT = "speaker_quoted_object"  # '– цитує <outlet> <person>': the object of 'quote' speaks
_QUOTE_VERBS = frozenset({"цитировать", "процитировать", "цитувати", "процитувати"})
QUOTED_OBJECT_WORDS = 6
_PARAGRAPH = "speaker_paragraph_recent"  # a quoted paragraph: who spoke or was the subject last


def find_quotes(article: Article) -> Article:
    """Fill ``article.quotes``; uses ``article.mentions`` when the entity stage has run."""
    if not article.text:
        article.quotes = []
        return article
    persons, others = split_mentions(article)
    outlet = own_outlet(article) if runs("own_outlet_credit", lexicon_lang(article.lang, article.text)) else frozenset()
    persons = [m for m in persons if not names_outlet(m.text, outlet)]  # ('Цензор': the outlet, no person)
    doc = build(article, persons, others)
    consumed: set[int] = set()
    found = dash_speech.find(doc) + direct.find(doc, consumed)  # (a dialogue line takes the quoted names in it)
    found += headlines.find(doc) + interview.find(doc) + indirect.find(doc, consumed)
    found += naming.find(doc) + english.find(doc) + kazakh.find(doc) + postposed.find(doc) + posts.find(doc)
    found = [f for f in found if runs(f.rule, doc.lex.lang)]  # the languages a rule earned its place in
    found += indirect.this_was_said(doc, found)
    found = [f for f in found if runs(f.rule, doc.lex.lang)]
    found = [f for f in found if f.speaker is None or not names_outlet(f.speaker.text, outlet)]
    found = [f for f in found if _WORD.search(doc.text, f.start, f.end)]  # a text cut off after the cue says nothing
    found = _keep(doc, found)
    found += _continuations(doc, found)
    found += coordinated(doc, found)
    article.quotes = _resolve(doc, found)
    return article


def _overlap(a: Found, b: Found) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _same_span(a: Found, b: Found) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > SAME_SPAN * (max(a.end, b.end) - min(a.start, b.start))


def _keep(doc: Doc, found: list[Found]) -> list[Found]:
    kept = _keep_first(found)
    return [f for f in kept if not any(_fragment_of(doc, f, k) for k in kept)]


def _fragment_of(doc: Doc, f: Found, k: Found) -> bool:
    """'Як йдеться у заяві X, страйк завдає шкоди та "може призвести до ...", інформує агентство Y': a quoted end
    of a reported clause is part of that clause (a mixed quote), not a quotation of the medium after it."""
    return (
        f.kind == "direct"
        and f.rule == "dash_after"
        and k.kind == "indirect"
        and 0 <= k.cue_at < k.start < f.start
        and f.end <= k.end + 1
        and f.cue_at > k.end
        and re.search(r"\w", doc.text[k.start : f.start - 1]) is not None  # words of the clause before the quote
        and not re.search(r"[.!?…]\s", doc.text[k.start : f.start])  # (the clause may have run on: 'RT. пишет "')
    )


def _keep_first(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for f in found:
        clash = False
        for k in kept:
            if _overlap(f, k) <= 0.5:
                continue
            if f.cue_at >= 0 and f.cue_at == k.cue_at and _same_span(f, k):
                clash = True  # one attribution, one quotation ('- ..., - заявил он': no reported clause inside)
                break
            inside = k.start <= f.start and f.end <= k.end and k.start <= f.cue_at < k.end
            nested = f.kind == "indirect" and (k.kind == "direct" or inside)
            if not nested:
                clash = True
                break
        if not clash:
            kept.append(f)
    return kept


def _continuations(doc: Doc, found: list[Found]) -> list[Found]:
    """An unattributed quote that is a whole sentence, right after another quote: the same speaker's; with no
    quote before it, a quote that is a whole line (quoted_paragraph)."""
    extra: list[Found] = []
    direct_found = sorted((f for f in found if f.kind == "direct"), key=lambda f: f.start)
    for span in doc.spans:
        if span.depth or any(f.start <= span.start < f.end or span.start <= f.start < span.end for f in found):
            continue
        s0, s1 = doc.sentence(span.open)
        if doc.text[s0 : span.open].strip() or not re.match(r"\s*[.!?…]*\s*$", doc.text[span.outer_end : s1]):
            continue
        if len(doc.words_in(span.start, span.end)) < MIN_CONTINUATION_WORDS:
            continue
        prev = [f for f in direct_found + extra if f.end <= span.open and span.open - f.end < CONTINUATION_REACH]
        if prev:
            extra.append(Found("direct", span.start, span.end, "continuation", None, span.open, same_as=prev[-1]))
        elif _whole_line(doc, span) and runs("quoted_paragraph", doc.lex.lang):
            extra.append(Found("direct", span.start, span.end, "quoted_paragraph", None, span.open))
    return extra


_COORDINATED = re.compile(r"[.,]?[\"”»’]\s*(?:,\s*)?(?:and|or|as well as)?\s*$")


def coordinated(doc: Doc, found: list[Found]) -> list[Found]:
    """coordinated_fragment: 'called the plan "a bold step" and "a relief for many."': a quoted fragment that
    follows a found partial quotation, joined to it by 'and', 'or' or a comma only, is a quotation of the same
    speaker (it opens in lower case: a capital would open a quotation of its own)."""
    if not runs("coordinated_fragment", doc.lex.lang):
        return []
    extra: list[Found] = []
    taken = sorted((f.start, f.end) for f in found)
    directs = sorted((f for f in found if f.kind == "direct"), key=lambda f: f.end)
    ends = [f.end for f in directs]
    for span in doc.spans:
        if span.depth or not doc.text[span.start : span.start + 1].islower():
            continue
        i = bisect.bisect_right(taken, (span.end, len(doc.text)))
        if any(s0 < span.end and span.start < s1 for s0, s1 in taken[max(0, i - MAX_OVERLAP_LOOKBACK) : i]):
            continue  # (finds are short and sorted by start: a few before the span's end settle it)
        k = bisect.bisect_right(ends, span.open) - 1
        near = extra[-1] if extra and extra[-1].end <= span.open and (k < 0 or extra[-1].end > ends[k]) else (
            directs[k] if k >= 0 else None)
        if near is None or not (_COORDINATED.fullmatch(doc.text, near.end, span.open) or _same_clause(doc, near, span)):
            continue
        extra.append(Found("direct", span.start, span.end, "coordinated_fragment", None, span.open, same_as=near))
    return extra


MAX_OVERLAP_LOOKBACK = 50
MAX_FRAGMENT_GAP = 6  # fragment_same_clause: words between two partial quotes of one clause
MAX_FRAGMENT_GAP_CHARS = 120


def _same_clause(doc: Doc, near: Found, span: Span) -> bool:
    """fragment_same_clause: 'hailing the "deep impact" on the ability of the alliance to "deter and defend"': a
    second fragment a few words on in the same clause (no punctuation, no speech verb between) quotes the same
    speaker."""
    if not runs("fragment_same_clause", doc.lex.lang) or near.rule not in ("calls_quoted", "coordinated_fragment"):
        return False
    if span.open - near.end > MAX_FRAGMENT_GAP_CHARS:
        return False
    gap = doc.text[near.end : span.open]
    between = doc.words_in(near.end, span.open)
    if re.search(r"[.;:!?()]|,\s", gap[1:]) or len(between) > MAX_FRAGMENT_GAP:
        return False
    return not any(doc.is_verb(w) for w in between)


def _whole_line(doc: Doc, span: Span) -> bool:
    """quoted_paragraph: a quotation that is a whole line of the text, with no quote before it to continue: a
    statement set apart, its speaker not named (or named in a line around it)."""
    line_start = doc.text.rfind("\n", 0, span.open) + 1
    line_end = doc.text.find("\n", span.outer_end)
    line_end = len(doc.text) if line_end < 0 else line_end
    return not doc.text[line_start : span.open].strip() and not doc.text[span.outer_end : line_end].strip(" .")


def _zero(resolver: Resolver, f: Found, at: int) -> Person | None:
    return resolver.zero_subject(at, verb_gender(f.cue, resolver.doc.lang) if f.cue else None)


def _coordinated_verb(doc: Doc, f: Found, done: list[Found]) -> Found | None:
    """speaker_coordinated_verb: '<X> заявил, что <clause>, однако считает, что ...', 'X заявляла, что ..., и
    указывала, что ...': a cue after a comma and a conjunction, in the sentence of a reported clause found
    before it, is a second predicate of that clause's speaker when what stands before the cue names no
    speaker ('будівництва', 'проект') or stands inside that clause ('сообщил, что Борис Джонсон ..., а также
    назвал')."""
    if f.speaker is None or f.cue_at < 0 or not runs(_COORDINATED_VERB, doc.lang):
        return None
    sent = doc.sentence(f.cue_at)
    ws = doc.words_in(sent[0], f.cue_at)
    while ws and ws[-1].text.lower() not in _COORD_WORDS and pos(ws[-1].text, doc.lang) in ("ADVB", "PRCL"):
        ws.pop()  # 'и также указывала'
    if not ws or ws[-1].text.lower() not in _COORD_WORDS or not _COMMA_BEFORE.search(doc.text, 0, ws[-1].start):
        return None
    comma = ws[-1].start
    before = [d for d in done if d.kind == "indirect" and d.speaker and sent[0] <= d.cue_at < d.start < comma]
    prev = max(before, key=lambda d: d.cue_at) if before else None
    if prev is None or not (f.speaker.kind == "other" or prev.start <= f.speaker.start < comma):
        return None  # (a speaker named inside the clause before is no subject of the verb after it)
    return prev


def _quoted_object(doc: Doc, f: Found) -> Speaker | None:
    """speaker_quoted_object: after a cue 'цитирует' / 'цитує', whose object is the person quoted, a person named
    in the next few words of its clause speaks ('– цитує видання <outlet> <person>'), not the medium."""
    if f.cue_at < 0 or f.speaker is None or f.speaker.kind == "name" or not runs(_QUOTED_OBJECT, doc.lang):
        return None
    cue = doc.words_in(f.cue_at, doc.sentence(f.cue_at)[1])[:1]
    if not cue or not lemmas(cue[0].text, doc.lang) & _QUOTE_VERBS:
        return None
    ws = doc.words_in(cue[0].end, doc.sentence(f.cue_at)[1])[:QUOTED_OBJECT_WORDS]
    ws = [w for w in ws if not re.search(r"[,;:!?()]|\.\s", doc.text[cue[0].end : w.start])]  # (its clause)
    for w in ws:
        if (m := doc.person_at(w.start, w.end)) is not None and m.start >= cue[0].end:
            return Speaker(m.text, m.start, m.end, "name", mention=m)
    return None


def _resolve(doc: Doc, found: list[Found]) -> list[Quote]:
    speech = [(f.start, f.end) for f in found if f.kind == "direct"] if runs(_SPEECH, doc.lang) else None
    reported = [(f.start, f.end) for f in found if f.kind != "direct"] if runs(_REPORT, doc.lang) else None
    resolver = Resolver(doc, speech, reported)  # (speaker_subject_outside_speech: no subject inside found speech)
    heads = {"headline_colon", "headline_dash", "headline_quote"}
    order = sorted(found, key=lambda f: (f.rule in heads, f.cue_at if f.cue_at >= 0 else f.start))
    people: dict[int, tuple[int, int] | None] = {}
    last: tuple[int, Person] | None = None  # the latest source resolved, and where
    mute: set[int] = set()
    done: list[Found] = []
    for f in order:
        at = f.cue_at if f.cue_at >= 0 else f.start
        span: tuple[int, int] | None = None
        resolver.own = (f.start, f.end)  # (its own reported clause may hold the subject a pronoun names)
        if f.same_as is not None:
            span = people.get(id(f.same_as))
            f.speaker, f.speaker_rule = f.same_as.speaker, "speaker_of_previous_quote"
            mute |= {id(f)} if id(f.same_as) in mute else set()
        elif f.speaker is not None and (prev := _coordinated_verb(doc, f, done)) is not None:
            span = people.get(id(prev))  # '<X> заявил, что ..., однако считает, что ...': X's verb goes on
            f.speaker, f.speaker_rule = prev.speaker, _COORDINATED_VERB
            mute |= {id(f)} if id(prev) in mute else set()
        elif f.speaker is not None:
            if (quoted := _quoted_object(doc, f)) is not None:
                f.speaker = quoted  # '– цитує агентство <outlet> <person>': the person quoted speaks
            person, f.speaker_rule = resolver.resolve(f.speaker, at)
            unnamed = person is None and f.speaker_rule in _UNNAMED
            if unnamed and last and 0 <= at - last[0] < LAST_SOURCE_REACH and runs(_LAST, doc.lang):
                person, f.speaker_rule = last[1], _LAST  # 'говорится в сообщении'
            elif unnamed and runs("speaker_document_named_before", doc.lang):
                subject = runs("speaker_document_named_subject", doc.lang)  # (a name that can be a subject only)
                m = named_before(doc, min(at, f.start), LAST_SOURCE_REACH, subject)  # (before the quotation)
                if m is not None:
                    rule = "speaker_document_named_subject" if subject else "speaker_document_named_before"
                    person, f.speaker_rule = _as_person(m), rule
            elif person is None and runs(_MUTE, doc.lang) and cannot_speak(doc, f.speaker, f.cue, f.cue_at):
                f.speaker_rule, mute = _MUTE, mute | {id(f)}  # ('в эфире', 'Friday'): shown without a speaker
            if person is not None:
                last = (at, person)
                span = (person.full.start, person.full.end)
                named = f.speaker.kind == "name"
                resolver.spoke(person, at, verb_gender(f.cue, doc.lang) if named and f.cue else None)
        elif f.cue and f.kind == "direct" and runs(_ZERO, doc.lang) and (who := _zero(resolver, f, at)) is not None:
            span, f.speaker_rule = (who.full.start, who.full.end), _ZERO  # '«...», – деді.': no subject said
            resolver.spoke(who, at)
        elif f.rule == "quoted_paragraph" and runs(_PARAGRAPH, doc.lang) and (who := _zero(resolver, f, at)):
            span, f.speaker_rule = (who.full.start, who.full.end), _PARAGRAPH  # who spoke or was the subject last
            resolver.spoke(who, at)
        people[id(f)] = span
        done.append(f)
    quotes = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        span = people.get(id(f))
        quotes.append(
            Quote(
                article=doc.article.id,
                speaker=None,
                speaker_text=f.speaker.text if f.speaker and id(f) not in mute else None,
                kind="direct" if f.kind == "direct" else "indirect",
                text=doc.text[f.start : f.end],
                start=f.start,
                end=f.end,
                cue=f.cue,
                speaker_start=span[0] if span else None,
                speaker_end=span[1] if span else None,
                rules=[f.rule, f.speaker_rule] if f.speaker_rule else [f.rule],
            )
        )
    return quotes
