"""Person mentions for the quote rules: ``article.mentions`` when the entity stage has filled them, else a
small natasha adapter (the quote stage then also works on its own, in tests and evaluation)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from syuzhet.model import Article, Mention
from syuzhet.quotes.lexicon import lexicon
from syuzhet.quotes.morph import _parses, first_name, known_name, name_lemma, words


def split_mentions(article: Article) -> tuple[list[Mention], list[Mention]]:
    """(PER mentions, other named mentions), sorted by offset."""
    mentions = article.mentions or natasha_mentions(article)
    persons = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.start)
    others = sorted((m for m in mentions if m.type != "PER"), key=lambda m: m.start)
    return complete_persons(article, persons), others


def complete_persons(article: Article, persons: list[Mention]) -> list[Mention]:
    """Add what NER missed: 'First-name Surname' pairs pymorphy3 knows as names, and the bare surnames
    ('В свою очередь Токаев заявил') of persons found."""
    lang = article.lang if article.lang in ("ru", "uk") else "ru"
    persons = persons + [m for m in _name_pairs(article, lang) if not any(_overlaps(m, p) for p in persons)]
    keys = {name_lemma(t[-1].text, lang, surname=True) for m in persons if (t := words(m.text))}
    added = []
    for w in words(article.text):
        if not w.text[:1].isupper() or len(w.text) < 3 or any(m.start <= w.start < m.end for m in persons):
            continue
        if name_lemma(w.text, lang, surname=True) in keys:
            added.append(Mention(article.id, w.start, w.end, w.text, "PER", name_lemma(w.text, lang, surname=True)))
    return sorted(persons + added, key=lambda m: m.start)


@cache
def _natasha() -> tuple[Any, Any]:
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ModuleNotFoundError as err:  # pragma: no cover - the nlp extra is part of the dev install
        raise ModuleNotFoundError("quotes without an entity stage need natasha: pip install 'syuzhet[nlp]'") from err
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_mentions(article: Article) -> list[Mention]:
    """PER/LOC/ORG spans from natasha's news NER, cut at line breaks, with name lemmas."""
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(article.text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    lang = article.lang if article.lang in ("ru", "uk") else "ru"
    pronouns = lexicon(lang).pronouns
    found: list[Mention] = []
    for span in doc.spans:
        start, stop = span.start, span.stop
        for mark in ("\n", "("):
            if (cut := article.text.find(mark, start, stop)) >= 0:
                stop = cut
        text = article.text[start:stop].strip()
        if not text or not text[0].isupper() or text.lower() in pronouns:
            continue
        if span.type == "PER" and lang == "uk":
            start, text = _trim_person(article.text, start, text, lang)
            if not text or _is_place(text, lang):
                continue
        if span.type == "PER":
            start, text = _with_first_name(article.text, start, text, lang)
        toks = words(text)
        lemma = " ".join(name_lemma(w.text, lang, surname=i == len(toks) - 1) for i, w in enumerate(toks))
        found.append(Mention(article.id, start, start + len(text), text, span.type, lemma))
    return found


def _is_place(text: str, lang: str) -> bool:
    """natasha tags Ukrainian cities as persons; a single word pymorphy knows only as a place is one."""
    toks = words(text)
    if len(toks) != 1:
        return False
    tags = [str(p.tag) for p in _parses(toks[0].text, lang)]
    return bool(tags) and all("Geox" in t for t in tags)


def _trim_person(full: str, start: int, text: str, lang: str) -> tuple[int, str]:
    """natasha on Ukrainian glues places to names ('Росії Володимир Путін') and tags common nouns
    ('Декларацію') as persons: leading words that cannot be names go, and a span with no name word is dropped."""
    toks = words(text)
    while toks and not known_name(toks[0].text, lang):
        toks = toks[1:]
    if not toks:
        return start, ""
    return start + toks[0].start, full[start + toks[0].start : start + toks[-1].end]


def _with_first_name(full: str, start: int, text: str, lang: str) -> tuple[int, str]:
    """natasha's Russian model leaves Ukrainian first names out ('Ігор' + 'Соколенко'): take the
    capitalised first name right before a person span back in."""
    m = re.search(r"([A-ZА-ЯЁІЇЄҐ][\w’'-]+) $", full[max(0, start - 30) : start])
    if m and first_name(m.group(1), lang):
        new_start = start - len(m.group(0))
        return new_start, full[new_start : start + len(text)]
    return start, text


_PAIR = re.compile(r"\b([A-ZА-ЯЁІЇЄҐ][а-яёіїєґ’'-]+) ([A-ZА-ЯЁІЇЄҐ][а-яёіїєґ’'-]+)\b")


def _name_pairs(article: Article, lang: str) -> list[Mention]:
    """'Ігор Соколенко', 'Ігоря Соколенка': a first name followed by a surname-like capitalised word."""
    found = []
    for m in _PAIR.finditer(article.text):
        first, last = m.group(1), m.group(2)
        if first_name(first, lang) and known_name(last, lang) and not _is_place(last, lang):
            lemma = f"{name_lemma(first, lang)} {name_lemma(last, lang, surname=True)}"
            found.append(Mention(article.id, m.start(), m.end(), m.group(), "PER", lemma))
    return found


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
