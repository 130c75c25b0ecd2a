"""Organisations as speakers: from the words naming one at an attribution point to an ORG mention (which
``attribute_quotes`` then maps to an entity id, as for persons).

  speaker_org_named      an ORG mention at the attribution ('Ryanair заявила', 'как сообщает ТАСС',
                         'говорится в заявлении МИД России', 'заявили в Минобороны')
  speaker_org_attached   an organisation noun ('Компания считает', 'у суді заявили') resolves to the latest
                         organisation the article named with that noun before: inside its name ('Вищий суд
                         кантону Цуг'), right before it ('авиакомпания Ryanair') or in apposition after it
                         ('Ryanair, ирландский лоукостер')
  speaker_org_main       else, for a bare singular noun ('Компания', 'у компанії'; not 'Британское
                         правительство', not 'Разработчики'), to the article's main organisation: named at least
                         three times so far, and twice as often as any other
  speaker_orgs_group     a plural noun ('Авиакомпании считают') or a document of several authors ('в их
                         заявлении') goes to the latest coordinated group of organisations ('British Airways,
                         ирландская Ryanair и венгерская Wizz Air'): its last member
Another plural noun ('сказали профсоюзы') stays unresolved (``speaker_orgs_unresolved``), and
a document with no author named next to it ('говорится в заявлении') stays unresolved
(``speaker_document_unnamed``): the article's main organisation is too often not its author."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from syuzhet.model import Mention
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import can_be_nominative, lemmas, pos, readings, words
from syuzhet.quotes.speakers import Speaker
from syuzhet.quotes.subjects import is_subject

MAIN_MIN_MENTIONS = 3
MAIN_LEAD = 2
APPOSITION_WORDS = 4  # words after a name within which an appositive noun attaches to it
GROUP_REACH = 600  # characters back to a coordinated group of organisations a plural organisation noun names
GROUP_GAP = 40  # characters between two members of a coordinated group
_GROUP_GAP = re.compile(r"[\w\s,()'’-]*")
_THEIR = {"их", "їх", "їхній", "їхня", "їхнє", "їхні", "їхньому", "їхньої", "їхнім", "їхньою", "їхніх", "їхню"}
_GROUP_CONJ = {"и", "і", "та", "й", "а", "также", "також", "and"}
_APPOSITION = re.compile(r"\s*(?:\([^)]{0,60}\)\s*)?(?:,|\s[—–-])\s*")


def resolve_org(doc: Doc, s: Speaker, at: int) -> tuple[Mention | None, str]:
    if s.mention is not None:
        return s.mention, "speaker_org_named"
    noun = s.role
    if noun is None or noun not in doc.lex.org_nouns:
        if _theirs(doc, s) and runs("speaker_orgs_group", doc.lang) and (m := _group(doc, at)) is not None:
            return m, "speaker_orgs_group"  # 'X, Y и Z подали жалобу ... говорится в их заявлении'
        return None, "speaker_document_unnamed"
    if s.gender == "plur":
        if runs("speaker_orgs_group", doc.lang) and (m := _group(doc, at)) is not None:
            return m, "speaker_orgs_group"  # 'X, Y и Z подали жалобу. Авиакомпании считают': the group
        return None, "speaker_orgs_unresolved"  # 'Авиакомпании считают': several, not one of them
    if (m := _attached(doc, noun, at)) is not None:
        return m, "speaker_org_attached"
    if _bare_singular(doc, s) and (m := _main(doc, at)) is not None:
        return m, "speaker_org_main"
    return None, "speaker_org_unresolved"


def _group(doc: Doc, at: int) -> Mention | None:
    """The last member of the latest coordinated group of organisations named before ``at`` (within
    ``GROUP_REACH`` characters) outside quotations: 'British Airways, ирландская Ryanair и венгерская Wizz Air'.
    Members are joined by commas, conjunctions and brackets, with adjectives and unrecognised capitalised names
    between them, no verb and no sentence end."""
    orgs = [m for m in _orgs(doc) if at - GROUP_REACH <= m.start and m.end <= at]
    latest: Mention | None = None
    for a, b in itertools.pairwise(orgs):
        if _joined(doc, a, b):
            latest = b
    return latest


def _theirs(doc: Doc, s: Speaker) -> bool:
    """'в их совместном заявлении', 'у їхній спільній заяві': a document of several authors."""
    before = doc.words_in(doc.sentence(s.start)[0], s.start)[-3:]
    return any(w.text.lower() in _THEIR for w in before)


def _joined(doc: Doc, a: Mention, b: Mention) -> bool:
    gap = doc.text[a.end : b.start]
    if len(gap) > GROUP_GAP or not _GROUP_GAP.fullmatch(gap) or doc.sentence(a.start) != doc.sentence(b.start):
        return False
    for w in words(gap):
        low = w.text.lower()
        if not (low in _GROUP_CONJ or w.text[:1].isupper() or pos(w.text, doc.lang) == "ADJF"):
            return False
    return bool(re.search(r"[,()]", gap)) or any(w.text.lower() in _GROUP_CONJ for w in words(gap))


def named_before(doc: Doc, at: int, reach: int, subject: bool = False) -> Mention | None:
    """The organisation or person named last before ``at`` (within ``reach`` characters) outside quotations:
    the author an unnamed document ('йдеться у зверненні', 'говорится в заявлении') most likely stands for.
    With ``subject`` (rule speaker_document_named_subject) only a name that can be a subject counts: not
    'призвал Европейскую комиссию', 'заявил Уилли Уэлша', 'передає УНІАН' after a genitive noun."""
    people = [p for p in doc.persons if not doc.in_quote(p.start)]
    named = [m for m in _orgs(doc) + people if at - reach <= m.start < at]
    if subject:
        named = [m for m in named if _can_be_subject(doc, m)]
    return max(named, key=lambda m: m.start) if named else None


def _can_be_subject(doc: Doc, m: Mention) -> bool:
    if m.type == "PER":
        return is_subject(doc, m)
    if doc.lang not in ("ru", "uk"):
        return True
    head = [w for w in words(m.text) if w.text[:1].isupper()][:1]
    if not head or not readings(head[0].text, doc.lang):
        return True  # an abbreviation or a foreign name: no case to tell
    return can_be_nominative(head[0].text, doc.lang) and not _governed(doc, m)


def _governed(doc: Doc, m: Mention) -> bool:
    """Right after a preposition or a noun it depends on ('в заявлении Еврокомиссии')."""
    prev = doc.words_in(doc.sentence(m.start)[0], m.start)[-1:]
    if not prev or doc.text[prev[0].end : m.start].strip(' «"„'):
        return False
    rs = readings(prev[0].text, doc.lang)
    return any("PREP" in r for r in rs) or (pos(prev[0].text, doc.lang) == "NOUN" and prev[0].text.islower())


def antecedent(doc: Doc, start: int) -> Mention | None:
    """'компания Ryanair, которая заявила': an ORG name right before a relative pronoun."""
    before = [m for m in _orgs(doc) if m.end <= start and start - m.end <= 3]
    return before[-1] if before else None


def _orgs(doc: Doc) -> list[Mention]:
    """ORG mentions outside quoted speech (a name in quotation marks, 'компания «Северсталь»', counts)."""
    return [m for m in doc.others if m.type == "ORG" and not _in_speech(doc, m)]


def _in_speech(doc: Doc, m: Mention) -> bool:
    span = doc.in_quote(m.start)
    return span is not None and (span.end - span.start) > len(m.text) + 3


def _same(noun: str, forms: frozenset[str]) -> bool:
    """'компания' names what 'авиакомпания' or 'авіакомпанія-лоукостер' named."""
    for form in forms:
        for part in form.split("-"):
            if part == noun or (len(noun) > 4 and part.endswith(noun)) or (len(part) > 4 and noun.endswith(part)):
                return True
    return False


def _attached(doc: Doc, noun: str, at: int) -> Mention | None:
    found = None
    for m in _orgs(doc):
        if m.start >= at:
            break
        if any(_same(noun, lemmas(w.text, doc.lang)) for w in words(m.text)) or _named_with(doc, m, noun):
            found = m
    return found


def _named_with(doc: Doc, m: Mention, noun: str) -> bool:
    sent_start, sent_end = doc.sentence(m.start)
    before = doc.words_in(sent_start, m.start)[-3:]
    for w in reversed(before):  # 'авиакомпании Ryanair', 'ирландская авиакомпания-лоукостер Ryanair'
        if _same(noun, lemmas(w.text, doc.lang)):
            return True
        if pos(w.text, doc.lang) != "ADJF":
            break
    tail = _APPOSITION.match(doc.text, m.end, sent_end)
    if tail:  # 'Ryanair, ирландский лоукостер', 'Ryanair – найбільша авіакомпанія'
        for w in doc.words_in(tail.end(), sent_end)[:APPOSITION_WORDS]:
            if _same(noun, lemmas(w.text, doc.lang)):
                return True
            if pos(w.text, doc.lang) not in ("ADJF", "ADVB", "NUMR"):
                break
    return False


def _bare_singular(doc: Doc, s: Speaker) -> bool:
    """'Компания', 'в авиакомпании'; not 'Британское правительство' (it may be another one than the article's
    main organisation) nor 'Разработчики' (several)."""
    ws = words(s.text)
    return len(ws) == 1 and any("sing" in r for r in readings(ws[0].text, doc.lang))


def _main(doc: Doc, at: int) -> Mention | None:
    """The organisation named most often before ``at``: at least ``MAIN_MIN_MENTIONS`` times and
    ``MAIN_LEAD`` times as often as any other."""
    seen = [m for m in _orgs(doc) if m.start < at]
    ranked = Counter(_key(m) for m in seen).most_common(2)
    if not ranked or ranked[0][1] < MAIN_MIN_MENTIONS or (len(ranked) > 1 and ranked[0][1] < MAIN_LEAD * ranked[1][1]):
        return None
    return next(m for m in reversed(seen) if _key(m) == ranked[0][0])


def _key(m: Mention) -> str:
    return (m.lemma or m.text).lower()
