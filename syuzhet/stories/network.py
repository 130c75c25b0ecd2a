"""Who said what and who appears with whom: quotes grouped by speaker, and a co-occurrence network of the
linked entities (or, without them, of the names) that share a sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from syuzhet.model import Entity, Quote
from syuzhet.stories.text import Sentence, stem, surfaces

MAX_EDGES = 60


def speaker_groups(quotes: Iterable[Quote]) -> list[list[Quote]]:
    """Quotes of one speaker together, in order of first appearance: by speaker entity, or, unresolved, by
    how the text names the speaker ('' when it names nobody)."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        groups.setdefault(q.speaker or (q.speaker_text or "").strip().lower(), []).append(q)
    return list(groups.values())


def quotes_by_speaker(quotes: list[Quote], members: set[str], names: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for group in speaker_groups(q for q in quotes if q.article in members):
        first = group[0]
        out.append({"speaker": first.speaker, "name": names.get(first.speaker or "", first.speaker_text),
                    "quotes": [{"article": q.article, "kind": q.kind, "text": q.text, "start": q.start, "end": q.end}
                               for q in group]})
    return sorted(out, key=lambda g: -len(g["quotes"]))


def cooccurrence(sents: list[Sentence], entities: list[Entity]) -> list[dict[str, Any]]:
    """Edges {a, b, weight (sentences), articles}: entity ids when linked entities exist, else name labels."""
    per_sentence: list[tuple[str, set[str]]] = []
    if entities:
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for e in entities:
            for m in e.mentions:
                spans.setdefault(m.article, []).append((m.start, m.end, e.id))
        for s in sents:
            ids = {eid for a, b, eid in spans.get(s.article, ()) if s.start <= a and b <= s.end}
            per_sentence.append((s.article, ids))
    else:
        label: dict[str, Counter[str]] = {}
        for s in sents:
            keys = set()
            run: list[str] = []
            for i, (w, surface) in enumerate(zip(s.words, surfaces(s), strict=False)):
                if not w.name:
                    continue
                run.append(surface)
                if i + 1 < len(s.words) and s.words[i + 1].name:
                    continue  # a multi-word name is one node, keyed by its last word
                keys.add(stem(w.key))
                label.setdefault(stem(w.key), Counter())[" ".join(run)] += 1
                run = []
            per_sentence.append((s.article, keys))
        best = {k: c.most_common(1)[0][0] for k, c in label.items()}
        per_sentence = [(a, {best[k] for k in keys}) for a, keys in per_sentence]
    weight: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], set[str]] = {}
    for article, ids in per_sentence:
        for pair in combinations(sorted(ids), 2):
            weight[pair] += 1
            articles.setdefault(pair, set()).add(article)
    edges = sorted(weight, key=lambda p: (-len(articles[p]), -weight[p], p))[:MAX_EDGES]
    return [{"a": a, "b": b, "weight": weight[(a, b)], "articles": sorted(articles[(a, b)])} for a, b in edges]
