"""The batch stage: ``cluster_stories(analysis)`` fills ``analysis.stories`` (members and explain links)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from syuzhet.model import Article, Story
from syuzhet.stories.cluster import StoryIndex
from syuzhet.stories.features import EntitySpans, Features, entity_spans, features
from syuzhet.stories.text import sentences

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis


def article_order(article: Article) -> tuple[bool, str]:
    return (article.date is None, article.date or "")


def observed(articles: list[Article], index: StoryIndex | None = None,
             entities: dict[str, EntitySpans] | None = None) -> tuple[StoryIndex, dict[str, Features]]:
    """``index`` (a new one by default) with the articles' sentences and keys counted, and their features."""
    index = index or StoryIndex()
    entities = entities or {}
    sents = {a.id: sentences(a) for a in articles}
    for article in articles:
        if article.duplicate_of is None:
            index.observe_sentences(sents[article.id])
    feats: dict[str, Features] = {}
    for article in articles:
        feats[article.id] = features(article, sents[article.id], entities.get(article.id), index.is_boilerplate)
        index.observe(feats[article.id])
    return index, feats


def index_articles(articles: list[Article], index: StoryIndex | None = None,
                   entities: dict[str, EntitySpans] | None = None) -> StoryIndex:
    """Add articles to ``index`` (a new one by default): originals in date order, then their duplicates."""
    index, feats = observed(articles, index, entities)
    for article in in_order(articles):
        index.add(feats[article.id], article.duplicate_of, observed=True)
    return index


def in_order(articles: list[Article]) -> list[Article]:
    """The order stories are built in: originals by date (undated last), then duplicates."""
    return sorted(articles, key=lambda a: (a.duplicate_of is not None, *article_order(a)))


def cluster_stories(analysis: Analysis) -> None:
    """Group the analysis' articles into stories (batch stage)."""
    index = index_articles(analysis.articles, entities=entity_spans(analysis.entities))
    by_id = {a.id: a for a in analysis.articles}
    stories = []
    for state in index.stories.values():
        members = sorted(state.members, key=lambda i: (*article_order(by_id[i]), i))
        stories.append(Story(state.id, None, members, explain=[link.as_dict() for link in state.links]))
    stories.sort(key=lambda s: (-len(s.articles), s.id))
    analysis.stories = stories


def attach(index: StoryIndex, articles: list[Article],
           entities: dict[str, EntitySpans] | None = None) -> dict[str, str]:
    """Add new articles to an existing index without re-clustering: article id -> story id (an existing
    story, or a new one opened by the article). Cost per article: its features plus the candidate stories
    its rarest keys point to."""
    entities = entities or {}
    return {a.id: attach_one(index, a, entities.get(a.id)) for a in in_order(articles)}


def attach_one(index: StoryIndex, article: Article, entities: EntitySpans | None = None) -> str:
    """Put one article into its story (``attach`` for a single article; the store calls it per article)."""
    sents = sentences(article)
    if article.duplicate_of is None:
        index.observe_sentences(sents)
    feats = features(article, sents, entities, index.is_boilerplate)
    return index.add(feats, article.duplicate_of)
