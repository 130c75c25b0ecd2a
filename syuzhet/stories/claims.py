"""The claims-by-articles matrix: sentence-level claims (names or numbers plus a verb, or two names) grouped across
articles and languages by the overlap of their stems, names, numbers and dates. A group is one ``Fact``:
its articles, its outlets, whether only one outlet states it, and where outlets give different values
(numbers with the same unit, day-month dates) for it."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from syuzhet.model import Fact
from syuzhet.stories.text import Sentence

CLAIM_SIMILARITY = 0.4
MIN_SHARED = 4
MIN_WORDS, MAX_WORDS = 5, 70
MAX_FACTS = 80
VERBS = frozenset({"VERB", "PRTS", "PRTF", "INFN", "GRND"})


@dataclass(slots=True)
class Claim:
    """A group of sentences stating one thing; at most one sentence per article."""

    sentences: list[Sentence] = field(default_factory=list)
    keys: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> list[str]:
        return [s.article for s in self.sentences]


def is_claim(sentence: Sentence) -> bool:
    words = sentence.words
    if not MIN_WORDS <= len(words) <= MAX_WORDS or sentence.kind != "paragraph":
        return False
    has_verb = any(w.pos in VERBS for w in words)
    names = sum(1 for w in words if w.name)
    return (has_verb and (names > 0 or any(w.pos == "NUMB" for w in words))) or names >= 2


class ClaimGrouper:
    """Greedy grouping: each sentence joins the most similar group that has no sentence of its article."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.df: Counter[str] = Counter()
        for s in sentences:
            self.df.update(s.stems())
        self.n = len(sentences)
        self.claims: list[Claim] = []

    def idf(self, key: str) -> float:
        return math.log((self.n + 1) / (self.df.get(key, 0) + 0.5))

    def similarity(self, a: set[str], b: set[str]) -> tuple[float, int]:
        shared = a & b
        if not shared:
            return 0.0, 0
        mass = sum(self.idf(k) for k in shared)
        return mass / (min(sum(self.idf(k) for k in a), sum(self.idf(k) for k in b)) or 1.0), len(shared)

    def add(self, sentence: Sentence) -> Claim:
        keys = sentence.stems()
        best: tuple[float, Claim] | None = None
        for claim in self.claims:
            if sentence.article in claim.articles:
                continue
            sim = max(self._pair(keys, other.stems()) for other in claim.sentences)
            if sim >= CLAIM_SIMILARITY and (best is None or sim > best[0]):
                best = (sim, claim)
        if best is None:
            claim = Claim()
            self.claims.append(claim)
        else:
            claim = best[1]
        claim.sentences.append(sentence)
        claim.keys.update(keys)
        return claim

    def _pair(self, a: set[str], b: set[str]) -> float:
        sim, shared = self.similarity(a, b)
        return sim if shared >= MIN_SHARED else 0.0


def disagreements(claim: Claim) -> list[dict[str, object]]:
    """Units for which the claim's articles give different values ('14 документов' vs '15 документов')."""
    by_unit: dict[str, dict[str, set[str]]] = {}
    for s in claim.sentences:
        for unit, value in set(s.values()):
            by_unit.setdefault(unit, {}).setdefault(value, set()).add(s.article)
    out: list[dict[str, object]] = []
    for unit, values in sorted(by_unit.items()):
        if len(values) > 1:
            stated = {a for arts in values.values() for a in arts}
            if len(stated) > 1 and all(len(arts) < len(stated) for arts in values.values()):
                out.append({"unit": unit, "values": {v: sorted(a) for v, a in sorted(values.items())}})
    covered = {v for d in out for v in d["values"]}  # type: ignore[attr-defined]
    loose: dict[str, set[str]] = {}
    for a, b in combinations(claim.sentences, 2):
        x, y = a.numbers - b.numbers - covered, b.numbers - a.numbers - covered
        if len(a.numbers) == len(b.numbers) and len(x) == len(y) == 1:
            loose.setdefault(x.pop(), set()).add(a.article)
            loose.setdefault(y.pop(), set()).add(b.article)
    if loose:  # the same number of numbers, one of them different, and units that do not compare
        out.append({"unit": "number", "values": {v: sorted(a) for v, a in sorted(loose.items())}})
    return out


def group_claims(sentences: list[Sentence]) -> list[Claim]:
    claims = [s for s in sentences if is_claim(s)]
    grouper = ClaimGrouper(claims)
    for s in claims:
        grouper.add(s)
    return grouper.claims


def representative(claim: Claim, lang: str) -> Sentence:
    """The sentence that shares most with the rest of the group, in the story's main language if possible."""
    pool = [s for s in claim.sentences if s.lang == lang] or claim.sentences
    return max(pool, key=lambda s: (sum(claim.keys[k] for k in s.stems()) / (1 + len(s.words)) ** 0.5,
                                    -s.start))


def to_fact(claim: Claim, lang: str, outlet: dict[str, str]) -> Fact:
    rep = representative(claim, lang)
    articles = sorted(set(claim.articles))
    sources = sorted({outlet[a] for a in articles})
    evidence = [{"article": s.article, "text": s.text, "start": s.start, "end": s.end, "lang": s.lang}
                for s in claim.sentences]
    return Fact(rep.text, articles, sources, len(sources) == 1, disagreements(claim), evidence)


def facts(claims: list[Claim], lang: str, outlet: dict[str, str]) -> list[Fact]:
    """Facts stated by several outlets first (most sources first), then single-outlet ones with numbers."""
    ranked = sorted(claims, key=lambda c: (-len({outlet[a] for a in c.articles}),
                                            -any(s.numbers for s in c.sentences),
                                            min(s.start for s in c.sentences)))
    return [to_fact(c, lang, outlet) for c in ranked[:MAX_FACTS]]
