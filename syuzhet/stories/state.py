"""A story as the index keeps it: its members and, instead of every member's vector, the sums that give the
mean of each link feature over the members in one pass over the new article's keys (average link at the
cost of one centroid)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from syuzhet.stories.link_model import FEATURES, gap_feature

SUM_KEYS = 1000  # a story keeps the heaviest keys of each sum (more than any article has)


@dataclass(slots=True)
class Link:
    """Why an article is in its story: the rule that put it there and the evidence."""

    article: str
    rule: str  # 'opened', 'joined', 'duplicate', 'merged' (opened a story that another one took in)
    probability: float = 0.0
    original: str | None = None  # the reprinted article ('duplicate'); the article that linked both ('merged')
    shared: list[str] = field(default_factory=list)
    date_gap_days: int | None = None
    because: list[tuple[str, float]] = field(default_factory=list)  # feature -> share of the logit

    def as_dict(self) -> dict[str, Any]:
        return {"article": self.article, "rule": self.rule, "probability": round(self.probability, 3),
                "original": self.original, "shared": self.shared, "date_gap_days": self.date_gap_days,
                "because": [[name, round(v, 2)] for name, v in self.because]}


def link_from(record: dict[str, Any]) -> Link:
    return Link(record["article"], record["rule"], float(record.get("probability", 0.0)), record.get("original"),
                list(record.get("shared", [])), record.get("date_gap_days"),
                [(str(name), float(v)) for name, v in record.get("because", [])])


@dataclass(slots=True)
class Entry:
    """An article as the index adds it: full key vector, language-free key vector, date, language, outlet."""

    id: str
    vector: dict[str, float]
    names: dict[str, float]
    date: str | None
    lang: str
    outlet: str


@dataclass(slots=True)
class StoryState:
    id: str
    members: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    keys: set[str] = field(default_factory=set)  # blocking keys this story is posted under
    langs: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)  # '' for members without a date
    outlets: Counter[str] = field(default_factory=Counter)
    terms: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> sum of member vectors
    names: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> sum of language-free vectors
    all_names: dict[str, float] = field(default_factory=dict)  # sum of every member's language-free vector

    def size(self) -> int:
        return len(self.members)

    def add(self, entry: Entry) -> None:
        self.members.append(entry.id)
        self.langs[entry.lang] += 1
        self.dates[entry.date or ""] += 1
        self.outlets[entry.outlet] += 1
        _accumulate(self.terms.setdefault(entry.lang, {}), entry.vector)
        _accumulate(self.names.setdefault(entry.lang, {}), entry.names)
        _accumulate(self.all_names, entry.names)
        if entry.date:
            self.first = min(self.first or entry.date, entry.date)
            self.last = max(self.last or entry.date, entry.date)

    def absorb(self, other: StoryState) -> None:
        """Take in every member of ``other`` (sums, counts, dates, blocking keys; links kept in order)."""
        self.members.extend(other.members)
        self.links.extend(other.links)
        self.langs.update(other.langs)
        self.dates.update(other.dates)
        self.outlets.update(other.outlets)
        for mine, theirs in ((self.terms, other.terms), (self.names, other.names)):
            for lang, vector in theirs.items():
                _accumulate(mine.setdefault(lang, {}), vector)
        _accumulate(self.all_names, other.all_names)
        self.keys |= other.keys
        dated = [d for d in (self.first, self.last, other.first, other.last) if d]
        self.first, self.last = (min(dated), max(dated)) if dated else (None, None)

    def features(self, entry: Entry) -> dict[str, float]:
        """The mean of each link feature between ``entry`` and the members (the date features over the
        members that have a date)."""
        n = self.size() or 1
        names_all = _dot(entry.names, self.all_names)
        names_own = _dot(entry.names, self.names.get(entry.lang, {}))
        same = _dot(entry.vector, self.terms.get(entry.lang, {}))
        values = dict.fromkeys(FEATURES, 0.0)
        values["similarity"] = (same + names_all - names_own) / n
        values["names"] = names_all / n
        dated = n - self.dates.get("", 0)
        if entry.date and dated:  # the story's dates are its dated members': an undated one tells nothing
            for date, count in self.dates.items():
                if date:
                    values[gap_feature(days_between(entry.date, date))] += count / dated
        else:
            values["undated"] = 1.0
        near = values["same_day"] + values["one_day"] + values["two_three_days"]
        values["similarity_near"] = values["similarity"] * near
        values["names_near"] = values["names"] * near
        values["other_language"] = (n - self.langs.get(entry.lang, 0)) / n
        values["same_outlet"] = self.outlets.get(entry.outlet, 0) / n
        return values

    def centroid(self) -> Entry:
        """The story as one article: the unit mean of its members' language-free keys (as both vectors, so it
        compares by names in any language), dated at its last member, in its most frequent language."""
        names = unit(self.all_names)
        lang = self.langs.most_common(1)[0][0] if self.langs else ""
        return Entry(self.id, names, names, self.last, lang, "")

    def shared_keys(self, entry: Entry, limit: int = 12) -> list[str]:
        """The language-free keys that weigh most in the entry's similarity to the story."""
        scored = {k: v * self.all_names[k] for k, v in entry.names.items() if k in self.all_names}
        return sorted(scored, key=lambda k: -scored[k])[:limit]

    def shared_count(self, entry: Entry) -> int:
        """How many of the entry's language-free keys (names, entities, numbers) the story has."""
        return sum(1 for k in entry.names if k in self.all_names)

    def closest_gap(self, date: str | None) -> int | None:
        gaps = [g for d in self.dates if (g := days_between(date, d)) is not None]
        return min(gaps) if gaps else None

    def state_dict(self) -> dict[str, Any]:
        """What the store keeps of the story besides its members and links."""
        return {"keys": sorted(self.keys), "langs": dict(self.langs), "dates": dict(self.dates),
                "outlets": dict(self.outlets), "terms": self.terms, "names": self.names,
                "all_names": self.all_names}

    def load_state(self, record: dict[str, Any]) -> None:
        self.keys = set(record["keys"])
        self.langs = Counter(record["langs"])
        self.dates = Counter(record["dates"])
        self.outlets = Counter(record["outlets"])
        self.terms, self.names, self.all_names = record["terms"], record["names"], record["all_names"]
        dated = [d for d in self.dates if d]
        self.first, self.last = (min(dated), max(dated)) if dated else (None, None)


def _accumulate(total: dict[str, float], vector: dict[str, float]) -> None:
    for k, v in vector.items():
        total[k] = total.get(k, 0.0) + v
    if len(total) > 2 * SUM_KEYS:
        heaviest = sorted(total.items(), key=lambda kv: -kv[1])[:SUM_KEYS]
        total.clear()
        total.update(heaviest)


def unit(vector: dict[str, float]) -> dict[str, float]:
    """``vector`` scaled to length 1 (empty when it is all zeros)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def days_between(a: str | None, b: str | None) -> int | None:
    """Whole days between two ISO dates, None when either is missing or unreadable."""
    if not a or not b:
        return None
    try:
        return abs((dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days)
    except ValueError:
        return None
