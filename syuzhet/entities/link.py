"""Entity identity: which mentions, within an article and across articles and languages, are one entity.

Within an article:
- persons: a full name ('Владимир Путин') introduces a person; a surname alone ('Путина') or a first name
  (with or without patronymic: 'Владимир Владимирович', 'Александр') resolves to the one person of the
  article it fits; otherwise it stands for a person of its own;
- other entities: mentions with the same comparison key (base form through ``translit.txt``), a convention
  alias (``aliases.txt``: РФ = Россия) or an acronym built from the word initials of a long form in the same
  article (РОП = 'российское общество политологов') are one entity.
Across articles (and ru/uk/kk/en): persons by surname key and a compatible first name (equal, the same
name in another language per ``given_names.txt``, or the same initial across languages); other entities by
shared keys (base form key, alias, acronyms of three letters or more).

The comparison key of a name: lower case, Ukrainian/Kazakh letters to their Russian correspondences, Latin to
Cyrillic, then the letters Russian spelling varies on folded (ы/и, э/е, й/и, soft sign, double letters):
'Токаєв', 'Токаев' and 'Tokayev' share one key.

Canonical name: the alias group's first form when there is one, else the most complete Russian base form
(persons: with a surname, most words; others: not an acronym, most words), else the same in any language.
Ids: ``TYPE-`` + an ASCII slug of a key that does not change as articles arrive (alias group, acronym,
surname), so an entity keeps its id when more articles mention it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from syuzhet.entities.lemma import NAME_TAGS, acronym_of, data_lines, is_acronym, morph, surname_forms
from syuzhet.model import Article, Entity, Mention

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis

TYPE_ORDER = ("PER", "LOC", "ORG", "EVT", "PRO")
MIN_GLOBAL_ACRONYM = 3  # 'РК' links only inside its article; 'ОДКБ' links everywhere
_UK_LETTERS = frozenset("єіїґЄІЇҐ")
_NON_WORD = re.compile(r"[^\w\s]|_", re.U)
_SPACES = re.compile(r"\s+")
_HYPHENS = re.compile(r"[-\u2010\u2011\u2013]")


# ------------------------------------------------------------------------------------------------ data


@functools.cache
def _tables() -> dict[str, list[tuple[str, str]]]:
    tables: dict[str, list[tuple[str, str]]] = defaultdict(list)
    section = ""
    for line in data_lines("translit"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        src, dst = line.split()
        tables[section].append((src.lower(), "" if dst == "-" else dst.lower()))
    for pairs in tables.values():
        pairs.sort(key=lambda p: -len(p[0]))  # longest match first
    return dict(tables)


def _apply(word: str, pairs: list[tuple[str, str]]) -> str:
    if not pairs:
        return word
    table = dict(pairs)
    longest = max(len(src) for src, _ in pairs)
    out: list[str] = []
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 0, -1):
            piece = word[i : i + n]
            if piece in table:
                out.append(table[piece])
                i += n
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


def guess_lang(text: str) -> str:
    return "uk" if any(c in _UK_LETTERS for c in text) else "ru"


@functools.lru_cache(maxsize=200_000)
def name_key(text: str, lang: str = "") -> str:
    """Comparison key of a name: 'Токаєв'/'uk', 'Токаев', 'Tokayev' -> 'токаев'; 'Росія', 'Россия' -> 'росия'."""
    tables = _tables()
    low = _HYPHENS.sub(" ", text.lower().replace("’", "'").replace("ʼ", "'"))
    lang = lang or guess_lang(text)
    words = []
    for word in low.split():
        if lang == "uk":
            word = _apply(word, tables.get("uk", []))
        if word.isascii():
            word = _apply(word, tables.get("latin", []))
        word = _apply(word, tables.get("kk", []))
        word = _apply(word, tables.get("fold", []))
        word = _NON_WORD.sub("", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word:
            words.append(word)
    return " ".join(words)


def ascii_slug(key: str) -> str:
    pairs = _tables().get("ascii", [])
    slug = _apply(key, pairs)
    slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
    return slug[:48].strip("-") or hashlib.sha1(key.encode()).hexdigest()[:10]


@functools.cache
def _groups(name: str) -> dict[str, str]:
    """key of every form -> key of the group's first form, for ``aliases.txt`` / ``given_names.txt``."""
    out: dict[str, str] = {}
    for line in data_lines(name):
        forms = [f.strip() for f in line.split(" = ") if f.strip()]
        head = name_key(forms[0], "ru")
        for form in forms:
            out.setdefault(name_key(form, ""), head)
    return out


@functools.cache
def _alias_heads() -> dict[str, str]:
    """Group key -> canonical display name (first form of the line)."""
    out: dict[str, str] = {}
    for line in data_lines("aliases"):
        head = line.split(" = ")[0].strip()
        out[name_key(head, "ru")] = head
    return out


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
    analyzer = morph(lang)

    def tags(word: str) -> set[str]:
        grammemes: set[str] = set()
        for part in _HYPHENS.split(word.lower()):
            for p in analyzer.parse(part):
                grammemes |= p.tag.grammemes & NAME_TAGS
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


def _is_given_name(word: str, lang: str) -> bool:
    parses = morph(lang).parse(word.lower())
    named = [p for p in parses if "Name" in p.tag.grammemes]
    surn = [p for p in parses if "Surn" in p.tag.grammemes]
    return bool(named) and sum(p.score for p in named) >= sum(p.score for p in surn)


def _given_ok(a: str, b: str, a_lang: str, b_lang: str) -> bool:
    if not a or not b:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1 or a_lang != b_lang:
        same_group = _groups("given_names").get(a, a) == _groups("given_names").get(b, b)
        return same_group or a[0] == b[0]
    return _groups("given_names").get(a, a) == _groups("given_names").get(b, b)


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
        forms = {name_key(f, lang) for f in surname_forms(text, lang)} | {name_key(m.lemma or text, lang)}
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


# --------------------------------------------------------------------------------------- other entities


def _keys(lemma: str, lang: str, local: bool) -> set[str]:
    key = name_key(lemma, lang)
    if not key:
        return set()
    keys = {key}
    if is_acronym(lemma) and (local or len(key) >= MIN_GLOBAL_ACRONYM):
        keys.add("acr:" + key)
    aliases = _groups("aliases")
    if key in aliases:
        keys.add("alias:" + aliases[key])
    acronym = acronym_of(lemma)
    if acronym and (local or len(acronym) >= MIN_GLOBAL_ACRONYM):
        keys |= {name_key(acronym, lang), "acr:" + name_key(acronym, lang)}
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


def _local_others(mentions: list[Mention], lang_of: dict[int, str]) -> list[_Cluster]:
    items = [(m, _keys(m.lemma or m.text, lang_of[id(m)], local=True)) for m in mentions]
    uf = _UnionFind(len(items))
    owner: dict[str, int] = {}
    for i, (_, local_keys) in enumerate(items):
        for k in local_keys:
            if k in owner:
                uf.union(owner[k], i)
            else:
                owner[k] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    clusters = []
    for members in groups.values():
        ms = [items[i][0] for i in members]
        keys: set[str] = set()
        for i in members:
            m = items[i][0]
            keys |= _keys(m.lemma or m.text, lang_of[id(m)], local=False)
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
                    lang = b.lang if b.lang in ("ru", "uk") else lang
                    break
            out[id(m)] = lang if lang in ("ru", "uk") else guess_lang(m.text)
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


def _canonical(mentions: list[Mention], kind: str, lang_of: dict[int, str], keys: set[str]) -> str:
    heads = _alias_heads()
    for k in sorted(keys):
        if k.startswith("alias:") and k[6:] in heads:
            return heads[k[6:]]
    counts = Counter(m.lemma or m.text for m in mentions)
    ru = [m for m in mentions if lang_of.get(id(m)) == "ru"] or mentions

    def rank(lemma: str) -> tuple[int, int, int, int]:
        words = lemma.split()
        if kind == "PER":
            lang = guess_lang(lemma)
            return (int(bool(_roles(lemma, lang)[2]) and len(words) > 1), len(words), counts[lemma], -len(lemma))
        return (int(not is_acronym(lemma)), len(words), counts[lemma], -len(lemma))

    best = max({m.lemma or m.text for m in ru}, key=rank)
    return best[:1].upper() + best[1:]


def _id_key(kind: str, keys: set[str], person: _Person | None, canonical: str) -> str:
    aliases = sorted(k[6:] for k in keys if k.startswith("alias:"))
    if aliases:
        return aliases[0]
    if person is not None:
        return person.surname or person.given or name_key(canonical)
    acronyms = sorted(k[4:] for k in keys if k.startswith("acr:"))
    return acronyms[0] if acronyms else name_key(canonical)


def link_entities(analysis: Analysis) -> None:
    """Fill ``analysis.entities``: one ``Entity`` per person/place/organisation/event/product."""
    articles = [a for a in analysis.articles if a.mentions]
    lang_of = _mention_langs(articles)
    clusters: list[_Cluster] = []
    for article in articles:
        people = [m for m in article.mentions if m.type == "PER"]
        others = [m for m in article.mentions if m.type != "PER"]
        for p in _local_persons(people, lang_of):
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
        used[slug] += 1
        if used[slug] > 1:
            slug += "-" + hashlib.sha1(name_key(canonical).encode()).hexdigest()[:6]
        mentions.sort(key=lambda m: (m.article, m.start))
        entities.append(Entity(slug, canonical, kind, mentions))
    analysis.entities = entities
