"""From the words naming a speaker to the person mention they refer to.

Persons are grouped by surname ('Андрея Гончаренко', 'Гончаренко'); each group knows its fullest mention, its
gender (first name, then surname) and the roles the article attached to it ('политолог Гончаренко',
'директора ... Андрея Гончаренко', 'Алексей Ларионов, директор ...'). A pronoun or role noun resolves to the
most recent person who spoke or was a subject (named in the nominative outside quotes) with agreeing gender,
a role noun first to persons carrying that role. Organisations and documents that speak resolve to ORG
mentions (``orgs``); they never become the antecedent of a personal pronoun. A plural pronoun goes to two
persons joined by a conjunction as a subject just before it (speaker_persons_group: 'И Дэвис, и Джонсон ...
Они полагают'); a subject inside found direct speech is no antecedent (speaker_subject_outside_speech), nor
one inside another quote's reported clause (speaker_subject_outside_report).

Switched per language in ``data/quotes/rule_langs.txt``: speaker_role_recent_speaker (a role whose carriers
were named only in passing goes to the latest speaker instead: 'заявил Трамп ... президента Азербайджана
Алиева ... Президент США сообщил'); speaker_pronoun_last_speaker (a pronoun goes to the latest speaker within
``LAST_SPEAKER_REACH``) and speaker_pronoun_mentioned (a pronoun no subject agrees with goes to the person named
last, in any case), both off: no gain on the held-out folds."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from syuzhet.model import Mention
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.lexicon import runs
from syuzhet.quotes.morph import _parses, agrees, lemma, name_gender, name_lemma, words
from syuzhet.quotes.orgs import antecedent, resolve_org
from syuzhet.quotes.speakers import RELATIVE, Speaker
from syuzhet.quotes.subjects import is_subject

_PAIR = re.compile(r"\s*,?\s*(?:и|і|та|й)\s+")
ROLE_WINDOW = 10  # words before a name in which a role noun attaches to it
LAST_SPEAKER_REACH = 500  # characters back to the quote whose speaker a later pronoun most likely stands for
_ROLE_BREAK = re.compile(r"[.;:!?\n«»\"]")


def person_key(doc: Doc, m: Mention) -> str:
    """The surname in its base form: the key that groups mentions of one person within an article."""
    toks = words(m.text)
    return name_lemma(toks[-1].text, doc.lang, surname=True) if toks else m.text.lower()


@dataclass
class Person:
    key: str
    full: Mention
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    events: list[int] = field(default_factory=list)  # offsets where the person speaks or is a subject


class Resolver:
    def __init__(self, doc: Doc, speech: list[tuple[int, int]] | None = None,
                 reported: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.reported_at: dict[int, tuple[int, int]] = {}  # a subject inside reported speech: the report's span
        self.own: tuple[int, int] | None = None  # the span of the quote being resolved
        self.people: dict[str, Person] = {}
        self.speaking: dict[str, int] = {}  # how many quotes each person has so far
        self.spoken: list[tuple[int, Person]] = []  # where each person's quotes were attributed, in order
        self.keys = _merge_keys({person_key(doc, m) for m in doc.persons})
        for m in doc.persons:
            key = self.keys[person_key(doc, m)]
            p = self.people.setdefault(key, Person(key, m))
            if len(words(m.text)) > len(words(p.full.text)):
                p.full = m
            self._attach_roles(p, m)
            if not doc.in_quote(m.start) and not _inside(speech, m.start) and is_subject(doc, m):
                p.events.append(m.start)
                report = next((r for r in reported or () if r[0] <= m.start < r[1]), None)
                if report is not None:
                    self.reported_at[m.start] = report
        for p in self.people.values():
            p.gender = _gender(doc, [m for m in doc.persons if self.keys[person_key(doc, m)] == p.key])

    def person_of(self, m: Mention) -> Person:
        return self.people[self.keys[person_key(self.doc, m)]]

    def spoke(self, person: Person, at: int, verb_gender: str | None = None) -> None:
        """Record a quote; a named speaker's verb ('Мішель Барньє повідомив') settles the person's gender."""
        if self.people.get(person.key) is not person:
            return  # an organisation
        person.events.append(at)
        if verb_gender in ("masc", "femn"):
            person.gender = verb_gender
        self.speaking[person.key] = self.speaking.get(person.key, 0) + 1
        self.spoken.append((at, person))

    def resolve(self, s: Speaker, at: int) -> tuple[Person | None, str]:
        """The person (or organisation) and the name of the rule that chose it."""
        if s.mention is not None and s.mention.type == "PER":
            return self.person_of(s.mention), "speaker_named"
        if s.kind == "org":
            org, rule = resolve_org(self.doc, s, at)
            return (_as_person(org) if org else None), rule
        if s.kind == "pronoun" and s.text.lower() in RELATIVE:
            if (found := self._antecedent(s)) is None and (org := antecedent(self.doc, s.start)) is not None:
                return _as_person(org), "speaker_relative_antecedent_org"
            return found, "speaker_relative_antecedent"
        if s.kind == "pronoun":
            if runs("speaker_pronoun_last_speaker", self.doc.lang) and (found := self._last_speaker(at, s.gender)):
                return found, "speaker_pronoun_last_speaker"
            if s.gender == "plur" and runs("speaker_persons_group", self.doc.lang) and (pair := self._pair(at)):
                return pair, "speaker_persons_group"  # 'И Дэвис, и Джонсон ... Они полагают': the pair
            if (found := self._recent(at, s.gender)) is None and runs("speaker_pronoun_mentioned", self.doc.lang):
                return self._mentioned(at, s.gender), "speaker_pronoun_mentioned"  # 'X's statement. He announced'
            return found, "speaker_pronoun_recent"
        if s.kind == "role" and _plural_role(self.doc, s):
            return None, "speaker_roles_plural"  # 'experts say', 'прокуроры утверждали': several people
        if s.kind == "role":
            carriers = [p for p in self.people.values() if _carries(self.doc, p, s.role) and agrees(p.gender, s.gender)]
            if _indefinite(self.doc, s):  # 'said a company spokesperson': someone new, no one named before
                found = self._first_after(at, carriers)
                return found, "speaker_role_attached_later" if found else "speaker_role_indefinite"
            if found := self._recent(at, s.gender, carriers):
                return found, "speaker_role_attached"
            # 'Президент США сообщил' after 'заявил Трамп': the carrier was named only in passing ('президента
            # Азербайджана Алиева'), the speaker goes on (speaker_role_recent_speaker)
            last = self._last_speaker(at, s.gender) if carriers else None
            if last is not None and runs("speaker_role_recent_speaker", self.doc.lang):
                return last, "speaker_role_recent_speaker"
            if found := self._first_after(at, carriers):
                return found, "speaker_role_attached_later"
            if found := self._recent(at, s.gender):
                return found, "speaker_role_recent"
            main = self.people[max(self.speaking, key=self.speaking.__getitem__)] if self.speaking else None
            if main is not None and agrees(main.gender, s.gender):  # a headline 'Эксперт: ...' before anyone is
                return main, "speaker_role_main"  # named: the article's main speaker (not for 'Прокуроры утверждали')
            return None, "speaker_role_unresolved"
        return None, "speaker_not_a_person"

    def zero_subject(self, at: int, gender: str | None) -> Person | None:
        """The person a verb without a subject ('«...», – деді.', '..., — добавил.') speaks for: as a pronoun."""
        return self._recent(at, gender)

    def _antecedent(self, s: Speaker) -> Person | None:
        """'эксперта ВОЗ, который сказал': the name right before a relative pronoun, if it is a person."""
        before = [m for m in self.doc.persons if m.end <= s.start and s.start - m.end <= 3]
        return self.person_of(before[-1]) if before else None

    def _recent(self, at: int, gender: str | None, among: list[Person] | None = None) -> Person | None:
        best: tuple[int, Person] | None = None
        for p in among if among is not None else self.people.values():
            if not agrees(p.gender, gender):
                continue
            last = max((e for e in p.events if e < at and self.reported_at.get(e, self.own) == self.own), default=-1)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, p)
        return best[1] if best else None

    def _pair(self, at: int) -> Person | None:
        """The later of two persons joined by a conjunction as a subject ('И Дэвис, и Джонсон являются', 'Іванов
        та Петренко заявили') in the sentence before ``at`` or the one it opens: what a plural pronoun names."""
        doc = self.doc
        floor = doc.sentence(max(0, doc.sentence(at)[0] - 1))[0]
        named = [m for m in doc.persons if floor <= m.start and m.end <= at and not doc.in_quote(m.start)]
        found = None
        for a, b in itertools.pairwise(named):
            if _PAIR.fullmatch(doc.text, a.end, b.start) and (is_subject(doc, a) or is_subject(doc, b)):
                found = b
        return self.person_of(found) if found is not None else None

    def _mentioned(self, at: int, gender: str | None) -> Person | None:
        """The person named last before ``at`` outside quotations, subject or not, whose gender agrees: the
        antecedent of a pronoun when no subject is ('Following X's statement ... He announced')."""
        for m in sorted(self.doc.persons, key=lambda m: m.start, reverse=True):
            if m.end <= at and not self.doc.in_quote(m.start) and agrees((p := self.person_of(m)).gender, gender):
                return p
        return None

    def _last_speaker(self, at: int, gender: str | None) -> Person | None:
        """The person of the latest quote before ``at`` (within ``LAST_SPEAKER_REACH``) whose gender agrees:
        '«...», — зазначив Мединський. ... Він також підтвердив заяву Умєрова ... За його словами': the
        speaker goes on, whoever was named in passing since."""
        for where, p in reversed(self.spoken):
            if where < at and at - where <= LAST_SPEAKER_REACH and agrees(p.gender, gender):
                return p
        return None

    def _first_after(self, at: int, among: list[Person]) -> Person | None:
        firsts = [(min((e for e in p.events if e >= at), default=10**9), p) for p in among]
        firsts = [f for f in firsts if f[0] < 10**9] or [(p.full.start, p) for p in among]
        return min(firsts, key=lambda f: f[0])[1] if firsts else None

    def _attach_roles(self, p: Person, m: Mention) -> None:
        doc = self.doc
        sent_start = doc.sentence(m.start)[0]
        before = doc.words_in(sent_start, m.start)[-ROLE_WINDOW:]
        for w in reversed(before):
            if _ROLE_BREAK.search(doc.text, w.end, m.start) or doc.person_at(w.start, w.end):
                break
            if (base := lemma(w.text, doc.lang)) in doc.lex.roles and not _plural(w.text, doc.lang):
                p.roles.add(base)
            if "-" in w.text and runs("compound_role", doc.lang) and not _plural(w.text, doc.lang):
                p.roles |= {b for part in w.text.split("-") if (b := lemma(part, doc.lang)) in doc.lex.roles}
        tail = re.match(r"\s*(?:\([^)]{0,40}\)\s*)?,\s*", doc.text[m.end : m.end + 60])
        if tail:
            for w in doc.words_in(m.end + tail.end(), m.end + tail.end() + 40)[:3]:
                if (base := lemma(w.text, doc.lang)) in doc.lex.roles:
                    p.roles.add(base)
                    break


_POSSESSIVE = ("сы", "сі", "ы", "і", "sy", "sı", "y", "ı")  # Kazakh 3rd-person possessive endings of a role


def _carries(doc: Doc, p: Person, role: str | None) -> bool:
    """A person carries a role noun; with kazakh_role_forms also in its possessive form ('министр' said of the
    person named 'Көлік министрі Ержан Сейітов', and the other way round)."""
    if role is None:
        return False
    if role in p.roles:
        return True
    if not runs("kazakh_role_forms", doc.lang):
        return False
    return any(_bare(r) == _bare(role) for r in p.roles)


def _bare(role: str) -> str:
    for end in _POSSESSIVE:
        if role.endswith(end) and len(role) - len(end) >= 4:
            return role[: -len(end)]
    return role


def _inside(spans: list[tuple[int, int]] | None, at: int) -> bool:
    return bool(spans) and any(s0 <= at < s1 for s0, s1 in spans or ())


def _as_person(m: Mention) -> Person:
    """An organisation's mention in the shape the stage expects (never registered among the people)."""
    return Person(f"org:{m.start}", m)


def _gender(doc: Doc, mentions: list[Mention]) -> str | None:
    """From a first name when the article gives one, else from the surname."""
    for m in mentions:
        toks = words(m.text)
        if len(toks) >= 2 and len(toks[0].text) > 2 and (g := name_gender(toks[0].text, doc.lang)):
            return g
    votes = [g for m in mentions if (toks := words(m.text)) and (g := name_gender(toks[-1].text, doc.lang))]
    return max(set(votes), key=votes.count) if votes else None


def _merge_keys(keys: set[str]) -> dict[str, str]:
    """Surnames pymorphy does not know keep their case ending ('масіха'): a key that extends a shorter one
    by at most two letters is the same person."""
    merged = {k: k for k in keys}
    for k in sorted(keys, key=len):
        for short in keys:
            if short != k and len(short) >= 4 and k.startswith(short) and len(k) - len(short) <= 2:
                merged[k] = merged[short]
                break
    return merged


def _plural_role(doc: Doc, s: Speaker) -> bool:
    if s.gender == "plur" and runs("kazakh_plural_source", doc.lang):
        return True  # (told by the rule that found it: 'сарапшылардың пікірінше', experts)
    ws = words(s.text)
    if not ws:
        return False
    head = next((w.text for w in reversed(ws) if lemma(w.text, doc.lang) in doc.lex.roles), ws[-1].text)
    if doc.lang == "en":
        return head.lower().endswith("s") and head.lower()[:-1] in doc.lex.roles
    return _plural(head, doc.lang)


def _plural(word: str, lang: str) -> bool:
    """'политологов', 'експертів': a plural role noun is a dependent, not the person's role."""
    parses = _parses(word, lang)
    return bool(parses) and all("plur" in str(p.tag) for p in parses)


_INDEFINITE = re.compile(r"(?:^|\s)(?:a|an)\s+(?:[\w’'.-]+\s+){0,3}$", re.IGNORECASE)


def _indefinite(doc: Doc, s: Speaker) -> bool:
    """speaker_role_indefinite: an English role noun after an indefinite article ('a WeWork spokesperson', 'an
    airport official', 'A California transit chief') introduces a new person: not one named before it."""
    if not runs("speaker_role_indefinite", doc.lang):
        return False
    line_start = doc.text.rfind("\n", 0, s.start) + 1
    head = doc.text[max(line_start, s.start - 60) : s.start] + doc.text[s.start : s.end]
    role_at = head.lower().rfind((s.role or s.text).lower()[:4]) if s.role or s.text else -1
    return role_at > 0 and bool(_INDEFINITE.search(head[:role_at]))
