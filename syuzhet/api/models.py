"""The service's schema: what each endpoint answers, as pydantic models with examples (the OpenAPI document
is generated from these). Records mirror the library's ``as_dict()`` output."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_ID = "9f2c4e1a7b3d5f60"


class Block(BaseModel):
    start: int
    end: int
    kind: str
    lang: str


class ArticleBrief(BaseModel):
    id: str = Field(examples=[_ID])
    source: str = Field(examples=["request#1"])
    outlet: str | None = Field(default=None, examples=["example.org"])
    url: str | None = Field(default=None, examples=["https://example.org/news/1"])
    lang: str = Field(examples=["ru"])
    date: str | None = Field(default=None, examples=["2025-03-14"])
    title: str | None = Field(default=None, examples=["Council approves the new budget"])
    duplicate_of: str | None = None
    story: str | None = Field(default=None, description="The stored story the article is in.", examples=["s" + _ID])


class Mention(BaseModel):
    start: int
    end: int
    text: str
    type: str
    lemma: str
    entity: str | None = None


class QuoteOut(BaseModel):
    article: str = Field(examples=[_ID])
    story: str | None = Field(default=None, examples=["s" + _ID])
    outlet: str | None = Field(default=None, examples=["example.org"])
    speaker: str | None = Field(default=None, description="The speaker's entity id, once linked.",
                                examples=["PER-smith"])
    speaker_text: str | None = Field(default=None, examples=["the minister"])
    kind: Literal["direct", "indirect"]
    text: str = Field(examples=["We will finish the bridge this year"])
    start: int
    end: int
    cue: str | None = Field(default=None, examples=["said"])
    rules: list[str] = Field(default_factory=list)


class ArticleOut(ArticleBrief):
    subtitle: str | None = None
    author: str | None = None
    photo_credit: str | None = None
    text: str
    blocks: list[Block]
    mentions: list[Mention]
    quotes: list[QuoteOut]


class StorySummary(BaseModel):
    id: str = Field(examples=["s" + _ID])
    title: str | None = Field(default=None, description="The title of the article that opened the story.")
    size: int = Field(description="Articles in the story (as of the listing's snapshot).", examples=[7])
    first: str | None = Field(default=None, description="The earliest article date.", examples=["2025-03-13"])
    last: str | None = Field(default=None, description="The latest article date.", examples=["2025-03-15"])
    languages: dict[str, int] = Field(examples=[{"ru": 5, "uk": 2}])


class StoryPage(BaseModel):
    stories: list[StorySummary]
    next: str | None = Field(default=None, description="Pass as `cursor` for the next page; null on the last page.")
    changes: str = Field(description="Pass as `after` to /v1/changes to follow what arrives after this listing.")


class Dossier(BaseModel):
    """A story's dossier: ``Story.as_dict()`` after ``describe_stories``, plus its articles in brief."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "s" + _ID, "title": "Council approves the new budget", "articles": [_ID], "summary": [], "facts": [],
        "timeline": [], "outlets": [], "languages": {"en": 1}, "framing": [], "quotes": [], "network": [],
        "explain": [], "header": {}, "blind_spots": [], "sources": []}]})

    id: str
    title: str | None
    articles: list[str]
    summary: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    outlets: list[dict[str, Any]]
    languages: dict[str, int]
    framing: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    network: list[dict[str, Any]]
    explain: list[dict[str, Any]]
    header: dict[str, Any] = Field(description="What, when, where, who, outlets, languages.")
    blind_spots: list[dict[str, Any]] = Field(description="What only one outlet or language reports, per outlet "
                                                          "and per language.")
    sources: list[ArticleBrief]


class EntityBrief(BaseModel):
    id: str = Field(examples=["PER-smith"])
    name: str = Field(examples=["John Smith"])
    type: str = Field(examples=["PER"])
    mentions: int = Field(examples=[12])
    articles: int = Field(examples=[4])


class EntityPage(BaseModel):
    entities: list[EntityBrief]
    next: str | None = Field(default=None, description="Pass as `cursor` for the next page (listing without `q`).")


class EntityStory(BaseModel):
    story: str
    articles: int = Field(description="Articles of the story that mention the entity.")


class EntityDetail(BaseModel):
    id: str = Field(examples=["PER-smith"])
    name: str = Field(examples=["John Smith"])
    type: str = Field(examples=["PER"])
    mentions: int
    articles: dict[str, int] = Field(description="Mentions per article.")
    outlets: dict[str, int] = Field(description="Mentions per outlet.", examples=[{"example.org": 3}])
    forms: dict[str, int] = Field(description="How the texts write it.", examples=[{"Smith": 2, "John Smith": 1}])
    stories: list[EntityStory]
    quotes: list[QuoteOut] = Field(description="What the entity said (the first ones stored).")


class QuotePage(BaseModel):
    quotes: list[QuoteOut]
    next: str | None = None


class SearchHit(BaseModel):
    article: ArticleBrief
    snippet: str = Field(examples=["… the [council] approved …"])


class SearchResult(BaseModel):
    hits: list[SearchHit]
    next: str | None = Field(default=None, description="Pass as `cursor` for the next page; null on the last page.")


class ChangeOut(BaseModel):
    story: str = Field(examples=["s" + _ID])
    created: bool = Field(description="The story is new since the cursor.")
    articles: list[str] = Field(description="Its articles that arrived since the cursor.")
    size: int = Field(description="Its size once these arrived.")


class ChangesPage(BaseModel):
    changes: list[ChangeOut]
    next: str = Field(description="Pass as `after` for what comes next (the same cursor when nothing came).")


class IngestItem(BaseModel):
    source: str = Field(examples=["request#1"])
    status: Literal["added", "stored", "skipped", "warning"] = Field(
        description="added: new in the store; stored: its content was already there; skipped: not an article "
                    "(see reason); warning: read, with a remark.")
    id: str | None = Field(default=None, examples=[_ID])
    duplicate_of: str | None = Field(default=None, description="The earlier copy this one reprints.")
    story: str | None = Field(default=None, examples=["s" + _ID])
    story_created: bool | None = Field(default=None, description="The article opened a new story.")
    title: str | None = None
    lang: str | None = None
    reason: str | None = Field(default=None, examples=["no article text (12 letters left after cleaning)"])


class IngestResult(BaseModel):
    items: list[IngestItem]
    added: int
    stored: int
    skipped: int


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str = Field(examples=["0.1.0"])
    articles: int
    stories: int
    read_only: bool
    ingest: Literal["ready", "starting", "off"]
