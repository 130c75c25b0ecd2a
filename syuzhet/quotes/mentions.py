"""Person mentions for the quote rules: ``article.mentions`` from the entity stage (run here when it has not
run, so the quote stage also works on its own, in tests and evaluation)."""

from __future__ import annotations

import re

from syuzhet.entities import find_entities
from syuzhet.entities.kk_morph import base_word
from syuzhet.entities.shapes import is_patronymic, is_surname_shaped
from syuzhet.model import Article, Mention
from syuzhet.quotes.lexicon import lexicon_lang, runs
from syuzhet.quotes.morph import WORD, _parses, first_name, known_name, name_lemma, words


def split_mentions(article: Article) -> tuple[list[Mention], list[Mention]]:
    """(PER mentions, other named mentions), sorted by offset."""
    mentions = article.mentions or find_entities(article).mentions
    persons = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.start)
    others = sorted((m for m in mentions if m.type != "PER"), key=lambda m: m.start)
    return complete_persons(article, persons), others


def complete_persons(article: Article, persons: list[Mention]) -> list[Mention]:
    """Add what NER missed: 'First-name Surname' pairs pymorphy3 knows as names, and the bare surnames
    ('В свою очередь Кулаев заявил') of persons found."""
    lang = article.lang if article.lang in ("ru", "uk") else "ru"
    persons = persons + [m for m in _name_pairs(article, lang) if not any(_overlaps(m, p) for p in persons)]
    persons = persons + [m for m in _kazakh_pairs(article) if not any(_overlaps(m, p) for p in persons)]
    keys = {name_lemma(t[-1].text, lang, surname=True) for m in persons if (t := words(m.text))}
    covered = {at for m in persons for at in range(m.start, m.end)}  # offsets inside a person's mention
    added = []
    for match in WORD.finditer(article.text):  # the words of ``words``, without a tuple for each small one
        text, start = match.group(), match.start()
        if not text[:1].isupper() or len(text) < 3 or start in covered:
            continue
        if name_lemma(text, lang, surname=True) in keys:
            added.append(Mention(article.id, start, match.end(), text, "PER", name_lemma(text, lang, surname=True)))
    return sorted(persons + added, key=lambda m: m.start)


def _is_place(text: str, lang: str) -> bool:
    """natasha tags Ukrainian cities as persons; a single word pymorphy knows only as a place is one."""
    toks = words(text)
    if len(toks) != 1:
        return False
    tags = [str(p.tag) for p in _parses(toks[0].text, lang)]
    return bool(tags) and all("Geox" in t for t in tags)


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


_CAPS_PAIR = re.compile(r"(?<!\w)([^\W\d_][\w’'-]+) ([^\W\d_][\w’'-]+)(?!\w)")


def _kazakh_pairs(article: Article) -> list[Mention]:
    """kazakh_surname_pairs: in Kazakh text NER left untagged (Latin script), two capitalised words of which the
    second is a surname or patronymic by its ending once its case ending is off ('Nariman Töreǧaliev',
    'Асқар Мамин', 'Ерлан Қосанұлы'): a person."""
    if lexicon_lang(article.lang, article.text) != "kk" or not runs("kazakh_surname_pairs", "kk"):
        return []
    found = []
    for m in _CAPS_PAIR.finditer(article.text):
        first, last = m.group(1), m.group(2)
        if not (first[:1].isupper() and last[:1].isupper() and first[1:2].islower() and last[1:2].islower()):
            continue
        base = base_word(last)
        if is_surname_shaped(base) or is_patronymic(base):
            found.append(Mention(article.id, m.start(), m.end(), m.group(), "PER", f"{first} {base}"))
    return found


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
