"""Stored stories described one at a time: each story's articles, entities and quotes are read from the store,
the dossier stages run on them (``describe_story``), and the story is handed on before the next is read, so
describing every story of a store of any size holds one story at a time.

What a dossier needs from beyond its story comes from the whole store, as ``describe_stories`` takes it from
the whole run: site furniture is a sentence the story index counted in ``BOILERPLATE_MIN`` or more original
articles, and framing's prior is the word counts of every stored article's sentences without furniture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from syuzhet.model import Entity, Mention
from syuzhet.pipeline import Analysis
from syuzhet.store.db import Store
from syuzhet.stories.dossier import BOILERPLATE_MIN, describe_story
from syuzhet.stories.framing import sentence_terms
from syuzhet.stories.text import Sentence, fingerprint


def furniture(store: Store) -> set[int]:
    """Fingerprints of the sentences that recur in ``BOILERPLATE_MIN`` or more stored original articles."""
    rows = store.db.execute("SELECT key FROM story_fingerprints WHERE n >= ?", (BOILERPLATE_MIN,))
    return {int(r[0]) for r in rows}


def without_furniture(sents: list[Sentence], furniture: set[int]) -> list[Sentence]:
    return [s for s in sents if len(s.words) < 3 or fingerprint(s) not in furniture]


def background(store: Store, furniture: set[int]) -> Counter[str]:
    """Framing's prior: the terms of every stored article's sentences, furniture left out."""
    counts: Counter[str] = Counter()
    for article in store.articles():
        for s in without_furniture(store.sentences_of(article), furniture):
            counts.update(k for k, _ in sentence_terms(s))
    return counts


def described(store: Store, story_ids: list[str] | None = None) -> Iterator[Analysis]:
    """Each story of ``story_ids`` (default: every stored story, largest first) as an ``Analysis`` of that story
    alone (its articles, entities and quotes) with its dossier filled."""
    ids = story_ids if story_ids is not None else store.story_ids()
    if not ids:
        return  # nothing to describe (a run without the nlp extra has no stories, and no morphology to read)
    found = furniture(store)
    prior = background(store, found)
    for sid in ids:
        analysis = store.analysis([sid])
        [story] = analysis.stories
        order = {article_id: n for n, article_id in enumerate(story.articles)}  # by date, as the batch path
        analysis.articles.sort(key=lambda a: order[a.id])
        analysis.quotes = [q for a in analysis.articles for q in a.quotes]
        sents = {a.id: without_furniture(store.sentences_of(a), found) for a in analysis.articles}
        describe_story(story, analysis.articles, analysis.entities, analysis.quotes, sents, prior)
        yield analysis


def loose(store: Store, page: int) -> Iterator[Analysis]:
    """Stored articles in no story (a run without the ``nlp`` extra has none in a story), ``page`` at a time,
    each page an ``Analysis`` with their mentions, quotes and entities."""
    ids: list[str] = []
    for (article_id,) in store.db.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article FROM "
                                          "story_members) ORDER BY date IS NULL, date, rowid"):
        ids.append(str(article_id))
        if len(ids) == page:
            yield _page(store, ids)
            ids = []
    if ids:
        yield _page(store, ids)


def _page(store: Store, ids: list[str]) -> Analysis:
    result = Analysis()
    found: dict[str, Entity] = {}
    for article_id in ids:
        article = store.get(article_id)
        if article is None:
            continue
        result.articles.append(store.with_findings(article))
        result.quotes += article.quotes
        for entity, name, etype, start, end, text, kind, lemma in store.db.execute(
                "SELECT m.entity, coalesce(e.name, m.text), coalesce(e.type, m.type), m.start, m.end, m.text, m.type, "
                "m.lemma FROM mentions m LEFT JOIN entities e ON e.id = m.entity WHERE m.entity IS NOT NULL AND "
                "m.article = ? ORDER BY m.start", (article_id,)):
            found.setdefault(entity, Entity(entity, name, etype)).mentions.append(
                Mention(article_id, start, end, text, kind, lemma))
    result.entities = sorted(found.values(), key=lambda e: e.id)
    return result
