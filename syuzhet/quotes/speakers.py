"""Who is named at an attribution point: the words right after a cue ('— сказал Гончаренко', 'считает
директор ... Ульрих Делиус') or the subject before it ('Президент ... Кулаев подчеркнул:'). A person name
wins over a pronoun, a pronoun over a role noun, a role noun over an organisation, an organisation over any
other naming word.

Organisations and documents speak too (kind ``org``): an ORG mention as the subject ('Ryanair заявила') or
after the cue ('как сообщает ТАСС'); an organisation noun ('Компания считает', 'у компанії запевнили'); a
document ('говорится в заявлении МИД России', 'йдеться у заяві МЗС'), whose author is the name right after it.
A locative ('заявили в Минобороны', 'сообщили в пресс-службе Кремля') names the speaker only for a plural or
impersonal cue; a genitive dependent ('пилоты Ryanair заявили') never does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from syuzhet.data import lines, phrases
from syuzhet.model import Mention
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import (
    CASES,
    Word,
    agrees,
    can_be_nominative,
    lemma,
    lemmas,
    nominative_genders,
    pos,
    readings,
    verb_gender,
)

_STOP_AFTER = re.compile(r"[,،;؛:!?()\n«»\"“„]|(?<![\s.][A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ])\.|\s[—–]\s")
_CLAUSE_WORDS = {"что", "що", "чтобы", "щоб", "that", "как", "як", "якщо", "если"}
RELATIVE = {"который", "которая", "которые", "який", "яка", "які"}
_LOCATIVE = {"в", "во", "у", "на", "in", "at"}
MAX_QUOTED_NAME_WORDS = 4
MAX_AUTHOR_GAP = 3  # words between a document / organisation noun and the name of its author


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    kind: str  # name | pronoun | role | other
    gender: str | None = None
    mention: Mention | None = None
    role: str | None = None


def after(doc: Doc, start: int, limit: int | None = None, any_case: bool = False) -> Speaker | None:
    """The speaker named in the words after a cue, up to the next punctuation (``any_case`` for
    'по словам Путина', where the speaker is in the genitive). A short quoted name right after the cue is part of
    them ('пишет «Интерфакс»'), and a relayed source wins over the medium relaying it ('пишет «Интерфакс» со
    ссылкой на профсоюз пилотов Cockpit', 'передає агентство з посиланням на МЗС')."""
    stop = _STOP_AFTER.search(doc.text, _past_quoted_name(doc, start), limit or len(doc.text))
    end = stop.start() if stop else (limit or len(doc.text))
    clause = next((w for w in doc.words_in(start, end) if w.text.lower() in _CLAUSE_WORDS), None)
    end = clause.start if clause is not None else end  # 'пише Як йдеться у заяві ...': another attribution
    cue = doc.words_in(max(0, start - 40), start)[-1:]
    if (source := _relayed(doc, start, end, limit)) is not None:
        return source
    classified = (_classify(doc, w, None, any_case) for w in doc.words_in(start, end))
    found = [_as_other(f, doc, cue[0] if cue else None, any_case) for f in classified if f is not None]
    for wanted in ("name", "pronoun", "role", "org", "other"):
        match = [s for s in found if s.kind == wanted]
        if match and wanted == "other":  # 'агенція AP', 'газета The Dawn': the name, not the common noun
            match = [_titled(doc, s, end) for s in match if s.text[:1].isupper()] or match
        if match and wanted == "org":  # an organisation's name before its noun ('ТАСС' over 'агентство')
            match = [s for s in match if s.mention is not None] or match
        if match:  # an organisation's name may follow its noun in quotation marks ('агентство «Интерфакс»')
            reach = end if wanted != "org" else min(limit or len(doc.text), doc.sentence(start)[1])
            return _apposed(doc, match[0], end) or _extend(doc, match[0], reach, start)
    return None


def _titled(doc: Doc, s: Speaker, end: int) -> Speaker:
    """'повідомляє The Economist': an English article opens a title; the title runs over the capitalised words
    right after it (one naming word 'The' names nobody)."""
    if s.text.lower() not in ("the", "a", "an"):
        return s
    stop = s.end
    for w in doc.words_in(s.end, end):
        if doc.text[stop : w.start].strip() or not w.text[:1].isupper():
            break
        stop = w.end
    return Speaker(doc.text[s.start : stop], s.start, stop, s.kind) if stop > s.end else s


def first(doc: Doc, start: int, end: int) -> Speaker | None:
    """The first plausible speaker between two offsets, outside quotation marks (a sentence's subject)."""
    for w in doc.words_in(start, end):
        if doc.in_quote(w.start) or (found := _classify(doc, w, None)) is None:
            continue
        return _extend(doc, _as_other(found, doc, None, False), end, start)
    return None


def _apposed(doc: Doc, s: Speaker, end: int) -> Speaker | None:
    """'by the head of the ministry, Sergei Lavrov': a person named in apposition right after a role or an
    organisation is the speaker; apposed_org: so is an organisation's name after its noun ('said the water
    transport agency, Rosmorrechflot')."""
    if s.kind == "name":
        return None
    comma = re.match(r"[^,.;:!?\n]*,\s*", doc.text[end : end + 200])
    person = next((m for m in doc.persons if comma and m.start == end + comma.end()), None)
    if person is None and s.kind == "org" and comma and runs("apposed_org", doc.lex.lang):
        person = next((m for m in doc.others if m.type == "ORG" and m.start == end + comma.end()), None)
    if person is None or not re.match(r"\s*(?:[,.;:!?]|$)", doc.text[person.end : person.end + 3]):
        return None
    return Speaker(person.text, person.start, person.end, "name" if person.type == "PER" else "org", mention=person)


_EN_NOT_HEADS = frozenset({"also", "then", "not", "never", "only", "again", "later", "earlier", "further", "who",
                           "and", "or", "but", "as", "to", "of", "in", "on", "at", "by", "for", "with", "from", "that",
                           "which", "what", "this", "there", "here", "when", "while", "after", "before", "since"})


def _english_head(doc: Doc, w: Word, cue: Word) -> Speaker | None:
    """'many local surveys predicted', 'officials say': the common noun right before an English verb; and
    (subject_first_word) a capitalised word opening the sentence right before it ('Rosatom said ...'), which
    no capital tells from any other sentence start."""
    if doc.lang == "en" and w.start == doc.sentence(w.start)[0] and w.text[:1].isupper() and w.text.isalpha():
        low = w.text.lower()
        if doc.text[w.end : cue.start].strip() or low in lines("quotes/en_clause_starts") or low in _EN_NOT_HEADS:
            return None
        if low in lines("quotes/en_finite") or not runs("subject_first_word", "en"):
            return None
        return Speaker(w.text, w.start, w.end, "other")
    if doc.lang != "en" or not w.text.isalpha() or not w.text.islower() or w.text in _EN_NOT_HEADS:
        return None
    if w.text in lines("quotes/en_finite") or w.text in lines("quotes/en_clause_starts"):
        return None
    if doc.text[w.end : cue.start].strip() or w.text.endswith("ly"):
        return None
    return Speaker(w.text, w.start, w.end, "other")


def _past_quoted_name(doc: Doc, start: int) -> int:
    """Where the search for the end of a speaker's words begins: after a short quoted name ('«Интерфакс»')
    opening right after ``start``."""
    gap = re.match(r"\s*", doc.text[start:])
    at = start + (gap.end() if gap else 0)
    span = next((sp for sp in doc.spans if sp.open == at and not sp.depth), None)
    if span is None or len(doc.words_in(span.start, span.end)) > MAX_QUOTED_NAME_WORDS:
        return start
    return span.outer_end if not re.search(r"[.!?,;:]", doc.text[span.start : span.end]) else start


def relayed(doc: Doc, start: int, end: int) -> Speaker | None:
    """subject_said_relayed: the source a medium relays after its verb ('<clause>, the agency reports citing
    the ministry'): the original source speaks, not the medium (as 'пишет X со ссылкой на Y')."""
    return _relayed(doc, start, end, end)


def _relayed(doc: Doc, start: int, end: int, limit: int | None) -> Speaker | None:
    """The original source after a relay phrase ('со ссылкой на', 'з посиланням на') in the speaker's words."""
    low = doc.text[start:end].lower()
    for phrase in doc.lex.relays:
        at = low.find(phrase)
        if at >= 0 and (at == 0 or not low[at - 1].isalnum()):
            source = after(doc, start + at + len(phrase), limit, any_case=True)
            if source is not None and (source.kind != "other" or source.text[:1].isupper()):
                return source
    return None


def _as_other(s: Speaker, doc: Doc, cue: Word | None, any_case: bool) -> Speaker:
    """An organisation that is not the speaker here ('пилоты Ryanair') is just a naming word; an organisation
    noun that names several ('Авиакомпании считают', 'сказали профсоюзы') is marked plural."""
    if s.kind != "org":
        return s
    how = _org_speaks(doc, s, cue, any_case)
    if not how:
        return Speaker(s.text, s.start, s.end, "other")
    if s.mention is None and _plural_noun(doc, s, cue if how == "subject" else None):
        return Speaker(s.text, s.start, s.end, "org", "plur", None, s.role)
    return s


def _plural_noun(doc: Doc, s: Speaker, verb: Word | None) -> bool:
    rs = readings(s.text, doc.lang)
    if rs and all("plur" in r for r in rs):
        return True
    return verb is not None and _plural_verb(doc, verb) and any({"nomn", "plur"} <= r for r in rs)


def before(doc: Doc, cue: Word, floor: int | None = None) -> Speaker | None:
    """The nearest plausible subject before a cue in its sentence, agreeing with the verb's gender; failing a
    person, an organisation, then any other naming word."""
    start = doc.sentence(cue.start)[0] if floor is None else floor
    gender = verb_gender(cue.text, doc.lang)
    fallback: Speaker | None = None
    org: Speaker | None = None
    governed: Speaker | None = None
    for w in reversed(doc.words_in(start, cue.start)):
        low = w.text.lower()
        if low in _CLAUSE_WORDS:
            break
        if doc.in_quote(w.start) and not doc.in_quote(cue.start):
            continue
        if org is not None and org.start <= w.start < org.end:
            continue
        found = _classify(doc, w, gender) or _english_head(doc, w, cue)
        if not found:
            continue
        if found.kind in ("name", "role") and _prepositional(doc, found, start, cue):
            governed = governed or found  # ('X during a talk with Y stated that': Y is no subject)
            continue
        if found.kind in ("name", "pronoun", "role"):
            return _extend(doc, found, cue.start, start)
        head = found.kind == "other" and _head_first(doc, w, cue)
        found = _as_other(found, doc, cue, False)
        if head:  # speaker_english_head_first
            return org if org is not None and found.kind != "org" and org.end >= w.start else found
        if found.kind == "org":
            apart = org is not None and re.search(r"[—–()]", doc.text[found.end : org.start]) is not None
            if org is None or (org.mention is None and found.mention is not None and not apart):
                org = _extend(doc, found, cue.start, start)  # ('LONDON (AP) — the bank said': not AP)
            continue
        fallback = fallback or found
    return (_extend(doc, governed, cue.start, start) if governed else None) or org or fallback


def _head_first(doc: Doc, w: Word, cue: Word) -> bool:
    """speaker_english_head_first: an English common noun right before the verb ('many local surveys
    predicted', 'officials said') is its subject's head, whatever name stands earlier in the sentence."""
    if doc.lang != "en" or not runs("speaker_english_head_first", "en"):
        return False
    return w.text.islower() and not doc.text[w.end : cue.start].strip() and _english_head(doc, w, cue) is not None


MAX_PP_WORDS = 6  # words between a preposition and the name it governs ('with the Chancellor of Germany X')
_PP_INNER = frozenset({"the", "a", "an", "of"})


def _prepositional(doc: Doc, s: Speaker, floor: int, cue: Word) -> bool:
    """speaker_not_prepositional: in English, a name or role governed by a preposition ('with', 'to', 'by': 'at
    a press conference with the Chancellor of Germany Ann Lee') is no subject of the verb after it; its words
    back to the preposition are capitalised titles or 'the', 'of', with no punctuation and no other name between.
    Not 'with Secretary-General Ann Lee hailing the "..."', where the name is the subject of the -ing cue."""
    if doc.lang != "en" or not runs("speaker_not_prepositional", "en"):
        return False
    if cue.text.lower().endswith("ing") and not doc.text[s.end : cue.start].strip():
        return False
    at = s.start
    for w in reversed(doc.words_in(floor, s.start)[-MAX_PP_WORDS:]):
        if doc.text[w.end : at].strip():
            return False
        low = w.text.lower()
        if low in phrases("quotes/en_prepositions") and low not in _PP_INNER:  # ('the President of Ruritania X')
            return True
        other = doc.person_at(w.start, w.end)
        if (other is not None and other is not s.mention) or not (w.text[:1].isupper() or low in _PP_INNER):
            return False
        at = w.start
    return False


def _classify(doc: Doc, w: Word, gender: str | None, any_case: bool = False) -> Speaker | None:
    low = w.text.lower()
    if (m := doc.person_at(w.start, w.end)) is not None:
        genders = mention_genders(doc, m)
        if any_case or _agree_any(genders, gender):
            return Speaker(m.text, m.start, m.end, "name", mention=m)
        return None
    if any_case:
        if low in doc.lex.pronouns:
            return Speaker(w.text, w.start, w.end, "pronoun", doc.lex.pronouns[low])
        if lemma(w.text, doc.lang) in doc.lex.roles:
            return Speaker(w.text, w.start, w.end, "role", role=lemma(w.text, doc.lang))
        if (org := _org(doc, w)) is not None:
            return org
        if (o := next((m for m in doc.others if m.start <= w.start < m.end), None)) is not None:
            return Speaker(o.text, o.start, o.end, "other")
        return Speaker(w.text, w.start, w.end, "other") if pos(w.text, doc.lang) == "NOUN" else None
    if low in doc.lex.pronouns:
        g = doc.lex.pronouns[low]
        if (low in doc.lex.nominative or low in RELATIVE) and agrees(g, gender):
            return Speaker(w.text, w.start, w.end, "pronoun", g if g != "any" else gender)
        return None
    base = lemma(w.text, doc.lang)
    if base in doc.lex.roles and can_be_nominative(w.text, doc.lang):
        return Speaker(w.text, w.start, w.end, "role", gender, role=base)
    if (org := _org(doc, w)) is not None:
        return org
    if (o := next((m for m in doc.others if m.start <= w.start < m.end), None)) is not None:
        return Speaker(o.text, o.start, o.end, "other")
    if _name_like(w.text, doc.lex.lang) and w.start != doc.sentence(w.start)[0] and not doc.is_verb(w):
        return Speaker(w.text, w.start, w.end, "other")
    if pos(w.text, doc.lang) == "NOUN" and can_be_nominative(w.text, doc.lang) and not doc.is_verb(w):
        return Speaker(w.text, w.start, w.end, "other")
    return None


def _name_like(word: str, lang: str) -> bool:
    """Capitalised, or in a script without letter case (Kazakh in Arabic script), where any word may be a name."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower() and runs("caseless_names", lang))


def org_noun(doc: Doc, w: Word) -> str | None:
    """The organisation or document noun a word is a form of ('пресс-службе' -> 'пресс-служба'), if any."""
    hit = lemmas(w.text, doc.lang) & (doc.lex.org_nouns | doc.lex.documents)
    return min(hit) if hit else None


def _org(doc: Doc, w: Word) -> Speaker | None:
    """An organisation at a word: inside an ORG mention, or an organisation / document noun."""
    if (m := next((m for m in doc.others if m.type == "ORG" and m.start <= w.start < m.end), None)) is not None:
        return Speaker(m.text, m.start, m.end, "org", mention=m)
    if (noun := org_noun(doc, w)) is not None:
        return Speaker(w.text, w.start, w.end, "org", role=noun)
    return None


def _org_speaks(doc: Doc, s: Speaker, cue: Word | None, any_case: bool = False) -> str | None:
    """An organisation is the speaker as the subject (nominative, not a genitive dependent: 'пилоты Ryanair'),
    after a source construction (``any_case``), or in a locative ('в Минобороны', 'у суді') with a plural or
    impersonal cue ('заявили', 'кажуть', 'говорится')."""
    if any_case:
        return "source"
    before = doc.words_in(doc.sentence(s.start)[0], s.start)
    at = s.start
    while before and _modifier(doc, before[-1]) and not doc.text[before[-1].end : at].strip():
        at = before.pop().start  # 'в совместном заявлении', 'у їхній спільній заяві'
    prev = before[-1:]
    adjacent = bool(prev) and not doc.text[prev[0].end : at].strip()
    if adjacent and prev[0].text.lower() in _LOCATIVE:
        speaks = cue is not None and (cue.text.lower() in doc.lex.impersonal or _plural_verb(doc, cue))
        return "locative" if speaks else None
    head = doc.words_in(s.start, s.end)[:1]
    dependent = adjacent and pos(prev[0].text, doc.lang) == "NOUN" and org_noun(doc, prev[0]) is None
    if dependent and (not head or _can_be_genitive(doc, head[0])):  # 'пилоты Ryanair'; not 'Минулого тижня компанія'
        return None
    return "subject" if head and can_be_nominative(head[0].text, doc.lang) else None


def _can_be_genitive(doc: Doc, w: Word) -> bool:
    rs = readings(w.text, doc.lang)
    return not rs or any("gent" in r or "Fixd" in r or not r & CASES for r in rs)


def _plural_verb(doc: Doc, w: Word) -> bool:
    return any("plur" in r and ("VERB" in r or "PRTS" in r) for r in readings(w.text, doc.lang))


def _extend_org(doc: Doc, s: Speaker, limit: int, floor: int) -> Speaker:
    """'заявлении МИД России', 'пресс-службе Кремля', 'совместном заявлении авиакомпаний', 'компания Ryanair':
    the phrase naming the organisation, with the name of the author when the article gives it."""
    start, end, mention, role, kind, gender = s.start, s.end, s.mention, s.role, "org", s.gender
    ws = doc.words_in(max(floor, doc.sentence(start)[0]), start)
    if ws and mention is not None and org_noun(doc, ws[-1]) and not doc.text[ws[-1].end : start].strip():
        start = ws.pop().start  # 'компания Ryanair'
    while ws and _adjective(doc, ws[-1]) and not doc.text[ws[-1].end : start].strip():
        start = ws.pop().start  # 'совместном заявлении', 'Британское правительство'
    if mention is None:
        prev, nouns = end, 0
        for w in doc.words_in(end, limit)[:MAX_AUTHOR_GAP]:
            if doc.text[prev : w.start].strip(' \n«»"“„') or doc.is_verb(w):
                break  # 'прес-служба «Нафтогазу України»': quotation marks around the name are no break
            prev = w.end
            named = next((m for m in doc.others + doc.persons if m.start <= w.start < m.end), None)
            if named is not None:  # 'заявлении МИД', 'агенція новин AP', 'пресс-службе Кремля'; a place only
                if named.type != "LOC" or role in doc.lex.documents or not nouns:  # right after its noun
                    end, mention = named.end, named  # (not 'офис премьер-министра Британии')
                break
            if w.text[:1].isupper():
                end, kind = w.end, "other"  # 'агенція AP': named, but not a name the entity stage knows
                continue
            if (noun := org_noun(doc, w)) is not None and noun in doc.lex.org_nouns:
                if role in doc.lex.documents:  # 'заявлении авиакомпании': the author is an organisation noun
                    end, role = w.end, noun  # (but 'профсоюз бортпроводников компании' is no company)
                    gender = "plur" if _plural_noun(doc, Speaker(w.text, w.start, w.end, "org"), None) else None
                break
            if kind == "other" or pos(w.text, doc.lang) not in ("ADJF", "NOUN"):
                break
            nouns += pos(w.text, doc.lang) == "NOUN"
    if mention is not None and mention.type != "PER":
        tail = doc.words_in(end, limit)[:1]  # 'МИД России': the place that completes the name, in the words
        if tail and not doc.text[end : tail[0].start].strip():
            place = next((m for m in doc.others if m.start == tail[0].start and m.type == "LOC"), None)
            end = place.end if place is not None else end
    inside = doc.text[start:end]
    if doc.text[end : end + 1] in ("»", '"', "”", "“") and inside.count("«") + inside.count("„") > inside.count("»"):
        end += 1  # 'профсоюз пилотов «Крыло»'
    return Speaker(doc.text[start:end], start, end, kind, gender, mention, role)


def _modifier(doc: Doc, w: Word) -> bool:
    """An adjective or a possessive before a noun ('совместном', 'їхній', 'своем')."""
    rs = readings(w.text, doc.lang)
    return bool(rs) and ("ADJF" in rs[0] or "NPRO" in rs[0])


def _adjective(doc: Doc, w: Word) -> bool:
    """A plain adjective ('британское', 'спільній'), not a pronoun one ('которого', 'їхній')."""
    rs = readings(w.text, doc.lang)
    return bool(rs) and "ADJF" in rs[0] and "Apro" not in rs[0]


def _extend(doc: Doc, s: Speaker, limit: int, floor: int = 0) -> Speaker:
    """'глава МИД', 'российский лидер', 'Речник Єврокомісії': a role noun with its modifiers (not before
    ``floor``, where the search for the speaker began)."""
    if s.kind == "org":
        return _extend_org(doc, s, limit, floor)
    if s.kind != "role":
        return s
    start, end = s.start, s.end
    prev = [w for w in doc.words_in(doc.sentence(start)[0], start)][-1:]
    if prev and pos(prev[0].text, doc.lang) == "ADJF" and doc.text[prev[0].end : start].strip() == "":
        start = prev[0].start
    for w in doc.words_in(end, limit)[:2]:
        if doc.text[end : w.start].strip() or doc.is_verb(w):
            break
        if w.text[:1].isupper() or (pos(w.text, doc.lang) == "NOUN" and not can_be_nominative(w.text, doc.lang)):
            end = w.end
        else:
            break
    return Speaker(doc.text[start:end], start, end, s.kind, s.gender, s.mention, s.role)


def _agree_any(genders: frozenset[str], gender: str | None) -> bool:
    return bool(genders) and (gender is None or gender in genders or (gender == "neut" and "plur" not in genders))


def mention_genders(doc: Doc, m: Mention) -> frozenset[str]:
    """Genders the mention can have as a subject: every word must read as nominative ('Андрея Гончаренко',
    'Джастіна Трюдо' are not subjects; 'Путина' is only a female one)."""
    if doc.lang not in ("ru", "uk"):
        return frozenset({"masc", "femn", "plur"})
    result = frozenset({"masc", "femn", "neut", "plur"})
    for w in doc.words_in(m.start, m.end):
        if w.text[:1].isupper() and len(w.text) > 1:
            result &= nominative_genders(w.text, doc.lang)
    return result


def subject_of(doc: Doc, s: Speaker, cue: Word) -> bool:
    """A common noun after a finite cue must be its subject: nominative and agreeing in number ('сказали
    очевидцы'; not 'попросила західні країни'). Names, pronouns, roles, organisations, capitalised words and
    places ('говорится в инструкции') pass."""
    if s.kind != "other" or s.text[:1].isupper() or cue.text.lower() in doc.lex.impersonal:
        return True  # (an organisation was checked when found: 'отмечали в суде' is no subject, yet speaks)
    prev = doc.words_in(doc.sentence(s.start)[0], s.start)[-1:]
    if prev and any("PREP" in r for r in readings(prev[0].text, doc.lang)):
        return True  # 'говорится в инструкции': a place, not a subject
    head = next((w for w in doc.words_in(s.start, s.end) if pos(w.text, doc.lang) == "NOUN"), None)
    if head is None or doc.lang not in ("ru", "uk"):
        return True
    genders = nominative_genders(head.text, doc.lang)  # the number decides ('отметила оператор' is fine)
    forms = [r for r in readings(cue.text, doc.lang) if r & {"VERB", "PRTS"} and r & {"past", "3per"}]
    if forms and all("plur" in r for r in forms):
        return "plur" in genders
    if forms and not any("plur" in r for r in forms):
        return bool(genders - {"plur"})
    return True


def possessive(doc: Doc, at: int, phrase: str) -> Speaker | None:
    """'по его словам': the possessive pronoun inside the construction names the speaker."""
    for w in doc.words_in(at, at + len(phrase)):
        if (g := doc.lex.pronouns.get(w.text.lower())) is not None:
            return Speaker(w.text, w.start, w.end, "pronoun", g)
    return None
