"""The dossier parts of a story page, read defensively from the story record: the header (what, when, where,
who), key facts with 'N of M outlets' and their details and disagreements, blind spots and framing. Only
words and names reach the page; ids and internal keys stay in analysis.json."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from syuzhet.report.data import dicts, integer, strings, text

Cites = Callable[[list[str]], list[Any]]  # article ids -> the page's sources
FOLD_AFTER = 20  # key facts shown before the 'more' fold
CARDS_SHOWN = 6  # blind-spot and framing cards shown before the fold (a story of 45 outlets has 45 of each)


@dataclass(slots=True)
class Detail:
    value: str
    outlets: list[str]
    cites: list[Any]


@dataclass(slots=True)
class FactView:
    text: str
    cites: list[Any]
    outlets: list[str]
    total: int
    details: list[Detail] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    @property
    def share(self) -> str:
        n = len(self.outlets)
        return f"{n} of {self.total} outlet{'s' if self.total != 1 else ''}"


@dataclass(slots=True)
class Listed:
    text: str
    outlets: int


@dataclass(slots=True)
class BlindSpot:
    scope: str
    name: str
    only_here: list[Listed]
    only_total: int
    missing: list[Listed]
    missing_total: int


@dataclass(slots=True)
class Frame:
    scope: str
    name: str
    articles: int
    compared_with: str
    words: list[str]
    actors: list[tuple[str, int, bool]]
    tone: list[tuple[str, str, int, int]]  # name, label, positive, negative


@dataclass(slots=True)
class Header:
    what: str
    fact: FactView | None
    first: str
    last: str
    days: list[str]
    where: list[str]
    who: list[str]


def _outlets(record: dict[str, Any], cites: list[Any]) -> list[str]:
    named = strings(record.get("sources"))
    return named or sorted({source.article.outlet for source in cites})


def _disagreements(record: dict[str, Any], outlet_of: Callable[[str], str]) -> list[str]:
    """'14 документов (outlet A) vs 15 документов (outlet B)': each value with its word as the articles write it
    (the record's unit is a stem, for comparing, not for reading)."""
    out = []
    texts = [text(e.get("text")) for e in dicts(record.get("evidence"))] or [text(record.get("text"))]
    for d in dicts(record.get("disagreements")):
        values = d.get("values")
        if not isinstance(values, dict):
            continue
        unit = text(d.get("unit"))
        given = [f"{_written(value, texts) if unit != 'date' else _day_month(value)} "
                 f"({', '.join(sorted({outlet_of(a) for a in strings(arts)}))})" for value, arts in values.items()]
        out.append(" vs ".join(given))
    return out


def _day_month(value: str) -> str:
    """'11-12' (month-day) as '12.11', as written in the articles' languages."""
    month, _, day = value.partition("-")
    return f"{int(day)}.{month}" if day.isdigit() else value


def _written(value: str, texts: list[str]) -> str:
    """A number with the word after it as one of ``texts`` writes it ('150 рейсов'), else the number alone."""
    for t in texts:
        if written := re.search(rf"(?<![\d.,]){re.escape(value)}\s+([^\W\d_]+)", t):
            return f"{value} {written.group(1)}"
    return value


def _value(record: dict[str, Any]) -> str:
    value = record.get("value")
    if not isinstance(value, dict):
        return ""
    shown = text(value.get("value"))
    if text(value.get("unit")) == "date" and len(shown) == 5:
        return _day_month(shown)
    return _written(shown, [text(record.get("text"))])


def facts(records: list[dict[str, Any]], cites: Cites, total: int, outlet_of: Callable[[str], str]) -> list[FactView]:
    out: list[FactView] = []
    position: dict[int, FactView] = {}
    for n, record in enumerate(records):
        cited = cites(strings(record.get("articles")))
        parent = integer(record.get("detail_of"))
        if parent is not None and parent in position:
            position[parent].details.append(Detail(_value(record) or text(record.get("text")),
                                                   _outlets(record, cited), cited))
            continue
        shown = text(record.get("text"))
        if not shown:
            continue
        view = FactView(shown, cited, _outlets(record, cited), total, [], _disagreements(record, outlet_of))
        position[n] = view
        out.append(view)
    return out


def _listed(items: list[dict[str, Any]]) -> list[Listed]:
    return [Listed(t, integer(i.get("outlets")) or 0) for i in items if (t := text(i.get("text")))]


def blind_spots(records: list[dict[str, Any]]) -> list[BlindSpot]:
    out = []
    for r in records:
        only, missing = _listed(dicts(r.get("only_here"))), _listed(dicts(r.get("missing")))
        if not only and not missing:
            continue
        out.append(BlindSpot(text(r.get("scope")) or "outlet", text(r.get("name")) or "?", only,
                             integer(r.get("only_here_total")) or len(only), missing,
                             integer(r.get("missing_total")) or len(missing)))
    return sorted(out, key=lambda b: (b.scope != "language", -b.only_total, -b.missing_total))


def _tone_label(score: float) -> str:
    return "warm" if score >= 0.5 else "critical" if score <= -0.5 else "mixed" if score else "neutral"


def frames(records: list[dict[str, Any]]) -> list[Frame]:
    out = []
    for r in records:
        name = text(r.get("outlet")) or text(r.get("language"))
        if not name:
            continue
        words = [w for d in dicts(r.get("distinctive")) if (w := text(d.get("word")) or text(d.get("term")))]
        actors = [(n, integer(a.get("mentions")) or 0, a.get("only_here") is True)
                  for a in dicts(r.get("actors")) if (n := text(a.get("name")))]
        tone = []
        for t in dicts(r.get("tone")):
            score = t.get("score")
            if (label := text(t.get("name"))) and isinstance(score, int | float):
                tone.append((label, _tone_label(float(score)), integer(t.get("positive")) or 0,
                             integer(t.get("negative")) or 0))
        if words or actors or tone:
            out.append(Frame(text(r.get("scope")) or "outlet", name, len(strings(r.get("articles"))),
                             text(r.get("compared_with")), words, actors, tone))
    return sorted(out, key=lambda f: (f.scope != "language", -f.articles, -len(f.words)))


def header(record: dict[str, Any], title: str, key: list[FactView]) -> Header:
    h = record.get("header") if isinstance(record.get("header"), dict) else {}
    assert isinstance(h, dict)
    when = h.get("when") if isinstance(h.get("when"), dict) else {}
    assert isinstance(when, dict)
    days = [text(d.get("date")) for d in dicts(when.get("mentioned")) if text(d.get("date"))]
    return Header(
        what=text(h.get("what")) or title, fact=key[0] if key else None,
        first=text(when.get("first")), last=text(when.get("last")), days=days,
        where=[n for d in dicts(h.get("where")) if (n := text(d.get("name")))],
        who=[n for d in dicts(h.get("who")) if (n := text(d.get("name")))],
    )
