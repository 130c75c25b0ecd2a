"""The pipeline, in one place. Article stages take one article and return it enriched (in any process: the
engine's workers run them); then ``syuzhet.flow`` links a chunk of articles at a time (``STORE_STAGES``) and the
store finds each one's near-duplicates and story among everything stored; a story's dossier is the literal list
``DOSSIER_STAGES`` in ``syuzhet.stories.dossier``. ``analyze`` and ``ingest`` are that one flow (``analyze``
into a store of its own, then its output written from it, story by story); ``BATCH_STAGES`` are the same steps
over a run held in memory (``analyze_items(..., batch_stages=BATCH_STAGES)``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from syuzhet.bounds import DEFAULT_MAX_SECONDS, TimeLimit, time_limit
from syuzhet.clean import as_is, clean
from syuzhet.dedupe import content_id, dedupe
from syuzhet.entities import find_entities, link_entities
from syuzhet.extras import hint, installed
from syuzhet.lang import detect_language
from syuzhet.model import Article, Entity, Quote, Story
from syuzhet.problems import Problem
from syuzhet.quotes import attribute_quotes, find_quotes
from syuzhet.readers import DEFAULT_MAX_BYTES, read
from syuzhet.stories import cluster_stories, describe_stories
from syuzhet.stories.text import segment

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


ARTICLE_STAGES: list[ArticleStage] = [clean, detect_language, assign_id, segment, find_entities, find_quotes]
AS_IS_STAGES: list[ArticleStage] = [as_is, detect_language, assign_id, segment, find_entities, find_quotes]
# ``analyze`` and ``ingest``: a chunk of articles linked together, then the store decides duplicates and
# stories, one article at a time against everything stored (``Store.add``: near-duplicates, ``attach_one``)
STORE_STAGES: list[BatchStage] = [link_entities, attribute_quotes]
# the same over a run held in memory (``analyze_items(..., batch_stages=BATCH_STAGES)``)
BATCH_STAGES: list[BatchStage] = [
    mark_duplicates, link_entities, attribute_quotes, cluster_stories, describe_stories,
]
# without the ``nlp`` extra these are left out (said once per run), and the core stages still run
NLP_STAGES: set[Callable[..., Any]] = {
    segment, find_entities, find_quotes, link_entities, attribute_quotes, cluster_stories, describe_stories,
}


S = TypeVar("S", bound=Callable[..., Any])


def available(stages: list[S]) -> list[S]:
    """``stages`` less the ones whose extra is not installed."""
    return stages if installed("nlp") else [stage for stage in stages if stage not in NLP_STAGES]


def process(article: Article, keep_raw: bool = False) -> Article:
    """Every article stage on one article."""
    for stage in available(AS_IS_STAGES if keep_raw else ARTICLE_STAGES):
        article = stage(article)
    return article


def process_guarded(article: Article, keep_raw: bool = False,
                    max_seconds: float | None = DEFAULT_MAX_SECONDS) -> Article | Problem:
    """``process`` within the time limit; what goes wrong becomes a ``Problem`` line, never an exception."""
    try:
        with time_limit(max_seconds):
            return process(article, keep_raw)
    except TimeLimit as err:
        return Problem(article.source, f"processing stopped: {err}")
    except (Exception, RecursionError, MemoryError) as err:
        return Problem(article.source, f"processing failed ({type(err).__name__}: {str(err)[:200]})")


def run_articles(articles: list[Article], keep_raw: bool = False,
                 max_seconds: float | None = DEFAULT_MAX_SECONDS) -> list[Article | Problem]:
    """Every article stage on each article, as an engine's worker runs them: within the time limit, a failure
    becomes the article's problem line, and the raw input is dropped once cleaned (nothing after the article
    stages reads it)."""
    done: list[Article | Problem] = []
    for article in articles:
        result = process_guarded(article, keep_raw, max_seconds)
        if isinstance(result, Article):
            result.raw = ""
        done.append(result)
    return done


# Made-up text in each language with a model behind it: running the stages on it loads every model.
_WARM_UP = (
    "Министр Иван Петров сказал в Москве журналистам: «Работа идёт по плану».",
    "Міністр Іван Петренко заявив у Києві, що робота триває за планом.",
)


def warm_up(keep_raw: bool = False) -> None:
    """Load the models of the article stages now (once per process) rather than on the first article."""
    run_articles([Article(source="warm-up", raw=text) for text in _WARM_UP], keep_raw, None)


def process_all(
    items: Iterable[Article | Problem], keep_raw: bool = False, workers: int = 1, engine: Engine | None = None,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
) -> Iterator[Article | Problem]:
    """Article stages over a stream, in order, on ``engine`` (default: local with ``workers`` processes, never
    more than CPUs or articles)."""
    if engine is None:
        from syuzhet.engine import LocalEngine

        engine = LocalEngine(workers)
    return engine.map(items, keep_raw, max_seconds)


MIN_BODY_LETTERS = 40


def _body_letters(article: Article) -> int:
    body = (article.text[b.start:b.end] for b in article.blocks if b.kind in ("paragraph", "heading"))
    return sum(ch.isalpha() for piece in body for ch in piece)


Inputs = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def _paths(inputs: Inputs) -> list[str]:
    given = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    return [os.fspath(path) for path in given]


def stream(
    inputs: Inputs,
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    engine: Engine | None = None,
) -> Iterator[Article | Problem]:
    """Read and run the article stages: each input's article (or problem) in input order, one at a time."""
    return stream_items(read(_paths(inputs), max_bytes), keep_raw=keep_raw, workers=workers,
                        max_seconds=max_seconds, engine=engine)


def stream_items(
    items: Iterable[Article | Problem], *, keep_raw: bool = False, workers: int = 1,
    max_seconds: float | None = DEFAULT_MAX_SECONDS, engine: Engine | None = None,
) -> Iterator[Article | Problem]:
    """``stream`` over articles already read. Without the ``nlp`` extra, a first problem line says so (the
    articles are still read and cleaned)."""
    if not installed("nlp"):
        yield Problem("syuzhet[nlp]", hint("nlp") + "; articles are read, cleaned and stored without them",
                      skipped=False)
    for item in process_all(items, keep_raw, workers, engine, max_seconds):
        if isinstance(item, Article) and (letters := _body_letters(item)) < MIN_BODY_LETTERS:
            item = Problem(item.source, f"no article text ({letters} letters left after cleaning)")
        yield item


def analyze(
    inputs: Inputs,
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
    engine: Engine | None = None,
) -> Analysis:
    """Read, clean and analyse articles from files, folders, globs or '-' (strings or paths). The whole run
    is held in memory: for corpora of any size, ``syuzhet.flow`` streams into a store."""
    return analyze_items(read(_paths(inputs), max_bytes), keep_raw=keep_raw, workers=workers,
                         max_seconds=max_seconds, on_item=on_item, batch_stages=batch_stages, engine=engine)


def analyze_items(
    items: Iterable[Article | Problem],
    *,
    keep_raw: bool = False,
    workers: int = 1,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    on_item: Callable[[Article | Problem], None] | None = None,
    batch_stages: list[BatchStage] | None = None,
    engine: Engine | None = None,
) -> Analysis:
    """``analyze`` over articles already read (``readers.read_content`` for an uploaded body)."""
    result = Analysis()
    for item in stream_items(items, keep_raw=keep_raw, workers=workers, max_seconds=max_seconds, engine=engine):
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            result.problems.append(item)
        else:
            result.articles.append(item)
    for stage in available(BATCH_STAGES if batch_stages is None else batch_stages):
        stage(result)
    return result
