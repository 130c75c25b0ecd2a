"""How each outlet, and each language community when a story spans several, frames a story: the words it
stresses that the others do not, the actors it names, and its tone toward the story's main entities.

- Words: within one language, the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008; the
  prior from the whole analysis) of the outlet's content words against the other outlets of its language.
  Across languages (an outlet alone in its language, or a language community) words are compared through
  their cross-lingual keys and consonant skeletons ('агрессия'/'агресія', 'подписали'/'підписали'): a word
  is distinctive when nothing in the other side's words matches it and it either carries tone (the lexicon
  below) or recurs; evaluative words first. Without a bilingual dictionary, translations ('отношения' /
  'відносини') cannot be told from stressed words, hence the stricter test.
- Actors: the people and organisations it names, most mentioned first, marked when no one else names them.
- Tone: lexicon hits (``data/stories/tone_*.txt``) in its sentences that mention each main entity.
Words are shown in their dictionary form where the language is lemmatised (ru, uk), else as written, in lower
case; no internal key reaches the record."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from syuzhet.data import lines
from syuzhet.model import Entity
from syuzhet.morph import parses as morph_parses
from syuzhet.stories.claims import skeleton
from syuzhet.stories.text import CONTENT_POS, LEMMATISED, Sentence, fold, stem, surfaces

PRIOR_STRENGTH = 500.0
Z_MIN = 1.96
TOP_TERMS = 8
TOP_ACTORS = 6
MIN_COUNT_ACROSS = 3  # across languages a word that carries no tone must occur this often ...
MIN_LENGTH_ACROSS = 5  # ... and have this long a key (short keys are function words and cognates folding misses)


@cache
def tone_stems(kind: str) -> tuple[str, ...]:
    return lines(f"stories/tone_{kind}")


@lru_cache(maxsize=100_000)
def _tone_of(word: str) -> int:
    low = word.lower()
    if low.startswith(tone_stems("positive")):  # one call over the tuple of stems
        return 1
    if low.startswith(tone_stems("negative")):
        return -1
    return 0


def sentence_terms(s: Sentence, names_only: bool = False) -> list[tuple[str, str]]:
    """(key, written form) of the sentence's content words (and names)."""
    out = []
    for w, surface in zip(s.words, surfaces(s), strict=False):
        if w.name or (not names_only and w.pos in CONTENT_POS and len(w.key) > 2):
            out.append((("n:" if w.name else "t:") + stem(w.key), surface))
    return out


def log_odds(mine: Counter[str], rest: Counter[str], prior: Counter[str]) -> list[tuple[str, float]]:
    n_prior = sum(prior.values()) or 1
    n_i, n_j = sum(mine.values()), sum(rest.values())
    scored = []
    for key, y_i in mine.items():
        alpha = PRIOR_STRENGTH * (prior.get(key, 0) + 1) / (n_prior + len(prior))
        y_j = rest.get(key, 0)
        a0 = PRIOR_STRENGTH
        delta = (math.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - math.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        z = delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
        scored.append((key, z))
    return sorted(scored, key=lambda kv: (-kv[1], kv[0]))


Terms = list[tuple[str, str]]


def content_terms(s: Sentence) -> Terms:
    """(key, the word as shown) of the sentence's content words, names left out: its dictionary form where the
    language is lemmatised ('агрессия' for 'агрессии'), else its written form in lower case."""
    return [(key, dictionary_form(surface.lower(), s.lang)) for key, surface in sentence_terms(s)
            if key.startswith("t:")]


def dictionary_form(word: str, lang: str) -> str:
    """``word``'s dictionary form when its likely readings (within half the best one's score) agree on one,
    spelling variants aside; else ``word`` ('війну' reads as a noun and, unranked, as a verb: it stays as
    written)."""
    if lang not in LEMMATISED:
        return word
    readings = morph_parses(word, lang)
    likely = [str(p.normal_form) for p in readings if p.score >= readings[0].score / 2]
    return likely[0] if len({fold(form) for form in likely}) == 1 else word  # 'агресія' is 'аґресія'


def _counts(term_lists: Iterable[Terms]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    counts: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for terms in term_lists:
        for key, low in terms:
            counts[key] += 1
            shown.setdefault(key, Counter())[low] += 1
    return counts, shown


def distinctive(mine: list[Sentence], rest: list[Sentence], background: Counter[str],
                same_language: bool) -> list[dict[str, Any]]:
    """The words ``mine`` stresses against ``rest``: [{word, count, z}] (z only within one language)."""
    return distinctive_terms([content_terms(s) for s in mine], [content_terms(s) for s in rest], background,
                             same_language)


def distinctive_terms(mine: list[Terms], rest: list[Terms], background: Counter[str],
                      same_language: bool) -> list[dict[str, Any]]:
    """``distinctive`` over each sentence's ``content_terms``, worked out once by the caller."""
    counts, shown = _counts(mine)
    theirs, _ = _counts(rest)
    if same_language:
        scored = [(k, z) for k, z in log_odds(counts, theirs, background) if z >= Z_MIN][:TOP_TERMS]
        return [{"word": shown[k].most_common(1)[0][0], "count": counts[k], "z": round(z, 2)} for k, z in scored]
    known = {skeleton(k[2:]) for k in theirs} | {k[2:] for k in theirs}
    alone = [k for k, n in counts.items() if k[2:] not in known and skeleton(k[2:]) not in known
             and ((n >= MIN_COUNT_ACROSS and len(k) - 2 >= MIN_LENGTH_ACROSS) or _loaded(shown[k]))]
    alone.sort(key=lambda k: (not _loaded(shown[k]), -counts[k], k))
    return [{"word": shown[k].most_common(1)[0][0], "count": counts[k]} for k in alone[:TOP_TERMS]]


def _loaded(forms: Counter[str]) -> bool:
    """A word of the tone lexicon (evaluative: 'aggression', 'success')."""
    return any(_tone_of(form) for form in forms)


def mentioned(sents: list[Sentence], spans: dict[str, list[tuple[int, int, str]]]) -> dict[int, set[str]]:
    """Entity ids mentioned in each sentence (by position in ``sents``)."""
    out: dict[int, set[str]] = {}
    for n, s in enumerate(sents):
        out[n] = {eid for a, b, eid in spans.get(s.article, ()) if s.start <= a and b <= s.end}
    return out


def actors(mine: set[str], rest: set[str], entities: list[Entity]) -> list[dict[str, Any]]:
    """People and organisations mentioned in the articles ``mine``, most mentioned first."""
    counts = {e.id: sum(1 for m in e.mentions if m.article in mine) for e in entities if e.type in ("PER", "ORG")}
    named = sorted((e for e in entities if counts.get(e.id)), key=lambda e: (-counts[e.id], e.name))
    return [{"name": e.name, "type": e.type, "mentions": counts[e.id],
             "only_here": not any(m.article in rest for m in e.mentions)} for e in named[:TOP_ACTORS]]


def tone(sents: list[Sentence], ids: dict[int, set[str]], positions: list[int],
         main: list[Entity]) -> list[dict[str, Any]]:
    """Per main entity: lexicon hits in the sentences at ``positions`` that mention it;
    score = (positive - negative) / (positive + negative)."""
    out = []
    for e in main:
        pos = neg = hits = 0
        for n in positions:
            if e.id not in ids[n]:
                continue
            hits += 1
            for word in surfaces(sents[n]):
                t = _tone_of(word)
                pos += t > 0
                neg += t < 0
        if hits:
            score = (pos - neg) / (pos + neg) if pos + neg else 0.0
            out.append({"name": e.name, "sentences": hits, "positive": pos, "negative": neg, "score": round(score, 2)})
    return out


def framing(sents: list[Sentence], outlet: dict[str, str], background: Counter[str], entities: list[Entity],
            main: list[Entity]) -> list[dict[str, Any]]:
    """One record per outlet (``scope`` 'outlet'), then one per language community when the story spans
    several languages (``scope`` 'language')."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for e in entities:
        for m in e.mentions:
            spans.setdefault(m.article, []).append((m.start, m.end, e.id))
    ids = mentioned(sents, spans)
    langs_of: dict[str, Counter[str]] = {}
    for s in sents:
        langs_of.setdefault(outlet[s.article], Counter())[s.lang] += 1
    lang = {o: c.most_common(1)[0][0] for o, c in langs_of.items()}
    groups: list[tuple[str, str, set[str]]] = [("outlet", o, {o}) for o in sorted(lang)]
    communities = sorted(set(lang.values()))
    if len(communities) > 1:
        groups += [("language", code, members) for code in communities
                   if len(members := {o for o, x in lang.items() if x == code}) > 1]  # one outlet: its own record
    # each sentence's words once, not once per group it is compared in (one outlet: nothing is compared)
    terms = [content_terms(s) for s in sents] if len(lang) > 1 else []
    out = []
    for scope, name, outlets in groups:
        positions = [n for n, s in enumerate(sents) if outlet[s.article] in outlets]
        mine = [sents[n] for n in positions]
        own_lang = {lang[o] for o in outlets}
        same = scope == "outlet" and sum(1 for x in lang.values() if x in own_lang) > 1
        rest_at = [n for n, s in enumerate(sents) if outlet[s.article] not in outlets
                   and (not same or lang[outlet[s.article]] in own_lang)]
        articles = {s.article for s in mine}
        others = {s.article for s in sents} - articles
        out.append({
            "scope": scope, "outlet" if scope == "outlet" else "language": name,
            "outlets": sorted(outlets), "lang": "/".join(sorted(own_lang)), "articles": sorted(articles),
            "compared_with": "same language" if same else "other languages" if rest_at else "nobody",
            "distinctive": distinctive_terms([terms[n] for n in positions], [terms[n] for n in rest_at], background,
                                             same) if rest_at else [],
            "actors": actors(articles, others, entities),
            "tone": tone(sents, ids, positions, main),
        })
    return out
