"""How each outlet frames a story: its distinctive words and names against the other outlets (log-odds
ratio with an informative Dirichlet prior, Monroe et al. 2008, the prior from the whole analysis), its tone
toward the story's main names (a small lexicon in ``data/stories/tone_*.txt``), and what it reports that no
other outlet does. Across languages only names and numbers compare: an outlet alone in its language is
contrasted on those."""

from __future__ import annotations

import math
from collections import Counter
from functools import cache
from typing import Any

from syuzhet.data import lines
from syuzhet.model import Fact
from syuzhet.stories.text import CONTENT_POS, Sentence, stem, surfaces

PRIOR_STRENGTH = 500.0
Z_MIN = 1.96
TOP_TERMS = 8


@cache
def tone_stems(kind: str) -> tuple[str, ...]:
    return lines(f"stories/tone_{kind}")


def _tone_of(word: str) -> int:
    low = word.lower()
    if any(low.startswith(s) for s in tone_stems("positive")):
        return 1
    if any(low.startswith(s) for s in tone_stems("negative")):
        return -1
    return 0


def sentence_terms(s: Sentence, names_only: bool) -> list[tuple[str, str]]:
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
    return sorted(scored, key=lambda kv: -kv[1])


def framing(sents: list[Sentence], outlet: dict[str, str], background: Counter[str],
            facts: list[Fact], main_names: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """One record per outlet: distinctive terms (z-scores), tone per main name, exclusive facts."""
    by_outlet: dict[str, list[Sentence]] = {}
    for s in sents:
        by_outlet.setdefault(outlet[s.article], []).append(s)
    langs = {o: Counter(s.lang for s in ss).most_common(1)[0][0] for o, ss in by_outlet.items()}
    out = []
    for name, mine in sorted(by_outlet.items()):
        alone = sum(1 for o, lang in langs.items() if lang == langs[name]) == 1
        counts: Counter[str] = Counter()
        rest: Counter[str] = Counter()
        shown: dict[str, Counter[str]] = {}
        for s in mine:
            for key, surface in sentence_terms(s, alone):
                counts[key] += 1
                shown.setdefault(key, Counter())[surface] += 1
        for other, theirs in by_outlet.items():
            if other != name and (alone or langs[other] == langs[name]):
                rest.update(k for s in theirs for k, _ in sentence_terms(s, alone))
        distinctive = [{"term": shown[k].most_common(1)[0][0], "key": k, "z": round(z, 2)}
                       for k, z in log_odds(counts, rest, background)[:TOP_TERMS] if z >= Z_MIN]
        out.append({
            "outlet": name,
            "lang": langs[name],
            "articles": sorted({s.article for s in mine}),
            "distinctive": distinctive,
            "compared_on": "names" if alone else "words and names",
            "tone": _tone(mine, main_names),
            "exclusive_facts": [f.text for f in facts if f.single_source and f.sources == [name]][:5],
        })
    return out


def _tone(mine: list[Sentence], main_names: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Per main name: lexicon hits in the outlet's sentences that mention it; score = (pos-neg)/(pos+neg)."""
    out = []
    for key, label in main_names:
        pos = neg = mentions = 0
        for s in mine:
            if key not in {"n:" + stem(w.key) for w in s.words if w.name}:
                continue
            mentions += 1
            for w in surfaces(s):
                t = _tone_of(w)
                pos += t > 0
                neg += t < 0
        if mentions:
            score = (pos - neg) / (pos + neg) if pos + neg else 0.0
            out.append({"name": label, "sentences": mentions, "positive": pos, "negative": neg,
                        "score": round(score, 2)})
    return out
