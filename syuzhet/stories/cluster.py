"""Stories from articles, one article at a time. An article's candidate stories are the ones posted under its
rarest keys (names, entities, numbers: blocking) whose dated members all lie within the model's window of its
date (a story spans a few days at most: coverage of one event comes within a day or two of its first article,
and a sequel with the same people a few days on is another event); it joins the candidate with the highest link
probability (``link_model``: the mean of each feature over the story's members, i.e. average link) among those
where it reaches the model's threshold (a higher one, ``cross_threshold``, for a dated article and a story with
no member in its language: across languages only names compare), and otherwise opens a new story. Batch
clustering is the same walk over all articles in date order, so adding tomorrow's articles to a stored index
costs the same per article as today's did, and a story's id ('s' + the id of the article that opened it)
never changes (unless a merge retires it, below).

Duplicates (``duplicate_of``) join their original's story without scoring.

Two stories merge when an article that joined one also reaches the model's ``merge`` probability with the
other, and the other is in languages the first has none of: one event whose language communities began
apart (a story's first articles in another language often share no name with it yet). Or, once both hold a
few dated members, when the smaller one as a whole (the centroid of its names) reaches that probability with
the larger (``_grown_apart``). The larger story
keeps its id; the other's id is retired (``merged`` maps it to the id that took it in)."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import MutableMapping

from syuzhet.stories.features import LANGUAGE_FREE, Features, weighted
from syuzhet.stories.link_model import LinkModel, default_model
from syuzhet.stories.state import Entry, Link, StoryState, days_between, unit
from syuzhet.stories.text import Sentence, fingerprint

PRIOR_DOCS = 50  # idf smoothing: a small batch behaves as if it sat among this many unrelated articles
VECTOR_KEYS = 120  # an article's vector keeps its heaviest keys
BLOCK_KEYS = 15  # heaviest name/entity/number keys of an article used to find candidate stories
BLOCK_TERMS = 10  # and its heaviest content-word keys (same-language candidates)
MAX_POSTING = 400  # keys shared by more stories than this are too common to block on
MAX_CANDIDATES = 30
BOILERPLATE_MIN = 3
GROWN_APART = 3  # least members of each of two stories in different languages that merge story to story


class StoryIndex:
    """Open stories with an inverted index from blocking keys to stories."""

    def __init__(self, model: LinkModel | None = None) -> None:
        self.model = model or default_model()
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.stories: MutableMapping[str, StoryState] = {}
        self.postings: MutableMapping[str, set[str]] = {}
        self.story_of: MutableMapping[str, str] = {}
        self.sentence_counts: Counter[int] = Counter()
        self.merged: dict[str, str] = {}  # retired story id -> the story that took it in

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

    def entry(self, feats: Features) -> Entry:
        """The article as stories compare it: its heaviest keys, tf-idf weighted and normalised, and the same
        for its language-free keys alone."""
        vec = weighted(Counter(feats.counts), {k: self.idf(k) for k in feats.counts}, 1.0)
        top = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:VECTOR_KEYS])
        return Entry(feats.id, unit(top), unit({k: v for k, v in top.items() if k[0] in LANGUAGE_FREE}),
                     feats.date, feats.lang, feats.outlet)

    # -- adding ----------------------------------------------------------------------------------------
    def add(self, feats: Features, duplicate_of: str | None = None, observed: bool = False) -> str:
        """Put one article into a story (an existing one or a new one) and return the story id."""
        if feats.id in self.story_of:
            return self.story_of[feats.id]
        if not observed:
            self.observe(feats)
        entry = self.entry(feats)
        if duplicate_of and duplicate_of in self.story_of:
            story = self.stories[self.story_of[duplicate_of]]
            self._join(story, entry, Link(entry.id, "duplicate", 1.0, duplicate_of))
            return story.id
        best: tuple[float, StoryState, dict[str, float]] | None = None
        passing: list[tuple[float, StoryState]] = []
        candidates = self._candidates(entry)
        for story in candidates:
            if story.shared_count(entry) < self.model.min_shared:
                continue
            values = story.features(entry)
            if values["names"] < self.model.min_names:
                continue
            p = self.model.probability(values, entry.date is not None)
            if p >= self.model.merge:
                passing.append((p, story))
            if p >= self.model.bar(entry.date is not None, entry.lang in story.langs) and (best is None or p > best[0]):
                best = (p, story, values)  # the likeliest story whose bar the article clears
        if best:
            p, story, values = best
            link = Link(entry.id, "joined", p, None, story.shared_keys(entry), story.closest_gap(entry.date),
                        self.model.contributions(values, entry.date is not None)[:5])
            self._join(story, entry, link)
            return self._merge_others(story, entry.id, passing + self._grown_apart(story, candidates))
        story = StoryState("s" + entry.id)
        self.stories[story.id] = story
        self._join(story, entry, Link(entry.id, "opened"))
        return story.id

    def _candidates(self, entry: Entry) -> list[StoryState]:
        block = _block_keys(entry)
        hits: Counter[str] = Counter()
        for key in block:
            posting = self.postings.get(key, ())
            if len(posting) <= MAX_POSTING:
                hits.update(posting)
        out = []
        # most shared keys first, ties by id: the order of a set of ids varies with the process's hash seed
        for sid, _ in heapq.nsmallest(MAX_CANDIDATES, hits.items(), key=lambda kv: (-kv[1], kv[0])):
            story = self.stories[sid]
            if self._in_window(entry.date, story):
                out.append(story)
        return out

    def _in_window(self, date: str | None, story: StoryState) -> bool:
        """The story's first and last dated members both lie within the window of ``date``."""
        if not date or not story.first or not story.last:
            return True
        window = self.model.window_days
        return (days_between(story.first, date) or 0) <= window and (days_between(story.last, date) or 0) <= window

    def _grown_apart(self, story: StoryState, candidates: list[StoryState]) -> list[tuple[float, StoryState]]:
        """Candidates in languages ``story`` has none of that are one event with it, judged story to story: both
        hold at least ``GROWN_APART`` dated members within the window of each other, and the smaller, taken as
        one article (its names' centroid at its last date), links to the larger at the model's merge bar.
        Single articles of a language community carry their own noise (an English text's title-case words
        read as names); summed over a few members, what the communities share stands out."""
        if story.size() < GROWN_APART or not story.first or not story.last:
            return []
        window = self.model.window_days
        out = []
        for other in candidates:
            if other.id == story.id or other.size() < GROWN_APART or not other.first or not other.last \
                    or set(other.langs) & set(story.langs):
                continue
            if max(days_between(story.first, other.last) or 0, days_between(other.first, story.last) or 0) > window:
                continue
            small, big = (story, other) if story.size() <= other.size() else (other, story)
            p = self.model.probability(big.features(small.centroid()))
            if p >= self.model.merge:
                out.append((p, other))
        return out

    def _merge_others(self, story: StoryState, article: str, passing: list[tuple[float, StoryState]]) -> str:
        """Merge into ``story`` the stories in other languages only that ``article`` also links to."""
        for p, other in sorted(passing, key=lambda x: -x[0]):
            if other.id == story.id or other.id in self.merged or set(other.langs) & set(story.langs):
                continue
            keep, gone = (story, other) if story.size() >= other.size() else (other, story)
            opener = gone.links[0]
            gone.links[0] = Link(opener.article, "merged", p, article, opener.shared, opener.date_gap_days,
                                 opener.because)
            keep.absorb(gone)
            for key in gone.keys:
                posting = self.postings.get(key)
                if posting is not None:
                    posting.discard(gone.id)
                    posting.add(keep.id)
            for member in gone.members:
                self.story_of[member] = keep.id
            del self.stories[gone.id]
            self.merged[gone.id] = keep.id
            story = keep
        return story.id

    def _join(self, story: StoryState, entry: Entry, link: Link) -> None:
        story.add(entry)
        story.links.append(link)
        self.story_of[entry.id] = story.id
        for key in _block_keys(entry):
            if key not in story.keys:
                story.keys.add(key)
                self.postings.setdefault(key, set()).add(story.id)


def _block_keys(entry: Entry) -> list[str]:
    names = sorted(entry.names, key=lambda k: -entry.names[k])[:BLOCK_KEYS]
    terms = sorted((k for k in entry.vector if k[0] == "t"), key=lambda k: -entry.vector[k])[:BLOCK_TERMS]
    return names + terms
