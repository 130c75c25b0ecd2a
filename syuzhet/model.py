"""Plain records that flow through the pipeline: one ``Article`` per input item, enriched stage by stage."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from syuzhet.stories.text import Sentence

_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    return names


def as_plain(record: Any) -> Any:
    """``dataclasses.asdict`` for these records, without its per-value deep copies (their values are strings,
    numbers and None, which a copy returns as they are, in lists, dicts and records, which are rebuilt here):
    the same dict, in a third of the time."""
    kind = type(record)
    if kind is list:
        return [as_plain(v) for v in record]
    if kind is dict:
        return {as_plain(k): as_plain(v) for k, v in record.items()}
    if kind is tuple:
        return tuple(as_plain(v) for v in record)
    if is_dataclass(record):
        return {name: as_plain(getattr(record, name)) for name in _field_names(kind)}
    return record


def record_dict(record: Any) -> dict[str, Any]:
    """``as_plain`` of one record."""
    out: dict[str, Any] = as_plain(record)
    return out


BlockKind = Literal["title", "subtitle", "byline", "heading", "paragraph"]
QuoteKind = Literal["direct", "indirect"]


@dataclass(slots=True)
class Block:
    """A span of an article's cleaned ``text``: the title, subtitle, byline (the author's name), a heading or
    a paragraph."""

    start: int
    end: int
    kind: BlockKind = "paragraph"
    lang: str = "und"


@dataclass(slots=True)
class Decision:
    """What a named rule did to a piece of the input: removed it, or took it as title, author, date..."""

    rule: str
    action: str
    text: str


@dataclass(slots=True)
class Mention:
    """A name in an article's text. ``type`` and ``lemma`` (base form) are filled by the NER stage."""

    article: str
    start: int
    end: int
    text: str
    type: str = ""
    lemma: str = ""


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(slots=True)
class Quote:
    """A quotation. ``speaker`` is an entity id once linked; ``speaker_start``/``speaker_end`` locate the
    name the speaker resolves to (a mention in the same article), ``rules`` say which rules decided."""

    article: str
    speaker: str | None
    speaker_text: str | None
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    rules: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(slots=True)
class Fact:
    """A claim and the articles stating it. ``evidence`` holds each article's own sentence; ``sources`` the
    outlets; ``single_source`` marks what only one outlet reports; ``disagreements`` lists values (numbers,
    dates) that outlets give differently for the same claim. A *detail* (``detail_of``: the position of its
    fact in the story's facts) is a ``value`` that only some of the fact's articles give."""

    text: str
    articles: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    single_source: bool = False
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    detail_of: int | None = None
    value: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(slots=True)
class Story:
    id: str
    title: str | None
    articles: list[str] = field(default_factory=list)
    summary: list[Fact] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    outlets: list[dict[str, Any]] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)
    framing: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    network: list[dict[str, Any]] = field(default_factory=list)
    explain: list[dict[str, Any]] = field(default_factory=list)
    header: dict[str, Any] = field(default_factory=dict)
    blind_spots: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return record_dict(self)


@dataclass(slots=True)
class Article:
    """One article. ``raw`` is the decoded input; every offset elsewhere points into ``text``."""

    source: str
    raw: str
    fmt: str = "text"
    id: str = ""
    outlet: str | None = None
    url: str | None = None
    lang: str = "und"
    date: str | None = None
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    photo_credit: str | None = None
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    duplicate_of: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    trace: list[Decision] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)  # analysed sentences (the ``segment`` stage)

    def as_dict(self) -> dict[str, Any]:
        """The public record of the output contract (``raw``, ``trace``, ``hints`` and ``sentences`` stay
        internal)."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "lang": self.lang,
            "date": self.date,
            "title": self.title,
            "subtitle": self.subtitle,
            "author": self.author,
            "photo_credit": self.photo_credit,
            "text": self.text,
            "blocks": [as_plain(b) for b in self.blocks],
            "duplicate_of": self.duplicate_of,
        }
