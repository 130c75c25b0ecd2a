"""Ukrainian place names the CRF types wrongly or misses, set right after tagging (``uk_crf.tag_with``).

The rules, all about whole names only, in the order ``uk_crf.tag_with`` runs them:

- An ORG span that begins with a lower-case word starts at its first capitalised word ('господарського суду
  Одеської області' -> 'Одеської області'), or is dropped when it has none (``lower_case_orgs_cut``).
- A PER or ORG span whose base form (``lemma.lemmatize`` read as a place) is a place of ``places.txt`` is a LOC:
  'Вашингтоном', 'Брюсселем' are no persons. A span with more words than the place ('Нафтогаз України') or in
  quotes is left alone.
- A capitalised name right after a word of ``uk_place_words.txt`` ('с. Угорники', 'біля села Корогод', 'в
  місті Лагор') is a LOC: an untagged one becomes a span, a PER or ORG span of that name alone is retyped. A
  name of two words or more that begins with a first name ('мер міста Іван Петренко') is left alone, and so is
  'м.' after a number or a unit ('100 кв. м. Про це', 'грн / м.').
- A LOC span whose last word is, in base form, a word of ``uk_org_heads.txt`` ('Кременчуцькому НПЗ',
  'Острожецького лісництва') is an ORG.
- A LOC span over a list of names ('Коперника та Б. Хмельницького') is one LOC per name
  (``split_enumerations``), unless the names share a lower-case head ('Луганської й Донецької областей') or the
  whole is one place ('Сент-Кітс і Невіс', ``uk_joined_places.txt``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from syuzhet.entities.gazetteer import first_names, group_forms, known_type
from syuzhet.entities.keys import name_key
from syuzhet.entities.lemma import data_lines, lemmatize
from syuzhet.entities.uk_known import Token
from syuzhet.morph import parses

Span = tuple[int, int, str]
MAX_WORDS = 3  # words of a name after a place word
_QUOTES = "«»“”„\""  # not the apostrophe: it is inside Ukrainian words ('Кам'янське')
_LAST_WORD = re.compile(r"(?:^|(?<=\s)|(?<=\())([^\W\d_][\w'’-]*\.?)\s+$")
_UNIT_BEFORE = re.compile(r"(?:\d|/|\bкв\.?|\bкуб\.?)\s*$")


@functools.cache
def place_words() -> frozenset[str]:
    """The place-kind words of ``uk_place_words.txt``, lower case."""
    return frozenset(line.strip().lower() for line in data_lines("uk_place_words"))


@functools.cache
def org_heads() -> frozenset[str]:
    """The organisation head nouns of ``uk_org_heads.txt``, lower case."""
    return frozenset(line.strip().lower() for line in data_lines("uk_org_heads"))


def _ends_with_org_head(surface: str) -> bool:
    words = surface.split()
    last = words[-1].strip(_QUOTES + ".,") if words else ""
    if not last[:1].isalpha():
        return False
    return last.lower() in org_heads() or parses(last.lower(), "uk")[0].normal_form in org_heads()


def _strict(name: str) -> str:
    return " ".join(name.replace("’", "'").replace("ʼ", "'").lower().split())


@functools.cache
def _place_forms() -> frozenset[str]:
    """Every form of ``places.txt``, lower case, letter for letter: ``known_type`` compares translit keys,
    where the adjective 'Малий' is the country 'Мали'."""
    return frozenset(_strict(f) for group in group_forms("places") for f in group)


def is_known_place(surface: str) -> bool:
    """True when ``surface``, in any case form, is a place of the gazetteer ('Берліном', 'Києві')."""
    if any(q in surface for q in _QUOTES):
        return False
    forms = (surface, lemmatize(surface, "LOC", "uk"))
    return any(_strict(f) in _place_forms() and known_type(f, "uk") == "LOC" for f in forms)


def _quoted(text: str, start: int) -> bool:
    """True when the name at ``start`` opens a quotation ('кінотеатрі « Україна »'): a title, not a place."""
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] in _QUOTES


def _after_place_word(text: str, start: int) -> bool:
    """True when the word right before ``start`` names a kind of place ('селі', 'с.'), lower case as listed."""
    m = _LAST_WORD.search(text, max(0, start - 40), start)
    if not m or m.group(1) not in place_words():
        return False
    return not (m.group(1).endswith(".") and _UNIT_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1)))


def _name_run(line: Sequence[Token], i: int) -> int:
    """Index after the run of capitalised words (at most ``MAX_WORDS``) that begins at token ``i``."""
    j = i
    while j < len(line) and j - i < MAX_WORDS and line[j].text[:1].isupper() and line[j].text[:1].isalpha():
        j += 1
    return j


def _starts_with_first_name(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and name_key(words[0], "uk") in first_names()


LOWER_ORGS = True  # lower_case_orgs_cut in uk_crf.tag_with; False only to measure without


def lower_case_orgs_cut(lines: Sequence[Sequence[Token]], spans: list[Span]) -> list[Span]:
    """An ORG span that begins with a lower-case word ('господарського суду Одеської області', 'придбання ... у
    м. Щастя') starts at its first capitalised word instead: lang-uk NER mostly names an organisation from a
    capital letter or a quote, and the CRF's lower-case ORG spans are mostly runs past a name (right 2 times of
    19 on ner-uk training folds 0 and 1; SlavicNER has some lower-case ORGs, 'кабінет міністрів', that the CRF
    seldom predicts). A span with no capitalised word of two letters or more is dropped."""
    if not LOWER_ORGS:
        return spans
    tokens = {t.start: (line, i) for line in lines for i, t in enumerate(line)}
    out: list[Span] = []
    for start, end, kind in spans:
        if kind == "ORG" and start in tokens and tokens[start][0][tokens[start][1]].text[:1].islower():
            line, i = tokens[start]
            first = next((t for t in line[i:] if t.end <= end and t.text[:1].isupper() and t.text[:1].isalpha()), None)
            if first is None or (first.end == end and len(first.text) < 2):
                continue
            start = first.start
        out.append((start, end, kind))
    return out


ENUMERATIONS = True  # split_enumerations in uk_crf.tag_with; False only to measure without
_JOINER = re.compile(r"\s*,\s*|\s+(?:і|й|та|и|and)\s+")
_CAPITAL = re.compile(r"[^\W\d_]")


def _stems(name: str) -> tuple[str, ...]:
    return tuple(w[:4] for w in _strict(name).split())


@functools.cache
def _joined_places() -> frozenset[tuple[str, ...]]:
    """The stems (``_stems``) of the places of ``uk_joined_places.txt``."""
    return frozenset(_stems(line) for line in data_lines("uk_joined_places"))


def _joined_place(surface: str) -> bool:
    """A place whose one name joins two ('Сент-Кітс і Невіс', 'Боснії і Герцеговини'), by its words' first four
    letters, so that any case form matches."""
    return _stems(surface) in _joined_places()


def split_enumerations(text: str, spans: list[Span]) -> list[Span]:
    """A LOC span that runs over a list of names ('Коперника та Б. Хмельницького', 'Дашавське, Опарське,
    Угерське') is one LOC per name, as lang-uk NER annotates lists. A span that ends in a lower-case word shares
    that head among its names and stays whole ('Луганської й Донецької областей'), and so does a place of the
    gazetteer ('Сент-Кітс і Невіс') and a span with a quote. Only splits where a capitalised word follows the
    comma or the conjunction, so addresses ('вул. Хрещатик, 30-А') stay whole."""
    if not ENUMERATIONS:
        return spans
    out: list[Span] = []
    for start, end, kind in spans:
        surface = text[start:end]
        words = surface.split()
        if (kind != "LOC" or len(words) < 3 or not words[-1][:1].isupper() or any(q in surface for q in _QUOTES)
                or is_known_place(surface) or _joined_place(surface)):
            out.append((start, end, kind))
            continue
        cuts = [m for m in _JOINER.finditer(surface) if (c := _CAPITAL.match(surface, m.end())) and c.group().isupper()]
        at = start
        for m in cuts:
            out.append((at, start + m.start(), kind))
            at = start + m.end()
        out.append((at, end, kind))
    return out


def places_set_right(text: str, lines: Sequence[Sequence[Token]], spans: list[Span]) -> list[Span]:
    """``spans`` with the three rules of this module applied; sorted by start."""
    out: list[Span] = []
    for start, end, kind in spans:
        if kind in ("PER", "ORG") and not _quoted(text, start) and (
            is_known_place(text[start:end])
            or (_after_place_word(text, start) and len(text[start:end].split()) <= MAX_WORDS
                and not _starts_with_first_name(text[start:end]) and not any(q in text[start:end] for q in _QUOTES))
        ):
            kind = "LOC"
        elif kind == "LOC" and _ends_with_org_head(text[start:end]):
            kind = "ORG"
        out.append((start, end, kind))
    taken = sorted((s, e) for s, e, _ in out)
    for line in lines:
        for i, token in enumerate(line):
            if len(token.text) < 3 or not token.text[:1].isupper() or not token.text[:1].isalpha():
                continue
            if any(s < token.end and token.start < e for s, e in taken) or _quoted(text, token.start):
                continue
            if not _after_place_word(text, token.start):
                continue
            j = _name_run(line, i)
            j = next((k for k in range(i + 1, j) if any(s < line[k].end and line[k].start < e for s, e in taken)), j)
            name = text[token.start : line[j - 1].end]
            if _starts_with_first_name(name):
                continue
            out.append((token.start, line[j - 1].end, "LOC"))
            taken.append((token.start, line[j - 1].end))
    return sorted(out)
