"""The pipeline, in one place. Article stages take one article and return it enriched; batch stages take
all articles of a run. Later stages (entities, quotes, stories) join these lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from syuzhet.clean import as_is, clean
from syuzhet.dedupe import content_id, dedupe
from syuzhet.entities import find_entities, link_entities
from syuzhet.lang import detect_language
from syuzhet.model import Article, Entity, Quote, Story
from syuzhet.problems import Problem
from syuzhet.quotes import attribute_quotes, find_quotes
from syuzhet.readers import DEFAULT_MAX_BYTES, read
from syuzhet.stories import cluster_stories, describe_stories

if TYPE_CHECKING:
    from syuzhet.engine import Engine

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


def run_articles(articles: list[Article], keep_raw: bool = False) -> list[Article | Problem]:
    """Every article stage on each article, as an engine's worker runs them: a failure becomes the article's
    problem line, and the raw input is dropped once cleaned (nothing after the article stages reads it)."""
    done: list[Article | Problem] = []
    for article in articles:
        try:
            article = process(article, keep_raw)
        except Exception as err:
            done.append(Problem(article.source, f"processing failed ({type(err).__name__}: {err})"))
            continue
        article.raw = ""
        done.append(article)
    return done


# Made-up text in each language with a model behind it: running the stages on it loads every model.
_WARM_UP = (
    "Министр Иван Петров сказал в Москве журналистам: «Работа идёт по плану».",
    "Міністр Іван Петренко заявив у Києві, що робота триває за планом.",
)


def warm_up(keep_raw: bool = False) -> None:
    """Load the models of the article stages now (once per process) rather than on the first article."""
    run_articles([Article(source="warm-up", raw=text) for text in _WARM_UP], keep_raw)


def process_all(
    items: Iterable[Article | Problem], keep_raw: bool = False, workers: int = 1, engine: Engine | None = None
) -> Iterator[Article | Problem]:
    """Article stages over a stream, in order, on ``engine`` (default: local with ``workers`` processes)."""
    if engine is None:
        from syuzhet.engine import LocalEngine

        engine = LocalEngine(workers)
    return engine.map(items, keep_raw)


MIN_BODY_LETTERS = 40


def _body_letters(article: Article) -> int:
    body = (article.text[b.start:b.end] for b in article.blocks if b.kind in ("paragraph", "heading"))
    return sum(ch.isalpha() for piece in body for ch in piece)


def stream(
    inputs: list[str] | str,
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    engine: Engine | None = None,
) -> Iterator[Article | Problem]:
    """Read and run the article stages: each input's article (or problem) in input order, one at a time."""
    items = read([inputs] if isinstance(inputs, str) else inputs, max_bytes)
    return stream_items(items, keep_raw=keep_raw, workers=workers, engine=engine)


def stream_items(
    items: Iterable[Article | Problem], *, keep_raw: bool = False, workers: int = 1, engine: Engine | None = None,
) -> Iterator[Article | Problem]:
    """``stream`` over articles already read."""
    for item in process_all(items, keep_raw, workers, engine):
        if isinstance(item, Article) and (letters := _body_letters(item)) < MIN_BODY_LETTERS:
            item = Problem(item.source, f"no article text ({letters} letters left after cleaning)")
        yield item


def analyze(
    inputs: list[str] | str,
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
    engine: Engine | None = None,
) -> Analysis:
    """Read, clean and analyse articles from files, folders, globs or '-' (the whole run in memory: for
    corpora of any size, ``syuzhet.flow`` streams into a store)."""
    if isinstance(inputs, str):
        inputs = [inputs]
    return analyze_items(read(inputs, max_bytes), keep_raw=keep_raw, workers=workers, on_item=on_item,
                         batch_stages=batch_stages, engine=engine)


def analyze_items(
    items: Iterable[Article | Problem],
    *,
    keep_raw: bool = False,
    workers: int = 1,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
    engine: Engine | None = None,
) -> Analysis:
    """``analyze`` over articles already read (``readers.read_content`` for an uploaded body)."""
    result = Analysis()
    for item in stream_items(items, keep_raw=keep_raw, workers=workers, engine=engine):
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    for stage in BATCH_STAGES if batch_stages is None else batch_stages:
        stage(result)
    return result
