"""One story's dossier, ready for the template: sources, cited summary, claims by outlet, framing, timeline,
quotes by speaker and the entity graph. Fields a story lacks come out empty, never as errors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from syuzhet.report import graph
from syuzhet.report.data import EMPTY, anchor, dicts, first_block_text, shorten, strings, text
from syuzhet.report.generic import value_html
from syuzhet.report.index import ArticleView, EntityRef, Index, QuoteView

KNOWN_FIELDS = {"id", "title", "articles", "summary", "facts", "claims", "timeline", "framing"}
TEXT_KEYS = ("text", "claim", "event", "title", "label", "summary", "description", "what")
DATE_KEYS = ("date", "when", "time", "day", "start")
DISPUTE_LISTS = ("disputed_by", "contradicted_by", "contradicts", "disagree", "disagreeing", "denied_by", "against")
STANCE_MAPS = ("stances", "stance", "positions")
NEGATIVE = ("contradict", "disput", "deni", "deny", "disagree", "against", "refut", "oppos", "reject")


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
class Column:
    outlet: str
    known: bool
    sources: list[Source]
    reported: int = 0


@dataclass(slots=True)
class Cell:
    state: str  # "yes", "no", "dispute", "variant"
    note: str = ""


@dataclass(slots=True)
class Claim:
    text: str
    cites: list[Source]
    cells: list[Cell]
    outlets: int
    single: bool
    disputed: bool
    note: str = ""


@dataclass(slots=True)
class FramingRow:
    source: Source
    headline: str
    lead: str
    names: list[tuple[str, int]]
    voices: list[tuple[str, int]]
    facts: int
    exclusive: int


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
    title: str
    titled: bool
    sources: list[Source]
    langs: list[tuple[str, int]]
    dates: tuple[str, str]
    summary: list[Cited] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: Markup = EMPTY
    framing_rows: list[FramingRow] = field(default_factory=list)
    timeline: list[tuple[str, Cited]] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    graph: Markup = EMPTY
    entities: list[EntityRow] = field(default_factory=list)
    extra: list[tuple[str, Markup]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return [column.outlet for column in self.columns]


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
        return [source for article_id in article_ids if (source := self.add(article_id))]

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


def _dispute_cells(fact: dict[str, Any]) -> tuple[dict[str, Cell], bool, str]:
    """Per-article cells from whatever disagreement fields a fact carries, whether it is disputed, a note."""
    cells: dict[str, Cell] = {}
    for key in DISPUTE_LISTS:
        for article_id in strings(fact.get(key)):
            cells[article_id] = Cell("dispute", "disputes this claim")
    for key in STANCE_MAPS:
        stances = fact.get(key)
        if isinstance(stances, dict):
            for article_id, stance in stances.items():
                word = text(stance) if isinstance(stance, str) else str(stance)
                negative = word.lower() in ("no", "false") or any(word.lower().startswith(p) for p in NEGATIVE)
                cells[str(article_id)] = Cell("dispute" if negative else "yes", word)
    variants = dicts(fact.get("variants"))
    for number, variant in enumerate(variants):
        letter = chr(ord("A") + number % 26)
        for article_id in strings(variant.get("articles")):
            cells[article_id] = Cell("variant", f"{letter}: {_first(variant, TEXT_KEYS)}")
    flag = next((fact.get(k) for k in ("disputed", "disagreement", "conflict", "contradiction") if fact.get(k)), None)
    note = flag if isinstance(flag, str) else ""
    disputed = len(variants) > 1 or any(c.state == "dispute" for c in cells.values()) or bool(flag)
    return cells, disputed, note


def _claims(facts: list[dict[str, Any]], columns: list[Column], citer: _Citer) -> list[Claim]:
    claims = []
    for fact in facts:
        cited = _cited(fact, citer)
        reporting = {source.article.id for source in cited.cites}
        special, disputed, note = _dispute_cells(fact)
        cells = []
        for column in columns:
            ids = [source.article.id for source in column.sources]
            marks = [special[i] for i in ids if i in special]
            if any(mark.state == "dispute" for mark in marks):
                cells.append(next(mark for mark in marks if mark.state == "dispute"))
            elif marks:
                cells.append(marks[0])
            else:
                cells.append(Cell("yes") if reporting.intersection(ids) else Cell("no"))
        for column, cell in zip(columns, cells, strict=True):
            column.reported += cell.state in ("yes", "variant")
        outlets = sum(1 for cell in cells if cell.state in ("yes", "variant"))
        claims.append(Claim(cited.text, cited.cites, cells, outlets, outlets == 1, disputed, note))
    return claims


def _columns(sources: list[Source]) -> list[Column]:
    columns: dict[str, Column] = {}
    for source in sources:
        if source.in_story:
            article = source.article
            columns.setdefault(article.outlet, Column(article.outlet, article.outlet_known, [])).sources.append(source)
    return list(columns.values())


def _framing_rows(story: StoryView, index: Index) -> list[FramingRow]:
    reported: Counter[int] = Counter()
    exclusive: Counter[int] = Counter()
    for claim in story.claims:
        numbers = {source.number for source in claim.cites}
        reported.update(numbers)
        if len(numbers) == 1:
            exclusive.update(numbers)
    rows = []
    for source in story.sources:
        if not source.in_story:
            continue
        article = source.article
        names = Counter(m.entity.name for m in index.mentions.get(article.id, []))
        voices = Counter(q.speaker or "unattributed" for q in index.quotes.get(article.id, []))
        lead = text(article.record.get("subtitle")) or _lead(article)
        rows.append(FramingRow(
            source, article.title if article.titled else "", shorten(lead, 240), names.most_common(4),
            voices.most_common(4), reported[source.number], exclusive[source.number],
        ))
    return rows


def _lead(article: ArticleView) -> str:
    return first_block_text(article.record, ("paragraph",))


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
    view = StoryView(
        id=story_id, anchor=anchor("story", story_id),
        title=title or (members[0].title if members else f"Story {story_id}"), titled=bool(title),
        sources=citer.sources, langs=langs.most_common(), dates=(dates[0], dates[-1]) if dates else ("", ""),
    )
    view.summary = [_cited(item, citer) for item in dicts(record.get("summary"))]
    view.columns = _columns(citer.sources)
    facts = dicts(record.get("claims")) or dicts(record.get("facts"))
    view.claims = _claims(facts, view.columns, citer)
    framing = record.get("framing")
    if framing:
        view.framing = value_html(framing, citer.link)
    view.framing_rows = _framing_rows(view, index)
    for item in record.get("timeline") or []:
        if isinstance(item, dict):
            cited = _cited(item, citer)
            rest = {k: v for k, v in item.items() if k not in (*TEXT_KEYS, *DATE_KEYS, "articles")}
            cited.extra = value_html(rest, citer.link) if rest else EMPTY
            view.timeline.append((_first(item, DATE_KEYS), cited))
        elif isinstance(item, str):
            view.timeline.append(("", Cited(item, [])))
    view.speakers = _speakers(article_ids, index, citer)
    view.entities = _entities(article_ids, index, citer)
    network = graph.cooccurrence(members, index.mentions)
    view.graph = graph.svg(network, f"Names mentioned together in {view.title}", view.anchor)
    view.extra = [
        (key.replace("_", " "), value_html(value, citer.link))
        for key, value in record.items() if key not in KNOWN_FIELDS and value not in (None, "", [], {})
    ]
    return view


def story_meta(view: StoryView) -> Markup:
    parts = [f"{len([s for s in view.sources if s.in_story])} sources", f"{len(view.columns)} outlets"]
    parts.append(", ".join(f"{lang} {n}" for lang, n in view.langs))
    first, last = view.dates
    if first:
        parts.append(first if first == last else f"{first} – {last}")
    return escape(" · ".join(part for part in parts if part))
