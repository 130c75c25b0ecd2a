"""One story's page, ready for the template: its header, cited summary, key facts, blind spots, framing,
timeline, quotes by speaker, the entity graph and its sources. Fields a story lacks come out empty, never as
errors; fields the page does not know stay in analysis.json."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from syuzhet.report import dossier, graph
from syuzhet.report.data import EMPTY, anchor, dicts, strings, text
from syuzhet.report.index import ArticleView, EntityRef, Index, QuoteView

TEXT_KEYS = ("text", "claim", "event", "title", "label", "summary", "description", "what")
DATE_KEYS = ("date", "when", "time", "day", "start")
TIMELINE_SHOWN = 12
QUOTES_SHOWN = 3


@dataclass(slots=True)
class Source:
    number: int
    article: ArticleView
    in_story: bool


@dataclass(slots=True)
class Cited:
    text: str
    cites: list[Source]
    extra: Markup = EMPTY


@dataclass(slots=True)
class Speaker:
    name: str
    entity: EntityRef | None
    quotes: list[tuple[QuoteView, Source | None]]


@dataclass(slots=True)
class EntityRow:
    entity: EntityRef
    mentions: int
    sources: list[Source]


@dataclass(slots=True)
class StoryView:
    id: str
    anchor: str
    page: str
    title: str
    titled: bool
    sources: list[Source]
    langs: list[tuple[str, int]]
    dates: tuple[str, str]
    outlets: list[tuple[str, bool]] = field(default_factory=list)
    header: dossier.Header | None = None
    summary: list[Cited] = field(default_factory=list)
    facts: list[dossier.FactView] = field(default_factory=list)
    blind_spots: list[dossier.BlindSpot] = field(default_factory=list)
    frames: list[dossier.Frame] = field(default_factory=list)
    timeline: list[tuple[str, Cited]] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    graph: Markup = EMPTY
    entities: list[EntityRow] = field(default_factory=list)

    @property
    def fold(self) -> int:
        return dossier.FOLD_AFTER

    @property
    def cards(self) -> int:
        return dossier.CARDS_SHOWN

    @property
    def outlet_names(self) -> list[str]:
        return [name for name, _ in self.outlets]

    @property
    def names(self) -> list[str]:
        return [row.entity.name for row in self.entities[:3]]


class _Citer:
    """Numbers the story's sources [1]..[n]; an article cited but not in the story gets the next number."""

    def __init__(self, index: Index, article_ids: list[str]) -> None:
        self.index = index
        self.sources: list[Source] = []
        self.by_id: dict[str, Source] = {}
        for article_id in article_ids:
            self.add(article_id, in_story=True)

    def add(self, article_id: str, in_story: bool = False) -> Source | None:
        if article_id in self.by_id:
            return self.by_id[article_id]
        article = self.index.article(article_id)
        if article is None:
            return None
        source = Source(len(self.sources) + 1, article, in_story)
        self.sources.append(source)
        self.by_id[article_id] = source
        return source

    def many(self, article_ids: list[str]) -> list[Source]:
        found = [source for article_id in article_ids if (source := self.add(article_id))]
        return sorted(found, key=lambda source: source.number)

    def link(self, value: str) -> Markup | None:
        source = self.by_id.get(value) or (self.add(value) if value in self.index.articles else None)
        return cite_html(source) if source else None


def cite_html(source: Source) -> Markup:
    article = source.article
    return Markup('<a class="cite" href="#{}" title="{} — {}">[{}]</a>').format(
        article.anchor, article.outlet, article.title, source.number
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str:
    return next((value for key in keys if (value := text(record.get(key)))), "")


def _cited(record: dict[str, Any], citer: _Citer) -> Cited:
    return Cited(_first(record, TEXT_KEYS), citer.many(strings(record.get("articles"))))


def _speakers(story_ids: list[str], index: Index, citer: _Citer) -> list[Speaker]:
    groups: dict[str, Speaker] = {}
    for article_id in story_ids:
        for quote in index.quotes.get(article_id, []):
            speaker = groups.setdefault(
                quote.speaker_key, Speaker(quote.speaker or "Unattributed", quote.speaker_entity, [])
            )
            speaker.quotes.append((quote, citer.by_id.get(article_id)))
    return sorted(groups.values(), key=lambda s: (s.name == "Unattributed", -len(s.quotes), s.name.casefold()))


def _entities(story_ids: list[str], index: Index, citer: _Citer) -> list[EntityRow]:
    rows: dict[str, EntityRow] = {}
    for article_id in story_ids:
        for mention in index.mentions.get(article_id, []):
            row = rows.setdefault(mention.entity.id, EntityRow(mention.entity, 0, []))
            row.mentions += 1
            source = citer.by_id.get(article_id)
            if source and all(known is not source for known in row.sources):
                row.sources.append(source)
    return sorted(rows.values(), key=lambda r: (-r.mentions, r.entity.name.casefold()))


def build_story(record: dict[str, Any], number: int, index: Index) -> StoryView:
    story_id = text(record.get("id")) or f"story{number}"
    article_ids = [i for i in dict.fromkeys(strings(record.get("articles"))) if i in index.articles]
    citer = _Citer(index, article_ids)
    members = [source.article for source in citer.sources]
    title = text(record.get("title"))
    langs = Counter(article.lang or "und" for article in members)
    dates = sorted(article.date for article in members if article.date)
    page_anchor = anchor("story", story_id)
    view = StoryView(
        id=story_id, anchor=page_anchor, page=f"stories/{page_anchor}.html",
        title=title or (members[0].title if members else f"Story {story_id}"), titled=bool(title),
        sources=citer.sources, langs=langs.most_common(), dates=(dates[0], dates[-1]) if dates else ("", ""),
    )
    view.outlets = list({a.outlet: a.outlet_known for a in members}.items())
    outlet_of = {a.id: a.outlet for a in index.articles.values()}
    view.facts = dossier.facts(dicts(record.get("facts")) or dicts(record.get("claims")), citer.many,
                               len(view.outlets), lambda i: outlet_of.get(i, "?"))
    view.header = dossier.header(record, view.title, view.facts)
    view.summary = [_cited(item, citer) for item in dicts(record.get("summary"))]
    view.blind_spots = dossier.blind_spots(dicts(record.get("blind_spots")))
    view.frames = dossier.frames(dicts(record.get("framing")))
    for item in record.get("timeline") or []:
        if isinstance(item, dict):
            view.timeline.append((_first(item, DATE_KEYS), _cited(item, citer)))
        elif isinstance(item, str):
            view.timeline.append(("", Cited(item, [])))
    view.speakers = _speakers(article_ids, index, citer)
    view.entities = _entities(article_ids, index, citer)
    network = graph.cooccurrence(members, index.mentions)
    view.graph = graph.svg(network, f"Names mentioned together in {view.title}", view.anchor)
    return view


def story_meta(view: StoryView) -> Markup:
    parts = [f"{len([s for s in view.sources if s.in_story])} articles", f"{len(view.outlets)} outlets"]
    parts.append(", ".join(f"{lang} {n}" for lang, n in view.langs))
    first, last = view.dates
    if first:
        parts.append(first if first == last else f"{first} – {last}")
    return escape(" · ".join(part for part in parts if part))
