"""What the listing commands show, computed apart from how they print it: entities with their mention counts
per article and outlet, and quotes grouped by speaker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from syuzhet.model import Article, Entity, Quote
from syuzhet.stories.network import speaker_groups
from syuzhet.stories.outlets import outlet_of


@dataclass(slots=True)
class EntityCount:
    id: str
    name: str
    type: str
    mentions: int = 0
    articles: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "mentions": self.mentions,
                "articles": dict(self.articles.most_common()), "outlets": dict(self.outlets.most_common()),
                "forms": dict(self.forms.most_common())}


MentionRow = tuple[str, str, str, str, Article, int]  # entity id, name, type, mention text, article, how many


def count_mentions(rows: Iterable[MentionRow]) -> list[EntityCount]:
    """Mention rows -> one count per entity, most mentioned first."""
    counts: dict[str, EntityCount] = {}
    outlets: dict[str, str] = {}
    for eid, name, kind, text, article, n in rows:
        entry = counts.setdefault(eid, EntityCount(eid, name, kind))
        outlet = outlets.setdefault(article.id, outlet_of(article))
        entry.mentions += n
        entry.articles[article.id] += n
        entry.outlets[outlet] += n
        entry.forms[text] += n
    return sorted(counts.values(), key=lambda c: (-len(c.articles), -c.mentions, c.name))


def entity_rows(entities: list[Entity], articles: list[Article]) -> Iterable[MentionRow]:
    by_id = {a.id: a for a in articles}
    for entity in entities:
        for m in entity.mentions:
            if m.article in by_id:
                yield entity.id, entity.name, entity.type, m.text, by_id[m.article], 1


@dataclass(slots=True)
class SpeakerQuotes:
    speaker: str | None
    name: str
    quotes: list[Quote] = field(default_factory=list)

    def as_dict(self, outlet: dict[str, str]) -> dict[str, Any]:
        return {"speaker": self.speaker, "name": self.name,
                "quotes": [{"article": q.article, "outlet": outlet.get(q.article), "kind": q.kind, "text": q.text,
                            "speaker_text": q.speaker_text, "cue": q.cue, "start": q.start, "end": q.end,
                            "rules": q.rules} for q in self.quotes]}


UNATTRIBUTED = "(speaker not resolved)"


def by_speaker(quotes: Iterable[Quote], names: dict[str, str]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker entity (or, unresolved, by how the text names the speaker); most quoted
    first, quotes in article order."""
    groups = []
    for group in speaker_groups(quotes):
        first = group[0]
        name = names.get(first.speaker or "") or (first.speaker_text or "").strip() or UNATTRIBUTED
        groups.append(SpeakerQuotes(first.speaker, name, group))
    return sorted(groups, key=lambda g: (g.name == UNATTRIBUTED, -len(g.quotes), g.name))
