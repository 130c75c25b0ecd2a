"""Named entities: mentions in each article, and one entity per name across articles and languages.

Stages: ``find_entities`` (article stage: mentions with type and base form) and ``link_entities`` (batch
stage: one ``Entity`` per person/place/organisation across articles and languages). Russian text goes to
natasha's slovnet tagger (``ru_ner``), Ukrainian text to the project's CRF (``uk_crf``), English and Kazakh
text to rule-based taggers over capitalised words (``en_names``, ``kk_names``, rules in ``caps``);
paragraphs in other languages get no mentions.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING

from syuzhet.bounds import pieces
from syuzhet.entities import en_names, fixes, kk_names
from syuzhet.entities.lemma import gendered_person, lemmatize, verb_gender
from syuzhet.entities.link import link_entities
from syuzhet.entities.ru_ner import Span, clean_spans
from syuzhet.lang import mostly_latin
from syuzhet.model import Article, Mention

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["find_entities", "link_entities", "repeat_spans", "tag_text"]

TAGGED_LANGS = ("ru", "uk", "kk", "en")
log = logging.getLogger(__name__)


@functools.cache
def _uk_tagger() -> Callable[[str], list[Span]]:
    from syuzhet.entities import uk_crf

    if uk_crf.MODEL_PATH.exists():
        return uk_crf.tag
    log.warning("no Ukrainian NER model at %s: Ukrainian text is tagged with the Russian model", uk_crf.MODEL_PATH)
    from syuzhet.entities import ru_ner

    return ru_ner.tag


def tag_text(text: str, lang: str) -> list[Span]:
    """Entity spans over ``text`` in ``lang`` (one of ``TAGGED_LANGS``); [] for other languages."""
    if lang == "ru":
        from syuzhet.entities import ru_ner

        return ru_ner.tag(text)
    if lang == "uk":
        return clean_spans(text, _uk_tagger()(text), "uk")
    if lang == "en":
        return en_names.tag_en(text)
    if lang == "kk" and not mostly_latin(text):  # the Kazakh rules read Cyrillic; Latin-script Kazakh is not
        return kk_names.tag_kk(text)  # tagged (capitals and case endings read wrong there: 'Al Orynbor' as a name)
    return []


def _segments(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, lang) runs of ``article.text`` to tag: consecutive blocks of one language merged, then cut
    at breaks into pieces of at most ``bounds.MAX_TAGGED_CHARS`` (the taggers' memory grows with length)."""
    return [(s, e, lang) for start, end, lang in _runs(article) for s, e in pieces(start, end, article.text)]


def _runs(article: Article) -> list[tuple[int, int, str]]:
    default = article.lang if article.lang in TAGGED_LANGS else ""
    if not article.blocks:
        return [(0, len(article.text), default)] if default else []
    runs: list[tuple[int, int, str]] = []
    for block in sorted(article.blocks, key=lambda b: b.start):
        lang = block.lang if block.lang in TAGGED_LANGS else default
        if not lang:
            continue
        if runs and runs[-1][2] == lang:
            runs[-1] = (runs[-1][0], block.end, lang)
        else:
            runs.append((block.start, block.end, lang))
    return runs


def find_entities(article: Article) -> Article:
    """Fill ``article.mentions``: offsets into ``article.text``, type PER/LOC/ORG/EVT/PRO, base form."""
    owner = article.id or article.source
    spans: list[tuple[int, int, str, str]] = []  # start, end, type, lang; offsets into article.text
    lemmas: dict[tuple[int, int], str] = {}
    segments = _segments(article)
    for start, end, lang in segments:
        segment = article.text[start:end]
        for s, e, kind in tag_text(segment, lang):
            spans.append((start + s, start + e, kind, lang))
            lemmas[(start + s, start + e)] = lemmatize(article.text[start + s : start + e], kind, lang, segment)
    spans += repeat_spans(article.text, spans, segments)
    mentions = []
    for start, end, kind, lang in sorted(spans):
        surface = article.text[start:end]
        lemma = lemmas.get((start, end)) or lemmatize(surface, kind, lang)
        mentions.append(Mention(owner, start, end, surface, kind, lemma))
    langs = {(start, end): lang for start, end, _, lang in spans}
    _gender_from_verbs(article.text, mentions, langs)
    article.mentions = mentions
    return article


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)", re.U)


def _gender_from_verbs(text: str, mentions: list[Mention], langs: dict[tuple[int, int], str]) -> None:
    """A person's name right before a past-tense verb takes the verb's gender, and so does every mention of the
    article written the same way: 'Петрова' alone reads as the genitive of the man's name Петров, 'Петрова
    заявила' makes every 'Петрова' of the article the woman's nominative. Only where that reading is as good as
    the best one (``lemma.person_lemma``): 'Иваном Петровым была' stays a man."""
    genders: dict[str, set[str]] = {}
    for m in mentions:
        follow = _NEXT_WORD.match(text, m.end) if m.type == "PER" else None
        gender = verb_gender(follow.group(1), langs.get((m.start, m.end), "")) if follow else ""
        if gender:
            genders.setdefault(m.text, set()).add(gender)
    for m in mentions:
        told = genders.get(m.text, set())
        if m.type == "PER" and len(told) == 1:
            m.lemma = gendered_person(m.text, langs.get((m.start, m.end), ""), next(iter(told)))


_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[-'’](?=[^\W_]))*", re.U)


def repeat_spans(
    text: str, spans: list[tuple[int, int, str, str]], segments: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, str]]:
    """One name, one reading per article (fix ``repeats``): a capitalised word the tagger took as a name
    somewhere (a one-word mention, or the last word of a person's name) is a mention wherever else it stands
    untagged, e.g. in a headline the tagger missed ('Речь Кулаева в Москве')."""
    seen: dict[str, set[str]] = {}
    for start, end, kind, _ in spans:
        words = text[start:end].split()
        if len(words) == 1 or kind == "PER":
            seen.setdefault(words[-1], set()).add(kind)
    added: list[tuple[int, int, str, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        kinds = seen.get(word)
        if not kinds or len(kinds) != 1 or len(word) < 3 or not word[:1].isupper():
            continue
        if any(s < match.end() and match.start() < e for s, e, _, _ in spans):
            continue
        lang = next((lg for s, e, lg in segments if s <= match.start() < e), "")
        if not lang or not fixes.on(lang, "repeats"):
            continue
        added.append((match.start(), match.end(), next(iter(kinds)), lang))
    return added
