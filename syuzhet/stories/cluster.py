"""Stories from articles, one article at a time: an article joins the most similar open story that it shares
rare keys with (blocking), if the similarity to the story's centroid clears ``threshold``, it shares at
least ``min_shared_names`` names/entities with it, and its date lies within ``window_days`` of the story's
dates; otherwise it opens a new story. Batch clustering is the same walk over all articles in date order,
so adding tomorrow's articles to a stored index costs the same per article as today's did (blocking keeps
it ~linear), and a story's id — 's' + the id of the article that opened it — never changes.

Duplicates (``duplicate_of``) join their original's story without scoring."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from syuzhet.stories.features import LANGUAGE_FREE, Features, cosine, weighted
from syuzhet.stories.text import Sentence, fingerprint

THRESHOLD = 0.35
MIN_SHARED_NAMES = 2
WINDOW_DAYS = 7
PRIOR_DOCS = 50  # idf smoothing: a small batch behaves as if it sat among this many unrelated articles
VECTOR_KEYS = 120  # an article's vector keeps its heaviest keys
CENTROID_KEYS = 300
BLOCK_KEYS = 15  # rarest name/entity/number keys of an article used to find candidate stories
MAX_POSTING = 400  # keys shared by more stories than this are too common to block on
MAX_CANDIDATES = 30
BOILERPLATE_MIN = 3


@dataclass(slots=True)
class Link:
    """Why an article is in its story: the rule that put it there and the evidence."""

    article: str
    rule: str  # 'opened', 'similar', 'duplicate'
    similarity: float = 0.0
    closest: str | None = None
    closest_similarity: float = 0.0
    shared: list[str] = field(default_factory=list)
    date_gap_days: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "rule": self.rule, "similarity": round(self.similarity, 3),
                "closest": self.closest, "closest_similarity": round(self.closest_similarity, 3),
                "shared": self.shared, "date_gap_days": self.date_gap_days}


@dataclass(slots=True)
class StoryState:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    first: str | None = None
    last: str | None = None
    links: list[Link] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    langs: Counter[str] = field(default_factory=Counter)


class StoryIndex:
    """Open stories with an inverted index from blocking keys to stories."""

    def __init__(self, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS,
                 min_shared_names: int = MIN_SHARED_NAMES) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.min_shared_names = min_shared_names
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.stories: MutableMapping[str, StoryState] = {}
        self.postings: MutableMapping[str, set[str]] = {}
        self.story_of: MutableMapping[str, str] = {}
        self.vectors: MutableMapping[str, dict[str, float]] = {}
        self.dates: MutableMapping[str, str | None] = {}
        self.langs: MutableMapping[str, str] = {}
        self.sentence_counts: Counter[int] = Counter()

    # -- statistics ------------------------------------------------------------------------------------
    def observe(self, feats: Features) -> None:
        """Count an article's keys in the document frequencies (batch mode observes all first)."""
        self.df.update(feats.counts.keys())
        self.docs += 1

    def observe_sentences(self, sents: list[Sentence]) -> None:
        """Count sentence fingerprints: what recurs in ``BOILERPLATE_MIN`` articles is site furniture."""
        self.sentence_counts.update({fingerprint(s) for s in sents if len(s.words) >= 3})

    def is_boilerplate(self, sentence: Sentence) -> bool:
        return self.sentence_counts.get(fingerprint(sentence), 0) >= BOILERPLATE_MIN

    def idf(self, key: str) -> float:
        return math.log((self.docs + PRIOR_DOCS + 1) / (self.df.get(key, 0) + 1))

    def vector(self, feats: Features) -> dict[str, float]:
        raw = {k: n for k, n in feats.counts.items()}
        vec = weighted(Counter(raw), {k: self.idf(k) for k in raw}, 1.0)
        top = sorted(vec.items(), key=lambda kv: -kv[1])[:VECTOR_KEYS]
        norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
        return {k: v / norm for k, v in top}

    # -- adding ----------------------------------------------------------------------------------------
    def add(self, feats: Features, duplicate_of: str | None = None, observed: bool = False) -> str:
        """Put one article into a story (an existing one or a new one) and return the story id."""
        if feats.id in self.story_of:
            return self.story_of[feats.id]
        if not observed:
            self.observe(feats)
        vec = self.vector(feats)
        self.vectors[feats.id] = vec
        self.dates[feats.id] = feats.date
        self.langs[feats.id] = feats.lang
        if duplicate_of and duplicate_of in self.story_of:
            story = self.stories[self.story_of[duplicate_of]]
            self._join(story, feats, vec, Link(feats.id, "duplicate", 1.0, duplicate_of, 1.0))
            return story.id
        best: tuple[float, StoryState] | None = None
        for story in self._candidates(vec, feats.date):
            sim = self._centroid_similarity(vec, story, across=story.langs.get(feats.lang, 0) == 0)
            if best is None or sim > best[0]:
                best = (sim, story)
        if best and best[0] >= self.threshold:
            link = self._evidence(feats, vec, best[1], best[0])
            if (link.closest_similarity >= self.threshold
                    and sum(1 for k in link.shared if k in feats.lead) >= self.min_shared_names):
                self._join(best[1], feats, vec, link)
                return best[1].id
        story = StoryState("s" + feats.id)
        self.stories[story.id] = story
        self._join(story, feats, vec, Link(feats.id, "opened"))
        return story.id

    def _candidates(self, vec: dict[str, float], date: str | None) -> list[StoryState]:
        block = [k for k in sorted(vec, key=lambda k: -vec[k]) if k[0] in "ne#"][:BLOCK_KEYS]
        hits: Counter[str] = Counter()
        for key in block:
            posting = self.postings.get(key, ())
            if len(posting) <= MAX_POSTING:
                hits.update(posting)
        out = []
        for sid, _ in hits.most_common(MAX_CANDIDATES):
            story = self.stories[sid]
            if self._in_window(date, story):
                out.append(story)
        return out

    def _in_window(self, date: str | None, story: StoryState) -> bool:
        if not date or not story.first or not story.last:
            return True
        return _days(story.first, date) <= self.window_days and _days(date, story.last) <= self.window_days

    def _centroid_similarity(self, vec: dict[str, float], story: StoryState, across: bool) -> float:
        """Cosine with the story's centroid; across languages only names, entities and numbers compare,
        so both sides are cut to those keys first (their cosine is then on the same scale)."""
        return similarity(vec, story.centroid, across)

    def _evidence(self, feats: Features, vec: dict[str, float], story: StoryState, sim: float) -> Link:
        closest, close_sim = None, 0.0
        for member in story.members[-50:]:
            s = similarity(vec, self.vectors.get(member, {}), self.langs.get(member) != feats.lang)
            if s > close_sim:
                closest, close_sim = member, s
        shared = sorted((k for k in vec if k in story.centroid and k[0] in "ne#"),
                        key=lambda k: (k not in feats.lead, -(vec[k] * story.centroid[k])))
        gap = None
        if feats.date and closest and self.dates.get(closest):
            gap = abs(_days(feats.date, str(self.dates[closest])))
        link = Link(feats.id, "similar", sim, closest, close_sim, shared[:12], gap)
        return link

    def _join(self, story: StoryState, feats: Features, vec: dict[str, float], link: Link) -> None:
        story.members.append(feats.id)
        story.links.append(link)
        self.story_of[feats.id] = story.id
        for k, v in vec.items():
            story.centroid[k] = story.centroid.get(k, 0.0) + v
        if len(story.centroid) > CENTROID_KEYS * 2:
            story.centroid = dict(sorted(story.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_KEYS])
        story.langs[feats.lang] += 1
        if feats.date:
            story.first = min(story.first or feats.date, feats.date)
            story.last = max(story.last or feats.date, feats.date)
        for key in [k for k in sorted(vec, key=lambda k: -vec[k]) if k[0] in "ne#"][:BLOCK_KEYS]:
            if key not in story.keys:
                story.keys.add(key)
                self.postings.setdefault(key, set()).add(story.id)


def similarity(a: dict[str, float], b: dict[str, float], across: bool = False) -> float:
    if across:
        a = {k: v for k, v in a.items() if k[0] in LANGUAGE_FREE}
        b = {k: v for k, v in b.items() if k[0] in LANGUAGE_FREE}
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    return cosine(a, b) / (na * nb)


def _days(a: str, b: str) -> int:
    """Days from date a to date b (negative when b is earlier)."""
    try:
        return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days
    except ValueError:
        return 0
