"""The pipeline, in one place. Article stages take one article and return it enriched; batch stages take
all articles of a run. Later stages (entities, quotes, stories) join these lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from syuzhet.clean import as_is, clean
from syuzhet.dedupe import content_id, dedupe
from syuzhet.entities import find_entities, link_entities
from syuzhet.lang import detect_language
from syuzhet.model import Article, Entity, Quote, Story
from syuzhet.problems import Problem
from syuzhet.quotes import attribute_quotes, find_quotes
from syuzhet.readers import DEFAULT_MAX_BYTES, read
from syuzhet.stories import cluster_stories, describe_stories

ArticleStage = Callable[[Article], Article]


def assign_id(article: Article) -> Article:
    article.id = content_id(article)
    return article


@dataclass
class Analysis:
    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.as_dict() for a in self.articles],
            "entities": [e.as_dict() for e in self.entities],
            "quotes": [q.as_dict() for q in self.quotes],
            "stories": [s.as_dict() for s in self.stories],
        }


BatchStage = Callable[[Analysis], None]


def mark_duplicates(analysis: Analysis) -> None:
    analysis.articles = dedupe(analysis.articles)


ARTICLE_STAGES: list[ArticleStage] = [clean, detect_language, assign_id, find_entities, find_quotes]
AS_IS_STAGES: list[ArticleStage] = [as_is, detect_language, assign_id, find_entities, find_quotes]
BATCH_STAGES: list[BatchStage] = [
    mark_duplicates, link_entities, attribute_quotes, cluster_stories, describe_stories,
]
# ``ingest``: the store decides duplicates and stories itself, one article at a time against everything stored
STORE_STAGES: list[BatchStage] = [link_entities, attribute_quotes]


def process(article: Article, keep_raw: bool = False) -> Article:
    """Every article stage on one article."""
    for stage in AS_IS_STAGES if keep_raw else ARTICLE_STAGES:
        article = stage(article)
    return article


def _process_as_is(article: Article) -> Article:
    return process(article, keep_raw=True)


def process_all(
    items: Iterable[Article | Problem], keep_raw: bool = False, workers: int = 1
) -> Iterator[Article | Problem]:
    """Article stages over a stream, in order; in a process pool when ``workers`` > 1."""
    run = _process_as_is if keep_raw else process
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, Problem) else _guarded(run, item)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: list[Article | Problem] = []
        for item in items:
            pending.append(item)
            if len(pending) >= 64:
                yield from _pool_batch(pool, run, pending)
                pending = []
        yield from _pool_batch(pool, run, pending)


def _pool_batch(
    pool: ProcessPoolExecutor, run: ArticleStage, batch: list[Article | Problem]
) -> Iterator[Article | Problem]:
    articles = [item for item in batch if isinstance(item, Article)]
    done = iter(pool.map(run, articles, chunksize=8))
    for item in batch:
        yield item if isinstance(item, Problem) else next(done)


def _guarded(run: ArticleStage, article: Article) -> Article | Problem:
    try:
        return run(article)
    except Exception as err:
        return Problem(article.source, f"processing failed ({type(err).__name__}: {err})")


MIN_BODY_LETTERS = 40


def _body_letters(article: Article) -> int:
    body = (article.text[b.start:b.end] for b in article.blocks if b.kind in ("paragraph", "heading"))
    return sum(ch.isalpha() for piece in body for ch in piece)


def analyze(
    inputs: list[str] | str,
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
) -> Analysis:
    """Read, clean and analyse articles from files, folders, globs or '-'."""
    if isinstance(inputs, str):
        inputs = [inputs]
    return analyze_items(read(inputs, max_bytes), keep_raw=keep_raw, workers=workers, on_item=on_item,
                         batch_stages=batch_stages)


def analyze_items(
    items: Iterable[Article | Problem],
    *,
    keep_raw: bool = False,
    workers: int = 1,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
) -> Analysis:
    """``analyze`` over articles already read (``readers.read_content`` for an uploaded body)."""
    result = Analysis()
    for item in process_all(items, keep_raw=keep_raw, workers=workers):
        if isinstance(item, Article) and (letters := _body_letters(item)) < MIN_BODY_LETTERS:
            item = Problem(item.source, f"no article text ({letters} letters left after cleaning)")
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    for stage in BATCH_STAGES if batch_stages is None else batch_stages:
        stage(result)
    return result
