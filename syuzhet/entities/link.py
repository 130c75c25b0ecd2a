"""Entity identity: which mentions, within an article and across articles and languages, are one entity.

Within an article:
- persons: a full name ('Владимир Путин') introduces a person; a surname alone ('Путина') or a first name
  (with or without patronymic: 'Владимир Владимирович', 'Александр') resolves to the one person of the
  article it fits; otherwise it stands for a person of its own;
- other entities: mentions with the same comparison key (base form through ``translit.txt``), a convention
  alias (``places.txt``, ``aliases.txt``: РФ = Россия = Russia = Ресей, Москва = Moscow = Мәскеу) or an
  acronym built from the word initials of a long form in the same article (РОП = 'российское общество
  политологов') are one entity.
Across articles (and ru/uk/kk/en): persons by surname key and a compatible first name (equal, the same
name in another language per ``given_names.txt``, or the same initial across languages); other entities by
shared keys (base form key, alias, acronyms of three letters or more, and for organisations a key of their
words in any language with the country they name, ``org_keys``: 'МИД России' = 'Russian Foreign Ministry';
a bare 'МИД' links only inside its article). Kazakh and English names are read
as a person's first name, patronymic and surname through their Russian spelling (``keys.to_cyrillic``).

The comparison key of a name (``keys.name_key``): lower case, Ukrainian/Kazakh letters to their Russian
correspondences, Latin to Cyrillic, then the letters Russian spelling varies on folded (ы/и, э/е, й/и, дж/ж,
soft sign, double letters): 'Кулаєв', 'Кулаев', 'Құлаев' and 'Kulayev' share one key.

Base forms: before linking, a mention's base form that no text writes gives way to its one other reading that
another mention writes (``attested_lemmas``: 'Юлии Зорич' is Юлия where 'Юлия Зорич' is written and 'Юлий Зорич'
never is); a surname written unchanged after a first name in the nominative and two other cases ('Оксана Бібі',
'Оксану Бібі', 'Оксані Бібі') is kept as written wherever it stands.

Canonical name: the alias group's first form when there is one, else the most complete Russian base form
(persons: with a surname, most words; others: not an acronym, most words), else the same in any language.
Ids: ``TYPE-`` + an ASCII slug of a key that does not change as articles arrive (alias group, surname,
organisation key with its country, acronym), so an entity keeps its id when more articles mention it; an
entity with no key across articles (a bare 'МИД') adds a hash of its article.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from syuzhet.entities.gazetteer import alias_heads, alias_of, first_names, groups, known_type
from syuzhet.entities.keys import ascii_slug, consonants, guess_lang, is_latin, name_key, to_cyrillic
from syuzhet.entities.lemma import NAME_TAGS, acronym_of, alternatives, data_lines, is_acronym, surname_forms
from syuzhet.entities.org_keys import OrgKey, org_key
from syuzhet.entities.shapes import is_patronymic
from syuzhet.model import Article, Entity, Mention
from syuzhet.morph import parses as morph_parses

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis

TYPE_ORDER = ("PER", "LOC", "ORG", "EVT", "PRO")
MIN_GLOBAL_ACRONYM = 3  # 'РК' links only inside its article; 'ОДКБ' links everywhere
_HYPHENS = re.compile(r"[-\u2010\u2011\u2013]")
_ROMANISED = ("kk", "en")  # languages whose names are looked up in the Russian dictionary by transliteration
LANGS = ("ru", "uk", "kk", "en")
SKELETON_MIN = 4  # consonants of a surname key (Latin letters are transliterated in keys; no й, ь, ъ in them)


# ----------------------------------------------------------------------------------------------- persons


@dataclass
class _Person:
    given: str = ""  # key of the first name ('' unknown)
    patronymic: str = ""
    surname: str = ""
    lang: str = "ru"
    mentions: list[Mention] = field(default_factory=list)


def _roles(lemma: str, lang: str) -> tuple[str, str, str]:
    """(first name, patronymic, surname) of a multi-word person's base form, as written."""
    words = [w for w in lemma.replace(".", ". ").split() if w]
    if len(words) == 1:
        return "", "", words[0]

    def tags(word: str) -> set[str]:
        grammemes: set[str] = set()
        for part in _HYPHENS.split(word):
            for form in _dictionary_forms(part, lang):
                for p in morph_parses(form, lang):
                    grammemes |= p.tag.grammemes & NAME_TAGS
        if lang in _ROMANISED and is_patronymic(word):
            grammemes.add("Patr")
        return grammemes

    found = [tags(w) for w in words]
    patr = [i for i, g in enumerate(found) if "Patr" in g and "Surn" not in g]
    rest = [i for i in range(len(words)) if i not in patr]
    if not rest:
        return "", words[patr[0]], ""
    given_at = rest[0]
    if len(rest) >= 2 and "Name" in found[rest[-1]] and "Name" not in found[rest[0]] and "Surn" in found[rest[0]]:
        given_at = rest[-1]  # 'Путин Владимир'
    surname_at = next((i for i in reversed(rest) if i != given_at), -1)
    if surname_at < 0 and patr:
        return words[given_at], words[patr[0]], ""
    if surname_at < 0:
        return "", "", words[given_at]
    return words[given_at], words[patr[0]] if patr else "", words[surname_at]


def _dictionary_forms(word: str, lang: str) -> tuple[str, ...]:
    """How to look ``word`` up in the Russian/Ukrainian dictionary: Kazakh and Latin words spelt the Russian way."""
    return to_cyrillic(word) if lang in _ROMANISED else (word.lower(),)


def _is_given_name(word: str, lang: str) -> bool:
    if lang in _ROMANISED:
        return name_key(word, lang) in first_names() or any(
            _is_given_name(form, "ru") for form in _dictionary_forms(word, lang)
        )
    parses = morph_parses(word.lower(), lang)
    named = [p for p in parses if "Name" in p.tag.grammemes]
    surn = [p for p in parses if "Surn" in p.tag.grammemes]
    return bool(named) and sum(p.score for p in named) >= sum(p.score for p in surn)


def _given_ok(a: str, b: str, a_lang: str, b_lang: str) -> bool:
    if not a or not b:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1 or a_lang != b_lang:
        same_group = groups("given_names").get(a, a) == groups("given_names").get(b, b)
        return same_group or a[0] == b[0]
    return groups("given_names").get(a, a) == groups("given_names").get(b, b) or _one_given_name(a, b)


@functools.cache
def _given_endings() -> tuple[str, ...]:
    return tuple(sorted(data_lines("given_endings"), key=len, reverse=True))


def _given_stem(key: str) -> str:
    for ending in _given_endings():
        if key.endswith(ending):
            return key[: -len(ending)]
    return key


def _oblique(given: str) -> bool:
    """A first name written in an oblique case: it ends in a case ending other than the nominative 'а'/'я'."""
    key = name_key(given)
    return _given_stem(key) != key and not key.endswith(("а", "я"))


def _one_given_name(a: str, b: str) -> bool:
    """Two case forms of one first name ('Марины', 'Марина'; the lemmatiser leaves a first name in the text's
    case when the surname beside it does not decline). Two listed first names are two names ('Александр',
    'Александра')."""
    if a in first_names() and b in first_names():
        return False
    stem = _given_stem(a)
    return len(stem) >= 3 and stem == _given_stem(b)


def _local_persons(mentions: list[Mention], lang_of: dict[int, str]) -> list[_Person]:
    persons: list[_Person] = []
    singles: list[Mention] = []
    partial: list[tuple[Mention, str, str]] = []
    for m in mentions:
        lang = lang_of[id(m)]
        given, patr, surname = _roles(m.lemma or m.text, lang)
        if not surname and given:
            partial.append((m, name_key(given, lang), name_key(patr, lang) if patr else ""))
            continue
        if not given:
            singles.append(m)
            continue
        g, s = name_key(given, lang), name_key(surname, lang)
        for p in persons:
            if p.surname == s and _given_ok(p.given, g, lang, lang):
                p.mentions.append(m)
                p.given = p.given if len(p.given) > len(g) else g
                p.patronymic = p.patronymic or (name_key(patr, lang) if patr else "")
                break
        else:
            persons.append(_Person(g, name_key(patr, lang) if patr else "", s, lang, [m]))
    for m, g, patr in partial:
        fits = [p for p in persons if p.given == g and (not patr or not p.patronymic or p.patronymic == patr)]
        if len(fits) == 1:
            fits[0].mentions.append(m)
        else:
            persons.append(_Person(g, patr, "", lang_of[id(m)], [m]))
    for m in singles:
        lang = lang_of[id(m)]
        text = m.text.strip()
        forms = _surname_keys(m, lang)
        fits = [p for p in persons if p.surname and p.surname in forms]
        if not fits and _is_given_name(m.lemma or text, lang):
            fits = [p for p in persons if p.given and p.given in forms]
        if len(fits) == 1:
            fits[0].mentions.append(m)
            continue
        key = name_key(m.lemma or text, lang)
        alone = next((p for p in persons if not p.given and p.surname == key), None)
        if alone:
            alone.mentions.append(m)
        elif _is_given_name(m.lemma or text, lang):
            persons.append(_Person(key, "", "", lang, [m]))
        else:
            persons.append(_Person("", "", key, lang, [m]))
    return persons


def _surnames_to_persons(others: list[Mention], persons: list[_Person], lang_of: dict[int, str]) -> list[Mention]:
    """A one-word place or organisation that is the surname of exactly one person named with a first name in the
    same article, and not a name the gazetteer knows, is that person (the tagger typed a bare surname as a
    place: 'Kovalenko arrived' after 'Anna Kovalenko'); it joins the person as PER. The other mentions are
    returned."""
    kept = []
    for m in others:
        lang = lang_of[id(m)]
        if _bare_name(m, lang):
            forms = _surname_keys(m, lang)
            fits = [p for p in persons if p.given and p.surname in forms]
            if len(fits) == 1:
                m.type = "PER"
                fits[0].mentions.append(m)
                continue
        kept.append(m)
    return kept


# --------------------------------------------------------------------------------------- other entities


def _keys(lemma: str, lang: str, local: bool) -> set[str]:
    acronym_key = functools.partial(name_key, lang=lang, fold_doubles=False)  # 'BBC' (ббк) is not 'БК'
    key = acronym_key(lemma) if is_acronym(lemma) else name_key(lemma, lang)
    if not key:
        return set()
    keys = {key}
    if is_acronym(lemma) and (local or len(key) >= MIN_GLOBAL_ACRONYM):
        keys.add("acr:" + key)
    alias = alias_of(lemma, lang)
    if alias:
        keys.add("alias:" + alias)
    acronym = acronym_of(lemma)
    if acronym and (local or len(acronym) >= MIN_GLOBAL_ACRONYM):
        keys |= {acronym_key(acronym), "acr:" + acronym_key(acronym)}
    return keys


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Cluster:
    kind: str  # "PER" or "OTHER"
    mentions: list[Mention]
    keys: set[str] = field(default_factory=set)
    person: _Person | None = None


def _org_key(m: Mention, lang: str) -> OrgKey | None:
    """The language-independent key of an organisation's name (``org_keys``); None for other types and for
    names the gazetteer knows (its alias links them)."""
    name = m.lemma or m.text
    if m.type != "ORG" or alias_of(name, lang):
        return None
    return org_key(name, lang)


def _local_others(mentions: list[Mention], lang_of: dict[int, str]) -> list[_Cluster]:
    """Mentions other than persons grouped within one article, each group with its keys across articles. A
    bare name of a kind of state body ('МИД', 'the Foreign Ministry') joins the one body of that kind whose
    country the article states ('МИД Эстонии'); it carries no key across articles of its own."""
    items = [(m, _keys(m.lemma or m.text, lang_of[id(m)], local=True)) for m in mentions]
    orgs = [_org_key(m, lang_of[id(m)]) for m in mentions]
    for (_, local_keys), ok in zip(items, orgs, strict=True):
        if ok and (ok.country or not ok.generic):
            local_keys.add(ok.key)
    uf = _UnionFind(len(items))
    owner: dict[str, int] = {}
    for i, (_, local_keys) in enumerate(items):
        for k in local_keys:
            if k in owner:
                uf.union(owner[k], i)
            else:
                owner[k] = i
    stated: dict[str, set[str]] = defaultdict(set)  # bag -> the countries the article states with it
    for ok in orgs:
        if ok and ok.generic and ok.country:
            stated[ok.bag].add(ok.country)
    for i, ok in enumerate(orgs):
        if ok and ok.generic and not ok.country and len(stated[ok.bag]) == 1:
            uf.union(owner[OrgKey(ok.bag, next(iter(stated[ok.bag])), True).key], i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    clusters = []
    for members in groups.values():
        ms = [items[i][0] for i in members]
        keys: set[str] = set()
        for i in members:
            m, ok = items[i][0], orgs[i]
            if ok and ok.generic and not ok.country:
                continue  # 'the Foreign Ministry' of which country? no link across articles by itself
            keys |= _keys(m.lemma or m.text, lang_of[id(m)], local=False)
            if ok:
                keys.add(ok.key)
        clusters.append(_Cluster("OTHER", ms, keys))
    return clusters


# ------------------------------------------------------------------------------------------------ linking


def _mention_langs(articles: Iterable[Article]) -> dict[int, str]:
    out: dict[int, str] = {}
    for article in articles:
        blocks = sorted(article.blocks, key=lambda b: b.start)
        for m in article.mentions:
            lang = article.lang
            for b in blocks:
                if b.start <= m.start < b.end:
                    lang = b.lang if b.lang in LANGS else lang
                    break
            if is_latin(m.text) or lang not in LANGS:
                lang = guess_lang(m.text)
            out[id(m)] = lang
    return out


def _merge_people(clusters: list[_Cluster], uf: _UnionFind) -> None:
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.person and c.person.surname:
            by_surname[c.person.surname].append(i)
    for members in by_surname.values():
        full = [i for i in members if clusters[i].person and clusters[i].person.given]  # type: ignore[union-attr]
        bare = [i for i in members if i not in full]
        for a_at, a in enumerate(full):
            for b in full[a_at + 1 :]:
                pa, pb = clusters[a].person, clusters[b].person
                assert pa is not None and pb is not None
                if _given_ok(pa.given, pb.given, pa.lang, pb.lang):
                    uf.union(a, b)
        roots = {uf.find(i) for i in full}
        if len(roots) <= 1:
            for i in bare:
                uf.union(i, full[0] if full else bare[0])
    _merge_transcriptions(clusters, uf)


def _merge_transcriptions(clusters: list[_Cluster], uf: _UnionFind) -> None:
    """One person written in Latin letters and in Cyrillic ones whose vowels differ ('Aryna Sabalenka' /
    'Арина Соболенко'): the same consonants of the first name, ending in a vowel or not on both sides
    ('Aleksandra' is not 'Александр'), and of the surname (four or more), and one person
    on each side, so that no choice between namesakes is made. A side is a person with a Cyrillic mention, or one
    with Latin mentions only (a Latin spelling that already joined the Cyrillic one, 'Arina Sobolenko', is on the
    Cyrillic side)."""
    by_skeleton: dict[tuple[str, bool, str], list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        p = c.person
        if p and p.given and p.surname and len(skeleton := consonants(p.surname)) >= SKELETON_MIN:
            given = groups("given_names").get(p.given, p.given)
            by_skeleton[(consonants(given), not consonants(given[-1:]), skeleton)].append(i)
    for members in by_skeleton.values():
        cyrillic_in: dict[int, bool] = defaultdict(bool)
        for i in members:
            cyrillic_in[uf.find(i)] |= not is_latin(clusters[i].mentions[0].text)
        cyrillic = [root for root, has in cyrillic_in.items() if has]
        latin = [root for root, has in cyrillic_in.items() if not has]
        if len(latin) == 1 and len(cyrillic) == 1:
            uf.union(latin[0], cyrillic[0])


def _surname_keys(m: Mention, lang: str) -> set[str]:
    """Keys of every base form a one-word name could have as a surname."""
    text = m.text.strip()
    return {name_key(f, lang) for f in surname_forms(text, lang)} | {name_key(m.lemma or text, lang)}


def _bare_name(m: Mention, lang: str) -> bool:
    text = m.text.strip()
    return m.type in ("LOC", "ORG") and len(text.split()) == 1 and not is_acronym(text) \
        and not known_type(text, lang) and not known_type(m.lemma or text, lang)


OWN_NAME_LANGS = frozenset({"uk", "en"})  # a known place named only in these keeps its own base form, not the
# list's Russian head ('Угорщина' in a Ukrainian story): their lemmas read right as names (Kazakh ones do not)


def _canonical(mentions: list[Mention], kind: str, lang_of: dict[int, str], keys: set[str]) -> str:
    heads = alias_heads()
    own = {lang_of.get(id(m), "") for m in mentions} <= OWN_NAME_LANGS
    for k in sorted(keys):
        if k.startswith("alias:") and k[6:] in heads and not own:
            return heads[k[6:]]
    counts = Counter(m.lemma or m.text for m in mentions)
    ru = [m for m in mentions if lang_of.get(id(m)) == "ru"] or mentions
    written = {m.text.strip() for m in mentions}

    def rank(lemma: str) -> tuple[int, int, int, int, int, int]:
        words = lemma.split()
        if kind == "PER":
            # a base form the texts write as it is before one only the lemmatiser made: 'Юлия Тимошенко'
            # (nominative, and 'Юлии Тимошенко' elsewhere) over 'Юлий Тимошенко' (read as a genitive); then a
            # first name not in an oblique case ('Марина Х' over 'Марине Х' beside an indeclinable surname)
            lang = guess_lang(lemma)
            full = int(bool(_roles(lemma, lang)[2]) and len(words) > 1)
            return full, len(words), int(lemma in written), int(not _oblique(words[0])), counts[lemma], -len(lemma)
        return int(not is_acronym(lemma)), len(words), 0, 0, counts[lemma], -len(lemma)

    best = max(dict.fromkeys(m.lemma or m.text for m in ru), key=rank)  # ties: the form written first
    return best[:1].upper() + best[1:]


def _id_key(kind: str, keys: set[str], person: _Person | None, canonical: str) -> str:
    aliases = sorted(k[6:] for k in keys if k.startswith("alias:"))
    if aliases:
        return aliases[0]
    if person is not None:
        return person.surname or person.given or name_key(canonical)
    stated = sorted(k[4:] for k in keys if k.startswith("org:") and not k.endswith("@"))
    if stated:  # an organisation with its country: one id in any language ('affairs foreign ministry@росия')
        return stated[0]
    acronyms = sorted(k[4:] for k in keys if k.startswith("acr:"))
    return acronyms[0] if acronyms else name_key(canonical)


ATTESTED_LANGS = frozenset({"ru", "uk"})
KEPT_CASES = 3  # a surname unchanged after its first name in three case forms (nominative among them) is
# indeclinable; two can be a text that left the first name undeclined ('Петра Зорича' beside 'Петр Зорича')


def _written_key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def attested_lemmas(articles: list[Article], lang_of: dict[int, str]) -> None:
    """A base form the texts never write gives way to the one other reading of the mention that other mentions
    write (its own words are no evidence):
    'Вервиці' read as 'Вервиця' becomes 'Вервиць' where a text writes 'Вервиць' and none 'Вервиця'; 'Олесі'
    read as the man's name 'Олесь' becomes 'Олеся' where that is written. The nominative of a name is seen
    somewhere in a corpus of news about it; a base form that only the lemmatiser made is less likely."""
    written = {_written_key(m.text) for a in articles for m in a.mentions}
    for article in articles:
        for m in article.mentions:
            lang = lang_of.get(id(m), "")
            if lang not in ATTESTED_LANGS or not m.lemma or _written_key(m.lemma) in written:
                continue
            seen = {_written_key(a): a for a in alternatives(m.text.strip(), m.type, lang)[1:]}
            # the mention's own words are no evidence: 'Иванова' is written as a genitive as much as a nominative
            own = {_written_key(m.text), _written_key(m.lemma)}
            seen = {k: a for k, a in seen.items() if k in written and k not in own}
            if len(seen) == 1:
                m.lemma = next(iter(seen.values()))
    # a surname written unchanged after one first name in its nominative and in other cases ('Оксана Бібі',
    # 'Оксану Бібі', 'Оксані Бібі') does not decline: alone it is its own base form
    # (surname, first name's base form) -> (language, first names written)
    cases: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for article in articles:
        for m in article.mentions:
            words, based, lang = m.text.split(), m.lemma.split(), lang_of.get(id(m), "")
            if m.type == "PER" and len(words) == len(based) == 2 and lang in ATTESTED_LANGS:
                cases.setdefault((words[1], based[0]), (lang, set()))[1].add(words[0])
    # ... unless the texts write the base form the lemmatiser gives it alone: then it declines ('Рааба', 'Рааб')
    surnames = {_written_key(m.text.split()[-1]) for a in articles for m in a.mentions
                if m.type == "PER" and m.text.split()}
    kept = set()
    for (surname, first), (lang, firsts) in cases.items():
        base = _written_key(alternatives(surname, "PER", lang)[0])
        if len(firsts) >= KEPT_CASES and first in firsts and (base == _written_key(surname) or base not in surnames):
            kept.add(surname)
    for article in articles:
        for m in article.mentions:
            words, based = m.text.split(), m.lemma.split()
            if m.type == "PER" and words and words[-1] in kept and len(words) == len(based) \
                    and lang_of.get(id(m), "") in ATTESTED_LANGS:
                m.lemma = " ".join([*based[:-1], words[-1]])


def link_entities(analysis: Analysis) -> None:
    """Fill ``analysis.entities``: one ``Entity`` per person/place/organisation/event/product."""
    articles = [a for a in analysis.articles if a.mentions]
    lang_of = _mention_langs(articles)
    attested_lemmas(articles, lang_of)
    clusters: list[_Cluster] = []
    for article in articles:
        people = [m for m in article.mentions if m.type == "PER"]
        others = [m for m in article.mentions if m.type != "PER"]
        persons = _local_persons(people, lang_of)
        others = _surnames_to_persons(others, persons, lang_of)
        for p in persons:
            clusters.append(_Cluster("PER", p.mentions, person=p))
        clusters += _local_others(others, lang_of)
    uf = _UnionFind(len(clusters))
    owner: dict[str, int] = {}
    for i, c in enumerate(clusters):
        for k in c.keys:
            if k in owner:
                uf.union(owner[k], i)
            else:
                owner[k] = i
    _merge_people(clusters, uf)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clusters)):
        groups[uf.find(i)].append(i)
    entities: list[Entity] = []
    used: Counter[str] = Counter()
    for members in sorted(groups.values(), key=lambda ms: ms[0]):
        mentions = [m for i in members for m in clusters[i].mentions]
        keys = set().union(*(clusters[i].keys for i in members))
        votes = Counter(m.type for m in mentions)
        kind = max(votes, key=lambda t: (votes[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -99))
        persons = [c.person for c in (clusters[i] for i in members) if c.person is not None]
        person = next((p for p in persons if p.given), persons[0] if persons else None)
        canonical = _canonical(mentions, kind, lang_of, keys)
        slug = f"{kind}-{ascii_slug(_id_key(kind, keys, person, canonical))}"
        if not keys and not persons:  # a bare 'МИД': an entity of one article, whose id says which
            slug += "-" + hashlib.sha1(min(m.article for m in mentions).encode()).hexdigest()[:6]
        used[slug] += 1
        if used[slug] > 1:  # a second entity of one key: a suffix of its name, numbered on when that is taken too
            base, salt = slug, name_key(canonical)
            slug = f"{base}-{hashlib.sha1(salt.encode()).hexdigest()[:6]}"
            while used[slug]:
                salt += "+"
                slug = f"{base}-{hashlib.sha1(salt.encode()).hexdigest()[:6]}"
            used[slug] += 1
        mentions.sort(key=lambda m: (m.article, m.start))
        entities.append(Entity(slug, canonical, kind, mentions))
    analysis.entities = entities
