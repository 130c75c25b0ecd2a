"""The head of a dossier, what an analyst reads first: what happened (the title and the most widely stated
fact), when (the articles' dates and the days most articles mention), where (the places most articles name),
who (the people and organisations most articles name), which outlets and languages."""

from __future__ import annotations

from collections import Counter
from typing import Any

from syuzhet.model import Article, Entity, Fact

TOP_PLACES, TOP_ACTORS, TOP_DAYS = 3, 6, 2
WIDELY = 2  # in a story of three articles or more, the head names what at least two of them name


def spread(entities: list[Entity], members: set[str]) -> list[tuple[Entity, int, int]]:
    """(entity, articles mentioning it, mentions) for the entities the members mention, most widely named first."""
    rows = []
    for e in entities:
        arts = {m.article for m in e.mentions if m.article in members}
        if arts:
            rows.append((e, len(arts), sum(1 for m in e.mentions if m.article in members)))
    return sorted(rows, key=lambda r: (-r[1], -r[2], r[0].name))


def header(title: str | None, members: list[Article], facts: list[Fact], timeline: list[dict[str, Any]],
           entities: list[Entity], outlets: list[dict[str, Any]], languages: dict[str, int]) -> dict[str, Any]:
    ids = {a.id for a in members}
    ranked = spread(entities, ids)
    if len(ids) >= 3:  # one article's stray name (a tagging slip, a passing mention) is not who is involved
        ranked = [row for row in ranked if row[1] >= WIDELY]
    dates = sorted(a.date[:10] for a in members if a.date)
    days = sorted((e for e in timeline if e.get("precision") == "day"),
                  key=lambda e: (-len(e.get("articles", [])), e["date"]))
    top = next((f for f in facts if f.detail_of is None), None)
    return {
        "what": title or "",
        "fact": {"text": top.text, "articles": top.articles, "sources": top.sources} if top else None,
        "when": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                 "mentioned": [{"date": e["date"], "articles": len(e["articles"])} for e in days[:TOP_DAYS]]},
        "where": [{"name": e.name, "articles": n} for e, n, _ in ranked if e.type == "LOC"][:TOP_PLACES],
        "who": [{"name": e.name, "type": e.type, "articles": n} for e, n, _ in ranked
                if e.type in ("PER", "ORG")][:TOP_ACTORS],
        "outlets": [o["outlet"] for o in outlets],
        "languages": dict(Counter(languages).most_common()),
    }
