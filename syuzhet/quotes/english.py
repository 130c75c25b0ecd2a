"""English reported speech without 'that' (there is no morphology for English here, so a clause is told by
its first word and an auxiliary or past form that follows), and characterisations in the speaker's words:

  said_clause   'Diplomats said the allies agreed ...', 'The bank said it lowered its benchmark ...',
                'Officials say two tankers have taken heavy damage', 'X confirmed he was called ...'
  calls_quoted  'The minister called the incident "unprecedented"', 'She described it as "a provocation"',
                'hailing the "significant commitment"' (a quoted fragment a few words after a verb of
                ``en_calls.txt``, in one clause, not capitalised: a name would be)

The statement runs from the first word after the verb to the end of its clause; the speaker is the subject
before the verb. Word lists: ``data/quotes/en_clause_starts.txt`` (pronouns and determiners a clause opens
with) ``en_finite.txt`` (auxiliaries and modal verbs) and ``en_past_forms.txt`` (irregular past forms)."""

from __future__ import annotations

import re

from syuzhet.data import lines, phrases
from syuzhet.quotes import speakers
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import Word

MAX_SUBJECT_WORDS = 8  # words of the clause's subject before its verb
_CONTRACTED = re.compile(r"[’'](?:s|re|ll|d|ve|m)$", re.IGNORECASE)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}


_PARTICIPLE_AFTER = {"after", "before", "while", "when", "by", "since", "upon"}
MAX_CALL_GAP = 4  # words between a characterising verb and the quoted fragment ('described the visit as')
MAX_FAR_CALL_GAP = 6  # calls_far: 'called the charges against its founder "..."'
_CLAUSE_BREAK = re.compile(r"[,;:()!?]|\.\s")


def find(doc: Doc) -> list[Found]:
    if doc.lex.lang != "en":
        return []
    return _said_clauses(doc) + _calls_quoted(doc)


def _calls_quoted(doc: Doc) -> list[Found]:
    if not runs("calls_quoted", "en"):
        return []
    calls = frozenset(lines("quotes/en_calls"))
    found: list[Found] = []
    for span in doc.spans:
        if span.depth or not doc.text[span.start : span.start + 1].islower():
            continue
        s0 = doc.sentence(span.open)[0]
        gap = MAX_FAR_CALL_GAP if runs("calls_far", "en") else MAX_CALL_GAP
        ws = doc.words_in(s0, span.open)[-(gap + 1) :]
        cue = next((w for w in reversed(ws) if w.text.lower() in calls), None)
        if cue is None or _CLAUSE_BREAK.search(doc.text, cue.end, span.open) or doc.in_quote(cue.start):
            continue
        who = subject_of_cue(doc, cue)
        found.append(Found("direct", span.start, span.end, "calls_quoted", cue.text, cue.start, who))
    return found


def participle_subject(doc: Doc, cue: Word) -> speakers.Speaker | None:
    """participle_subject: 'Poland summoned the envoy after claiming that ...', 'X told reporters, hailing the
    "..."': an -ing cue opening a clause (after a comma or 'after', 'while', 'by') speaks for the subject of the
    sentence, the first possible speaker in it, not for the nearest noun before the cue."""
    if doc.lex.lang != "en" or not cue.text.lower().endswith("ing") or not runs("participle_subject", "en"):
        return None
    return _participle_subject(doc, cue)


def subject_of_cue(doc: Doc, cue: Word) -> speakers.Speaker | None:
    """The speaker before a cue; with participle_subject_fallback, for an -ing cue whose nearest naming word
    names no person, role or organisation ('..., calling it a "..."' after 'for Europe'; 'on Monday, calling it'),
    the subject of the sentence (participle_subject, as a fallback only)."""
    if (who := participle_subject(doc, cue)) is not None:
        return who
    who = speakers.before(doc, cue)
    fallback = runs("participle_subject_fallback", doc.lex.lang) and cue.text.lower().endswith("ing")
    if (who is None or who.kind == "other") and fallback and doc.lex.lang == "en":
        return _participle_subject(doc, cue) or who
    return who


def _participle_subject(doc: Doc, cue: Word) -> speakers.Speaker | None:
    s0 = doc.sentence(cue.start)[0]
    prev = doc.words_in(s0, cue.start)[-1:]
    if prev and prev[0].text.lower() in _PARTICIPLE_AFTER:
        anchor = prev[0].start
    elif doc.text[s0 : cue.start].rstrip().endswith(","):
        anchor = doc.text.rindex(",", s0, cue.start)
    else:
        return None
    return speakers.first(doc, s0, anchor)


def _said_clauses(doc: Doc) -> list[Found]:
    if not runs("said_clause", "en"):
        return []
    starts, finite = frozenset(lines("quotes/en_clause_starts")), frozenset(lines("quotes/en_finite"))
    found: list[Found] = []
    for i, w in enumerate(doc.words):
        if not doc.is_verb(w) or doc.in_quote(w.start):
            continue
        if runs("said_clause_not_inverted", "en") and _INVERTED.search(doc.text, max(0, w.start - 4), w.start):
            continue  # '"...," said a company spokesperson when ...': the cue's subject follows it, no clause
        j = i + 1
        if j < len(doc.words) and doc.words[j].text.lower() in _WEEKDAYS:
            j += 1  # 'said Thursday the prisoners ...'
        if j >= len(doc.words) or not _adjacent(doc, doc.words[j - 1], doc.words[j]):
            continue
        j = _past_told_object(doc, w, j, starts)
        first = doc.words[j]
        opens = (first.text.lower() in starts or _CONTRACTED.search(first.text) or _named_subject(doc, j, finite)
                 or _bare_noun_subject(doc, j, finite))
        if not opens:
            continue
        if (hit := _clause(doc, w, first, finite)) is not None:
            found.append(hit)
    return found


MAX_NAME_WORDS = 3
_INVERTED = re.compile(r"[,.!?][\"”»]\s*$")  # said_clause_not_inverted: right after a quotation's closing mark
MAX_TOLD_OBJECT_WORDS = 2
_TELL = frozenset({"tell", "tells", "told", "telling"})


def _past_told_object(doc: Doc, cue: Word, j: int, starts: frozenset[str]) -> int:
    """said_clause_told: 'told reporters the bridge would open', 'told Reuters he was leaving': the listener
    after 'tell' (one or two words, none of which opens a clause) comes before the reported clause."""
    if cue.text.lower() not in _TELL or not runs("said_clause_told", "en"):
        return j
    k = j
    while k < len(doc.words) and k - j < MAX_TOLD_OBJECT_WORDS and doc.words[k].text.lower() not in starts:
        if (k > j and not _adjacent(doc, doc.words[k - 1], doc.words[k])) or doc.is_verb(doc.words[k]):
            return j
        k += 1
    if k == j or k >= len(doc.words) or not _adjacent(doc, doc.words[k - 1], doc.words[k]):
        return j
    return k if doc.words[k].text.lower() in starts and doc.words[k].text.lower() != "that" else j


def _named_subject(doc: Doc, j: int, finite: frozenset[str]) -> bool:
    """said_clause_name: 'said Durov has been placed under supervision', 'said President Ann Lee would': a clause
    opening with capitalised words (a name) and a finite verb right after them; not 'told Reuters he would'."""
    if not runs("said_clause_name", "en"):
        return False
    k = j
    while k < len(doc.words) and k - j < MAX_NAME_WORDS and doc.words[k].text[:1].isupper():
        if k > j and not _adjacent(doc, doc.words[k - 1], doc.words[k]):
            return False
        k += 1
    if k == j or k >= len(doc.words) or not _adjacent(doc, doc.words[k - 1], doc.words[k]):
        return False
    nxt = doc.words[k].text.lower()
    if runs("said_clause_name_present", "en") and _present_verb(doc.words[k], doc.words[k + 1 : k + 2], doc):
        return True
    return nxt in finite or (runs("said_clause_name_past", "en") and _past(nxt))


def _present_verb(w: Word, nxt: list[Word], doc: Doc) -> bool:
    """said_clause_name_present: 'said Acme needs a new plan', 'says Ruritania wants to leave': a lower-case
    word in -s after the name, then a determiner or 'to', is a present-tense verb opening a clause."""
    low = w.text
    if not low.isalpha() or not low.islower() or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    if len(low) < 4 or not nxt or not _adjacent(doc, w, nxt[0]):
        return False
    return nxt[0].text.lower() in _DETERMINERS | {"to"}


def _name_present(doc: Doc, ws: list[Word]) -> bool:
    """The clause's words open with a name (capitalised words) and a present-tense verb (_present_verb)."""
    if not runs("said_clause_name_present", "en"):
        return False
    k = 0
    while k < min(len(ws), MAX_NAME_WORDS) and ws[k].text[:1].isupper():
        k += 1
    return 0 < k < len(ws) - 1 and _present_verb(ws[k], ws[k + 1 : k + 2], doc)


MAX_BARE_NOUNS = 2
_NOT_NOUNS = frozenset({"earlier", "later", "last", "next", "recently", "previously", "again", "also", "then",
                        "now", "once", "twice", "so", "not", "only", "even", "just", "still", "instead", "that"})


def _bare_noun_subject(doc: Doc, j: int, finite: frozenset[str]) -> bool:
    """said_clause_bare_noun: 'says police are looking into ...', 'says transit officers boarded the train': a
    clause opening with one or two lower-case words and no determiner, the last a plural noun, an organisation or
    a role noun, then a finite verb
    (an auxiliary, an irregular past form, a regular -ed form); not an adverb, a preposition or a time word; not
    after a cue word that a determiner or a preposition makes a noun or an adjective ('by state media')."""
    if not runs("said_clause_bare_noun", "en"):
        return False
    cue = next(i for i in range(j - 1, -1, -1) if doc.is_verb(doc.words[i]))
    before = doc.words[cue - 1].text.lower() if cue else ""
    if before in phrases("quotes/en_prepositions") or before in lines("quotes/en_clause_starts"):
        return False  # 'by state media showed', 'the state corporation promised': the cue word is no verb there
    k = j
    while k < len(doc.words) and k - j < MAX_BARE_NOUNS:
        low = doc.words[k].text.lower()
        if (not doc.words[k].text.isalpha() or not doc.words[k].text.islower() or low in _NOT_NOUNS
                or low.endswith("ly") or low in phrases("quotes/en_prepositions") or low in finite or _past(low)
                or doc.is_verb(doc.words[k]) or (k > j and not _adjacent(doc, doc.words[k - 1], doc.words[k]))):
            break
        k += 1
    if k == j or k >= len(doc.words) or not _adjacent(doc, doc.words[k - 1], doc.words[k]):
        return False
    head, nxt = doc.words[k - 1].text.lower(), doc.words[k].text.lower()
    plural = head.endswith("s") and not head.endswith("ss")
    if not plural and head not in phrases("quotes/en_org_nouns") and head not in phrases("quotes/en_roles"):
        return False  # the last word a plural noun, an organisation or a role ('police', 'officers')
    return nxt in finite or _past(nxt)


def _past(low: str) -> bool:
    """said_clause_name_past: 'says Ruritania invoked the clause': a past form after the name opens a clause as
    an auxiliary does (an irregular form of ``en_past_forms.txt`` or a regular -ed form)."""
    return low in phrases("quotes/en_past_forms") or (len(low) > 4 and low.endswith("ed"))


def _adjacent(doc: Doc, a: Word, b: Word) -> bool:
    return not doc.text[a.end : b.start].strip()


def _clause(doc: Doc, cue: Word, first: Word, finite: frozenset[str]) -> Found | None:
    sent_end = doc.sentence(cue.start)[1]
    stop = re.compile(r"[,;:!?()\"“”«»]|\.(?:\s|$)").search(doc.text, first.start, sent_end)
    ws = doc.words_in(first.start, stop.start() if stop else sent_end)[: MAX_SUBJECT_WORDS + 1]
    verb = next((k for k, w in enumerate(ws) if _finite(w, finite, ws[k - 1] if k else None)), None)
    if verb == 0 and _possessive_name(ws[0]) and runs("said_clause_possessive", "en"):
        verb = next((k for k, w in enumerate(ws[1:], 1) if _finite(w, finite, ws[k - 1])), None)
    if verb is None and not _present_third(doc, ws) and not _name_present(doc, ws):
        return None
    start, end = clause(doc, first.start, _end(doc, first.start, sent_end))
    if end - start < 10:
        return None
    who = speakers.before(doc, cue)
    return Found("indirect", start, end, "said_clause", cue.text, cue.start, who)


_DETERMINERS = frozenset({"the", "a", "an", "this", "its", "his", "her", "their", "our"})
_OBJECT_OPENS = re.compile(r"\s*[\"“«]")


def _present_third(doc: Doc, ws: list[Word]) -> bool:
    """said_clause_present: 'said the document opens "a new chapter"': a determiner, a noun and a present-tense
    verb in -s, then a quotation or a determiner (no auxiliary, no -ed form to tell the clause by). Not 'the
    new rules' at a clause's end or before a preposition, where the -s word is a plural noun."""
    if not runs("said_clause_present", "en") or len(ws) < 3 or ws[0].text.lower() not in _DETERMINERS:
        return False
    noun, verb = ws[1].text, ws[2].text.lower()
    if not noun.isalpha() or not noun.islower() or noun.endswith("s") or not verb.endswith("s") or verb.endswith("ss"):
        return False
    if _OBJECT_OPENS.match(doc.text, ws[2].end):
        return True
    return len(ws) > 3 and ws[3].text.lower() in _DETERMINERS


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})


def _possessive_name(w: Word) -> bool:
    """said_clause_possessive: 'said Russia's water transport agency, X': a name's 's is a possessive, no 'is'
    (a finite verb must follow it for a clause: 'said Russia's economy grew')."""
    return w.text[:1].isupper() and w.text.lower().endswith(("'s", "’s")) and w.text.lower() not in ("it's", "it’s")


def _finite(w: Word, finite: frozenset[str], prev: Word | None = None) -> bool:
    low = w.text.lower()
    if runs("said_clause_past_forms", "en") and low in phrases("quotes/en_past_forms"):
        before = prev.text.lower() if prev is not None else ""  # ('any found wreckage': a participle)
        return before in _SUBJECT_PRONOUNS or before not in phrases("quotes/en_clause_starts")
    return low in finite or bool(_CONTRACTED.search(low)) or (len(low) > 4 and low.endswith("ed"))


def _end(doc: Doc, start: int, sent_end: int) -> int:
    """The sentence end, or before a following quote or a second attribution (', he added')."""
    m = re.compile(r":\s*[\"“«]|,\s*(?:he|she|they|it)\s+(?:said|added)\b").search(doc.text, start, sent_end)
    return m.start() if m else sent_end


_NP_STOP = re.compile(r"[,;:!?()\"“”«»]|\.(?:\s|$)|\s[—–]\s")


def source_noun_phrase(doc: Doc, start: int, limit: int) -> speakers.Speaker | None:
    """source_noun_phrase: 'according to near-complete results', 'According to preliminary data, ...': a source
    phrase whose noun names no person or organisation the lists know; the phrase stands for the speaker (its
    head noun is its last word, as English puts it)."""
    if doc.lex.lang != "en" or not runs("source_noun_phrase", "en"):
        return None
    stop = _NP_STOP.search(doc.text, start, limit)
    ws = doc.words_in(start, stop.start() if stop else limit)
    if not ws or len(ws) > MAX_SUBJECT_WORDS or not ws[-1].text.isalpha() or doc.is_verb(ws[-1]):
        return None
    return speakers.Speaker(doc.text[ws[0].start : ws[-1].end], ws[0].start, ws[-1].end, "other")


MAX_APPOSITION_WORDS = 12


def apposition_tail(doc: Doc, comma: int, sent_end: int) -> bool:
    """source_apposition: '<clause>, according to Edmunds.com, a California-based data firm.': what follows the
    source's comma to the sentence's end is an apposition to it (an indefinite article, a few words, no verb),
    no statement, and the source still closes the sentence."""
    if not runs("source_apposition", doc.lex.lang):
        return False
    ws = doc.words_in(comma + 1, sent_end)
    if not ws or ws[0].text.lower() not in ("a", "an") or len(ws) > MAX_APPOSITION_WORDS:
        return False
    finite = frozenset(lines("quotes/en_finite"))
    if re.search(r"[,;:\"“”«»()]", doc.text[comma + 1 : sent_end]):
        return False
    return not any(doc.is_verb(w) or w.text.lower() in finite or ("-" not in w.text and _past(w.text.lower()))
                   or w.text.lower() in ("who", "which", "that") for w in ws)  # ('California-based': no verb)
