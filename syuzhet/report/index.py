"""The analysis document indexed for rendering: articles by id with their labels, entity mentions and quotes
located in their articles, story membership and duplicates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from syuzhet.report.data import (
    EMPTY,
    anchor,
    dicts,
    entity_class,
    integer,
    lang_code,
    outlet_label,
    safe_url,
    source_name,
    strings,
    text,
    title_label,
)
from syuzhet.report.spans import Span, article_body


@dataclass(slots=True)
class EntityRef:
    id: str
    name: str
    type: str
    css: str
    anchor: str


@dataclass(slots=True)
class Mention:
    entity: EntityRef
    article: str
    start: int
    end: int


@dataclass(slots=True)
class QuoteView:
    article: str
    speaker_key: str
    speaker: str
    speaker_entity: EntityRef | None
    kind: str
    text: str
    cue: str
    anchor: str
    start: int | None
    end: int | None


@dataclass(slots=True)
class ArticleView:
    id: str
    anchor: str
    record: dict[str, Any]
    outlet: str
    outlet_known: bool
    title: str
    titled: bool
    lang: str
    date: str
    author: str
    url: str
    source: str
    source_name: str
    duplicate_of: str
    copies: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    body: Markup = EMPTY
    body_has_title: bool = False
    mention_count: int = 0
    quote_count: int = 0


@dataclass(slots=True)
class Index:
    document: dict[str, Any]
    articles: dict[str, ArticleView]
    entities: dict[str, EntityRef]
    mentions: dict[str, list[Mention]]
    quotes: dict[str, list[QuoteView]]

    def article(self, article_id: str) -> ArticleView | None:
        return self.articles.get(article_id)


def _entity_refs(document: dict[str, Any]) -> tuple[dict[str, EntityRef], dict[str, list[Mention]]]:
    entities: dict[str, EntityRef] = {}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for number, entity in enumerate(dicts(document.get("entities"))):
        key = text(entity.get("id")) or f"entity{number}"
        name = text(entity.get("name")) or key
        ref = EntityRef(key, name, text(entity.get("type")), entity_class(entity.get("type")), anchor("e", key))
        entities[key] = ref
        for mention in dicts(entity.get("mentions")):
            start, end, article = integer(mention.get("start")), integer(mention.get("end")), mention.get("article")
            if start is not None and end is not None and isinstance(article, str) and start < end:
                mentions[article].append(Mention(ref, article, start, end))
    return entities, mentions


def _quote_views(document: dict[str, Any], entities: dict[str, EntityRef]) -> dict[str, list[QuoteView]]:
    quotes: dict[str, list[QuoteView]] = defaultdict(list)
    for quote in dicts(document.get("quotes")):
        article = quote.get("article")
        if not isinstance(article, str):
            continue
        speaker_id = text(quote.get("speaker"))
        entity = entities.get(speaker_id) if speaker_id else None
        speaker_text = text(quote.get("speaker_text"))
        name = entity.name if entity else speaker_text
        key = f"e:{entity.id}" if entity else (f"t:{speaker_text.casefold()}" if speaker_text else "")
        kind = text(quote.get("kind")) or "direct"
        own = quotes[article]
        own.append(QuoteView(
            article=article, speaker_key=key, speaker=name, speaker_entity=entity, kind=kind,
            text=text(quote.get("text")), cue=text(quote.get("cue")),
            anchor=anchor("q", f"{article}-{len(own)}"),
            start=integer(quote.get("start")), end=integer(quote.get("end")),
        ))
    return quotes


def _spans(mentions: list[Mention], quotes: list[QuoteView]) -> list[Span]:
    spans = []
    for quote in quotes:
        if quote.start is not None and quote.end is not None and quote.start < quote.end:
            who = quote.speaker or "unattributed"
            spans.append(Span(
                quote.start, quote.end, f"qt qt-{'indirect' if quote.kind == 'indirect' else 'direct'}",
                anchor=quote.anchor, title=f"{quote.kind} quote — {who}", rank=0,
            ))
    for mention in mentions:
        entity = mention.entity
        spans.append(Span(
            mention.start, mention.end, f"m {entity.css}", attrs=(("data-entity", entity.anchor),),
            title=f"{entity.name} ({entity.type or '?'})", rank=1,
        ))
    return spans


def build_index(document: dict[str, Any]) -> Index:
    entities, mentions = _entity_refs(document)
    quotes = _quote_views(document, entities)
    articles: dict[str, ArticleView] = {}
    for number, record in enumerate(dicts(document.get("articles"))):
        key = text(record.get("id")) or f"article{number}"
        outlet, outlet_known = outlet_label(record)
        title, titled = title_label(record)
        source = text(record.get("source"))
        view = ArticleView(
            id=key, anchor=anchor("article", key), record=record, outlet=outlet, outlet_known=outlet_known,
            title=title, titled=titled, lang=lang_code(record.get("lang")), date=text(record.get("date")),
            author=text(record.get("author")), url=safe_url(record.get("url")), source=source,
            source_name=source_name(source) if source else "", duplicate_of=text(record.get("duplicate_of")),
        )
        view.body, view.body_has_title = article_body(record, _spans(mentions[key], quotes[key]))
        view.mention_count, view.quote_count = len(mentions[key]), len(quotes[key])
        articles.setdefault(key, view)
    for view in articles.values():
        original = articles.get(view.duplicate_of)
        if original is not None and original is not view:
            original.copies.append(view.id)
    for number, story in enumerate(dicts(document.get("stories"))):
        story_id = text(story.get("id")) or f"story{number}"
        for article_id in dict.fromkeys(strings(story.get("articles"))):
            if article_id in articles:
                articles[article_id].stories.append(story_id)
    return Index(document, articles, entities, dict(mentions), dict(quotes))
