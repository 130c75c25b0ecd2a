"""Russian named entities (PER, LOC, ORG) with natasha's slovnet tagger, plus fixes for its known faults, and
rule-based events (EVT) and documents/products (PRO).

``tag(text)`` returns ``(start, end, type)`` spans as character offsets into ``text``. The tagger loads once
per process, on first use. ``clean_spans`` is the post-processing, shared with the Ukrainian tagger:

- each line is tagged on its own, so no span crosses a line break;
- quotes, brackets, dashes and punctuation at the edges of a span are trimmed; 'X (ABC)' becomes X and ABC;
- a span that is a pronoun, or a common noun (no name/place/organisation reading in pymorphy3) at the start
  of a line or sentence (headline words like 'Эксперт', 'Президенты'), is dropped;
- common nouns in front of a person's name ('Политолог Ларионов') are cut off, and so are prepositions,
  conjunctions and pronouns at the start of any span, and lower-case words at the start of a person or place;
- an acronym defined in brackets after its long form ('российского общества политологов (РОП)': initials
  match, function words skipped) makes both an entity, and the acronym's later uses in the text too;
- organisation types and boundaries (``org_spans``: 'ЕС' is an organisation, 'МИД Великобритании' and
  'британского правительства' are one), then named events and products (``events``: EVT and PRO, which
  natasha does not tag). Both run on Russian text only (``evt_words.LANGS``); a place folded into an
  organisation stays a LOC nested inside it ('МИД Норвегии': ORG, and 'Норвегии' LOC within it).
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from syuzhet.data import phrases
from syuzhet.entities import evt_words
from syuzhet.entities.events import add_named
from syuzhet.entities.fixes import enabled
from syuzhet.entities.lemma import NAME_TAGS, PLACE_TAGS, function_words, is_acronym, morph
from syuzhet.entities.org_spans import fix_orgs, nested_places
from syuzhet.morph import parses as morph_parses

Span = tuple[int, int, str]
TYPES = ("PER", "LOC", "ORG")

_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
_EDGE_CHARS = " \t\u00a0«»\"“”„'‘’()[]{}.,;:!?…—–-/\\|*•·"
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[-\u2010\u2011'’ʼ.](?=[^\W_]))*", re.U)
_SENTENCE_END = ".!?…"
_OPENERS = "«\"“„'(—–- \t\u00a0"
MAX_SPAN_CHARS = 120


@functools.cache
def _tagger() -> Any:
    from natasha import NewsEmbedding, NewsNERTagger  # heavy: load lazily

    from syuzhet.entities.viterbi import QuickCRF

    tagger = NewsNERTagger(NewsEmbedding())
    # ``_tag_lines`` makes the batches (lines of about one length): the encoder must not cut them again
    tagger.infer.encoder.batch_size = BATCH_LINES
    head = tagger.infer.model.head
    head.crf = QuickCRF(head.crf)  # the same paths with fewer array operations per token (entities/viterbi.py)
    return tagger


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]


CACHE_LINES = 4096  # natasha's answers for recent lines, so a text tagged again costs no second run
_cache: OrderedDict[str, tuple[Span, ...]] = OrderedDict()


# slovnet pads a batch to its longest line; a line's tags do not depend on its batch (tests/test_viterbi.py
# checks it on real text), so batches only change the cost: one line per call pays numpy's and slovnet's
# per-call overhead on every line, one batch of everything pays for padding. Lines sorted by length go in
# batches of at most BATCH_LINES whose longest is at most SIMILAR times (plus SLACK characters) the shortest:
# about 15% less tagger CPU than one line per batch on SlavicNER's Russian lines.
BATCH_LINES = 64
SIMILAR, SLACK = 1.5, 20


def batches(lines: list[str]) -> list[list[int]]:
    """Indexes of ``lines`` in tagging batches: sorted by length, near-equal lengths together."""
    out: list[list[int]] = []
    for i in sorted(range(len(lines)), key=lambda i: len(lines[i])):
        batch = out[-1] if out else None
        if batch and len(batch) < BATCH_LINES and len(lines[i]) <= SIMILAR * len(lines[batch[0]]) + SLACK:
            batch.append(i)
        else:
            out.append([i])
    return out


def _tag_lines(lines: list[str]) -> list[tuple[Span, ...]]:
    infer = _tagger().infer
    found: list[tuple[Span, ...]] = [()] * len(lines)
    for batch in batches(lines):
        for i, markup in zip(batch, infer([lines[i] for i in batch]), strict=True):
            found[i] = tuple((s.start, s.stop, s.type) for s in markup.spans)
    return found


def raw_spans(text: str) -> list[Span]:
    """natasha's spans over ``text``, line by line, before any fix."""
    lines = _lines(text)
    fresh = list(dict.fromkeys(line for _, line in lines if line not in _cache))
    found = dict(zip(fresh, _tag_lines(fresh), strict=True)) if fresh else {}
    spans: list[Span] = []
    for offset, line in lines:
        line_spans = found.get(line) or _cache.get(line, ())
        spans += [(offset + s, offset + e, k) for s, e, k in line_spans]
    _cache.update(found)
    while len(_cache) > CACHE_LINES:
        _cache.popitem(last=False)
    return spans


def tag(text: str) -> list[Span]:
    """PER/LOC/ORG spans over ``text``, line by line, cleaned by ``clean_spans``; [] for empty text."""
    return clean_spans(text, raw_spans(text), "ru")


# ------------------------------------------------------------------------------------------ post-processing


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in _EDGE_CHARS:
        end -= 1
    # A closing quote or bracket kept inside needs its opener: '"Росатом' -> 'Росатом', 'Азаттик»' -> ...
    return start, end


def _split_parens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Шанхайской организации сотрудничества (ШОС)' -> the long form and the acronym, each on its own."""
    piece = text[start:end]
    m = re.search(r"\s*\(([^()]+)\)\s*$", piece)
    if not m:
        return [(start, end)]
    return [(start, start + m.start()), (start + m.start(1), start + m.end(1))]


def _split_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _LINE.finditer(text, start, end):
        out.append((m.start(), m.end()))
    return out or [(start, end)]


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] in "\n\r:"


@functools.cache
def _stop_words() -> frozenset[str]:
    return phrases("entities/not_names")


@functools.lru_cache(maxsize=100_000)
def _reading(word: str, lang: str) -> str:
    """'proper' (a name/place/org reading or unknown to the dictionary), 'pronoun', 'common' or 'other'."""
    low = word.lower()
    if low in _stop_words():
        return "pronoun"
    analyzer = morph(lang)
    parses = morph_parses(low, lang)
    proper = any(p.tag.grammemes & (NAME_TAGS | PLACE_TAGS) for p in parses)
    if not proper and any(p.tag.POS in ("NPRO", "PREP", "CONJ", "PRCL", "INTJ") for p in parses):
        return "pronoun"
    if proper:
        return "proper"
    if not analyzer.word_is_known(low):
        return "proper"
    if any(p.tag.POS == "NOUN" for p in parses) or any(p.tag.POS in ("ADJF", "VERB", "ADVB") for p in parses[:1]):
        return "common"
    return "other"


def _nominative(word: str, lang: str) -> bool:
    """A headline or sentence starts with a nominative: 'Эксперт: ...'; 'Кулаев' (genitive plural of 'кулай') is no
    such word."""
    return any(p.tag.case == "nomn" for p in morph_parses(word.lower(), lang) if p.tag.POS == "NOUN")


def _common_plural(word: str, lang: str) -> bool:
    """'Президенты': only plural common-noun readings, one of them nominative (a genitive plural like 'Кулаев'
    of 'кулай' is far more often a surname)."""
    parses = morph_parses(word.lower(), lang)
    return all("plur" in p.tag.grammemes and not p.tag.grammemes & (NAME_TAGS | PLACE_TAGS) for p in parses) and any(
        p.tag.case == "nomn" for p in parses
    )


def _keep_single(text: str, start: int, end: int, kind: str, lang: str) -> bool:
    word = text[start:end]
    if is_acronym(word):
        return True
    if not word[:1].isupper():
        return False  # 'він', 'канал': a one-word name is capitalised
    reading = _reading(word, lang)
    if reading == "pronoun":
        return False
    # 'Эксперт: ...', 'Договір ...' at a line start; 'Президенты'
    headline = _sentence_start(text, start) and _nominative(word, lang)
    return not (reading == "common" and (headline or _common_plural(word, lang)))


def _cut_titles(text: str, start: int, end: int, lang: str) -> int:
    """Start of a person's name after leading common nouns: 'Политолог Ларионов' -> 'Ларионов'."""
    tokens = list(_TOKEN.finditer(text, start, end))
    i = 0
    while i < len(tokens) - 1:
        word = tokens[i].group()
        if is_acronym(word) or _reading(word, lang) not in ("common", "pronoun"):
            break
        if word[:1].isupper() and not _sentence_start(text, tokens[i].start()):
            break  # mid-sentence capitals are names ('Володимир' has no first-name tag in the uk dictionary)
        i += 1
    return tokens[i].start() if i < len(tokens) else start


def clean_spans(text: str, spans: Iterable[Span], lang: str) -> list[Span]:
    """Fix a tagger's spans over ``text``: see the module docstring; each step is a named fix that
    ``fixes.enabled(lang)`` switches. Sorted by start (outer first); they overlap only where a place the
    organisation fixes folded into an ORG stays nested inside it (``org_spans.nested_places``)."""
    on = enabled(lang)
    trim = _trim if "trim" in on else _keep
    out: list[Span] = []
    for start0, end0, kind in spans:
        for s1, e1 in _split_breaks(text, start0, end0):
            s1, e1 = trim(text, s1, e1)
            for s2, e2 in _split_parens(text, s1, e1) if "split_parens" in on else [(s1, e1)]:
                start, end = trim(text, s2, e2)
                if end - start < 2 or end - start > MAX_SPAN_CHARS or not any(c.isalpha() for c in text[start:end]):
                    continue
                if "balance" in on:
                    start, end = _balance(text, start, end)
                if "cut_lead" in on:
                    start = _cut_lead(text, start, end, kind, lang)
                if kind == "PER" and "cut_titles" in on:
                    start = _cut_titles(text, start, end, lang)
                tokens = _TOKEN.findall(text, start, end)
                if not tokens:
                    continue
                if len(tokens) == 1 and "keep_single" in on and not _keep_single(text, start, end, kind, lang):
                    continue
                if kind in ("PER", "LOC") and "cut_tail" in on:
                    end = _cut_tail(text, start, end)
                    tokens = _TOKEN.findall(text, start, end)
                if kind == "PER" and "per_lowercase" in on and not text[start].isupper():
                    continue
                if "roman" in on and all(_ROMAN.fullmatch(t) for t in tokens):
                    continue
                out.append((start, end, kind))
    spans = _without_overlaps(out)
    if "acronyms" in on:
        spans = _acronym_definitions(text, spans)
    words = evt_words.tokens(text, lang) if lang in evt_words.LANGS else None  # one list for both passes
    fixed = fix_orgs(text, spans, lang, words)
    if "named" in on:
        fixed = add_named(text, fixed, lang, words)
    return nested_places(spans, fixed) if "nested_places" in on else fixed


def _keep(text: str, start: int, end: int) -> tuple[int, int]:
    return start, end


_ROMAN = re.compile(r"[IVXLCDM]+")


def _cut_tail(text: str, start: int, end: int) -> int:
    """Lower-case words after a person's or place's name are not part of it ('Центральної Азії зустріч')."""
    tokens = list(_TOKEN.finditer(text, start, end))
    while len(tokens) > 1 and not tokens[-1].group()[:1].isupper() and not tokens[-1].group()[:1].isdigit():
        tokens.pop()
    return tokens[-1].end() if tokens else end


def _cut_lead(text: str, start: int, end: int, kind: str, lang: str) -> int:
    """Drop leading function words ('Після вторгнення Росії'), and lower-case words before a PER/LOC name."""
    tokens = list(_TOKEN.finditer(text, start, end))
    i = 0
    while i < len(tokens) - 1:
        word = tokens[i].group()
        lead = _reading(word, lang) == "pronoun" or word.lower() in function_words()
        if not lead and not (kind in ("PER", "LOC") and not word[:1].isupper()):
            break
        i += 1
    return tokens[i].start() if tokens else start


_BRACKETED = re.compile(r"\(\s*([^\W\d_][^\W_]{1,9})\s*\)")


def _acronym_definitions(text: str, spans: list[Span]) -> list[Span]:
    """'long form (ACR)': when the initials of the words before the bracket spell ACR, both are entities."""
    added: list[Span] = []
    for m in _BRACKETED.finditer(text):
        acr = m.group(1)
        if not is_acronym(acr):
            continue
        letters = [c for c in acr if c.isupper()]
        words = list(_TOKEN.finditer(text, max(0, m.start() - 200), m.start()))
        found = None
        for k in range(len(letters), min(len(words), len(letters) * 2 + 2) + 1):
            chunk = words[-k:]
            if "\n" in text[chunk[0].start() : m.start()] or chunk[0].group().lower() in function_words():
                continue
            content = [w.group() for w in chunk if w.group().lower() not in function_words()]
            if len(content) == len(letters) and all(
                w[0].upper() == c for w, c in zip(content, letters, strict=True)
            ):
                found = (chunk[0].start(), chunk[-1].end())
                break
        if found is None:
            continue
        kinds = [k for s, e, k in spans if s < found[1] and found[0] < e] + [k for s, e, k in spans if s == m.start(1)]
        kind = kinds[0] if kinds else "ORG"
        added += [(found[0], found[1], kind), (m.start(1), m.end(1), kind)]
        for use in re.finditer(rf"(?<![^\W_]){re.escape(acr)}(?![^\W_])", text):
            added.append((use.start(), use.end(), kind))
    if not added:
        return spans
    kept = [s for s in spans if not any(a[0] < s[1] and s[0] < a[1] for a in added)]
    return _without_overlaps(kept + added)


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep quotes inside a span only when they pair up ('Радио "Свобода"'); else trim them away."""
    piece = text[start:end]
    for opener, closer in (("«", "»"), ("(", ")"), ("“", "”")):
        if piece.count(opener) != piece.count(closer):
            cut = min((i for i in (piece.find(opener), piece.find(closer)) if i >= 0), default=-1)
            if cut > 0:
                return _trim(text, start, start + cut)
    if piece.count('"') % 2:
        cut = piece.find('"')
        if cut > 0:
            return _trim(text, start, start + cut)
    return start, end


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def tag_lines(tagger: Callable[[str], list[Span]], text: str) -> list[Span]:
    """Run any ``tagger`` line by line (offsets into ``text``)."""
    spans: list[Span] = []
    for offset, line in _lines(text):
        spans += [(offset + s, offset + e, k) for s, e, k in tagger(line)]
    return spans
