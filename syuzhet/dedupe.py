"""Exact and near-duplicate articles: MinHash LSH for candidates, exact shingle overlap to decide.

A reprint with small edits (high Jaccard) and a partial reprint (the first half, the lead paragraph:
high containment of the shorter text in the longer) both count. ``duplicate_of`` points to the earliest
copy (by date, then by arrival); nothing is deleted."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from syuzhet.minhash import hash_values
from syuzhet.model import Article

NUM_PERM = 64
SEED = 17
ROWS = 2  # 32 bands of 2 rows: pairs from Jaccard ~0.2 up become candidates
JACCARD = 0.8
CONTAINMENT = 0.9
MIN_SHINGLES = 25

_TOKEN = re.compile(r"\w+")


def content_id(article: Article) -> str:
    """Stable id from the cleaned content: the same article read twice gets the same id."""
    body = "\n".join(filter(None, [article.title or "", article.text]))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def shingles(article: Article) -> set[str]:
    """Word 3-grams of the body (title, subtitle and headings excluded: reprints change headlines)."""
    body = " ".join(article.text[b.start:b.end] for b in article.blocks if b.kind == "paragraph")
    words = _TOKEN.findall(body.lower())
    return {" ".join(words[i:i + 3]) for i in range(max(0, len(words) - 2))}


def band_keys(grams: set[str]) -> list[str]:
    values = hash_values((gram.encode("utf-8") for gram in grams), NUM_PERM, SEED)
    return [
        f"{band}:" + hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for band in range(NUM_PERM // ROWS)
    ]


def is_near_duplicate(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    common = len(a & b)
    small = min(len(a), len(b))
    return common / len(a | b) >= JACCARD or (small >= MIN_SHINGLES and common / small >= CONTAINMENT)


class Index(Protocol):
    """Where earlier articles' band keys and shingles live: memory here, SQLite in ``store``."""

    def candidates(self, keys: list[str]) -> Iterable[str]: ...
    def shingles_of(self, article_id: str) -> set[str]: ...
    def root_of(self, article_id: str) -> str: ...


@dataclass
class MemoryIndex:
    keys: dict[str, list[str]] = field(default_factory=dict)
    grams: dict[str, set[str]] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)

    def candidates(self, keys: list[str]) -> Iterable[str]:
        seen: dict[str, None] = {}
        for key in keys:
            for article_id in self.keys.get(key, ()):
                seen.setdefault(article_id)
        return seen

    def shingles_of(self, article_id: str) -> set[str]:
        return self.grams[article_id]

    def root_of(self, article_id: str) -> str:
        return self.roots.get(article_id, article_id)

    def add(self, article_id: str, keys: list[str], grams: set[str], root: str | None) -> None:
        for key in keys:
            self.keys.setdefault(key, []).append(article_id)
        self.grams[article_id] = grams
        if root:
            self.roots[article_id] = root


def find_original(grams: set[str], keys: list[str], index: Index) -> str | None:
    """The root copy of the first earlier article that this one near-duplicates, or None."""
    for candidate in index.candidates(keys):
        if is_near_duplicate(grams, index.shingles_of(candidate)):
            return index.root_of(candidate)
    return None


def rename(article: Article, new_id: str) -> None:
    """Give an article a new id, and its mentions and quotes with it."""
    article.id = new_id
    for mention in article.mentions:
        mention.article = new_id
    for quote in article.quotes:
        quote.article = new_id
    for sentence in article.sentences:
        sentence.article = new_id


def dedupe(articles: list[Article]) -> list[Article]:
    """Mark ``duplicate_of`` across a batch, earliest copy first (undated articles count as latest)."""
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date or "9999-99-99", i))
    index = MemoryIndex()
    copies: Counter[str] = Counter()
    for i in order:
        article = articles[i]
        grams = shingles(article)
        keys = band_keys(grams) if grams else []
        base = article.id
        copies[base] += 1
        if copies[base] > 1:  # the same content read twice: one more record, never a second id
            rename(article, f"{base}-{copies[base]}")
            article.duplicate_of = index.root_of(base)
        else:
            article.duplicate_of = find_original(grams, keys, index) if keys else None
        index.add(article.id, keys, grams, article.duplicate_of)
    return articles
